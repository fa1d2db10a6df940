"""Narrow and wide terminals: the everyday screens keep one row per item from 60 to 200 columns, shortening
titles rather than wrapping them, and print every address whole."""

from __future__ import annotations

import re

import pytest
from helpers import Run

from llmlanding.roadmap.loader import load_outline
from llmlanding.settings import bundled_curriculum

ESCAPES = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\")


def _screen(run: Run, monkeypatch: pytest.MonkeyPatch, columns: int, *args: str) -> list[str]:
    """What a terminal of `columns` columns shows: rich lays out for a terminal (TTY_COMPATIBLE), escapes off."""
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    result = run("--lang", "en", *args)
    assert result.exit_code == 0, result.stderr
    return ESCAPES.sub("", result.stdout).splitlines()


def _width(line: str) -> int:
    from rich.cells import cell_len

    return cell_len(line)


def _too_wide(lines: list[str], columns: int) -> list[str]:
    """Lines wider than the terminal, but for an address alone on its line (left whole on purpose)."""
    return [line for line in lines if _width(line) > columns and not re.fullmatch(r"\s*https?://\S+", line)]


@pytest.mark.parametrize("columns", [60, 80, 200])
def test_status_keeps_one_row_per_chapter(run: Run, monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    run("done", "3.2")
    lines = _screen(run, monkeypatch, columns, "status")
    assert _too_wide(lines, columns) == []
    outline = load_outline(bundled_curriculum())
    for chapter in outline.chapters:
        rows = [line for line in lines if re.match(rf"\s*{chapter.id}  \S", line)]
        assert len(rows) == 1, (chapter.id, lines)
        tally = "11/30" if chapter.id == "3" else f"0/{len(outline.leaves_under(chapter.id))}"
        assert tally in rows[0], rows[0]  # the numbers survive: the title gives up its cells, not the row's end
    header = next(i for i, line in enumerate(lines) if re.match(r"\s*#  Chapter", line))
    block = lines[header + 1 : lines.index("", header)]
    assert len(block) == len(outline.chapters), block  # no row spilled onto a second line
    if columns == 200:
        assert any("█" in line and "Pre-trained language models" in line for line in lines)  # bars where room


def test_show_at_60_columns_shortens_titles_and_prints_urls_whole(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _screen(run, monkeypatch, 60, "show", "3.2")
    assert _too_wide(lines, 60) == []
    outline = load_outline(bundled_curriculum())
    item = outline.items["3.2"]
    urls = [p.url for c in item.children for p in outline.items[c].papers]
    urls += [link.url for c in item.children for link in outline.items[c].links]
    text = "\n".join(lines)
    for url in urls:
        assert url in lines or any(line.strip() == url for line in lines), url  # whole, on its own line
    for child in item.children:  # each topic one row, shortened with … where it is long
        rows = [line for line in lines if re.match(rf"\s+. {re.escape(child)}  ", line)]
        assert len(rows) == 1, (child, text)
    assert "…" in text
    contents = lines[lines.index("Contents") + 1 : lines.index("", lines.index("Contents"))]
    assert len(contents) == len(item.children), contents
    papers = lines[lines.index("Papers") + 1 : lines.index("", lines.index("Papers"))]
    for line in papers:  # a numbered row, its address, or the unread line: no piece of a row or an address
        assert re.match(r"\s+\d+\. |\s+https?://\S+$|Unread papers|llmlanding read", line), line


@pytest.mark.parametrize("args", [["next"], ["list"], [], ["list", "6"]])
def test_next_list_and_dashboard_never_wrap_a_row(run: Run, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    run("start", "6.2.1")
    lines = _screen(run, monkeypatch, 60, *args)
    assert _too_wide(lines, 60) == []
    if args[:1] == ["list"]:
        outline = load_outline(bundled_curriculum())
        shown = [m.group(1) for line in lines if (m := re.search(r"[○◐✓»] (\d+(?:\.\d+)*)  ", line))]
        expected = [i.id for i in outline.items.values() if not args[1:] or i.id.split(".")[0] == args[1]]
        assert shown == [i for i in expected if i in shown] and len(shown) == len(lines) - 1


def test_piped_output_keeps_rows_whole(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a terminal: nothing is shortened, so that grep and diff see every character."""
    result = run("--lang", "en", "show", "3.2")
    assert "Reading the GPT-2 source, part 1: GPT2LMHeadModel  1 link" in result.stdout
    assert "…" not in result.stdout
    # The tree of `list` too, however narrow COLUMNS says the screen is.
    monkeypatch.setenv("COLUMNS", "60")
    tree = run("--lang", "en", "list", "3").stdout
    assert "│   └── ○ 3.1.3  Transformer in practice: PyTorch code walkthrough and training  1 link\n" in tree
