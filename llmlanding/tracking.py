"""The write commands as plain functions: tick items off, undo, choose a learning path.

Each call is one transaction: every id is checked before anything is written, a change that changes nothing
logs nothing, and the result carries the snapshot after the change for the caller to render.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import queries
from .backup import Backup
from .errors import UsageError
from .outline import PHASES
from .progress import COMMANDS, TODO, plan
from .queries import BatchView
from .settings import Settings
from .snapshot import Snapshot, take
from .store.tables import BatchRow
from .store.writer import Change, Event, Tx, add_batches, apply_events, set_setting, transaction, write_batch


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
    active_path: str | None = None  # set from the backup, when this home had none
    note_conflicts: list[str] = field(default_factory=list)  # items whose note was edited on two machines


NOTE_BOTH = "<!-- llmlanding: this note was edited on two machines; both texts are kept -->"
NOTE_OTHER = "<!-- llmlanding: the other machine's text -->"


def merged_note(first: str, second: str) -> str:
    """Both texts, marked; `first` is the one written earlier, so every machine makes the very same text and the
    merge itself never conflicts again."""
    return f"{NOTE_BOTH}\n\n{first.rstrip()}\n\n{NOTE_OTHER}\n\n{second.rstrip()}\n"


def merge_log(tx: Tx, batches: list[BatchRow], events: list[Event]) -> Imported:
    """Add batches and events made elsewhere, by id, inside the caller's transaction. Progress merges by the
    latest change winning; a note edited on both sides keeps both texts in a new, logged change."""
    aliases = queries.read_aliases(tx.conn)
    known = {row[0] for row in tx.conn.execute("SELECT id FROM event")}
    notes_before = queries.read_values(tx.conn, aliases, ("note",))
    added_batches = add_batches(tx, batches)
    added_events = apply_events(tx, events)
    conflicts: list[str] = []
    incoming: dict[str, list[Event]] = {}
    for event in sorted((e for e in events if e.field == "note" and e.id not in known), key=lambda e: (e.at, e.id)):
        incoming.setdefault(aliases.get(event.item_id, event.item_id), []).append(event)
    for item_id, chain in incoming.items():
        local, local_at = notes_before.get((item_id, "note"), (None, ""))
        last = chain[-1]
        if local is None or last.new is None:
            continue
        seen_by_them = any(local in (e.old, e.new) for e in chain) or local.strip() in last.new
        if seen_by_them or last.new.strip() in local:
            continue  # one side already holds the other's text: the log's order is the answer
        earlier, later = (local, last.new) if local_at <= last.at else (last.new, local)
        text = merged_note(earlier, later)
        current = queries.read_values(tx.conn, aliases, ("note",)).get((item_id, "note"), (None, ""))[0]
        if current != text:
            write_batch(tx, f"merge note {item_id}", [Change(item_id, "note", current, text)])
            conflicts.append(item_id)
    return Imported(added_batches, added_events, None, conflicts)


def import_backup(settings: Settings, backup: Backup) -> Imported:
    """Merge a backup's log into this home by event id: what is here already is skipped, nothing is replaced."""
    with transaction(settings.home, settings.curriculum) as tx:
        result = merge_log(
            tx,
            [
                BatchRow(id=b["id"], device_id=b["device"], at=b["at"], command=b["command"], undoes=b.get("undoes"))
                for b in backup.batches
            ],
            [
                Event(e["id"], e["batch"], e["device"], e["at"], e["item"], e["field"], e.get("old"), e.get("new"))
                for e in backup.events
            ],
        )
        snap = take(tx.conn)
        if backup.active_path and queries.ACTIVE_PATH not in snap.meta and backup.active_path in snap.outline.paths:
            set_setting(tx, queries.ACTIVE_PATH, backup.active_path)
            result.active_path = backup.active_path
    return result


def link_repo(settings: Settings, item_id: str, repo: str, has_commits: bool) -> Outcome:
    """Record a repository as a leaf's hands-on code; with commits in it, the practice phase is done too."""
    with transaction(settings.home, settings.curriculum) as tx:
        before = take(tx.conn)
        item = before.outline.get(item_id)
        if not item.is_leaf:
            raise UsageError(f"{item.id} has topics; link the code to one of them, e.g. {item.children[0]}")
        current = queries.read_repos(tx.conn, queries.read_aliases(tx.conn)).get(item.id)
        changes = [] if current == repo else [Change(item.id, "repo", current, repo)]
        if has_commits:
            state = before.state(item.id)
            fields = state.fields()
            changes += [Change(item.id, f, fields[f], v) for f, v in plan("done", state, "practice").items()]
        if changes:
            write_batch(tx, f"practice link {item.id} {repo}", changes)
        after = take(tx.conn)
    return Outcome("practice", [item.id], changes, after)
