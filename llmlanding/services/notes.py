"""Saving a note as one logged change: replacing it, or appending a dated paragraph under the lock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from llmlanding.domain.history import Change
from llmlanding.domain.notes import MAX_NOTE, dated_paragraph
from llmlanding.errors import UsageError
from llmlanding.services.tracking import Outcome
from llmlanding.settings import Settings
from llmlanding.store import queries
from llmlanding.store.snapshot import advance
from llmlanding.store.writer import transaction, write_batch


def set_note(settings: Settings, item_id: str, text: str | None) -> Outcome:
    """Save an item's note (None deletes it) as one logged change; nothing when it is already so."""
    return _save(settings, item_id, lambda _old: text)


def add_paragraph(settings: Settings, item_id: str, text: str, today: date, *, via: str = "") -> Outcome:
    """Append a dated paragraph to an item's note. The note is read under the write lock, so paragraphs added
    by several processes at once are all kept. `via` names who asked when it was not the learner at the
    command line (the assistant); `log` shows it in the batch's command (`note 3.1 (assistant)`)."""
    return _save(settings, item_id, lambda old: dated_paragraph(old, text, today), via)


def _save(settings: Settings, item_id: str, edit: Callable[[str | None], str | None], via: str = "") -> Outcome:
    with transaction(settings.db, settings.curriculum, roadmap=True) as tx:
        before = tx.snapshot()
        item = before.outline.get(item_id)
        values = queries.read_values(tx.conn, queries.read_aliases(tx.conn), ("note",), items=[item.id])
        old = values.get((item.id, "note"), (None, ""))[0] or None  # an emptied note is no note
        text = edit(old)
        if text is not None and len(text) > MAX_NOTE:  # a backup or a peer's sync would refuse it
            raise UsageError(
                f"the note on {item.id} would be {len(text):,} characters, more than {MAX_NOTE:,}; nothing was saved",
                key="note_too_long",
                id=item.id,
                size=f"{len(text):,}",
                most=f"{MAX_NOTE:,}",
            )
        changes = [] if old == text else [Change(item.id, "note", old, text)]
        after, batch = before, None
        if changes:
            written = write_batch(tx, f"note {item.id}" + (f" ({via})" if via else ""), changes)
            after, batch = advance(tx.conn, before, changes, written.at, undo=False), written.id
    return Outcome("note", [item.id], changes, after, batch=batch)
