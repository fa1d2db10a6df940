"""Rows that never wrap: a terminal from 60 to 200 columns gets one line per item, its title shortened with "…"
where the row is too wide, and addresses printed whole on a line of their own rather than split.

A view marks the part of a row that may shrink (a title) with `SHRINK`, then hands the row over as `Line`; a
reference (a paper or a link) is a `Ref`. Both lay themselves out when rich renders them, at the width the
console has. Printed to a pipe or a file (the console soft-wraps) they are the plain rows, whole, so that grep
and diff see every character.
"""

from __future__ import annotations

from itertools import repeat
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:
    from collections.abc import Sequence

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
        yield from segments(text, console)


def segments(text: Text, console: Console) -> RenderResult:
    """One row as rich renders it, never wrapped, and its newline. Straight from the spans: rich's own way
    (wrap, divide, join, then this) costs a list of notes or topics three times as much at a few thousand rows."""
    plain = text.plain
    if "\t" in plain or "\n" in plain:  # tabs to expand, lines to split: rich's own way
        text = text.copy()
        text.no_wrap = True
        text.overflow = "ignore"
        yield text
        return
    if console.color_system is None:  # no colours: rich would print no style, so the row is its text
        yield Segment(plain)
    elif not text.spans:  # rich's render applies the text's own style only through its spans
        yield Segment(plain, console.get_style(text.style) if text.style else None)
    else:
        yield from _flat(text, console) or text.render(console)
    yield Segment.line()


def _flat(text: Text, console: Console) -> list[Segment] | None:
    """A row built by appending pieces (spans one after another, none over another, no style of its own) as
    segments, without rich's general merge of overlapping styles; None for any other Text. `SHRINK` marks print
    nothing and are left out."""
    if text.style:
        return None
    plain = text.plain
    out: list[Segment] = []
    end = 0
    for span in text.spans:
        if span.style is SHRINK or span.start == span.end:
            continue
        if span.start < end:
            return None
        if span.start > end:
            out.append(Segment(plain[end : span.start]))
        out.append(Segment(plain[span.start : span.end], console.get_style(span.style)))
        end = span.end
    if end < len(plain):
        out.append(Segment(plain[end:]))
    return out


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
    if text.isascii():  # most cells: one column a character, without rich's lookup
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


_LINE = Segment.line()


def _joined(texts: list[str], sizes: list[int], widths: list[int], right: set[int]) -> str:
    """Cells as one aligned row of plain text: two spaces between columns, the last one unpadded."""
    last = len(texts) - 1
    parts = []
    for index, text in enumerate(texts):
        pad = " " * (widths[index] - sizes[index])
        if index in right:
            parts.append(pad + text)
        else:
            parts.append(text if index == last else text + pad)
    return "  ".join(parts)


def _plain(cell: Cell) -> str:
    return cell if isinstance(cell, str) else cell.plain


class TreeRows:
    """A tree of rows under a heading, drawn with rich's guides (`├── `, `│   `, `└── `) but laid out by hand:
    rich's Tree renders each node apart, which costs `list` of a thousand sections most of its time. `rows` are
    (depth, row) in pre-order, depth 1 for the heading's children; each row is fitted to what its guides leave."""

    __slots__ = ("head", "rows")

    def __init__(self, head: Text, rows: Sequence[tuple[int, Text]]) -> None:
        self.head = head
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        ascii_only = options.ascii_only
        fork, last, down, space = ("+-- ", "`-- ", "|   ", "    ") if ascii_only else ("├── ", "└── ", "│   ", "    ")
        guide = console.get_style("dim")
        yield from Line(self.head).__rich_console__(console, options)
        rows = self.rows
        # Whether each row is the last of its siblings: no later row at its depth before one above it.
        ends = [False] * len(rows)
        seen: dict[int, bool] = {}  # depth -> a later sibling has been met (walking backwards)
        for index in range(len(rows) - 1, -1, -1):
            depth = rows[index][0]
            ends[index] = not seen.get(depth, False)
            seen[depth] = True
            for deeper in [d for d in seen if d > depth]:
                del seen[deeper]
        open_levels: list[bool] = []  # per depth above the row: whether its line continues below
        for (depth, text), end in zip(rows, ends, strict=True):
            del open_levels[depth - 1 :]
            prefix = "".join(down if more else space for more in open_levels) + (last if end else fork)
            open_levels.append(not end)
            yield Segment(prefix, guide)
            width = options.max_width - len(prefix)
            yield from segments(text if console.soft_wrap else fit(text, max(width, 1)), console)


Cell = Text | str  # a cell: a Text, or plain text in its column's style (cheaper by thousands of rows)


