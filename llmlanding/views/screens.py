"""What the hot read commands show — `next`, `status` and the dashboard — shared by the fast path and the typer
commands, so both give the same output. Each returns JSON-shaped data when asked for JSON, else a renderable.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.text import Text

from llmlanding.domain.progress import pick_next
from llmlanding.domain.snapshot import Snapshot
from llmlanding.errors import UsageError
from llmlanding.views import shapes
from llmlanding.views.progress import dashboard_view, next_view, reviews_due_line, status_view


def _candidates(snap: Snapshot, within: str | None, path: str | None) -> tuple[list[str], str | None]:
    outline = snap.outline
    if within is not None:
        return outline.leaves_under(outline.get(within).id), None
    path_id = path or snap.active_path
    if path_id not in outline.paths:
        known = ", ".join(outline.paths)
        raise UsageError(f"no learning path '{path_id}' (paths: {known})", key="no_path", path=path_id, known=known)
    return outline.path_leaves(path_id), path_id


def next_screen(
    snap: Snapshot,
    lang: str,
    *,
    count: int | None = None,
    within: str | None = None,
    path: str | None = None,
    as_json: bool = False,
) -> Any:
    candidates, path_id = _candidates(snap, within, path)
    picks = pick_next(candidates, snap.states, count or 1)
    scope = shapes.scope_json(snap, path_id, within, candidates)
    data = [shapes.next_json(snap, pick, scope) for pick in picks]
    if as_json:
        if count is None:
            return data[0] if data else None
        return data
    view = next_view(data, scope, lang)
    if snap.reviews_due:
        return Group(view, Text(""), reviews_due_line(snap.reviews_due, lang))
    return view


def status_screen(snap: Snapshot, lang: str, *, as_json: bool = False) -> Any:
    data = shapes.status_json(snap)
    return data if as_json else status_view(data, lang)


def dashboard_screen(snap: Snapshot, lang: str) -> Any:
    status = shapes.status_json(snap, activity=False)
    candidates, path_id = _candidates(snap, None, None)
    scope = shapes.scope_json(snap, path_id, None, candidates)
    doing = [
        shapes.next_json(snap, pick, scope) for pick in pick_next(candidates, snap.states, 5) if pick.reason == "doing"
    ]
    first = [shapes.next_json(snap, pick, scope) for pick in pick_next(candidates, snap.states, 1)]
    return dashboard_view(status, doing, first, scope, lang)
