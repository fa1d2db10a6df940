"""The `--json` shapes: plain dicts, documented in docs/json.md and kept stable. The rich views are rendered
from these same dicts, so what a learner reads and what a script reads cannot drift apart.

Adding a key is allowed; renaming or removing one is a breaking change.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from llmlanding.domain.activity import measure
from llmlanding.domain.history import BatchView
from llmlanding.domain.outline import Item, Outline
from llmlanding.domain.progress import TODO, LeafState, Pick, Tally, item_tally, main_leaves, optional_leaves, tally
from llmlanding.domain.snapshot import Snapshot

JSON = dict[str, Any]


def title(item: Item) -> JSON:
    return {"zh": item.title_zh, "en": item.title_en}


def tally_json(t: Tally) -> JSON:
    return {
        "done": t.done,
        "doing": t.doing,
        "skipped": t.skipped,
        "todo": t.todo,
        "total": t.total,
        "percent": round(t.percent, 1),
    }


def item_json(outline: Outline, item: Item, states: dict[str, LeafState] | None = None) -> JSON:
    data: JSON = {
        "id": item.id,
        "kind": item.kind,
        "title": title(item),
        "parent": item.parent,
        "children": list(item.children),
        "papers": [{"title": p.title, "url": p.url, "year": p.year} for p in item.papers],
        "links": [{"title": link.title, "url": link.url, "kind": link.kind} for link in item.links],
        "upstream_todo": item.upstream_todo,
        "optional": item.optional,
        "description": ({"zh": item.description_zh, "en": item.description_en} if item.description_zh else None),
    }
    if states is not None:
        if item.is_leaf:
            state = states.get(item.id, TODO)
            data["status"] = state.status
            data["phases"] = state.phases
        else:
            t = item_tally(outline, states, item.id)
            data["status"] = t.status
            data["progress"] = {"done": t.done, "total": t.total, "skipped": t.skipped}
    return data


def parents_json(outline: Outline, item: Item) -> list[JSON]:
    return [{"id": parent.id, "title": title(parent)} for parent in outline.ancestors(item.id)]


def show_json(outline: Outline, item: Item, states: dict[str, LeafState] | None = None) -> JSON:
    data = item_json(outline, item, states)
    data["parents"] = parents_json(outline, item)
    # Everything below the item with its own papers and links, so one call answers "what do I read for 3.2?"
    data["descendants"] = [item_json(outline, outline.items[i], states) for i in outline.descendants(item.id)]
    return data


def list_json(outline: Outline, items: list[Item], states: dict[str, LeafState] | None = None) -> list[JSON]:
    return [item_json(outline, item, states) for item in items]


def next_json(snap: Snapshot, pick: Pick, scope: JSON) -> JSON:
    item = snap.outline.items[pick.item_id]
    state = snap.state(item.id)
    data = item_json(snap.outline, item, snap.states)
    data["parents"] = parents_json(snap.outline, item)
    data["next_phase"] = state.next_phase
    data["reason"] = pick.reason
    data["scope"] = scope
    return data


def scope_json(snap: Snapshot, path_id: str | None, within: str | None, candidates: list[str]) -> JSON:
    """What `next` chose from: a learning path or an item, and how far along it is."""
    if within is not None:
        item = snap.outline.items[within]
        kind, ident, name = "item", within, title(item)
    else:
        assert path_id is not None
        path = snap.outline.paths[path_id]
        kind, ident, name = "path", path_id, {"zh": path.title_zh, "en": path.title_en}
    return {"kind": kind, "id": ident, "title": name, **tally_json(tally(candidates, snap.states))}


def activity_json(snap: Snapshot, today: date) -> JSON:
    leaves = snap.outline.path_leaves(snap.active_path)
    t = tally(leaves, snap.states)
    finished = [at for leaf, at in snap.finished.items() if snap.state(leaf).status == "done"]
    a = measure(snap.activity, finished, t.todo + t.doing, today)
    return {
        "streak": a.streak,
        "this_week": a.this_week,
        "pace_per_week": round(a.pace, 2),
        "finish": a.finish.isoformat() if a.finish else None,
        "heatmap": {"first_day": a.first_day.isoformat(), "counts": a.days},
    }


def status_json(snap: Snapshot, today: date | None = None) -> JSON:
    outline = snap.outline
    path = outline.paths[snap.active_path]
    chapters = []
    for chapter in outline.chapters:
        t = item_tally(outline, snap.states, chapter.id)
        chapters.append(
            {"id": chapter.id, "title": title(chapter), "optional": chapter.optional, "status": t.status}
            | tally_json(t)
        )
    return {
        "roadmap": {"id": outline.id, "title": {"zh": outline.title_zh, "en": outline.title_en}},
        "overall": tally_json(tally(main_leaves(outline), snap.states)),
        "optional": tally_json(tally(optional_leaves(outline), snap.states)),
        "path": {"id": path.id, "title": {"zh": path.title_zh, "en": path.title_en}}
        | tally_json(tally(outline.path_leaves(path.id), snap.states)),
        "chapters": chapters,
        "orphans": [
            {"id": o.id, "title": {"zh": o.title_zh, "en": o.title_en}, "status": o.state.status} for o in snap.orphans
        ],
        "activity": activity_json(snap, today or date.today()),
    }


def batch_json(batch: BatchView) -> JSON:
    return {
        "batch": batch.id,
        "at": batch.at,
        "device": batch.device_id,
        "command": batch.command,
        "undoes": batch.undoes,
        "changes": [
            {"event": e.id, "item": e.item_id, "field": e.field, "old": e.old, "new": e.new} for e in batch.events
        ],
    }


def paths_json(snap: Snapshot) -> list[JSON]:
    found = []
    for path in snap.outline.paths.values():
        leaves = snap.outline.path_leaves(path.id)
        found.append(
            {
                "id": path.id,
                "title": {"zh": path.title_zh, "en": path.title_en},
                "active": path.id == snap.active_path,
                "items": list(path.items),
            }
            | tally_json(tally(leaves, snap.states))
        )
    return found
