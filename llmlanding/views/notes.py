"""Rich views of notes: the list of items that have one. Returns renderables; nothing here prints."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.text import Text

from llmlanding.domain.notes import Note, first_line, shorten
from llmlanding.domain.outline import Outline
from llmlanding.domain.stamps import local_time
from llmlanding.views.fit import Line
from llmlanding.views.progress import columns
from llmlanding.views.words import pick

FIRST_LINE = 60  # columns of a note's first line in the list


def notes_view(
    found: dict[str, Note], outline: Outline, lang: str, gone: Mapping[str, tuple[str, str]] | None = None
) -> RenderableType:
    """One row per note in roadmap order (orphaned ones last, by the titles they had, `gone`: zh, en): id,
    title, when saved, its first line. Columns laid out by hand: rich's Table measures every cell several
    times, which a few thousand notes make slow."""
    ordered = sorted(found, key=lambda i: outline.items[i].position if i in outline.items else 10**9)
    rows = []
    for note_id in ordered:
        noted = outline.items.get(note_id)
        rows.append(
            [
                Text(note_id, style="cyan"),
                Text(noted.title(lang) if noted else _title_it_had(note_id, gone or {}, lang)),
                Text(local_time(found[note_id].at), style="dim"),
                Text(shorten(first_line(found[note_id].text), FIRST_LINE), style="dim"),
            ]
        )
    return Group(*[Line(line) for line in columns(rows, right=set())])


def _title_it_had(note_id: str, gone: Mapping[str, tuple[str, str]], lang: str) -> str:
    zh, en = gone.get(note_id, (note_id, note_id))
    return pick({"zh": zh, "en": en}, lang)
