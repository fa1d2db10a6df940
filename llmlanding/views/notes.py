"""Rich views of notes: the list of items that have one. Returns a renderable; nothing here prints."""

from __future__ import annotations

from rich.console import RenderableType

from llmlanding.domain.notes import Note
from llmlanding.domain.outline import Outline
from llmlanding.domain.stamps import local_time


def notes_view(found: dict[str, Note], outline: Outline, lang: str) -> RenderableType:
    """One row per note in roadmap order (orphaned ones last): id, title, when saved, its first line."""
    from rich.table import Table

    table = Table(box=None, pad_edge=False, show_header=False)
    table.add_column(style="cyan")
    table.add_column()
    table.add_column(style="dim")
    table.add_column(style="dim")
    ordered = sorted(found, key=lambda i: outline.items[i].position if i in outline.items else 10**9)
    for note_id in ordered:
        noted = outline.items.get(note_id)
        first = next((line for line in found[note_id].text.splitlines() if line.strip()), "")
        title = noted.title(lang) if noted else note_id
        table.add_row(note_id, title, local_time(found[note_id].at), first[:60])
    return table
