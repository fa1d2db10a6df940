"""Reading the roadmap: `list` and `show`."""

from __future__ import annotations

from pathlib import Path

from llmlanding.cli.env import Env
from llmlanding.cli.output import print_json, show


def list_items(env: Env, *, item_id: str | None, depth: int | None, as_json: bool) -> None:
    snap = env.snapshot()
    levels = depth if depth is not None else (2 if item_id is None else 3)
    items = snap.outline.subtree(item_id, levels)
    if as_json:
        from llmlanding.views.shapes import list_json

        print_json(list_json(snap.outline, items, snap.states))
        return
    from llmlanding.views.roadmap import list_tree

    show(list_tree(snap.outline, items, env.lang, snap.states))


def show_item(env: Env, *, item_id: str, as_json: bool) -> None:
    from llmlanding.store.queries import read_aliases, read_notes, read_repos

    snap = env.snapshot()
    item = snap.outline.get(item_id)
    with env.reading() as conn:
        aliases = read_aliases(conn)
        note = read_notes(conn, aliases).get(item.id)
        repo = read_repos(conn, aliases).get(item.id)
    summary = None
    if repo is not None:
        from llmlanding.sync.repos import inspect_repo

        summary = inspect_repo(Path(repo))
    if as_json:
        from llmlanding.views.shapes import show_json
        from llmlanding.views.sharing import repo_json

        data = show_json(snap.outline, item, snap.states)
        data["note"] = note.text if note else None
        data["repo"] = repo_json(item.id, summary) if summary else None
        print_json(data)
        return
    from llmlanding.views.roadmap import show_view

    view = show_view(snap.outline, item, env.lang, snap.states, note.text if note else None)
    if summary is not None:
        from rich.console import Group

        from llmlanding.views.sharing import repo_line

        show(Group(view, repo_line(summary, env.lang)))
    else:
        show(view)
