"""`week`: what a week of the log added up to, net of what was undone within it: topics finished, phases ticked
on topics not finished yet, notes written, time recorded, reviews done."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from llmlanding.domain.history import BatchView, minutes_of
from llmlanding.domain.outline import PHASES, Outline
from llmlanding.domain.review import PAPER_REVIEW, RATING_VALUES, REVIEW_FIELD


@dataclass(slots=True)
class Recap:
    first: date  # the week's Monday
    last: date  # its Sunday
    finished: list[str] = field(default_factory=list)  # topics, in roadmap order
    phases: list[tuple[str, str]] = field(default_factory=list)  # (topic, phase) on topics not finished
    notes: list[str] = field(default_factory=list)  # items whose note was written or changed, in roadmap order
    minutes: int = 0
    reviews: int = 0  # ratings given in review, less those undone
    changes: int = 0  # the batches of the week, undos included


def week_of(today: date, last: bool = False) -> tuple[date, date]:
    """Monday and Sunday of this week, or of the one before with `last`."""
    monday = today - timedelta(days=today.weekday()) - timedelta(weeks=last)
    return monday, monday + timedelta(days=6)


def recap(batches: list[BatchView], outline: Outline, first: date, last: date) -> Recap:
    """The week's net change from its batches (any order): a value the week ended with that it did not start
    with. Items no longer in the roadmap are left out."""
    start: dict[tuple[str, str], str | None] = {}
    end: dict[tuple[str, str], str | None] = {}
    minutes = reviews = 0
    for batch in sorted(batches, key=lambda b: (b.at, b.id)):
        for event in batch.events:
            key = (event.item_id, event.field)
            start.setdefault(key, event.old)
            end[key] = event.new
            if event.field == "time":
                minutes += minutes_of(event.new) - minutes_of(event.old)
            elif event.field == REVIEW_FIELD or event.field.startswith(PAPER_REVIEW):
                reviews += (event.new in RATING_VALUES) - (event.old in RATING_VALUES)
    found = Recap(first, last, minutes=minutes, reviews=reviews, changes=len(batches))
    changed = {key for key in end if end[key] != start[key]}
    for item_id in outline.items:
        if (item_id, "status") in changed and end[(item_id, "status")] == "done":
            found.finished.append(item_id)
        elif outline.items[item_id].is_leaf:
            found.phases += [(item_id, p) for p in PHASES if (item_id, p) in changed and end[(item_id, p)] == "1"]
        if (item_id, "note") in changed and end[(item_id, "note")]:
            found.notes.append(item_id)
    return found
