"""`llmlanding curriculum ...`: check a roadmap file, make one from markdown."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from llmlanding.cli.commands.shared import (
    ForceOption,
    JsonOption,
    OutputOption,
    complete_edition,
    complete_roadmap_id,
    delegate,
)


class Language(StrEnum):
    zh = "zh"
    en = "en"


curriculum_app = typer.Typer(
    help="Your roadmaps: list, add and choose them; check roadmap files, make one from markdown; upgrade editions.",
    no_args_is_help=True,
)


@curriculum_app.command("list")
@delegate("curriculum.list_roadmaps")
def list_roadmaps(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List the roadmaps of this home, bundled and added, with edition, progress and file; the active one marked."""


@curriculum_app.command("add")
@delegate("curriculum.add")
def add(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(metavar="FILE", help="A roadmap file (YAML).")],
    force: Annotated[
        bool, typer.Option("--force", help="Register it even if its id is registered to another file.")
    ] = False,
) -> None:
    """Check a roadmap file and register it in this home under its id; its progress is kept apart from every
    other roadmap's."""


@curriculum_app.command("use")
@delegate("curriculum.use")
def use(
    ctx: typer.Context,
    roadmap_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="A roadmap id, as `curriculum list` shows.", autocompletion=complete_roadmap_id
        ),
    ],
) -> None:
    """Make a roadmap the active one: commands run without --curriculum use it (remembered)."""


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


@curriculum_app.command("import")
@delegate("curriculum.import_markdown")
def import_markdown(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(metavar="FILE.md", help="A markdown roadmap: a README, an awesome-list.")],
    output: OutputOption = "-",
    force: ForceOption = False,
    language: Annotated[
        Language | None,
        typer.Option(
            "--language",
            help="The language of the file's text. [default: guessed from its titles]",
            show_default=False,
        ),
    ] = None,
    id: Annotated[
        str | None,
        typer.Option("--id", metavar="SLUG", help="The roadmap's id. [default: from its title or file name]"),
    ] = None,
) -> None:
    """Make a roadmap file from a markdown roadmap: headings become chapters and sections, list items and table
    rows topics, links links, arXiv links papers."""


EditionArgument = Annotated[
    str | None,
    typer.Argument(
        metavar="[EDITION]",
        help="A bundled edition, e.g. 2024-12-28. [default: the roadmap file's own edition]",
        show_default=False,
        autocompletion=complete_edition,
    ),
]


@curriculum_app.command("diff")
@delegate("curriculum.diff")
def diff(ctx: typer.Context, edition: EditionArgument = None, as_json: JsonOption = False) -> None:
    """Show what upgrading to another edition of the roadmap would do: items moved, merged, split, removed and
    added, and where your progress and notes would go."""


@curriculum_app.command("upgrade")
@delegate("curriculum.upgrade")
def upgrade(
    ctx: typer.Context,
    edition: EditionArgument = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Upgrade without asking.")] = False,
) -> None:
    """Carry your progress and notes to another edition of the roadmap, after a backup, as one change that
    `undo` takes back."""
