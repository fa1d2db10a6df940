"""Reading the roadmap: `list`, `show`, and `orphans`, the ids that left it with the learner's work."""

from __future__ import annotations

from pathlib import Path

from llmlanding.cli.env import Env
from llmlanding.cli.output import print_json, show

TYPE_CHECKING = False
if TYPE_CHECKING:
    from llmlanding.domain.snapshot import Orphaned
    from llmlanding.sync.repos import RepoSummary
    from llmlanding.views.shapes import OrphanedJSON, ShowJSON


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
    if as_json:
        print_json(show_data(env, item_id))
        return
    snap = env.snapshot()
    if item_id not in snap.outline.items and _show_orphan(env, item_id):
        return
    item = snap.outline.get(item_id)
    note, summary = _own_work(env, item.id)
    from llmlanding.views.roadmap import show_view

    view = show_view(snap.outline, item, env.lang, snap.states, note, snap.read)
    if summary is not None:
        from rich.console import Group

        from llmlanding.views.sharing import repo_line

        show(Group(view, repo_line(summary, env.lang)))
    else:
        show(view)


def show_data(env: Env, item_id: str) -> ShowJSON | OrphanedJSON:
    """`show ID --json`: the item with its note and linked code, or the orphan an old id names."""
    snap = env.snapshot()
    if item_id not in snap.outline.items:
        orphan = _orphan(env, item_id)
        if orphan is not None:
            from llmlanding.views.orphans import orphan_json

            return orphan_json(orphan)
    item = snap.outline.get(item_id)
    note, summary = _own_work(env, item.id)
    from llmlanding.views.shapes import show_json
    from llmlanding.views.sharing import repo_json

    data = show_json(snap.outline, item, snap.states, read=snap.read)
    data["note"] = note
    data["repo"] = repo_json(item.id, summary) if summary else None
    return data


def _own_work(env: Env, item_id: str) -> tuple[str | None, RepoSummary | None]:
    """The item's note and what its linked repository holds now."""
    from llmlanding.store.queries import read_aliases, read_notes, read_repos

    with env.reading() as conn:
        aliases = read_aliases(conn)
        note = read_notes(conn, aliases, item_id).get(item_id)
        repo = read_repos(conn, aliases, item_id).get(item_id)
    summary = None
    if repo is not None:
        from llmlanding.sync.repos import inspect_repo

        summary = inspect_repo(Path(repo))
    return (note.text if note else None), summary


def _orphan(env: Env, item_id: str) -> Orphaned | None:
    from llmlanding.store.queries import read_orphans

    with env.reading() as conn:
        return next((o for o in read_orphans(conn, env.snapshot().outline) if o.id == item_id), None)


def _show_orphan(env: Env, item_id: str) -> bool:
    """`show OLD` for an id that left the roadmap with work on it; False when it holds none."""
    orphan = _orphan(env, item_id)
    if orphan is None:
        return False
    from llmlanding.views.orphans import orphan_view

    show(orphan_view(orphan, env.lang))
    return True


def orphans(env: Env, *, as_json: bool) -> None:
    from llmlanding.store.queries import read_orphans

    snap = env.snapshot()
    with env.reading() as conn:
        found = read_orphans(conn, snap.outline)
    if as_json:
        from llmlanding.views.orphans import orphan_json

        print_json([orphan_json(orphan) for orphan in found])
        return
    from llmlanding.views.orphans import orphans_view

    show(orphans_view(found, env.lang))
