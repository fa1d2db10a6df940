"""What changes add up to, for reading the log: one batch in a line's worth of values (`log`), and a week net of
what was undone within it (`week`): topics finished, phases ticked on topics not finished yet, notes written, time
recorded, reviews done. Apart from `history`, which every write imports: none of this is on a write's path."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from llmlanding.domain.history import BatchView
from llmlanding.domain.outline import PHASES, Outline
from llmlanding.domain.review import ENTER, PAPER_REVIEW, RATING_VALUES, REVIEW_FIELD
from llmlanding.errors import UsageError


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
        raise UsageError(
            f"{option} takes a date like 2026-11-20, today, yesterday, 7d or 2w; not '{text}'",
            key="date_format",
            option=option,
            text=text,
        ) from None


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
