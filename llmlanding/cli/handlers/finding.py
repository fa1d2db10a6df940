"""`search` and `open`."""

from __future__ import annotations

import os
import sys

from llmlanding.cli.env import Env
from llmlanding.cli.output import print_json, show, write_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from llmlanding.domain.search import Hit
    from llmlanding.domain.snapshot import Orphaned
    from llmlanding.views.shapes import SearchHitJSON


def search(env: Env, *, query: list[str], limit: int, as_json: bool) -> None:
    snap = env.snapshot()
    terms, hits, orphans = _hits(env, " ".join(query), limit)
    if as_json:
        from llmlanding.views.search import search_json

        print_json(search_json(hits, snap.outline, orphans))
        return
    from llmlanding.views.search import search_view

    show(search_view(hits, snap.outline, terms, env.lang, orphans))


def search_data(env: Env, query: str, limit: int) -> list[SearchHitJSON]:
    """`search QUERY --json`: the best `limit` hits."""
    from llmlanding.views.search import search_json

    _terms, hits, orphans = _hits(env, query, limit)
    return search_json(hits, env.snapshot().outline, orphans)


def _hits(env: Env, query: str, limit: int) -> tuple[list[str], list[Hit], dict[str, Orphaned]]:
    from llmlanding.domain.search import rank, terms_of
    from llmlanding.store.queries import search_docs

    snap = env.snapshot()
    terms = terms_of(query)
    with env.reading() as conn:
        docs = search_docs(conn, terms)
        orphans = {}
        if any(doc.item_id not in snap.outline.items for doc in docs):
            from llmlanding.store.queries import read_orphans

            orphans = {orphan.id: orphan for orphan in read_orphans(conn, snap.outline)}
        hits = rank(docs, snap.outline, terms, orphans)[:limit]
    return terms, hits, orphans


def open_item(env: Env, *, item_id: str, paper: int | None, link: int | None) -> None:
    from llmlanding.domain.refs import choose_url

    snap = env.snapshot()
    url = choose_url(snap.outline, snap.outline.get(item_id), paper, link)
    write_text(url + "\n")
    if has_display():
        import webbrowser

        webbrowser.open(url)


def has_display() -> bool:
    """Whether a browser window could appear: always on macOS and Windows, with X11 or Wayland elsewhere."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
