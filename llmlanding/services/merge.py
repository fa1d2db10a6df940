"""Merging logs made elsewhere (a backup, another machine) into this home, by event id."""

from __future__ import annotations

from dataclasses import dataclass, field

from llmlanding.domain.history import Batch, Change, Event
from llmlanding.errors import UsageError
from llmlanding.services.backup import Backup
from llmlanding.settings import Settings
from llmlanding.store import queries
from llmlanding.store.writer import Tx, add_batches, apply_events, ids_present, set_setting, transaction, write_batch


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


def merge_log(tx: Tx, batches: list[Batch], events: list[Event]) -> Imported:
    """Add batches and events made elsewhere, by id, inside the caller's transaction, in bulk. Progress merges by
    the latest change winning; a note edited on both sides keeps both texts in a new, logged change."""
    aliases = queries.read_aliases(tx.conn)
    note_events = [e for e in events if e.field == "note"]
    known = ids_present(tx.conn, "event", (e.id for e in note_events))
    notes_before = queries.read_values(tx.conn, aliases, ("note",)) if note_events else {}
    added_batches = add_batches(tx, batches)
    added_events = apply_events(tx, events)
    conflicts: list[str] = []
    incoming: dict[str, list[Event]] = {}
    for event in sorted((e for e in note_events if e.id not in known), key=lambda e: (e.at, e.id)):
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
        now = queries.read_values(tx.conn, aliases, ("note",), items=[item_id])
        current = now.get((item_id, "note"), (None, ""))[0]
        if current != text:
            write_batch(tx, f"merge note {item_id}", [Change(item_id, "note", current, text)])
            conflicts.append(item_id)
    return Imported(added_batches, added_events, None, conflicts)


def another_roadmap(settings: Settings, backup: Backup, ours: str) -> UsageError:
    """One line: whose backup this is, and how to import it there."""
    from llmlanding.domain.eventcheck import printable
    from llmlanding.settings import registry_rows

    theirs = printable(str(backup.roadmap_id)[:64])
    known = {row[0]: row[2] for row in registry_rows(settings.home)}
    registered = theirs in known or theirs == "llmlanding"
    if registered:
        where = f"import it there: `llmlanding curriculum use {theirs}`, then import it again"
    else:
        where = "import it there: run with `--curriculum FILE` naming that roadmap's file, or `curriculum add FILE`"
    return UsageError(
        f"{backup.source or 'the file'} is a backup of roadmap '{theirs}', not of '{ours}', the roadmap in use; "
        f"nothing was imported; {where}",
        key="backup_other_roadmap" if registered else "backup_other_roadmap_file",
        path=backup.source or "the file",
        theirs=theirs,
        ours=ours,
    )


def another_edition(backup: Backup, theirs: str, ours: str) -> UsageError:
    """One line: a backup whose ids mean another edition's items, and what to do with it. Ids are positions in
    their edition: applied here, work would land on other items."""
    from llmlanding.domain.eventcheck import printable

    path = backup.source or "the file"
    shown, here = printable(theirs) or "(none)", ours or "(none)"
    return UsageError(
        f"{path} is a backup made on edition {shown} of the roadmap, and this home is on edition {here}: its ids "
        f"may name other items here; nothing was imported; import it into a home on edition {shown} "
        "(`llmlanding curriculum upgrade` brings a home to a newer edition)",
        key="backup_other_edition",
        path=path,
        theirs=shown,
        ours=here,
    )


def import_backup(settings: Settings, backup: Backup) -> Imported:
    """Merge a backup's log into this home by event id: what is here already is skipped, nothing is replaced."""
    batches = [Batch(b["id"], b["device"], b["at"], b["command"], b.get("undoes")) for b in backup.batches]
    events = [
        Event(e["id"], e["batch"], e["device"], e["at"], e["item"], e["field"], e.get("old"), e.get("new"))
        for e in backup.events
    ]
    with transaction(settings.db, settings.curriculum) as tx:
        recorded = queries.read_meta(tx.conn)
        ours = recorded.get(queries.ROADMAP_ID)
        if backup.roadmap_id and ours and backup.roadmap_id != ours:
            raise another_roadmap(settings, backup, ours)
        edition = recorded.get(queries.ROADMAP_EDITION, "")
        if backup.edition is not None and backup.roadmap_id == ours and backup.edition != edition:
            raise another_edition(backup, backup.edition, edition)
        result = merge_log(tx, batches, events)
        if backup.quarantine:
            from llmlanding.store.health import keep_quarantined

            keep_quarantined(tx.conn, backup.quarantine)
        meta = queries.read_meta(tx.conn)
        if (
            backup.active_path
            and queries.ACTIVE_PATH not in meta
            and backup.active_path in queries.read_path_ids(tx.conn)
        ):
            set_setting(tx, queries.ACTIVE_PATH, backup.active_path)
            result.active_path = backup.active_path
    return result
