"""The write commands as plain functions: tick items off, undo, choose a learning path.

Each call is one transaction: every id is checked before anything is written, a change that changes nothing
logs nothing, and the result carries the snapshot after the change for the caller to render.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import queries
from .backup import Backup
from .errors import UsageError
from .outline import PHASES
from .progress import COMMANDS, TODO, plan
from .queries import BatchView
from .settings import Settings
from .snapshot import Snapshot, take
from .store.writer import Change, transaction, write_batch


@dataclass
class Outcome:
    command: str
    requested: list[str]
    changes: list[Change]
    after: Snapshot
    undone: BatchView | None = None
    phase: str | None = None


def change(
    settings: Settings, command: str, item_ids: list[str], phase: str | None = None, label: str | None = None
) -> Outcome:
    if command not in COMMANDS:
        raise ValueError(command)
    if phase is not None and (command != "done" or phase not in PHASES):
        raise UsageError(f"--phase must be one of {', '.join(PHASES)} and goes with done")
    with transaction(settings.home, settings.curriculum) as tx:
        before = take(tx.conn)
        items = before.outline.resolve(item_ids)  # an unknown id stops the whole call before any write
        leaves: dict[str, None] = {}
        for item in items:
            for leaf in before.outline.leaves_under(item.id):
                leaves.setdefault(leaf, None)
        changes: list[Change] = []
        for leaf in leaves:
            current = before.state(leaf).fields()
            for field, value in plan(command, before.state(leaf), phase).items():
                changes.append(Change(leaf, field, current[field], value))
        if changes:
            words = [command, *item_ids, *(["--phase", phase] if phase else [])]
            write_batch(tx, label or " ".join(words), changes)
        after = take(tx.conn)
    return Outcome(command, [item.id for item in items], changes, after, phase=phase)


def undo(settings: Settings) -> Outcome:
    """Revert this device's last batch that is not undone yet, by logging a compensating batch."""
    with transaction(settings.home, settings.curriculum) as tx:
        before = take(tx.conn)
        batch = queries.last_undoable_batch(tx.conn, tx.device_id)
        if batch is None:
            return Outcome("undo", [], [], before)
        aliases = queries.read_aliases(tx.conn)
        values = queries.read_values(tx.conn, aliases)
        defaults = TODO.fields()
        current: dict[tuple[str, str], str | None] = {}
        changes: list[Change] = []
        for event in reversed(batch.events):
            item_id = aliases.get(event.item_id, event.item_id)
            key = (item_id, event.field)
            if key not in current:
                current[key] = values[key][0] if key in values else defaults.get(event.field)
            if current[key] != event.old:
                changes.append(Change(item_id, event.field, current[key], event.old))
                current[key] = event.old
        write_batch(tx, f"undo {batch.command}", changes, undoes=batch.id)
        after = take(tx.conn)
    touched = list(dict.fromkeys(event.item_id for event in batch.events))
    return Outcome("undo", touched, changes, after, undone=batch)


def choose_path(settings: Settings, path_id: str) -> Snapshot:
    with transaction(settings.home, settings.curriculum) as tx:
        before = take(tx.conn)
        if path_id not in before.outline.paths:
            known = ", ".join(before.outline.paths)
            raise UsageError(f"no learning path '{path_id}' (paths: {known})")
        tx.session.flush()
        from .store.writer import set_setting

        set_setting(tx, queries.ACTIVE_PATH, path_id)
        tx.session.flush()
        return take(tx.conn)


def ensure_ready(settings: Settings) -> None:
    """Create or migrate the database and import the roadmap if its file changed: what the read path needs
    before it can read. Writes no progress."""
    with transaction(settings.home, settings.curriculum):
        pass


def set_note(settings: Settings, item_id: str, text: str | None) -> Outcome:
    """Save an item's note (None deletes it) as one logged change; nothing when it is already so."""
    with transaction(settings.home, settings.curriculum) as tx:
        before = take(tx.conn)
        item = before.outline.get(item_id)
        current = queries.read_notes(tx.conn, queries.read_aliases(tx.conn)).get(item.id)
        old = current.text if current else None
        changes = [] if old == text else [Change(item.id, "note", old, text)]
        if changes:
            write_batch(tx, f"note {item.id}", changes)
        after = take(tx.conn)
    return Outcome("note", [item.id], changes, after)


@dataclass
class Imported:
    batches: int
    events: int
    active_path: str | None  # set from the backup, when this home had none


def import_backup(settings: Settings, backup: Backup) -> Imported:
    """Merge a backup's log into this home by event id: what is here already is skipped, nothing is replaced."""
    from .store.tables import BatchRow
    from .store.writer import Event, add_batches, apply_events, set_setting

    with transaction(settings.home, settings.curriculum) as tx:
        added_batches = add_batches(
            tx,
            [
                BatchRow(id=b["id"], device_id=b["device"], at=b["at"], command=b["command"], undoes=b.get("undoes"))
                for b in backup.batches
            ],
        )
        events = [
            Event(e["id"], e["batch"], e["device"], e["at"], e["item"], e["field"], e.get("old"), e.get("new"))
            for e in backup.events
        ]
        added_events = apply_events(tx, events)
        snap = take(tx.conn)
        path_set = None
        if backup.active_path and queries.ACTIVE_PATH not in snap.meta and backup.active_path in snap.outline.paths:
            set_setting(tx, queries.ACTIVE_PATH, backup.active_path)
            path_set = backup.active_path
    return Imported(added_batches, added_events, path_set)
