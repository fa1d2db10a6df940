"""Notes, the roadmap's 输出总结: a note as stored, and appending a dated paragraph to one."""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

MAX_NOTE = 1_000_000  # characters: what a backup or a journal line may carry (domain.eventcheck)


class Note(NamedTuple):  # a NamedTuple: a list of thousands of notes makes one each, at a third of a dataclass's cost
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
    if text.isprintable():  # one line (every line break is unprintable): no lines to look through
        line = text if text.strip().strip("#").strip() else ""
    else:
        line = next((line for line in text.splitlines() if line.strip().strip("#").strip()), "")
    line = line.strip().lstrip("#").strip()
    dated = line[:2] == "**" and line[12:15] == "** " and line[2:12].replace("-", "").isdigit()
    return line[15:] if dated and line[15:].strip() else line


# Code point -> NARROW or WIDE (two columns on a terminal: Unicode's East Asian Width W or F), learnt as
# characters are met, so that `str.translate` marks a whole line in C rather than a lookup per character in
# Python. NARROW and WIDE are themselves in it: a character the table does not know yet is never taken for one.
NARROW, WIDE, _SECOND = "\x01", "\x02", "\x03"
_MARKS: dict[int, str] = dict.fromkeys(range(128), NARROW)  # ASCII, NARROW and WIDE among it, known from the start
_WORD = re.compile(r"[\w'-]+")  # a run of letters, digits, _ - ' (\w: what isalnum() takes, and _)


def _marks(text: str) -> str:
    """NARROW or WIDE for each character of `text`."""
    marks = text.translate(_MARKS)
    if not marks.isascii():  # characters not met before, left as they were (every ASCII one is in the table)
        from unicodedata import east_asian_width

        for char in set(text):
            # No character before U+1100 takes two columns.
            wide = char >= "\u1100" and east_asian_width(char) in "WF"
            _MARKS.setdefault(ord(char), WIDE if wide else NARROW)
        marks = text.translate(_MARKS)
    return marks


def cells(text: str) -> int:
    """The columns `text` takes on a terminal: two for a wide (Chinese) character."""
    if text.isascii():  # most text: one column a character
        return len(text)
    return len(text) + _marks(text).count(WIDE)


def shorten(text: str, width: int) -> str:
    """`text` in at most `width` columns: whole if it fits, else cut after the last whole word that fits (or
    mid-run, for text without spaces such as Chinese) and ended with "…"."""
    if len(text) <= width and (len(text) * 2 <= width or cells(text) <= width):  # no character takes 3 columns
        return text
    room = max(width - 1, 0)
    if text.isascii():
        cut = room
    else:  # a character a column: what the room holds of that is whole characters, less a wide one cut in half
        columns = _marks(text[:room]).replace(WIDE, WIDE + _SECOND)[:room]
        cut = len(columns) - columns.count(WIDE)
    head = text[:cut]
    if cut < len(text) and _in_word(text[cut]) and _in_word(head[-1:]):
        start = _word_start(head)
        if cells(head[:start]) >= room // 2:  # a word cut in two: end before it, unless that loses half the room
            head = head[:start]
    return head.rstrip(" ,;:.-—·") + "…"


def _word_start(head: str) -> int:
    """Where the word `head` ends with starts."""
    found = _WORD.match(head[::-1])  # from the end: a search from the start would try every word on the way
    start = len(head) - (found.end() if found else 0)
    if not head[start:].isascii():  # a wide letter (Chinese) is not part of a spaced word: walk back by hand
        start = len(head)
        while start and _in_word(head[start - 1]):
            start -= 1
    return start


def _in_word(char: str) -> bool:
    """A letter or digit of a spaced script, which a cut must not split; Chinese may be cut anywhere."""
    if len(char) != 1:
        return False
    if char < "\u1100":  # no character before U+1100 takes two columns
        return char.isalnum() or char in "_-'"
    return (char.isalnum() or char in "_-'") and cells(char) == 1
