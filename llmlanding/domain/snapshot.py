"""Everything a read command needs, as values: the outline, each leaf's state, the meta, and the progress per
day that activity is measured from. The store takes it; views and rules read it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from llmlanding.domain.outline import Outline
from llmlanding.domain.progress import TODO, LeafState

TYPE_CHECKING = False  # Note is for annotations: its dataclass would cost every command an import
if TYPE_CHECKING:
    from llmlanding.domain.notes import Note

ACTIVE_PATH = "active_path"  # the meta key of the learning path the learner chose


GOAL = "goal"  # the meta key of the learner's goal (`domain.activity.Goal.stored`)


PENDING_EDITION = "pending_edition"  # the meta keys of a roadmap file of another edition, waiting for an upgrade


PENDING_REVISES = "pending_revises"  # the edition that waiting file says it revises


class Orphan(NamedTuple):
    """An item that has progress but is no longer in the roadmap."""

    id: str
    title_zh: str
    title_en: str
    state: LeafState


class Orphaned(NamedTuple):
    """An id no longer in the roadmap that still holds the learner's work: progress, a note or linked code, with
    the titles it had. `orphans` lists them, `show` and `notes` read them, `move` gives them a new item."""

    id: str
    title_zh: str
    title_en: str
    state: LeafState
    note: Note | None
    repo: str | None

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en


@dataclass(eq=False)
class Snapshot:
    outline: Outline
    states: dict[str, LeafState]
    orphans: list[Orphan]
    meta: dict[str, str]
    # Changes that moved the learner forward, counted per local day: the days `domain.activity.measure` needs
    # (the heatmap's weeks, and further back only while the streak goes on), not the whole history. None until
    # `activity` is first asked for: then `count_days` counts them (only status, the dashboard and a few rarer
    # commands show activity, and on a long history counting costs more than the rest of a snapshot).
    counted: dict[date, int] | None = field(default_factory=dict)
    # Leaf id -> when it was finished; None until `finished` is first asked for, then read by `read_finished`.
    done_at: dict[str, str] | None = field(default_factory=dict)
    time: list[tuple[str, int, str]] = field(default_factory=list)  # (item, minutes, stamp) recorded with --time
    read: frozenset[str] = frozenset()  # the fields of the papers read (see `domain.papers`)
    today: date | None = None  # the learner's local day the snapshot was taken on (the program's clock)
    # Topics due for review by the end of that day (`domain.review`); None until `reviews_due` is first asked
    # for, then counted by `count_due` (next, status and the dashboard show it; writes and the rest do not).
    due: int | None = 0
    count_days: Callable[[], dict[date, int]] | None = field(default=None, repr=False, compare=False)
    read_finished: Callable[[], dict[str, str]] | None = field(default=None, repr=False, compare=False)
    count_due: Callable[[], int] | None = field(default=None, repr=False, compare=False)

    @property
    def activity(self) -> dict[date, int]:
        if self.counted is None:
            self.counted = self.count_days() if self.count_days is not None else {}
        return self.counted

    @property
    def reviews_due(self) -> int:
        if self.due is None:
            self.due = self.count_due() if self.count_due is not None else 0
        return self.due

    @property
    def finished(self) -> dict[str, str]:
        if self.done_at is None:
            self.done_at = self.read_finished() if self.read_finished is not None else {}
        return self.done_at

    def __eq__(self, other: object) -> bool:
        # The activity, the finished leaves and the reviews due as they read, read or not yet: two snapshots of the
        # same data are equal.
        if not isinstance(other, Snapshot):
            return NotImplemented
        return self._compared() == other._compared()

    def _compared(self) -> tuple[object, ...]:
        return (
            self.outline,
            self.states,
            self.orphans,
            self.meta,
            self.activity,
            self.finished,
            self.time,
            self.read,
            self.today,
            self.reviews_due,
        )

    @property
    def active_path(self) -> str:
        chosen = self.meta.get(ACTIVE_PATH)
        return chosen if chosen in self.outline.paths else self.outline.default_path

    @property
    def waiting_upgrade(self) -> str | None:
        """The edition of the roadmap file when it revises the recorded one: `curriculum upgrade` is waiting."""
        edition = self.meta.get(PENDING_EDITION)
        return edition if edition and self.meta.get(PENDING_REVISES) == self.outline.edition else None

    def state(self, item_id: str) -> LeafState:
        return self.states.get(item_id, TODO)
