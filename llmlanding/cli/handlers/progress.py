"""Recording and showing progress: start, done, skip, reset, undo, next, path, status, log, and the dashboard."""

from __future__ import annotations

from pathlib import Path

from llmlanding.cli.env import Env
from llmlanding.cli.output import print_json, show
from llmlanding.views import screens


def _record(env: Env, command: str, item_ids: list[str], phase: str | None = None) -> None:
    from llmlanding.services.tracking import change
    from llmlanding.views.progress import change_view

    show(change_view(change(env.settings, command, item_ids, phase), env.lang))


def start(env: Env, *, item_ids: list[str]) -> None:
    _record(env, "start", item_ids)


def done(env: Env, *, item_ids: list[str], phase: str | None) -> None:
    if phase != "theory":
        _record(env, "done", item_ids, phase)
        return
    from rich.console import Group

    from llmlanding.domain.papers import unread_of
    from llmlanding.services.tracking import change
    from llmlanding.views.papers import theory_notice
    from llmlanding.views.progress import change_view

    outcome = change(env.settings, "done", item_ids, phase)
    outline = outcome.after.outline
    left = {
        item_id: len(unread_of(outline, outcome.after.read, outline.items[item_id])) for item_id in outcome.requested
    }
    notices = [theory_notice(item_id, n, env.lang) for item_id, n in left.items() if n]
    show(Group(change_view(outcome, env.lang), *notices))


def skip(env: Env, *, item_ids: list[str]) -> None:
    _record(env, "skip", item_ids)


def reset(env: Env, *, item_ids: list[str]) -> None:
    _record(env, "reset", item_ids)


def undo(env: Env) -> None:
    from llmlanding.services.tracking import undo as undo_last
    from llmlanding.views.progress import change_view

    show(change_view(undo_last(env.settings), env.lang))


def next_item(env: Env, *, count: int | None, within: str | None, path: str | None, as_json: bool) -> None:
    result = screens.next_screen(env.snapshot(), env.lang, count=count, within=within, path=path, as_json=as_json)
    print_json(result) if as_json else show(result)


def dashboard(env: Env) -> None:
    show(screens.dashboard_screen(env.snapshot(), env.lang))


def choose_path(env: Env, *, name: str | None) -> None:
    from llmlanding.views.progress import paths_view
    from llmlanding.views.shapes import paths_json

    if name:
        from llmlanding.services.tracking import choose_path as choose

        snap = choose(env.settings, name)
    else:
        snap = env.snapshot()
    show(paths_view(paths_json(snap), env.lang))


def status(env: Env, *, as_json: bool, svg: Path | None, force: bool) -> None:
    snap = env.snapshot()
    result = screens.status_screen(snap, env.lang, as_json=as_json)
    if svg is not None:
        from llmlanding.cli.files import refuse_existing
        from llmlanding.services.files import write_atomic
        from llmlanding.views.progress import to_svg

        target = svg.expanduser()
        refuse_existing([target], force)
        view = result if not as_json else screens.status_screen(snap, env.lang)
        write_atomic(target, to_svg(view, "llmlanding status"))
    print_json(result) if as_json else show(result)


def log(env: Env, *, item_id: str | None, limit: int, as_json: bool) -> None:
    from llmlanding.store.queries import read_batches

    snap = env.snapshot()
    only: set[str] | None = None
    if item_id is not None:
        item = snap.outline.get(item_id)
        only = {item.id, *snap.outline.descendants(item.id), *item.renamed_from}
    with env.reading() as conn:
        batches = read_batches(conn, only, limit)
    if as_json:
        from llmlanding.views.shapes import batch_json

        print_json([batch_json(batch) for batch in batches])
        return
    from llmlanding.views.progress import log_view

    show(log_view(batches, snap.outline, env.lang))


def move(env: Env, *, old_id: str, new_id: str) -> None:
    from llmlanding.services.tracking import move as move_work
    from llmlanding.views.orphans import moved_view

    moved = move_work(env.settings, old_id, new_id)
    target = moved.after.outline.items[moved.target]
    show(moved_view(moved.orphan, target.id, target.title(env.lang), env.lang))
