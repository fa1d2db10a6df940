"""Saving a note as one logged change."""

from __future__ import annotations

from llmlanding.domain.history import Change
from llmlanding.services.tracking import Outcome
from llmlanding.settings import Settings
from llmlanding.store import queries
from llmlanding.store.snapshot import take
from llmlanding.store.writer import transaction, write_batch


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
