"""Rows that never wrap: a terminal from 60 to 200 columns gets one line per item, its title shortened with "…"
where the row is too wide, and addresses printed whole on a line of their own rather than split.

A view marks the part of a row that may shrink (a title) with `SHRINK`, then hands the row over as `Line`; a
reference (a paper or a link) is a `Ref`. Both lay themselves out when rich renders them, at the width the
console has. Printed to a pipe or a file (the console soft-wraps) they are the plain rows, whole, so that grep
and diff see every character.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

SHRINK = Style(meta={"fit": "shrink"})  # marks the span of a row that gives up its cells first; prints nothing


def shrinkable(text: str, style: str | Style = "") -> Text:
    """A title that may be shortened with "…" when its row is too wide."""
    out = Text(text, style=style)
    out.stylize(SHRINK)
    return out


def _shrink_span(text: Text) -> tuple[int, int] | None:
    for span in text.spans:
        if isinstance(span.style, Style) and span.style.meta.get("fit") == "shrink":
            return span.start, span.end
    return None


def fit(text: Text, width: int) -> Text:
    """The row in at most `width` cells: its shrinkable span shortened first, then its end cut with "…"."""
    if text.cell_len <= width:
        return text
    span = _shrink_span(text)
    out = text
    if span is not None:
        start, end = span
        middle = text[start:end]
        keep = max(middle.cell_len - (text.cell_len - width), 1)
        middle.truncate(keep, overflow="ellipsis")
        out = text[:start]
        out.append_text(middle)
        out.append_text(text[end:])
    if out.cell_len > width:
        out = out.copy()
        out.truncate(width, overflow="ellipsis")
    return out


class Line:
    """One row of a list: never wrapped; shortened to the console's width, or whole when it soft-wraps."""

    __slots__ = ("text",)

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        text = self.text if console.soft_wrap else fit(self.text, options.max_width)
        text = text.copy()
        text.no_wrap = True
        text.overflow = "ignore"
        yield text


class Ref:
    """A numbered paper or link: `  1. Title (2018)  https://…` on one line where it fits, else the title on one
    line (shortened if need be) and the address, whole, on the next. The address is never cut or wrapped by us;
    the title carries it as an OSC 8 hyperlink where the terminal supports it."""

    __slots__ = ("head", "url")

    def __init__(self, head: Text, url: str) -> None:
        self.head = head
        self.url = url

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        whole = self.head.copy()
        whole.append(f"  {self.url}", style="dim")
        if console.soft_wrap or whole.cell_len <= options.max_width:
            yield Line(whole)
            return
        yield Line(self.head)
        indent = len(self.head.plain) - len(self.head.plain.lstrip(" "))
        # Segments, not Text: rich would wrap a Text wider than the console; a URL is left whole for the
        # terminal to show, so that it can be copied or clicked in one piece.
        yield Segment(" " * (indent + 3) + self.url, console.get_style("dim"))
        yield Segment.line()


def _cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


class Grid:
    """Rows of cells in aligned columns (laid out by hand: rich's Table costs `status` a third of its run time).
    Where the console is too narrow, the columns in `drop` go first, in that order, then the `shrink` column's
    text is shortened: each row stays one line."""

    __slots__ = ("drop", "right", "rows", "shrink")

    def __init__(self, rows: list[list[Text]], right: set[int], drop: tuple[int, ...] = (), shrink: int | None = None):
        self.rows = rows
        self.right = right
        self.drop = drop
        self.shrink = shrink

    def lines(self, hidden: frozenset[int] = frozenset()) -> list[Text]:
        rows = self.rows
        if not rows:
            return []
        shown = [i for i in range(len(rows[0])) if i not in hidden]
        widths = {i: max(_cells(row[i].plain) for row in rows if i < len(row)) for i in shown}
        lines = []
        for row in rows:
            line = Text()
            cells = [i for i in shown if i < len(row)]
            for place, index in enumerate(cells):
                cell = row[index]
                if index == self.shrink:
                    cell = cell.copy()
                    cell.stylize(SHRINK)
                pad = " " * (widths[index] - _cells(cell.plain))
                if place:
                    line.append("  ")
                if index in self.right:
                    line.append(pad)
                    line.append_text(cell)
                else:
                    line.append_text(cell)
                    if place < len(cells) - 1:
                        line.append(pad)
            lines.append(line)
        return lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        hidden: frozenset[int] = frozenset()
        lines = self.lines()
        if not console.soft_wrap:
            for index in self.drop:
                if all(line.cell_len <= options.max_width for line in lines):
                    break
                hidden = hidden | {index}
                lines = self.lines(hidden)
        for line in lines:
            yield Line(line)


class Either:
    """A row where it fits, else the same words as the shorter rows given: a line that would wrap breaks where
    the view says, not mid-phrase."""

    __slots__ = ("fallback", "row")

    def __init__(self, row: Text, *fallback: Text) -> None:
        self.row = row
        self.fallback = fallback

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if console.soft_wrap or self.row.cell_len <= options.max_width or not self.fallback:
            yield Line(self.row)
            return
        for row in self.fallback:
            yield Line(row)
