"""`study`: the interactive study screen."""

from __future__ import annotations

import typer

from llmlanding.cli.commands.shared import delegate


@delegate("study.study")
def study(ctx: typer.Context) -> None:
    """Study in a full-screen view: the roadmap tree, the selected item, one key per action (? lists them)."""
