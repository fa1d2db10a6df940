"""`search` and `open`."""

from __future__ import annotations

import os
import sys

from llmlanding.cli.env import Env
from llmlanding.cli.output import on_terminal, print_json, show, write_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from llmlanding.domain.outline import Item
    from llmlanding.domain.search import Hit
    from llmlanding.domain.snapshot import Orphaned
    from llmlanding.views.shapes import SearchHitJSON


def search(env: Env, *, query: list[str], limit: int, as_json: bool) -> None:
    snap = env.snapshot()
    groups, hits, orphans = _hits(env, " ".join(query), limit)
    if as_json:
        from llmlanding.views.search import search_json

        print_json(search_json(hits, snap.outline, orphans))
        return
    from llmlanding.views.search import search_view

    show(search_view(hits, snap.outline, [word for group in groups for word in group], env.lang, orphans))


def search_data(env: Env, query: str, limit: int) -> list[SearchHitJSON]:
    """`search QUERY --json`: the best `limit` hits."""
    from llmlanding.views.search import search_json

    _groups, hits, orphans = _hits(env, query, limit)
    return search_json(hits, env.snapshot().outline, orphans)


def _hits(env: Env, query: str, limit: int) -> tuple[list[tuple[str, ...]], list[Hit], dict[str, Orphaned]]:
    """The best `limit` hits for the query, with each of its words and the words it may also be."""
    from llmlanding.domain.search import alternatives, rank, terms_of
    from llmlanding.store.search_index import search_docs

    snap = env.snapshot()
    terms = terms_of(query)
    groups = [alternatives(term) for term in terms]
    with env.reading() as conn:
        docs = search_docs(conn, groups)
        orphans = {}
        if any(doc.item_id not in snap.outline.items for doc in docs):
            from llmlanding.store.queries import read_orphans

            orphans = {orphan.id: orphan for orphan in read_orphans(conn, snap.outline)}
        hits = rank(docs, snap.outline, terms, orphans)[:limit]
    return groups, hits, orphans


def open_item(env: Env, *, item_id: str, paper: int | None, link: int | None) -> None:
    from llmlanding.domain.refs import choose_url

    snap = env.snapshot()
    item = snap.outline.get(item_id)
    if paper is None and link is None and item.kind == "chapter" and on_terminal():
        paper, link = _choose(env, item)
    url = choose_url(snap.outline, item, paper, link)
    write_text(url + "\n")
    open_url(url)


def browser() -> str:
    """The learner's $BROWSER, or "" when it is not set."""
    return os.environ.get("BROWSER", "").strip()


def open_url(url: str) -> bool:
    """Open the address with $BROWSER when it is set (a terminal browser over SSH, wslview on WSL), else in a
    browser window where one could appear; False where none could."""
    setting = browser()
    if setting:
        run_browser(setting, url)
        return True
    if not has_display():
        return False
    import webbrowser

    return webbrowser.open(url)


def _choose(env: Env, item: Item) -> tuple[int | None, int | None]:
    """A chapter holds many links: list them, its papers after, and ask which to open (Enter: the first).
    Gives (paper, link) as `--paper`/`--link` would."""
    from llmlanding.cli.output import ask
    from llmlanding.domain.refs import refs_of
    from llmlanding.errors import UsageError
    from llmlanding.views.roadmap import choices_view
    from llmlanding.views.words import msg

    refs = refs_of(env.snapshot().outline, item)
    entries = [(x.title, x.url) for x in refs.links] + [(p.title, p.url) for p in refs.papers]
    if len(entries) < 2:
        return None, None
    show(choices_view(entries))
    answer = (ask(msg(env.lang, "open.which", n=len(entries))) or "").strip() or "1"
    if not answer.isdigit() or not 1 <= int(answer) <= len(entries):
        raise UsageError(
            f"{item.id} has {len(entries)} addresses to open; give a number from 1 to {len(entries)}",
            key="open_range",
            id=item.id,
            n=len(entries),
        )
    number = int(answer)
    return (None, number) if number <= len(refs.links) else (number - len(refs.links), None)


def run_browser(setting: str, url: str) -> None:
    """Open `url` with $BROWSER, with or without a display (SSH with w3m, WSL with wslview): its commands,
    separated by the path separator, are tried in turn until one starts; `%s` in one stands for the address,
    else the address comes last. No shell runs: the address is one argument."""
    import shlex
    import subprocess

    from llmlanding.errors import LLMLandingError

    for command in filter(None, (part.strip() for part in setting.split(os.pathsep))):
        try:
            words = shlex.split(command)
        except ValueError:
            continue
        args = [word.replace("%s", url) for word in words] if "%s" in command else [*words, url]
        try:
            subprocess.run(args, check=False, stdin=subprocess.DEVNULL)
            return
        except OSError:
            continue
    raise LLMLandingError(
        f"$BROWSER is '{setting}', which could not be run; the address is printed above",
        key="browser_failed",
        setting=setting,
    )


def has_display() -> bool:
    """Whether a browser window could appear: always on macOS and Windows, with X11 or Wayland elsewhere."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
