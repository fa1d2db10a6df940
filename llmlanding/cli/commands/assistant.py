"""`mcp`: the learner's record served to their AI assistant."""

from __future__ import annotations

from typing import Annotated

import typer

from llmlanding.cli.commands.shared import delegate


@delegate("assistant.serve")
def mcp(
    ctx: typer.Context,
    allow_writes: Annotated[
        bool,
        typer.Option(
            "--allow-writes",
            help="Let the assistant record phases done, notes and review ratings (log marks them; undo works).",
        ),
    ] = False,
) -> None:
    """Serve your roadmap, progress and notes to an AI assistant: an MCP server on stdin/stdout.

    Needs the optional extra: pip install 'llmlanding[mcp]'. Read-only unless --allow-writes."""
