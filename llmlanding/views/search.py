"""Search results as the learner reads them and as `search --json` prints them. No I/O."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from llmlanding.domain.outline import Outline
from llmlanding.domain.search import Hit
from llmlanding.views.shapes import SearchHitJSON
from llmlanding.views.words import MESSAGES, msg


def search_json(hits: list[Hit], outline: Outline) -> list[SearchHitJSON]:
    found: list[SearchHitJSON] = []
    for hit in hits:
        item = outline.items[hit.item_id]
        found.append(
            {
                "id": item.id,
                "kind": item.kind,
                "title": {"zh": item.title_zh, "en": item.title_en},
                "score": round(hit.score, 3),
                "matches": [{"field": d.field, "text": d.text} for d in hit.matches],
            }
        )
    return found


def search_view(hits: list[Hit], outline: Outline, terms: list[str], lang: str) -> RenderableType:
    if not hits:
        return Text(msg(lang, "search.nothing"))
    lines: list[Text] = []
    for hit in hits:
        item = outline.items[hit.item_id]
        head = Text()
        head.append(f"{item.id}  ", style="bold cyan")
        head.append(item.title(lang), style="bold")
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
