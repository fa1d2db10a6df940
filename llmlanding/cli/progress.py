"""Commands that record and show progress: start, done, skip, reset, undo, next, path, status, log."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from llmlanding.cli.browse import JsonOption
from llmlanding.cli.completion import complete_id
from llmlanding.cli.output import print_json, show
from llmlanding.cli.state import state
from llmlanding.services import tracking
from llmlanding.store.queries import read_batches
from llmlanding.views import screens, shapes
from llmlanding.views.progress import change_view, log_view, paths_view, to_svg

IdsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="ID...",
        help="Chapters, sections or topics; a chapter or section means all its topics.",
        autocompletion=complete_id,
        show_default=False,
    ),
]


class Phase(StrEnum):
    theory = "theory"
    practice = "practice"
    summary = "summary"


def _record(ctx: typer.Context, command: str, item_ids: list[str], phase: str | None = None) -> None:
    app_state = state(ctx)
    outcome = tracking.change(app_state.settings, command, item_ids, phase)
    show(change_view(outcome, app_state.lang))


def start(ctx: typer.Context, item_ids: IdsArgument) -> None:
    """Mark items as in progress."""
    _record(ctx, "start", item_ids)


def done(
    ctx: typer.Context,
    item_ids: IdsArgument,
    phase: Annotated[
        Phase | None,
        typer.Option(
            "--phase",
            "-p",
            help="Tick off one phase only: theory (原理学习), practice (代码实践), summary (输出总结).",
        ),
    ] = None,
) -> None:
    """Tick items off: all three phases, or one with --phase."""
    _record(ctx, "done", item_ids, phase.value if phase else None)


def skip(ctx: typer.Context, item_ids: IdsArgument) -> None:
    """Skip items: they no longer count towards completion."""
    _record(ctx, "skip", item_ids)


def reset(ctx: typer.Context, item_ids: IdsArgument) -> None:
    """Set items back to not started."""
    _record(ctx, "reset", item_ids)


def undo(ctx: typer.Context) -> None:
    """Revert your last change; run it again to go further back."""
    app_state = state(ctx)
    show(change_view(tracking.undo(app_state.settings), app_state.lang))


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
        typer.Option("--path", metavar="NAME", help="Follow this learning path instead of the active one."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """What to study now: the first topic in progress, else the first not started, with why."""
    app_state = state(ctx)
    result = screens.next_screen(
        app_state.snapshot(), app_state.lang, count=count, within=within, path=path, as_json=as_json
    )
    print_json(result) if as_json else show(result)


def choose_path(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(metavar="NAME", help="Make this the active learning path.")] = None,
) -> None:
    """List the learning paths with their progress, or choose the active one."""
    app_state = state(ctx)
    snap = tracking.choose_path(app_state.settings, name) if name else app_state.snapshot()
    show(paths_view(shapes.paths_json(snap), app_state.lang))


def status(
    ctx: typer.Context,
    as_json: JsonOption = False,
    svg: Annotated[
        Path | None, typer.Option("--svg", metavar="FILE", help="Also save the status screen as an SVG picture.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the SVG file if it exists.")] = False,
) -> None:
    """Overall and per-chapter progress, streak, pace, a 12-week calendar and an estimated finish date."""
    app_state = state(ctx)
    snap = app_state.snapshot()
    result = screens.status_screen(snap, app_state.lang, as_json=as_json)
    if svg is not None:
        from llmlanding.cli.files import refuse_existing, write_atomic

        target = svg.expanduser()
        refuse_existing([target], force)
        view = result if not as_json else screens.status_screen(snap, app_state.lang)
        write_atomic(target, to_svg(view, "llmlanding status"))
    print_json(result) if as_json else show(result)


def log(
    ctx: typer.Context,
    item_id: Annotated[
        str | None,
        typer.Argument(metavar="ID", help="Only changes to this item.", autocompletion=complete_id),
    ] = None,
    limit: Annotated[int, typer.Option("--count", "-n", min=1, help="How many changes to show.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """The history of changes, newest first."""
    app_state = state(ctx)
    snap = app_state.snapshot()
    only: set[str] | None = None
    if item_id is not None:
        item = snap.outline.get(item_id)
        only = {item.id, *snap.outline.descendants(item.id), *item.renamed_from}
    with app_state.reading() as conn:
        batches = read_batches(conn, only, limit)
    if as_json:
        print_json([shapes.batch_json(batch) for batch in batches])
        return
    show(log_view(batches, snap.outline, app_state.lang))
