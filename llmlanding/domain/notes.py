"""Notes, the roadmap's 输出总结: a note as stored, and appending a dated paragraph to one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MAX_NOTE = 1_000_000  # characters: what a backup or a journal line may carry (domain.eventcheck)


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


def template(headings: list[str]) -> str:
    """A new note's outline, the method's summary: a heading for each part, a blank line to write under."""
    return "".join(f"## {heading}\n\n\n" for heading in headings)


def filled(text: str, headings: list[str]) -> str:
    """The note without the template's headings left with nothing under them; "" when nothing was written."""
    lines = text.splitlines(keepends=True)
    marks = {f"## {heading}" for heading in headings}
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.strip() in marks:
            after = index + 1
            while after < len(lines) and not lines[after].strip():
                after += 1
            if after == len(lines) or lines[after].lstrip().startswith("#"):
                index = after  # an empty part of the template: leave it out, with its blank lines
                continue
        kept.append(line)
        index += 1
    result = "".join(kept)
    if not result.strip():
        return ""
    return result if len(kept) == len(lines) else result.rstrip("\n") + "\n"  # as written, if nothing was left out


def headed(heading: str, text: str) -> str:
    """A note under a heading naming where it came from."""
    return f"## {heading}\n\n{text.strip()}\n"


def joined(existing: str | None, heading: str, text: str) -> str:
    """Two notes made one, neither lost: `text` under a heading naming where it came from, after `existing`."""
    if not existing:
        return text
    return f"{existing.rstrip()}\n\n{headed(heading, text)}"


def first_line(text: str) -> str:
    """A note's first line with words in it, as a list shows it: a heading without its #s, a dated paragraph
    (`note -m`) without its date."""
    line = next((line for line in text.splitlines() if line.strip().strip("#").strip()), "")
    line = line.strip().lstrip("#").strip()
    dated = line[:2] == "**" and line[12:15] == "** " and line[2:12].replace("-", "").isdigit()
    return line[15:] if dated and line[15:].strip() else line


_FIRST_WIDE = "\u1100"  # no character before it takes two columns (Unicode's East Asian Width)


def cells(text: str) -> int:
    """The columns `text` takes on a terminal: two for a wide (Chinese) character."""
    if text.isascii():  # most text: one column a character, without a lookup per character
        return len(text)
    from unicodedata import east_asian_width

    return sum(1 if char < _FIRST_WIDE else (2 if east_asian_width(char) in "WF" else 1) for char in text)


def shorten(text: str, width: int) -> str:
    """`text` in at most `width` columns: whole if it fits, else cut after the last whole word that fits (or
    mid-run, for text without spaces such as Chinese) and ended with "…"."""
    room = width - 1
    if text.isascii():
        if len(text) <= width:
            return text
        cut = room
    else:  # look at no more characters than the width can hold: a first line may be a whole paragraph
        from unicodedata import east_asian_width

        used = 0
        for index, char in enumerate(text):
            used += 1 if char < _FIRST_WIDE else (2 if east_asian_width(char) in "WF" else 1)
            if used > room:
                if used == width and index == len(text) - 1:  # the last character fills the width exactly
                    return text
                cut = index
                break
        else:
            return text
    head = text[:cut]
    if cut < len(text) and _in_word(text[cut]) and _in_word(head[-1:]):
        start = cut
        while start and _in_word(head[start - 1]):
            start -= 1
        if cells(head[:start]) >= room // 2:  # a word cut in two: end before it, unless that loses half the room
            head = head[:start]
    return head.rstrip(" ,;:.-—·") + "…"


def _in_word(char: str) -> bool:
    """A letter or digit of a spaced script, which a cut must not split; Chinese may be cut anywhere."""
    return len(char) == 1 and (char.isalnum() or char in "_-'") and cells(char) == 1
