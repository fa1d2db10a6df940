"""Ticking items off from a markdown task list: which lines name which items. No I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from llmlanding.domain.outline import Outline
from llmlanding.errors import Sentence

TASK_LINE = re.compile(r"^\s*[-*+]\s+\[(?P<tick>[ xX])\]\s+(?P<rest>.*)$")


ID_AT_START = re.compile(r"^(?P<id>\d+(?:\.\d+){0,2})(?=\s|$|[.,:;)])")


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")  # [text](address): the text


_ADDRESS = re.compile(r"<?https?://\S+")


_EDGES = " :：-—,，(（|·*_`"


def title_key(text: str) -> str:
    """A title as a checklist line and a roadmap made from it both spell it: no links, addresses, emphasis or
    case, so `- [x] **Vectors and matrices**: https://…` finds the topic "Vectors and matrices"."""
    text = _ADDRESS.sub(" ", _LINK.sub(r"\1", text))
    return " ".join(text.replace("**", "").split()).strip(_EDGES).casefold()


@dataclass
class TaskImport:
    done: list[str] = field(default_factory=list)  # ids ticked, in file order, each once
    unmatched: list[tuple[int, Sentence]] = field(default_factory=list)  # (line number, why)


def parse_tasks(text: str, outline: Outline) -> TaskImport:
    """Ticked GitHub task-list lines naming items by id (`- [x] 3.2.1 …`) or, without one, by their whole title in
    either language when only one item has it; unticked lines are left as they are."""
    found = TaskImport()
    seen: set[str] = set()
    titles: dict[str, list[str]] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        task = TASK_LINE.match(line)
        if task is None:
            continue
        match = ID_AT_START.match(task["rest"])
        if match is None:
            if task["tick"] == " ":
                continue
            if titles is None:
                titles = _titles(outline)
            key = title_key(task["rest"])
            named = titles.get(key, [])
            if len(named) != 1:
                ids = ", ".join(named)
                why = (
                    Sentence(
                        f"'{key}' is the title of {ids}; put the id after the box",
                        key="task_titles",
                        title=key,
                        ids=ids,
                    )
                    if named
                    else Sentence(f"no item titled '{key}'; put the id after the box", key="task_no_title", title=key)
                )
                found.unmatched.append((number, why))
                continue
            item_id = named[0]
        else:
            item_id = match["id"]
        if item_id not in outline.items:
            found.unmatched.append((number, Sentence(f"no item '{item_id}'", key="task_no_item", id=item_id)))
            continue
        if task["tick"] != " " and item_id not in seen:
            seen.add(item_id)
            found.done.append(item_id)
    return found


def _titles(outline: Outline) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in outline.items.values():
        for key in dict.fromkeys((title_key(item.title_zh), title_key(item.title_en))):
            found.setdefault(key, []).append(item.id)
    return found
