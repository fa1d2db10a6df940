"""A study group's board: every learner's progress, replayed from the events in a shared journal. No I/O."""

from __future__ import annotations

from typing import Any

from llmlanding.domain.outline import Outline
from llmlanding.domain.progress import FIELDS, LeafState, item_tally, main_leaves, pick_next, tally


def states_by_learner(events: list[dict[str, Any]], aliases: dict[str, str]) -> dict[str, dict[str, LeafState]]:
    """Each learner's leaf states: per learner, item and field, the latest event by (time, id) wins."""
    latest: dict[tuple[str, str, str], tuple[str, str, str | None]] = {}
    for event in events:
        learner = str(event.get("learner") or "?")
        field_name = event.get("field")
        if field_name not in FIELDS:
            continue
        item_id = aliases.get(event["item"], event["item"])
        key = (learner, item_id, field_name)
        stamp = (event["at"], event["id"], event.get("new"))
        if key not in latest or stamp[:2] > latest[key][:2]:
            latest[key] = stamp
    grouped: dict[str, dict[str, dict[str, str | None]]] = {}
    for (learner, item_id, field_name), (_at, _id, value) in latest.items():
        grouped.setdefault(learner, {}).setdefault(item_id, {})[field_name] = value
    return {
        learner: {item_id: LeafState.from_fields(values) for item_id, values in items.items()}
        for learner, items in grouped.items()
    }


def last_active(events: list[dict[str, Any]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for event in events:
        learner = str(event.get("learner") or "?")
        found[learner] = max(found.get(learner, ""), event["at"])
    return found


def board(outline: Outline, events: list[dict[str, Any]], aliases: dict[str, str], path_id: str) -> dict[str, Any]:
    """The `team --json` shape: learners in name order, each with overall and per-chapter tallies and what they
    are on now."""
    per_learner = states_by_learner(events, aliases)
    active = last_active(events)
    main = main_leaves(outline)
    path = outline.path_leaves(path_id)
    learners = []
    for name in sorted(set(per_learner) | set(active)):
        states = per_learner.get(name, {})
        t = tally(main, states)
        doing = [
            leaf
            for leaf in outline.items
            if outline.items[leaf].is_leaf and states.get(leaf) and states[leaf].status == "doing"
        ]
        upcoming = pick_next(path, states, 1)
        learners.append(
            {
                "name": name,
                "last_active": active.get(name),
                "overall": {"done": t.done, "total": t.total, "skipped": t.skipped, "percent": round(t.percent, 1)},
                "chapters": {
                    chapter.id: {"done": c.done, "total": c.total, "skipped": c.skipped}
                    for chapter in outline.chapters
                    for c in [item_tally(outline, states, chapter.id)]
                },
                "doing": doing,
                "next": upcoming[0].item_id if upcoming else None,
            }
        )
    return {"path": path_id, "learners": learners}
