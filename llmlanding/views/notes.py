"""Rich views of notes: the list of items that have one. Returns renderables; nothing here prints."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import RenderableType

from llmlanding.domain.notes import Note, first_line, shorten
from llmlanding.domain.outline import Outline
from llmlanding.domain.stamps import local_times
from llmlanding.views.fit import Grid
from llmlanding.views.words import pick

FIRST_LINE = 60  # columns of a note's first line in the list

TYPE_CHECKING = False
if TYPE_CHECKING:
    from llmlanding.domain.snapshot import Snapshot
    from llmlanding.views.shapes import NoteJSON, QuizJSON, TitleJSON


def _ordered(found: dict[str, Note], outline: Outline) -> list[str]:
    """The ids with notes in roadmap order, orphaned ones last."""
    items = outline.items.keys()  # in roadmap order: one pass over it, not an item built per note to sort by
    return [i for i in items if i in found] + [i for i in found if i not in items]


def notes_json(found: dict[str, Note], outline: Outline, gone: Mapping[str, tuple[str, str]]) -> list[NoteJSON]:
    """`notes --json`: every note in roadmap order (orphaned ones last, by the titles they had, `gone`: zh, en),
    exactly as written."""
    from llmlanding.views.shapes import title

    return [
        {
            "id": note_id,
            "title": title(outline.items[note_id]) if note_id in outline.items else _title_it_had(note_id, gone),
            "at": found[note_id].at,
            "note": found[note_id].text,
        }
        for note_id in _ordered(found, outline)
    ]


def quiz_json(snap: Snapshot, item_id: str, found: dict[str, Note]) -> QuizJSON:
    """An item's titles, description and place, the learner's notes on it and below it, and its papers: what
    an assistant quizzes from."""
    from llmlanding.domain.papers import library
    from llmlanding.views.shapes import item_json, library_json, parents_json, title

    outline = snap.outline
    item = outline.get(item_id)
    shown = item_json(outline, item, snap.states)
    note = found.get(item.id)
    below = [outline.items[i] for i in outline.descendants(item.id)]
    return {
        "id": item.id,
        "kind": item.kind,
        "title": title(item),
        "parents": parents_json(outline, item),
        "description": shown["description"],
        "status": shown["status"],
        "note": note.text if note else None,
        "topics": [
            {
                "id": child.id,
                "title": title(child),
                "status": item_json(outline, child, snap.states)["status"],
                "note": found[child.id].text if child.id in found else None,
            }
            for child in below
        ],
        "papers": library_json(library(outline, snap.read, item.id)),
    }


def notes_view(
    found: dict[str, Note], outline: Outline, lang: str, gone: Mapping[str, tuple[str, str]] | None = None
) -> RenderableType:
    """One row per note in roadmap order (orphaned ones last, by the titles they had, `gone`: zh, en): id,
    title, when saved, its first line. Columns laid out by hand: rich's Table measures every cell several
    times, which a few thousand notes make slow."""
    ids = _ordered(found, outline)
    notes = [found[note_id] for note_id in ids]
    named = outline.titles_of(ids, lang)
    rows = list(
        zip(
            ids,
            [pick(_title_it_had(i, gone or {}), lang) if t is None else t for i, t in zip(ids, named, strict=True)],
            local_times(note.at for note in notes),
            [shorten(first_line(note.text), FIRST_LINE) for note in notes],
            strict=True,
        )
    )
    return Grid(rows, right=set(), styles=("cyan", "", "dim", "dim"))


def _title_it_had(note_id: str, gone: Mapping[str, tuple[str, str]]) -> TitleJSON:
    """An orphan's titles (zh, en) as it had them; its id where the roadmap never named it."""
    zh, en = gone.get(note_id, (note_id, note_id))
    return {"zh": zh, "en": en}
