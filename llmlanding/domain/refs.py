"""`open`: an item's papers and links numbered as `show` numbers them, and choosing the address to open."""

from __future__ import annotations

from dataclasses import dataclass

from llmlanding.domain.outline import Item, LinkRef, Outline, PaperRef
from llmlanding.errors import UsageError


@dataclass(frozen=True)
class Refs:
    """An item's papers and links numbered as `show` numbers them (a section gathers its topics')."""

    papers: list[PaperRef]
    links: list[LinkRef]


def refs_of(outline: Outline, item: Item) -> Refs:
    sources = [item] + ([outline.items[c] for c in item.children] if item.kind == "section" else [])
    return Refs([p for s in sources for p in s.papers], [link for s in sources for link in s.links])


def choose_url(outline: Outline, item: Item, paper: int | None, link: int | None) -> str:
    refs = refs_of(outline, item)
    if paper is not None and link is not None:
        raise UsageError("give --paper or --link, not both")
    if paper is not None:
        if not 1 <= paper <= len(refs.papers):
            raise UsageError(f"{item.id} has {len(refs.papers)} papers; --paper takes 1 to {len(refs.papers)}")
        url = refs.papers[paper - 1].url
    elif link is not None:
        if not 1 <= link <= len(refs.links):
            raise UsageError(f"{item.id} has {len(refs.links)} links; --link takes 1 to {len(refs.links)}")
        url = refs.links[link - 1].url
    elif refs.links:
        url = refs.links[0].url
    elif refs.papers:
        url = refs.papers[0].url
    else:
        raise UsageError(f"{item.id} has no links or papers to open")
    if not url.lower().startswith(("https://", "http://")):  # the loader allows no other, but never trust a file
        raise UsageError(f"refusing to open '{url}': only http(s) addresses are opened")
    return url
