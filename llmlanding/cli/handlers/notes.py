"""`note` and `notes`: the learner's written summaries (输出总结), kept per item."""

from __future__ import annotations

import os

from llmlanding.cli.env import Env
from llmlanding.cli.output import confirm, on_terminal, say, show, write_text
from llmlanding.domain.notes import filled, template
from llmlanding.errors import UsageError
from llmlanding.settings import today
from llmlanding.store.queries import read_aliases, read_notes, read_orphan_titles
from llmlanding.views.words import msg

TYPE_CHECKING = False
if TYPE_CHECKING:
    from llmlanding.domain.notes import Note
    from llmlanding.domain.outline import Item, Outline
    from llmlanding.services.tracking import Outcome
    from llmlanding.views.shapes import NoteJSON


def note(env: Env, *, item_id: str, text: str | None) -> None:
    if text is not None:
        from llmlanding.views.progress import change_view

        if not text.strip():
            raise UsageError(
                f"nothing to add to the note of {item_id}: -m needs some text", key="note_m_empty", id=item_id
            )

        from llmlanding.services.notes import add_paragraph

        show(change_view(add_paragraph(env.settings, item_id, text, today()), env.lang))
        return
    snap = env.snapshot()
    item = snap.outline.get(item_id)
    with env.reading() as conn:
        current = read_notes(conn, read_aliases(conn), item.id).get(item.id)
    outline = None if current or not item.is_leaf else template(template_headings(env.lang))
    edit_note(env, item, current.text if current else "", outline)


def edit_note(env: Env, item: Item, old: str, outline: str | None = None) -> None:
    """The editor on the item's note (`old`), or on `outline` for a new one; saves what comes back. A new note
    left empty, or with nothing under the template's headings, is refused: nothing is saved."""
    from llmlanding.cli.editor import edit
    from llmlanding.views.progress import change_view

    lang = env.lang
    new: str = edit(old or outline or "", os.environ, item.id)
    if outline is not None and not old:
        new = filled(new, template_headings(lang))
    if not old and not new.strip():
        raise UsageError(f"the note on {item.id} is empty; nothing was saved", key="note_empty", id=item.id)
    if new == old:
        say(f"· {item.id} {item.title(lang)} — {msg(lang, 'note.unchanged')}")
        return
    if not new.strip() and not confirm(msg(lang, "note.delete", id=item.id)):
        say(msg(lang, "note.kept"))
        return
    from llmlanding.services.notes import set_note

    show(change_view(set_note(env.settings, item.id, new if new.strip() else None), lang))


def offer_notes(env: Env, outcome: Outcome) -> None:
    """After `done --phase summary`: the method's summary is a note, so offer to write the ones missing. On a
    terminal with one topic, the editor opens on the template; otherwise one line says how."""
    outline = outcome.after.outline
    topics = [leaf for item_id in outcome.requested for leaf in outline.leaves_under(item_id)]
    with env.reading() as conn:
        noted = read_notes(conn, read_aliases(conn))
    missing = [topic for topic in dict.fromkeys(topics) if topic not in noted]
    if not missing:
        return
    if len(missing) == 1 and on_terminal():
        edit_note(env, outline.items[missing[0]], "", template(template_headings(env.lang)))
        return
    more = f" (+{len(missing) - 3})" if len(missing) > 3 else ""
    say(msg(env.lang, "note.missing", ids=", ".join(missing[:3]) + more, first=missing[0]))


def template_headings(lang: str) -> list[str]:
    return [msg(lang, key) for key in ("note.template_ideas", "note.template_built", "note.template_questions")]


def list_notes(env: Env, *, item_id: str | None, as_json: bool) -> None:
    if as_json:
        from llmlanding.cli.output import print_json

        print_json(notes_data(env, item_id))
        return
    lang = env.lang
    outline = env.outline()
    found, gone = _notes(env, outline)
    if item_id is not None:
        if item_id not in outline.items and item_id in found:  # an orphan's note, by the id it had
            write_text(found[item_id].text)
            return
        item = outline.get(item_id)
        if item.id not in found:
            say(msg(lang, "notes.none_for", id=item.id))
            return
        write_text(found[item.id].text)  # exactly as written, for piping
        return
    if not found:
        say(msg(lang, "notes.none"))
        return
    from llmlanding.views.notes import notes_view

    show(notes_view(found, outline, lang, gone))


def notes_data(env: Env, item_id: str | None) -> list[NoteJSON]:
    """`notes [ID] --json`: every note, or the one of ID (none: an empty list)."""
    from llmlanding.views.notes import notes_json

    outline = env.outline()
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
        gone = read_orphan_titles(conn) if found.keys() - outline.items.keys() else {}
    return found, gone
