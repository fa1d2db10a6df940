"""`note` and `notes`: the learner's written summaries (输出总结), kept per item."""

from __future__ import annotations

import os

from llmlanding.cli.env import Env
from llmlanding.cli.output import confirm, say, show, write_text
from llmlanding.errors import UsageError
from llmlanding.settings import today
from llmlanding.store.queries import read_aliases, read_notes, read_orphan_titles
from llmlanding.views.words import msg

TYPE_CHECKING = False
if TYPE_CHECKING:
    from llmlanding.domain.notes import Note
    from llmlanding.domain.outline import Outline
    from llmlanding.views.shapes import NoteJSON


def note(env: Env, *, item_id: str, text: str | None) -> None:
    from llmlanding.views.progress import change_view

    lang = env.lang
    if text is not None:
        if not text.strip():
            raise UsageError(f"nothing to add to the note of {item_id}: -m needs some text")

        from llmlanding.services.notes import add_paragraph

        show(change_view(add_paragraph(env.settings, item_id, text, today()), lang))
        return
    snap = env.snapshot()
    item = snap.outline.get(item_id)
    with env.reading() as conn:
        current = read_notes(conn, read_aliases(conn)).get(item.id)
    old = current.text if current else ""
    from llmlanding.cli.editor import edit

    new: str | None = edit(old, os.environ, item.id)
    if new == old:
        say(f"· {item.id} {item.title(lang)} — {msg(lang, 'note.unchanged')}")
        return
    if new is not None and not new.strip():
        if not old:
            say(f"· {item.id} {item.title(lang)} — {msg(lang, 'note.empty')}")
            return
        if not confirm(msg(lang, "note.delete", id=item.id)):
            say(msg(lang, "note.kept"))
            return
        new = None
    from llmlanding.services.notes import set_note

    show(change_view(set_note(env.settings, item.id, new), lang))


def list_notes(env: Env, *, item_id: str | None, as_json: bool) -> None:
    if as_json:
        from llmlanding.cli.output import print_json

        print_json(notes_data(env, item_id))
        return
    lang = env.lang
    snap = env.snapshot()
    found, gone = _notes(env, snap.outline)
    if item_id is not None:
        if item_id not in snap.outline.items and item_id in found:  # an orphan's note, by the id it had
            write_text(found[item_id].text)
            return
        item = snap.outline.get(item_id)
        if item.id not in found:
            say(msg(lang, "notes.none_for", id=item.id))
            return
        write_text(found[item.id].text)  # exactly as written, for piping
        return
    if not found:
        say(msg(lang, "notes.none"))
        return
    from llmlanding.views.notes import notes_view

    show(notes_view(found, snap.outline, lang, gone))


def notes_data(env: Env, item_id: str | None) -> list[NoteJSON]:
    """`notes [ID] --json`: every note, or the one of ID (none: an empty list)."""
    from llmlanding.views.notes import notes_json

    outline = env.snapshot().outline
    found, gone = _notes(env, outline)
    if item_id is not None:
        if item_id not in outline.items and item_id in found:  # an orphan's note, by the id it had
            found = {item_id: found[item_id]}
        else:
            item = outline.get(item_id)
            found = {item.id: found[item.id]} if item.id in found else {}
    return notes_json(found, outline, gone)


def _notes(env: Env, outline: Outline) -> tuple[dict[str, Note], dict[str, tuple[str, str]]]:
    """Every note, and the titles (zh, en) the ids no longer in the roadmap had, when a note is on one."""
    with env.reading() as conn:
        found = read_notes(conn, read_aliases(conn))
        gone = read_orphan_titles(conn) if any(i not in outline.items for i in found) else {}
    return found, gone
