"""Search results as the learner reads them and as `search --json` prints them. No I/O."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from llmlanding.domain.outline import Outline
from llmlanding.domain.search import Hit

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
NOTHING_FOUND = {"zh": "没有找到。", "en": "Nothing found."}


def search_json(hits: list[Hit], outline: Outline) -> list[dict[str, Any]]:
    found = []
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
        return Text(NOTHING_FOUND[lang])
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
            line = Text(f"    {FIELD_LABELS[lang].get(doc.field, doc.field)}: ", style="dim")
            line.append(text[:150] + ("…" if len(text) > 150 else ""))
            line.highlight_words(terms, "reverse", case_sensitive=False)
            lines.append(line)
    return Group(*lines)
