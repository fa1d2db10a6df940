"""Notes, the roadmap's 输出总结: a note as stored, and appending a dated paragraph to one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Note:
    text: str
    at: str  # when it was last saved (UTC stamp)


def dated_paragraph(existing: str | None, text: str, today: date) -> str:
    """The note with `text` appended as a paragraph headed by the date; the existing text is kept exactly."""
    paragraph = f"**{today.isoformat()}** {text}"
    if not existing:
        return paragraph + "\n"
    separator = "" if existing.endswith("\n\n") else ("\n" if existing.endswith("\n") else "\n\n")
    return existing + separator + paragraph + "\n"


def headed(heading: str, text: str) -> str:
    """A note under a heading naming where it came from."""
    return f"## {heading}\n\n{text.strip()}\n"


def joined(existing: str | None, heading: str, text: str) -> str:
    """Two notes made one, neither lost: `text` under a heading naming where it came from, after `existing`."""
    if not existing:
        return text
    return f"{existing.rstrip()}\n\n{headed(heading, text)}"
