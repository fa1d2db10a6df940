"""Ticking items off from a markdown task list: which lines name which items. No I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from llmlanding.domain.outline import Outline

TASK_LINE = re.compile(r"^\s*[-*+]\s+\[(?P<tick>[ xX])\]\s+(?P<rest>.*)$")


ID_AT_START = re.compile(r"^(?P<id>\d+(?:\.\d+){0,2})(?=\s|$|[.,:;)])")


@dataclass
class TaskImport:
    done: list[str] = field(default_factory=list)  # ids ticked, in file order, each once
    unmatched: list[tuple[int, str]] = field(default_factory=list)  # (line number, why)


def parse_tasks(text: str, outline: Outline) -> TaskImport:
    """Ticked GitHub task-list lines carrying item ids (`- [x] 3.2.1 …`); unticked ones are left as they are."""
    found = TaskImport()
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), 1):
        task = TASK_LINE.match(line)
        if task is None:
            continue
        match = ID_AT_START.match(task["rest"])
        if match is None:
            if task["tick"] != " ":
                found.unmatched.append((number, "no item id after the box"))
            continue
        item_id = match["id"]
        if item_id not in outline.items:
            found.unmatched.append((number, f"no item '{item_id}'"))
            continue
        if task["tick"] != " " and item_id not in seen:
            seen.add(item_id)
            found.done.append(item_id)
    return found
