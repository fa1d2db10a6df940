"""The `--json` shapes: plain dicts, documented in docs/json.md and kept stable.

Adding a key is allowed; renaming or removing one is a breaking change.
"""

from __future__ import annotations

from typing import Any

from .outline import Item, Outline


def item_json(outline: Outline, item: Item) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "title": {"zh": item.title_zh, "en": item.title_en},
        "parent": item.parent,
        "children": list(item.children),
        "papers": [{"title": p.title, "url": p.url, "year": p.year} for p in item.papers],
        "links": [{"title": link.title, "url": link.url, "kind": link.kind} for link in item.links],
        "upstream_todo": item.upstream_todo,
        "optional": item.optional,
        "description": (
            {"zh": item.description_zh, "en": item.description_en} if item.description_zh else None
        ),
    }


def show_json(outline: Outline, item: Item) -> dict[str, Any]:
    data = item_json(outline, item)
    data["parents"] = [
        {"id": parent.id, "title": {"zh": parent.title_zh, "en": parent.title_en}}
        for parent in outline.ancestors(item.id)
    ]
    # Everything below the item with its own papers and links, so one call answers "what do I read for 3.2?"
    data["descendants"] = [item_json(outline, outline.items[i]) for i in outline.descendants(item.id)]
    return data


def list_json(outline: Outline, items: list[Item]) -> list[dict[str, Any]]:
    return [item_json(outline, item) for item in items]
