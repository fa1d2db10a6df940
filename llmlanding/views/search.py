"""Search results as the learner reads them and as `search --json` prints them. No I/O."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.text import Text

from llmlanding.domain.outline import Outline
from llmlanding.domain.search import Hit
from llmlanding.domain.snapshot import Orphaned
from llmlanding.views.shapes import SearchHitJSON
from llmlanding.views.words import MESSAGES, msg, pick


def _titles(item_id: str, outline: Outline, orphans: Mapping[str, Orphaned]) -> tuple[str, str, str]:
    """An item's kind and titles; for an orphan, `orphan` and the titles it had."""
    item = outline.items.get(item_id)
    if item is not None:
        return item.kind, item.title_zh, item.title_en
    orphan = orphans[item_id]
    return "orphan", orphan.title_zh, orphan.title_en


def search_json(
    hits: list[Hit], outline: Outline, orphans: Mapping[str, Orphaned] | None = None
) -> list[SearchHitJSON]:
    found: list[SearchHitJSON] = []
    for hit in hits:
        kind, zh, en = _titles(hit.item_id, outline, orphans or {})
        found.append(
            {
                "id": hit.item_id,
                "kind": kind,
                "title": {"zh": zh, "en": en},
                "score": round(hit.score, 3),
                "matches": [{"field": d.field, "text": d.text} for d in hit.matches],
            }
        )
    return found


def search_view(
    hits: list[Hit], outline: Outline, terms: list[str], lang: str, orphans: Mapping[str, Orphaned] | None = None
) -> RenderableType:
    if not hits:
        return Text(msg(lang, "search.nothing"))
    lines: list[Text] = []
    for hit in hits:
        kind, zh, en = _titles(hit.item_id, outline, orphans or {})
        head = Text()
        head.append(f"{hit.item_id}  ", style="bold cyan")
        head.append(pick({"zh": zh, "en": en}, lang), style="bold")
        if kind == "orphan":
            head.append(f"  ({msg(lang, 'orphans.gone')})", style="yellow")
        head.highlight_words(terms, "reverse", case_sensitive=False)
        lines.append(head)
        for doc in hit.matches:
            if doc.field.startswith("title"):
                continue
            text = " ".join(doc.text.split())
            label = msg(lang, f"search.field.{doc.field}") if f"search.field.{doc.field}" in MESSAGES else doc.field
            line = Text(f"    {label}: ", style="dim")
            line.append(text[:150] + ("…" if len(text) > 150 else ""))
            line.highlight_words(terms, "reverse", case_sensitive=False)
            lines.append(line)
    return Group(*lines)
