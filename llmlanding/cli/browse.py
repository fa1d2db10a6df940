"""Read-only commands over the roadmap: `list` and `show`."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import render, shapes
from ..queries import read_aliases, read_notes
from .completion import complete_id
from .output import print_json, show
from .state import state

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (see docs/json.md) instead of a view.")]


def list_items(
    ctx: typer.Context,
    item_id: Annotated[
        str | None,
        typer.Argument(metavar="ID", help="Only this item and what is below it.", autocompletion=complete_id),
    ] = None,
    depth: Annotated[
        int | None,
        typer.Option("--depth", "-d", min=1, help="Levels to show: 1 = chapters only. [default: 2, or all below ID]"),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Show the roadmap as a tree: chapters, sections and topics."""
    app_state = state(ctx)
    snap = app_state.snapshot()
    levels = depth if depth is not None else (2 if item_id is None else 3)
    items = snap.outline.subtree(item_id, levels)
    if as_json:
        print_json(shapes.list_json(snap.outline, items, snap.states))
        return
    show(render.list_tree(snap.outline, items, app_state.lang, snap.states))


def show_item(
    ctx: typer.Context,
    item_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="A chapter (3), section (3.2) or topic (3.2.1).", autocompletion=complete_id),
    ],
    as_json: JsonOption = False,
) -> None:
    """Show one item: both titles, where it sits, what it holds, its papers and links."""
    app_state = state(ctx)
    snap = app_state.snapshot()
    item = snap.outline.get(item_id)
    with app_state.reading() as conn:
        note = read_notes(conn, read_aliases(conn)).get(item.id)
    if as_json:
        data = shapes.show_json(snap.outline, item, snap.states)
        data["note"] = note.text if note else None
        print_json(data)
        return
    show(render.show_view(snap.outline, item, app_state.lang, snap.states, note.text if note else None))
