"""`open`: an item's papers and links numbered as `show` numbers them, and choosing the address to open."""

from __future__ import annotations

from dataclasses import dataclass

from llmlanding.domain.outline import Item, LinkRef, Outline, PaperRef
from llmlanding.errors import UsageError


@dataclass(frozen=True)
class Refs:
    """An item's papers and links numbered as `show` numbers them: a section gathers its topics', a chapter
    everything in it, in roadmap order."""

    papers: list[PaperRef]
    links: list[LinkRef]


def refs_of(outline: Outline, item: Item) -> Refs:
    sources = [item] + [outline.items[d] for d in outline.descendants(item.id)]
    return Refs([p for s in sources for p in s.papers], [link for s in sources for link in s.links])


def choose_url(outline: Outline, item: Item, paper: int | None, link: int | None) -> str:
    refs = refs_of(outline, item)
    if paper is not None and link is not None:
        raise UsageError("give --paper or --link, not both", key="paper_and_link")
    if paper is not None:
        url = _numbered(item, "paper", [p.url for p in refs.papers], paper, refs)
    elif link is not None:
        url = _numbered(item, "link", [x.url for x in refs.links], link, refs)
    elif refs.links:
        url = refs.links[0].url
    elif refs.papers:
        url = refs.papers[0].url
    else:
        raise UsageError(f"{item.id} has no links or papers to open", key="nothing_to_open", id=item.id)
    if not url.lower().startswith(("https://", "http://")):  # the loader allows no other, but never trust a file
        raise UsageError(f"refusing to open '{url}': only http(s) addresses are opened", key="not_http", url=url)
    return url


def _numbered(item: Item, kind: str, urls: list[str], number: int, refs: Refs) -> str:
    """The `number`-th of the item's papers or links, or an error that says what it has instead."""
    if 1 <= number <= len(urls):
        return urls[number - 1]
    if not urls:
        other, count = ("link", len(refs.links)) if kind == "paper" else ("paper", len(refs.papers))
        instead = f"; it has {_count(count, other)}: llmlanding open {item.id} --{other} N" if count else ""
        raise UsageError(
            f"{item.id} has no {kind}s{instead}",
            key=(("no_papers_one_link" if count == 1 else "no_papers_links") if count else "no_papers")
            if kind == "paper"
            else (("no_links_one_paper" if count == 1 else "no_links_papers") if count else "no_links"),
            id=item.id,
            n=count,
        )
    if len(urls) == 1:
        raise UsageError(
            f"{item.id} has one {kind}: --{kind} 1", key="one_paper" if kind == "paper" else "one_link", id=item.id
        )
    raise UsageError(
        f"{item.id} has {len(urls)} {kind}s; --{kind} takes 1 to {len(urls)}",
        key="paper_range" if kind == "paper" else "link_range",
        id=item.id,
        n=len(urls),
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
