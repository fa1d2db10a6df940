"""Read-only commands over the roadmap: `list` and `show`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Group

from llmlanding.cli.completion import complete_id
from llmlanding.cli.output import print_json, show
from llmlanding.cli.state import state
from llmlanding.store.queries import read_aliases, read_notes, read_repos
from llmlanding.views import shapes
from llmlanding.views.roadmap import list_tree, show_view
from llmlanding.views.sharing import repo_json, repo_line

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
    show(list_tree(snap.outline, items, app_state.lang, snap.states))


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
        aliases = read_aliases(conn)
        note = read_notes(conn, aliases).get(item.id)
        repo = read_repos(conn, aliases).get(item.id)
    summary = None
    if repo is not None:
        from llmlanding.sync.repos import inspect_repo

        summary = inspect_repo(Path(repo))
    if as_json:
        data = shapes.show_json(snap.outline, item, snap.states)
        data["note"] = note.text if note else None
        data["repo"] = repo_json(item.id, summary) if summary else None
        print_json(data)
        return
    view = show_view(snap.outline, item, app_state.lang, snap.states, note.text if note else None)
    show(Group(view, repo_line(summary, app_state.lang)) if summary else view)
