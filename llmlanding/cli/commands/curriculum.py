"""`llmlanding curriculum ...`: check a roadmap file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from llmlanding.cli.commands.shared import delegate

curriculum_app = typer.Typer(help="Check roadmap files.", no_args_is_help=True)


@curriculum_app.command("validate")
@delegate("curriculum.validate")
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(help="The roadmap file to check. [default: the active roadmap]", show_default=False),
    ] = None,
) -> None:
    """Check a roadmap file and print its counts, or every problem as FILE:LINE:COL: message."""
