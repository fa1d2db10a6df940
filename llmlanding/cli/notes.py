"""`note` and `notes`: the learner's written summaries (输出总结), kept per item."""

from __future__ import annotations

import os
import sys
from datetime import date
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from llmlanding.cli.completion import complete_id
from llmlanding.cli.editor import edit
from llmlanding.cli.output import show
from llmlanding.cli.state import state
from llmlanding.domain.notes import dated_paragraph
from llmlanding.domain.stamps import local_time
from llmlanding.services.notes import set_note
from llmlanding.store.queries import read_aliases, read_notes
from llmlanding.views.progress import change_view

IdArgument = Annotated[
    str,
    typer.Argument(metavar="ID", help="A chapter (3), section (3.2) or topic (3.2.1).", autocompletion=complete_id),
]


def note(
    ctx: typer.Context,
    item_id: IdArgument,
    message: Annotated[
        str | None,
        typer.Option("--message", "-m", metavar="TEXT", help="Append TEXT as a dated paragraph, without an editor."),
    ] = None,
) -> None:
    """Write the note on an item in $VISUAL/$EDITOR (markdown), or append a paragraph with -m."""
    app_state = state(ctx)
    lang = app_state.lang
    snap = app_state.snapshot()
    item = snap.outline.get(item_id)
    with app_state.reading() as conn:
        current = read_notes(conn, read_aliases(conn)).get(item.id)
    old = current.text if current else ""
    if message is not None:
        new: str | None = dated_paragraph(old, message, date.today())
    else:
        new = edit(old, os.environ, item.id)
    if new == old:
        show(Text(f"· {item.id} {item.title(lang)} — " + ("笔记没有变化" if lang == "zh" else "note unchanged")))
        return
    if new is not None and not new.strip():
        if not old:
            show(
                Text(
                    f"· {item.id} {item.title(lang)} — " + ("笔记为空，未保存" if lang == "zh" else "empty, not saved")
                )
            )
            return
        prompt = f"删除 {item.id} 的笔记？" if lang == "zh" else f"Delete the note on {item.id}?"
        if not typer.confirm(prompt, default=False):
            show(Text("笔记未改变。" if lang == "zh" else "The note was not changed."))
            return
        new = None
    show(change_view(set_note(app_state.settings, item.id, new), lang))


def list_notes(
    ctx: typer.Context,
    item_id: Annotated[
        str | None,
        typer.Argument(metavar="ID", help="Print this item's note as it is.", autocompletion=complete_id),
    ] = None,
) -> None:
    """Print one item's note, or list the items that have notes."""
    app_state = state(ctx)
    lang = app_state.lang
    snap = app_state.snapshot()
    with app_state.reading() as conn:
        found = read_notes(conn, read_aliases(conn))
    if item_id is not None:
        item = snap.outline.get(item_id)
        if item.id not in found:
            show(Text(f"{item.id} 还没有笔记" if lang == "zh" else f"{item.id} has no note yet"))
            return
        sys.stdout.write(found[item.id].text)  # exactly as written, for piping
        return
    if not found:
        show(Text("还没有笔记：llmlanding note ID" if lang == "zh" else "No notes yet: llmlanding note ID"))
        return
    table = Table(box=None, pad_edge=False, show_header=False)
    table.add_column(style="cyan")
    table.add_column()
    table.add_column(style="dim")
    table.add_column(style="dim")
    ordered = sorted(found, key=lambda i: snap.outline.items[i].position if i in snap.outline.items else 10**9)
    for note_id in ordered:
        noted = snap.outline.items.get(note_id)
        first = next((line for line in found[note_id].text.splitlines() if line.strip()), "")
        title = noted.title(lang) if noted else note_id
        table.add_row(note_id, title, local_time(found[note_id].at), first[:60])
    show(table)