class Grid:
    """Rows of cells in aligned columns (laid out by hand: rich's Table costs `status` a third of its run time).
    Where the console is too narrow, the columns in `drop` go first, in that order, then the `shrink` column's
    text is shortened: each row stays one line. `styles` are the columns' styles for cells given as plain text."""

    __slots__ = ("drop", "right", "rows", "shrink", "styles")

    def __init__(
        self,
        rows: Sequence[Sequence[Cell]],
        right: set[int],
        drop: tuple[int, ...] = (),
        shrink: int | None = None,
        styles: tuple[str, ...] = (),
    ):
        self.rows = rows
        self.right = right
        self.drop = drop
        self.shrink = shrink
        self.styles = styles

    def _text(self, cell: Cell, index: int) -> Text:
        if isinstance(cell, Text):
            return cell
        return Text(cell, style=self.styles[index] if index < len(self.styles) else "")

    def lines(self, hidden: frozenset[int] = frozenset()) -> list[Text]:
        rows = self.rows
        if not rows:
            return []
        shown = [i for i in range(len(rows[0])) if i not in hidden]
        widths = {i: max(_cells(_plain(row[i])) for row in rows if i < len(row)) for i in shown}
        lines = []
        for row in rows:
            line = Text()
            cells = [i for i in shown if i < len(row)]
            for place, index in enumerate(cells):
                cell = self._text(row[index], index)
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

    def direct(self, console: Console, max_width: int | None) -> list[Segment] | None:
        """Every row as segments, cell by cell, when all of them fit `max_width` (None: any width) and none holds
        a tab or a newline; else None, and the rows are laid out as lines. A few thousand rows (notes, topics)
        cost a third of what composing a Text per row and rendering it would."""
        rows = self.rows
        count = len(rows[0])
        if console.color_system is None and set(map(len, rows)) == {count}:
            return _bare_columns(rows, self.right, max_width)
        plains = [[_plain(cell) for cell in row[:count]] for row in rows]
        sizes = [[_cells(text) for text in row] for row in plains]
        widths = [max(size[i] for size in sizes if i < len(size)) for i in range(count)]
        right = self.right
        column_styles = [console.get_style(style) if style else None for style in self.styles]
        column_styles += [None] * (count - len(column_styles))
        styles: dict[object, Style | None] = {}
        out: list[Segment] = []
        # Without colours (a pipe, a file, TERM=dumb) rich prints no style at all: a row is one piece of text,
        # and the rows are one segment (rich handles each segment it writes: thousands cost it tens of ms).
        bare = console.color_system is None
        bare_rows: list[str] = []
        for row, plain, size in zip(rows, plains, sizes, strict=True):
            last = len(size) - 1
            if max_width is not None and last >= 0:
                used = sum(widths[:last]) + 2 * last + (widths[last] if last in right else size[last])
                if used > max_width:
                    return None
            if bare:
                if any("\t" in text or "\n" in text for text in plain):
                    return None
                bare_rows.append(_joined(plain, size, widths, right))
                continue
            spaces = 0  # the gap and padding before the next cell: one segment, not three
            for index in range(last + 1):
                cell, text = row[index], plain[index]
                if "\t" in text or "\n" in text:
                    return None
                pad = widths[index] - size[index]
                spaces += (2 if index else 0) + (pad if index in right else 0)
                if spaces:
                    out.append(Segment(" " * spaces))
                if isinstance(cell, str):
                    out.append(Segment(text, column_styles[index]))
                elif cell.spans:
                    out.extend(cell.render(console))
                else:
                    if cell.style not in styles:
                        styles[cell.style] = console.get_style(cell.style) if cell.style else None
                    out.append(Segment(text, styles[cell.style]))
                spaces = 0 if index in right else pad
            out.append(_LINE)
        if bare:
            return [Segment("\n".join(bare_rows) + "\n")]
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.rows:
            return
        direct = self.direct(console, None if console.soft_wrap else options.max_width)
        if direct is not None:
            yield from direct
            return
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


def _bare_columns(rows: Sequence[Sequence[Cell]], right: set[int], max_width: int | None) -> list[Segment] | None:
    """Rows of as many cells each, without colours, as one segment of text; None where a row would not fit
    `max_width` or a cell holds a tab or a newline. Column by column, mostly in C: a list of notes or topics at
    scale is thousands of rows."""
    # Cells given as plain text (most of a long list) are taken as they are, without a call each.
    columns: list[Sequence[str]] = [
        column if set(map(type, column)) == {str} else tuple(map(_plain, column)) for column in zip(*rows, strict=True)
    ]
    last = len(columns) - 1
    padded: list[Sequence[str]] = []
    used = 2 * last
    for index, column in enumerate(columns):
        joined = "".join(column)
        if "\t" in joined or "\n" in joined:
            return None
        if index == last and index not in right and max_width is None:  # unpadded, and any width will do
            padded.append(column)
            break
        ascii_only = joined.isascii()
        sizes = list(map(len if ascii_only else _cells, column))
        width = max(sizes)
        used += width
        if index in right:
            padded.append(
                list(map(str.rjust, column, repeat(width)))
                if ascii_only
                else [" " * (width - size) + text for text, size in zip(column, sizes, strict=True)]
            )
        elif index == last:
            padded.append(column)
        else:
            padded.append(
                list(map(str.ljust, column, repeat(width)))
                if ascii_only
                else [text + " " * (width - size) for text, size in zip(column, sizes, strict=True)]
            )
    if max_width is not None and used > max_width:
        return None
    return [Segment("\n".join(map("  ".join, zip(*padded, strict=True))) + "\n")]


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
