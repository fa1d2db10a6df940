"""The rules of progress, with no I/O: leaf states, what a command changes, derived parent status, tallies
and the choice of what to study next.

Only leaves hold state. A leaf has the roadmap's three phases (theory, practice, summary) and the learner's own
mark (todo, doing, done, skipped); its status is derived from both, so that merged logs always give one answer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import accumulate
from typing import NamedTuple

from llmlanding.domain.outline import PHASES, Outline

STATUSES = ("todo", "doing", "done", "skipped")


FIELDS = (*PHASES, "status")


COMMANDS = ("start", "done", "skip", "reset")


# Immutable values are NamedTuples: creating the class costs a fifth of a frozen dataclass, on every run.
class LeafState(NamedTuple):
    theory: bool = False
    practice: bool = False
    summary: bool = False
    mark: str = "todo"

    @property
    def phases(self) -> dict[str, bool]:
        return {"theory": self.theory, "practice": self.practice, "summary": self.summary}

    @property
    def status(self) -> str:
        if self.mark == "skipped":
            return "skipped"
        if self.theory and self.practice and self.summary:
            return "done"
        if self.mark in ("doing", "done") or self.theory or self.practice or self.summary:
            return "doing"
        return "todo"

    @property
    def next_phase(self) -> str | None:
        for phase in PHASES:
            if not self.phases[phase]:
                return phase
        return None

    def fields(self) -> dict[str, str]:
        """The stored form: one string per field."""
        values = {phase: "1" if done else "0" for phase, done in self.phases.items()}
        values["status"] = self.mark
        return values

    @classmethod
    def from_fields(cls, values: dict[str, str | None]) -> LeafState:
        mark = values.get("status") or "todo"
        return cls(
            theory=values.get("theory") == "1",
            practice=values.get("practice") == "1",
            summary=values.get("summary") == "1",
            mark=mark if mark in STATUSES else "todo",
        )


TODO = LeafState()


def plan(command: str, state: LeafState, phase: str | None = None) -> dict[str, str]:
    """The fields a command changes on one leaf, with their new values; empty when it changes nothing."""
    target: dict[str, str]
    if command == "start":
        target = {} if state.status in ("doing", "done") else {"status": "doing"}
    elif command == "done" and phase is None:
        target = {"theory": "1", "practice": "1", "summary": "1", "status": "done"}
    elif command == "done":
        assert phase in PHASES
        after = LeafState(**{**state.phases, phase: True}, mark=state.mark)
        complete = all(after.phases.values())
        target = {phase: "1", "status": "done" if complete else "doing"}
    elif command == "skip":
        target = {"status": "skipped"}
    elif command == "reset" and phase is None:
        target = {"theory": "0", "practice": "0", "summary": "0", "status": "todo"}
    elif command == "reset":
        # One phase un-ticked (the study screen's toggle): a topic marked done goes back to doing; a skip stays.
        assert phase in PHASES
        target = {phase: "0"} if state.mark in ("skipped", "todo", "doing") else {phase: "0", "status": "doing"}
    else:
        raise ValueError(f"unknown command {command!r}")
    current = state.fields()
    return {field: value for field, value in target.items() if current[field] != value}


def apply(state: LeafState, changes: dict[str, str]) -> LeafState:
    return LeafState.from_fields({**state.fields(), **changes})


class Tally(NamedTuple):
    total: int = 0
    done: int = 0
    doing: int = 0
    skipped: int = 0

    @property
    def todo(self) -> int:
        return self.total - self.done - self.doing - self.skipped

    @property
    def counted(self) -> int:
        """Leaves that count towards completion: skipped ones do not."""
        return self.total - self.skipped

    @property
    def percent(self) -> float:
        return 100.0 * self.done / self.counted if self.counted else 100.0

    @property
    def status(self) -> str:
        if self.total and self.skipped == self.total:
            return "skipped"
        if self.done == self.counted and self.total:
            return "done"
        if self.done or self.doing:
            return "doing"
        return "todo"


def tally(leaves: list[str], states: dict[str, LeafState]) -> Tally:
    # Leaves share a handful of distinct states: count those (in C, by Counter), then work out each one's
    # status once. A 10,000-topic roadmap's status tallies every leaf several times.
    counts = {status: 0 for status in STATUSES}
    for state, count in Counter(map(states.get, leaves)).items():
        counts[(state or TODO).status] += count
    return Tally(total=len(leaves), done=counts["done"], doing=counts["doing"], skipped=counts["skipped"])


def item_tally(outline: Outline, states: dict[str, LeafState], item_id: str) -> Tally:
    return tally(outline.leaves_under(item_id), states)


def added(tallies: Iterable[Tally]) -> Tally:
    """The tally of items that share no leaf, from theirs."""
    return Tally(*map(sum, zip(*tallies, strict=True)))


class Tallies:
    """Every item's tally, from one pass over the roadmap's leaves: what `item_tally` gives, for a report that
    tallies each of a 10,000-topic roadmap's 1,100 chapters and sections. A subtree's leaves are one span of the
    roadmap's (`Outline.leaf_spans`), so its counts are differences of running counts."""

    def __init__(self, outline: Outline, states: Mapping[str, LeafState]) -> None:
        leaves, self._span = outline.leaf_spans()
        status: dict[LeafState | None, str] = {state: state.status for state in set(states.values())}  # a few
        status[None] = "todo"  # a leaf without a state
        marks = list(map(status.__getitem__, map(states.get, leaves)))
        self._done, self._doing, self._skipped = (
            list(accumulate(map(mark.__eq__, marks), initial=0)) for mark in ("done", "doing", "skipped")
        )

    def __getitem__(self, item_id: str) -> Tally:
        start, end = self._span(item_id)
        done, doing, skipped = self._done, self._doing, self._skipped
        return Tally(end - start, done[end] - done[start], doing[end] - doing[start], skipped[end] - skipped[start])


def item_status(outline: Outline, states: dict[str, LeafState], item_id: str) -> str:
    item = outline.items[item_id]
    if item.is_leaf:
        return states.get(item_id, TODO).status
    return item_tally(outline, states, item_id).status


def main_leaves(outline: Outline) -> list[str]:
    """Every leaf of the main roadmap, without optional chapters, in roadmap order."""
    return [leaf for chapter in outline.chapters if not chapter.optional for leaf in outline.leaves_under(chapter.id)]


def optional_leaves(outline: Outline) -> list[str]:
    return [leaf for chapter in outline.chapters if chapter.optional for leaf in outline.leaves_under(chapter.id)]


class Pick(NamedTuple):
    item_id: str
    reason: str  # "doing" (already in progress) or "todo" (first not started)


def pick_next(candidates: list[str], states: dict[str, LeafState], count: int = 1) -> list[Pick]:
    """What to study now: leaves in progress first, in order, then the first ones not started."""
    status = {state: state.status for state in set(states.values())}  # a few distinct states
    status[TODO] = "todo"
    marks = [status[states.get(leaf, TODO)] for leaf in candidates]
    doing = [Pick(leaf, "doing") for leaf, mark in zip(candidates, marks, strict=True) if mark == "doing"]
    todo = [Pick(leaf, "todo") for leaf, mark in zip(candidates, marks, strict=True) if mark == "todo"]
    return (doing + todo)[: max(count, 0)]
