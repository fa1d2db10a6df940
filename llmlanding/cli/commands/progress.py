"""Commands that record and show progress: start, done, skip, reset, undo, next, path, status, log."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from llmlanding.cli.commands.shared import (
    ForceOption,
    IdArgument,
    IdsArgument,
    JsonOption,
    complete_id,
    complete_path_name,
    delegate,
)

# The names `--phase` takes (domain.outline.PHASE_NAMES maps them to a phase): a Literal, so that the generated
# table carries them as choices for the fast path and completion.
PhaseName = Literal["theory", "read", "practice", "code", "summary", "write", "原理学习", "代码实践", "输出总结"]


TimeOption = Annotated[
    str | None,
    typer.Option("--time", "-t", metavar="DURATION", help="Time spent on it, e.g. 45m or 1h30m (optional)."),
]


@delegate("progress.start")
def start(ctx: typer.Context, item_ids: IdsArgument, time: TimeOption = None) -> None:
    """Mark items as in progress."""


@delegate("progress.done")
def done(
    ctx: typer.Context,
    item_ids: IdsArgument,
    phase: Annotated[
        PhaseName | None,
        typer.Option(
            "--phase",
            "-p",
            metavar="PHASE",
            help="Tick off one phase only: theory|read (原理学习), practice|code (代码实践), summary|write (输出总结).",
            show_choices=False,
        ),
    ] = None,
    time: TimeOption = None,
    no_edit: Annotated[
        bool,
        typer.Option("--no-edit", help="With --phase summary: do not offer to write the missing note."),
    ] = False,
) -> None:
    """Tick items off: all three phases, or one with --phase."""


@delegate("progress.skip")
def skip(ctx: typer.Context, item_ids: IdsArgument) -> None:
    """Skip items: they no longer count towards completion."""


@delegate("progress.reset")
def reset(ctx: typer.Context, item_ids: IdsArgument) -> None:
    """Set items back to not started."""


@delegate("progress.undo")
def undo(ctx: typer.Context) -> None:
    """Revert your last change; run it again to go further back."""


@delegate("progress.next_item")
def next_item(
    ctx: typer.Context,
    count: Annotated[
        int | None, typer.Option("--count", "-n", min=1, help="Show the next N items. [default: 1]")
    ] = None,
    within: Annotated[
        str | None,
        typer.Option("--in", metavar="ID", help="Only within this item (may be optional).", autocompletion=complete_id),
    ] = None,
    path: Annotated[
        str | None,
        typer.Option(
            "--path",
            metavar="NAME",
            help="Follow this learning path instead of the active one.",
            autocompletion=complete_path_name,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """What to study now: the first topic in progress, else the first not started, with why."""


@delegate("progress.choose_path")
def choose_path(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(metavar="NAME", help="Make this the active learning path.", autocompletion=complete_path_name),
    ] = None,
) -> None:
    """List the learning paths with their progress, or choose the active one."""


@delegate("progress.status")
def status(
    ctx: typer.Context,
    as_json: JsonOption = False,
    svg: Annotated[
        Path | None, typer.Option("--svg", metavar="FILE", help="Also save the status screen as an SVG picture.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the SVG file if it exists.")] = False,
) -> None:
    """Overall and per-chapter progress, streak, pace, a 12-week calendar and an estimated finish date."""


@delegate("progress.log")
def log(
    ctx: typer.Context,
    item_id: Annotated[
        str | None,
        typer.Argument(metavar="ID", help="Only changes to this item.", autocompletion=complete_id),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--count", "-n", min=1, help="How many changes to show. [default: 20, or all with --since/--until]"
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="DATE", help="Only changes on or after this day: 2026-11-20, yesterday, 7d."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", metavar="DATE", help="Only changes on or before this day."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """The history of changes, newest first, one line each."""


@delegate("progress.week")
def week(
    ctx: typer.Context,
    last: Annotated[bool, typer.Option("--last", help="Last week (Monday to Sunday) instead of this one.")] = False,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE|-", help="Write the recap as markdown to FILE; - is stdout."),
    ] = None,
    force: ForceOption = False,
) -> None:
    """This week's recap: topics and phases finished, notes written, time spent."""


@delegate("progress.move")
def move(
    ctx: typer.Context,
    old_id: Annotated[str, typer.Argument(metavar="OLD", help="An id no longer in the roadmap (see `orphans`).")],
    new_id: IdArgument,
) -> None:
    """Give an orphan's progress, note and linked code to an item of the roadmap, in one undoable change."""


@delegate("progress.goal")
def goal(
    ctx: typer.Context,
    target: Annotated[
        str | None,
        typer.Argument(metavar="[N]", help="Topics a week to aim for, e.g. 3 (or 3/week).", show_default=False),
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", metavar="DATE", help="Be done with the active path by this date.")
    ] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Drop the goal.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Set a weekly target or a date to finish by, or see where you stand against it."""
