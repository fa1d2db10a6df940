"""The log's values: a change a command makes, an event and a batch as stored and exchanged, and a batch as
`log` and `undo` see it. Plain values (NamedTuples where immutable: cheaper to define on every run), so views
and rules take them without touching the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from llmlanding.domain.review import ENTER, PAPER_REVIEW, RATING_VALUES, REVIEW_FIELD
from llmlanding.errors import UsageError


class EventView(NamedTuple):
    id: str
    item_id: str
    field: str
    old: str | None
    new: str | None


@dataclass(slots=True)
class BatchView:
    id: str
    device_id: str
    at: str
    command: str
    undoes: str | None
    events: list[EventView] = field(default_factory=list)


class Batch(NamedTuple):
    """One command's batch as stored and exchanged: what `undo` reverts as a unit."""

    id: str
    device_id: str
    at: str
    command: str
    undoes: str | None = None


class Change(NamedTuple):
    item_id: str
    field: str
    old: str | None
    new: str | None


class Event(NamedTuple):
    """One logged change, as stored and as exchanged between machines."""

    id: str
    batch_id: str
    device_id: str
    at: str
    item_id: str
    field: str
    old: str | None
    new: str | None


class NoteEdit(NamedTuple):
    """What a save did to a note, as `log` tells it: `new` (lines written), `added` (lines appended after the
    text kept as it was), `edited` (changed in place), `deleted` (lines it had)."""

    kind: str
    lines: int


def note_edit(old: str | None, new: str | None) -> NoteEdit:
    before, after = old or "", new or ""
    if not after.strip():
        return NoteEdit("deleted", len(before.splitlines()))
    if not before.strip():
        return NoteEdit("new", len(after.splitlines()))
    if after.startswith(before.rstrip("\n")) and len(after.splitlines()) > len(before.splitlines()):
        return NoteEdit("added", len(after.splitlines()) - len(before.splitlines()))
    return NoteEdit("edited", 0)


@dataclass(slots=True)
class Summary:
    """One batch in a line's worth of values: what `log` prints for it. `phases` are (phase, ticked) in the
    order met; `statuses` count the items by the status they were given; `papers` are (field, read)."""

    items: list[str] = field(default_factory=list)
    phases: list[tuple[str, bool]] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    notes: list[NoteEdit] = field(default_factory=list)
    papers: list[tuple[str, bool]] = field(default_factory=list)
    minutes: int = 0
    repos: list[bool] = field(default_factory=list)  # a repository linked (True) or unlinked (False)
    ratings: list[int] = field(default_factory=list)  # review ratings given, 1-4 (topics' and papers')
    reviews_entered: int = 0  # papers put in review
    reviews_left: int = 0  # papers or ratings taken out of review (unread, an undone rating)
    others: list[str] = field(default_factory=list)  # fields of no kind above, by name


def summarize(batch: BatchView, phases: tuple[str, ...]) -> Summary:
    """The batch's events gathered by kind. A status an item reached with a phase ticked in the same batch
    (`done --phase theory` starting a topic) is said by the phase, so only statuses that end something count
    then."""
    found = Summary()
    phased: set[str] = set()
    for event in batch.events:
        if event.item_id not in found.items:
            found.items.append(event.item_id)
        if event.field in phases:
            mark = (event.field, event.new == "1")
            phased.add(event.item_id)
            if mark not in found.phases:
                found.phases.append(mark)
        elif event.field == "note":
            found.notes.append(note_edit(event.old, event.new))
        elif event.field.startswith("paper:"):
            found.papers.append((event.field, event.new == "1"))
        elif event.field == "time":
            found.minutes += minutes_of(event.new) - minutes_of(event.old)
        elif event.field == "repo":
            found.repos.append(event.new is not None)
        elif event.field == REVIEW_FIELD or event.field.startswith(PAPER_REVIEW):
            if event.new in RATING_VALUES:
                found.ratings.append(int(event.new))
            elif event.new == ENTER:
                found.reviews_entered += 1
            else:
                found.reviews_left += 1
        elif event.field != "status" and event.field not in found.others:
            found.others.append(event.field)
    for event in batch.events:
        if event.field == "status" and event.new is not None:
            if event.item_id in phased and event.new == "doing":
                continue
            found.statuses[event.new] = found.statuses.get(event.new, 0) + 1
    return found


def minutes_of(value: str | None) -> int:
    """The minutes a time event's value holds (0 for none)."""
    return int(value) if value is not None and value.isdigit() else 0


def parse_day(text: str, option: str, today: date) -> date:
    """A local day from `2026-11-20`, `today`, `yesterday`, or `7d` / `2w` (days or weeks ago)."""
    spoken = text.strip().lower()
    if spoken in ("today", "yesterday"):
        return today - timedelta(days=spoken == "yesterday")
    if len(spoken) > 1 and spoken[-1] in "dw" and spoken[:-1].isdigit() and int(spoken[:-1]) <= 100_000:
        return today - timedelta(days=int(spoken[:-1]) * (7 if spoken[-1] == "w" else 1))
    try:
        return date.fromisoformat(spoken)
    except ValueError:
        raise UsageError(f"{option} takes a date like 2026-11-20, today, yesterday, 7d or 2w; not '{text}'") from None
