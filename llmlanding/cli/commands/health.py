"""`check`: how sound the learner's data is, and its repair."""

from __future__ import annotations

from typing import Annotated

import typer

from llmlanding.cli.commands.shared import delegate


@delegate("health.check")
def check(
    ctx: typer.Context,
    repair: Annotated[
        bool,
        typer.Option(
            "--repair",
            help="Move bad changes into the quarantine (kept in backups, never deleted) and rebuild the progress "
            "table and the search index.",
        ),
    ] = False,
) -> None:
    """Check the database, every logged change, the search index and the journal; exit 1 if anything is wrong."""
