"""`export report|notes|json` and `import FILE`: the learner's data out as markdown or JSON, and back in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from llmlanding.cli.commands.shared import ForceOption, OutputOption, WithinOption, delegate

export_app = typer.Typer(help="Write your progress and notes as markdown, or everything as JSON.", no_args_is_help=True)


@export_app.command("report")
@delegate("exporting.export_report")
def export_report(
    ctx: typer.Context,
    output: OutputOption = "-",
    within: WithinOption = None,
    force: ForceOption = False,
) -> None:
    """A markdown progress report: overall, per chapter, charts, and every topic as a task with its note."""


@export_app.command("notes")
@delegate("exporting.export_notes")
def export_notes(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="DIR", help="The folder to write into.")] = Path(
        "llmlanding-notes"
    ),
    force: ForceOption = False,
) -> None:
    """Every note as markdown, one file per chapter with front matter, ready for a blog or a vault."""


@export_app.command("calendar")
@delegate("exporting.export_calendar")
def export_calendar(
    ctx: typer.Context,
    output: OutputOption = "-",
    weeks: Annotated[int, typer.Option("--weeks", min=1, max=52, help="How many weeks ahead to plan.")] = 4,
    force: ForceOption = False,
) -> None:
    """The coming weeks' study plan as an iCalendar file: the active path's topics at your goal's rate (or your
    pace), on the days you study, as all-day events that a newer export updates."""


@export_app.command("json")
@delegate("exporting.export_json")
def export_json(
    ctx: typer.Context,
    output: OutputOption = "-",
    force: ForceOption = False,
) -> None:
    """A complete backup: every change ever logged (progress, phases, notes) and the active path."""


@export_app.command("bibtex")
@delegate("papers.export_bibtex")
def export_bibtex(
    ctx: typer.Context,
    output: OutputOption = "-",
    within: WithinOption = None,
    read: Annotated[bool, typer.Option("--read", help="Only the papers you have read.")] = False,
    force: ForceOption = False,
) -> None:
    """The roadmap's papers as BibTeX, each once: arXiv papers with eprint and archivePrefix, all with url."""


@delegate("exporting.import_file")
def import_file(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(metavar="FILE", help="A backup (.json) or a markdown task list (.md).")],
) -> None:
    """Restore a JSON backup (merged by event id), or tick off the items of a markdown task list."""
