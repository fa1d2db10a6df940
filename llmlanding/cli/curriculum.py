"""`llmlanding curriculum ...`: check a roadmap file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from llmlanding.cli.output import show
from llmlanding.cli.state import state
from llmlanding.roadmap.loader import load_outline
from llmlanding.views.roadmap import counts_line

curriculum_app = typer.Typer(help="Check roadmap files.", no_args_is_help=True)


@curriculum_app.command("validate")
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(help="The roadmap file to check. [default: the active roadmap]", show_default=False),
    ] = None,
) -> None:
    """Check a roadmap file and print its counts, or every problem as FILE:LINE:COL: message."""
    app_state = state(ctx)
    target = path if path is not None else app_state.settings.curriculum
    outline = load_outline(target)
    show(Text(f"{target}: ok — {counts_line(outline, app_state.lang)}"))
