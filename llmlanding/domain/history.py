"""The log's values: a change a command makes, an event and a batch as stored and exchanged, and a batch as
`log` and `undo` see it. Plain values (NamedTuples where immutable: cheaper to define on every run), so views
and rules take them without touching the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


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
