"""`search` and `open`."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer
from rich.console import Group
from rich.text import Text

from llmlanding.cli.browse import JsonOption
from llmlanding.cli.completion import complete_id
from llmlanding.cli.output import print_json, show
from llmlanding.cli.state import state
from llmlanding.domain.refs import choose_url
from llmlanding.domain.search import rank, terms_of
from llmlanding.store.queries import search_docs
from llmlanding.views import shapes

FIELD_LABELS = {
    "zh": {
        "title_zh": "标题",
        "title_en": "英文标题",
        "note": "笔记",
        "paper": "论文",
        "description": "说明",
        "link": "链接",
    },
    "en": {
        "title_zh": "title",
        "title_en": "title",
        "note": "note",
        "paper": "paper",
        "description": "about",
        "link": "link",
    },
}


def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(metavar="QUERY...", help="Words to find (all must match).")],
    limit: Annotated[int, typer.Option("--count", "-n", min=1, help="How many items to show.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Find items by their titles (both languages), papers, links and notes."""
    app_state = state(ctx)
    lang = app_state.lang
    snap = app_state.snapshot()
    terms = terms_of(" ".join(query))
    with app_state.reading() as conn:
        hits = rank(search_docs(conn, terms), snap.outline, terms)[:limit]
    if as_json:
        print_json(
            [
                {
                    **{
                        k: v
                        for k, v in shapes.item_json(snap.outline, snap.outline.items[h.item_id]).items()
                        if k in ("id", "kind", "title")
                    },
                    "score": round(h.score, 3),
                    "matches": [{"field": d.field, "text": d.text} for d in h.matches],
                }
                for h in hits
            ]
        )
        return
    if not hits:
        show(Text("没有找到。" if lang == "zh" else "Nothing found."))
        return
    lines: list[Text] = []
    for hit in hits:
        item = snap.outline.items[hit.item_id]
        head = Text()
        head.append(f"{item.id}  ", style="bold cyan")
        head.append(item.title(lang), style="bold")
        head.highlight_words(terms, "reverse", case_sensitive=False)
        lines.append(head)
        for doc in hit.matches:
            if doc.field.startswith("title"):
                continue
            text = " ".join(doc.text.split())
            line = Text(f"    {FIELD_LABELS[lang].get(doc.field, doc.field)}: ", style="dim")
            line.append(text[:150] + ("…" if len(text) > 150 else ""))
            line.highlight_words(terms, "reverse", case_sensitive=False)
            lines.append(line)
    show(Group(*lines))


def open_item(
    ctx: typer.Context,
    item_id: Annotated[
        str, typer.Argument(metavar="ID", help="The item whose link to open.", autocompletion=complete_id)
    ],
    paper: Annotated[
        int | None, typer.Option("--paper", metavar="N", help="Open its N-th paper (as numbered by show).")
    ] = None,
    link: Annotated[
        int | None, typer.Option("--link", metavar="N", help="Open its N-th link (as numbered by show).")
    ] = None,
) -> None:
    """Open an item's link in the browser (the first link by default) and print the address."""
    app_state = state(ctx)
    snap = app_state.snapshot()
    url = choose_url(snap.outline, snap.outline.get(item_id), paper, link)
    sys.stdout.write(url + "\n")
    if has_display():
        import webbrowser

        webbrowser.open(url)


def has_display() -> bool:
    """Whether a browser window could appear: always on macOS and Windows, with X11 or Wayland elsewhere."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
