"""What the views read from the results of the write side and of git: each a Protocol naming only the attributes
a view uses, so that `views` need not import `services` or `sync` (and their SQLModel and GitPython) to type them.

`services.tracking.Outcome` is a `ChangeOutcomeLike`, `sync.service.SyncOutcome` a `SyncOutcomeLike`, and
`sync.repos.RepoSummary` a `RepoSummaryLike`. The hot views import this module only while type checking.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from llmlanding.domain.history import Change
from llmlanding.domain.outline import Outline
from llmlanding.domain.progress import LeafState
from llmlanding.domain.snapshot import Orphan


class SnapshotLike(Protocol):
    """The progress after a change: a `domain.snapshot.Snapshot`."""

    @property
    def outline(self) -> Outline: ...

    @property
    def states(self) -> dict[str, LeafState]: ...

    @property
    def orphans(self) -> list[Orphan]: ...


class BatchLike(Protocol):
    """The batch an undo reverted: a `domain.history.BatchView`."""

    @property
    def command(self) -> str: ...


class ChangeOutcomeLike(Protocol):
    """What `done`, `start`, `skip`, `reset`, `undo`, `note` or `practice link` did."""

    @property
    def command(self) -> str: ...

    @property
    def requested(self) -> Sequence[str]: ...  # the item ids as the learner gave them

    @property
    def changes(self) -> Sequence[Change]: ...

    @property
    def after(self) -> SnapshotLike: ...

    @property
    def undone(self) -> BatchLike | None: ...  # for undo: the batch reverted, None when there was nothing

    @property
    def phase(self) -> str | None: ...  # `done --phase`


class RefusedLike(Protocol):
    """A journal line `sync` did not take: a `sync.service.Refused`, its text already printable."""

    @property
    def file(self) -> str: ...

    @property
    def line(self) -> int: ...

    @property
    def learner(self) -> str: ...

    @property
    def device(self) -> str: ...

    @property
    def why(self) -> str: ...


class SyncOutcomeLike(Protocol):
    """What `sync` did."""

    @property
    def appended(self) -> int: ...

    @property
    def imported(self) -> int: ...

    @property
    def note_conflicts(self) -> Sequence[str]: ...

    @property
    def remote(self) -> str | None: ...

    @property
    def pushed(self) -> bool: ...

    @property
    def problem(self) -> str | None: ...

    @property
    def refused(self) -> Sequence[RefusedLike]: ...

    @property
    def edition(self) -> str: ...

    @property
    def held(self) -> int: ...

    @property
    def held_editions(self) -> Sequence[str]: ...


class RepoCommitLike(Protocol):
    @property
    def sha(self) -> str: ...

    @property
    def message(self) -> str: ...  # the first line

    @property
    def date(self) -> datetime: ...  # timezone-aware


class RepoSummaryLike(Protocol):
    """A linked practice repository as it stands now."""

    @property
    def path(self) -> Path: ...

    @property
    def state(self) -> str: ...  # ok, empty, missing or not-a-repo

    @property
    def commits(self) -> Sequence[RepoCommitLike]: ...  # newest first


class BadRowLike(Protocol):
    """A stored batch or event that breaks the schema: a `store.health.BadRow`."""

    @property
    def kind(self) -> str: ...

    @property
    def row_id(self) -> str: ...

    @property
    def reason(self) -> str: ...


class HealthLike(Protocol):
    """What `check` found, and did: a `services.health.Health`."""

    @property
    def sqlite(self) -> Sequence[str]: ...

    @property
    def bad(self) -> Sequence[BadRowLike]: ...

    @property
    def caches(self) -> Sequence[str]: ...

    @property
    def batches(self) -> int: ...

    @property
    def events(self) -> int: ...

    @property
    def repaired(self) -> bool: ...

    @property
    def quarantined(self) -> int: ...

    @property
    def journal(self) -> Sequence[str]: ...

    @property
    def journal_checked(self) -> bool: ...

    @property
    def journal_refused(self) -> Sequence[str]: ...
