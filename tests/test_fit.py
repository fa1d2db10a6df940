"""views/fit.py lays rows out by hand for speed: what it writes must be what rich makes of the same rows."""

from __future__ import annotations

import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console, Group, RenderableType
from rich.text import Text

from llmlanding.views.fit import Grid, Line, TreeRows, shrinkable

SGR = re.compile(r"\x1b\[([0-9;]*)m")
STYLES = ["", "cyan", "bold cyan", "dim", "green", "yellow", "dim italic"]
WORDS = st.text(alphabet=st.sampled_from(list("ab Z.-注意力✓")), min_size=0, max_size=12)


def painted(renderable: RenderableType, width: int, soft_wrap: bool, colour: bool = True) -> list[tuple[str, str]]:
    """Each character printed and the style it is printed in (spaces, which show no style, without one)."""
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=True, color_system="standard", soft_wrap=soft_wrap)
    if not colour:
        console = Console(file=out, width=width, force_terminal=True, color_system=None, soft_wrap=soft_wrap)
    console.print(renderable, crop=False)
    text, chars, style, pos = out.getvalue(), [], "", 0
    for match in SGR.finditer(text):
        chars += [(c, "" if c == " " else style) for c in text[pos : match.start()]]
        style = "" if match.group(1) in ("", "0") else match.group(1)
        pos = match.end()
    chars += [(c, "" if c == " " else style) for c in text[pos:]]
    return chars


@st.composite
def cells(draw: st.DrawFn) -> Text | str:
    words = draw(WORDS)
    if draw(st.booleans()):
        return words
    text = Text(words, style=draw(st.sampled_from(STYLES)))
    if draw(st.booleans()):
        text.append(draw(WORDS), style=draw(st.sampled_from(STYLES)))
    return text


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(st.lists(cells(), min_size=1, max_size=4), min_size=1, max_size=6),
    right=st.sets(st.integers(0, 3)),
    width=st.integers(20, 120),
    soft_wrap=st.booleans(),
    colour=st.booleans(),
)
def test_a_grid_prints_what_its_lines_print(
    rows: list[list[Text | str]], right: set[int], width: int, soft_wrap: bool, colour: bool
) -> None:
    styles = ("cyan", "", "dim", "green")
    grid = Grid(rows, right=right, styles=styles)
    # The lines path: every row composed as one Text, then shortened to the width by `Line` (the narrow case).
    as_lines = Group(*[Line(line) for line in Grid(rows, right=right, styles=styles).lines()])
    assert painted(grid, width, soft_wrap, colour) == painted(as_lines, width, soft_wrap, colour)


@settings(max_examples=300, deadline=None)
@given(
    count=st.integers(1, 4),
    rows=st.lists(st.lists(cells(), min_size=4, max_size=4), min_size=1, max_size=8),
    right=st.sets(st.integers(0, 3)),
    width=st.integers(20, 120),
    soft_wrap=st.booleans(),
    colour=st.booleans(),
)
def test_a_grid_of_rows_as_long_prints_what_its_lines_print(
    count: int, rows: list[list[Text | str]], right: set[int], width: int, soft_wrap: bool, colour: bool
) -> None:
    """Rows of as many cells each (a list of notes): without colours they are laid out column by column."""
    rows = [row[:count] for row in rows]
    styles = ("cyan", "", "dim", "green")
    grid = Grid(rows, right=right, styles=styles)
    as_lines = Group(*[Line(line) for line in Grid(rows, right=right, styles=styles).lines()])
    assert painted(grid, width, soft_wrap, colour) == painted(as_lines, width, soft_wrap, colour)


@settings(max_examples=200, deadline=None)
@given(
    depths=st.lists(st.integers(1, 3), min_size=1, max_size=12),
    titles=st.lists(WORDS, min_size=12, max_size=12),
    width=st.integers(20, 80),
    colour=st.booleans(),
)
def test_a_tree_prints_rich_trees_guides(depths: list[int], titles: list[str], width: int, colour: bool) -> None:
    from rich.tree import Tree

    # A pre-order walk: each row at most one level below the row before it.
    levels = [depths[0] if depths[0] == 1 else 1]
    for depth in depths[1:]:
        levels.append(min(depth, levels[-1] + 1))
    rows = [(depth, Text(f"{n} {titles[n]}", style="cyan")) for n, depth in enumerate(levels)]
    root = Tree(Line(shrinkable("Roadmap", style="bold")), guide_style="dim")
    parents = {0: root}
    for depth, text in rows:
        parents[depth] = parents[depth - 1].add(Line(text))
    ours = TreeRows(shrinkable("Roadmap", style="bold"), rows)
    assert painted(ours, width, False, colour) == painted(root, width, False, colour)


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(st.tuples(WORDS, st.sampled_from(STYLES)), min_size=1, max_size=5),
    base=st.sampled_from(STYLES),
    shrink=st.booleans(),
    colour=st.booleans(),
)
def test_a_line_prints_what_rich_prints_of_its_text(
    pieces: list[tuple[str, str]], base: str, shrink: bool, colour: bool
) -> None:
    """`Line` writes a row straight from its spans; rich's own rendering of the same Text is the reference."""
    text = Text(style=base)
    for words, style in pieces:
        text.append_text(shrinkable(words, style) if shrink else Text(words, style=style))
    reference = text.copy()
    reference.no_wrap = True
    reference.overflow = "ignore"
    assert painted(Line(text), 200, True, colour) == painted(reference, 200, True, colour)
