"""`search` and `open`: ranking what the index found, and choosing which address to open. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import UsageError
from .outline import Item, LinkRef, Outline, PaperRef
from .queries import SearchDoc

# How much a match counts, by where it is: a title names the item, a link only mentions it.
WEIGHTS = {"title_zh": 10.0, "title_en": 10.0, "note": 6.0, "paper": 4.0, "description": 3.0, "link": 2.0}


@dataclass
class Hit:
    item_id: str
    score: float
    matches: list[SearchDoc] = field(default_factory=list)


def terms_of(query: str) -> list[str]:
    terms = [term for term in query.split() if term]
    if not terms:
        raise UsageError("search needs at least one word, e.g. llmlanding search lora")
    return terms


def rank(docs: list[SearchDoc], outline: Outline, terms: list[str]) -> list[Hit]:
    """One hit per item, best first: weighted by where the words matched, and by how much of a title they fill,
    so `微调` puts chapter 6 (LLM微调) before a long topic title that merely contains it."""
    hits: dict[str, Hit] = {}
    total = sum(len(term) for term in terms)
    for doc in docs:
        if doc.item_id not in outline.items:
            continue
        hit = hits.setdefault(doc.item_id, Hit(doc.item_id, 0.0))
        weight = WEIGHTS.get(doc.field, 1.0)
        density = min(total / max(len(doc.text), 1), 1.0)
        hit.score += weight * (1.0 + density) - doc.rank  # bm25 is negative: lower is better
        hit.matches.append(doc)
    for hit in hits.values():
        hit.matches.sort(key=lambda d: (-WEIGHTS.get(d.field, 1.0), d.position))
    return sorted(hits.values(), key=lambda h: (-h.score, outline.items[h.item_id].position))


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
