"""`search`: ranking what the index found. An index row comes in as a `SearchDoc`; hits go out best first."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from llmlanding.domain.outline import Outline
from llmlanding.errors import UsageError


@dataclass(frozen=True, slots=True)
class SearchDoc:
    item_id: str
    field: str
    position: int
    text: str
    rank: float


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


def rank(docs: list[SearchDoc], outline: Outline, terms: list[str], orphans: Collection[str] = ()) -> list[Hit]:
    """One hit per item, best first: weighted by where the words matched, and by how much of a title they fill,
    so `微调` puts chapter 6 (LLM微调) before a long topic title that merely contains it. Ids no longer in the
    roadmap count only when they are among `orphans` (ids that still hold work), and rank after the roadmap's."""
    hits: dict[str, Hit] = {}
    total = sum(len(term) for term in terms)
    for doc in docs:
        if doc.item_id not in outline.items and doc.item_id not in orphans:
            continue
        hit = hits.setdefault(doc.item_id, Hit(doc.item_id, 0.0))
        weight = WEIGHTS.get(doc.field, 1.0)
        density = min(total / max(len(doc.text), 1), 1.0)
        hit.score += weight * (1.0 + density) - doc.rank  # bm25 is negative: lower is better
        hit.matches.append(doc)
    for hit in hits.values():
        hit.matches.sort(key=lambda d: (-WEIGHTS.get(d.field, 1.0), d.position))
    beyond = len(outline.items)
    return sorted(
        hits.values(),
        key=lambda h: (-h.score, outline.items[h.item_id].position if h.item_id in outline.items else beyond),
    )
