"""The markdown report renders right: every task list whole and tight (notes never inside it), every task item
keeping its text, note headings below their topic's, and the charts counting what the header counts. Rendered
with markdown-it-py's GFM-like preset, and with cmark-gfm when it is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from helpers import Run, js
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from llmlanding.views.reports import _demoted, _ended, _quote

HOSTILE = "# My own heading\n\nText with a task:\n\n- [ ] not a roadmap task\n\n```python\n# a comment\n"


@pytest.fixture
def report(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A report of a learner with notes everywhere: on a chapter, a section, the first, a middle and the last
    topic of a section (one of them with headings, a task and an unclosed fence), and skipped topics."""
    run("done", "3.2.1", "3.2.2", "3.1")
    run("done", "3.2.5", "--phase", "theory")
    run("skip", "3.3", "0.1.1")
    for item_id, text in [("3", "chapter note"), ("3.2.1", "first")]:
        assert run("note", item_id, "-m", text).exit_code == 0
    script = tmp_path / "editor.py"  # writes $NOTE_TEXT: a note that starts with a heading, as -m cannot
    script.write_text("import os, sys\nopen(sys.argv[1], 'w').write(os.environ['NOTE_TEXT'])\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    for item_id, text in [("3.2", "## Section thoughts\n\nmore\n"), ("3.2.5", HOSTILE)]:
        monkeypatch.setenv("NOTE_TEXT", text)
        assert run("note", item_id).exit_code == 0
    assert run("note", "3.2.11", "-m", "last of the section").exit_code == 0
    result = run("--lang", "en", "export", "report")
    assert result.exit_code == 0
    return result.stdout


def _tokens(text: str) -> list[Token]:
    return MarkdownIt("gfm-like", {"linkify": False}).parse(text)


def _leaves(run: Run) -> dict[str, str]:
    """Each topic's id and English title."""
    return {i["id"]: i["title"]["en"] for i in js(run, "list", "--depth", "3") if not i["children"]}


def test_every_task_keeps_its_text_in_a_tight_list(run: Run, report: str) -> None:
    tokens = _tokens(report)
    seen: dict[str, str] = {}
    for index, token in enumerate(tokens):
        if token.type != "list_item_open":
            continue
        paragraph, inline = tokens[index + 1], tokens[index + 2]
        if inline.type != "inline" or inline.content[:4] not in ("[x] ", "[ ] "):
            continue
        item_id = inline.content[4:].split()[0]
        seen[item_id] = inline.content
        # A loose list (a blank line or a quote inside it) wraps each item in <p>: GFM then puts the checkbox
        # on a line of its own, apart from its text.
        assert paragraph.type == "paragraph_open" and paragraph.hidden, f"{item_id}'s list is loose"
    leaves = _leaves(run)
    tasks = {i: t for i, t in seen.items() if i in leaves}
    assert set(tasks) == set(leaves)
    for item_id, content in tasks.items():
        done = item_id in ("3.2.1", "3.2.2") or item_id.startswith("3.1.")
        assert content.startswith(f"[{'x' if done else ' '}] {item_id} ")
        assert leaves[item_id] in content


def test_a_sections_tasks_are_one_list(run: Run, report: str) -> None:
    tokens = _tokens(report)
    lists: list[list[str]] = []
    for index, token in enumerate(tokens):
        if token.type == "bullet_list_open" and token.level == 0:
            lists.append([])
        task = token.type == "inline" and token.content[:4] in ("[x] ", "[ ] ")
        if task and token.level == 3 and tokens[index - 2].type == "list_item_open" and lists:
            lists[-1].append(token.content[4:].split()[0])
    section = [f"3.2.{n}" for n in range(1, 12)]
    assert section in lists


def test_note_headings_sit_below_their_topics(report: str) -> None:
    tokens = _tokens(report)
    levels = [(int(t.tag[1]), tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]
    for (before, _), (after, title) in pairwise(levels):
        assert after <= before + 1, f"'{title}' jumps from h{before} to h{after}"
    owner = next(level for level, title in levels if title.startswith("3.2.5 ") and title.endswith("— note"))
    mine = next(level for level, title in levels if title == "My own heading")
    assert mine == owner + 1
    section = next(level for level, title in levels if title.startswith("3.2 GPT"))
    assert next(level for level, title in levels if title == "Section thoughts") == section + 1
    assert owner == section + 1
    assert "\n> - [ ] not a roadmap task\n" in report  # a note's task stays inside its quote
    assert "\n#### 3.3.1 " not in report  # only notes get headings of their own


def test_the_charts_count_what_the_header_counts(report: str) -> None:
    header = re.search(r"\*\*(\d+) / (\d+) topics done", report)
    assert header is not None
    done, counted = int(header.group(1)), int(header.group(2))
    skipped = int(re.search(r"(\d+) skipped", report).group(1))  # type: ignore[union-attr]
    pie = dict(re.findall(r'^    "([^"]+)" : (\d+)$', report, re.MULTILINE))
    assert int(pie["done"]) == done
    assert int(pie["done"]) + int(pie["in progress"]) + int(pie["to do"]) == counted
    assert int(pie["skipped"]) == skipped
    weekly = re.search(r"bar \[([\d, ]+)\]", report)
    assert weekly is not None and sum(int(n) for n in weekly.group(1).split(",")) == done


@pytest.mark.skipif(shutil.which("cmark-gfm") is None, reason="cmark-gfm is not installed")
def test_cmark_gfm_keeps_each_checkbox_with_its_text(run: Run, report: str) -> None:
    cmark = shutil.which("cmark-gfm")
    assert cmark is not None
    html = subprocess.run(
        [cmark, "--extension", "tasklist", "--extension", "table"], input=report, capture_output=True, text=True
    ).stdout
    boxes = re.findall(r'<li><input type="checkbox"[^>]*/>(.{0,40})', html)
    assert len(boxes) >= len(_leaves(run))
    assert all(re.match(r" \d+(\.\d+)+ ", text) for text in boxes), [b for b in boxes if "<p>" in b][:3]


LINES = st.lists(st.sampled_from(["", "\n", "text", "text\n", "- [ ] a task", "\n\n"]), max_size=6)


@given(st.lists(LINES, max_size=5))
def test_the_report_written_in_parts_is_its_lines_joined(chunks: list[list[str]]) -> None:
    """A report is written a chapter at a time: the parts together are the text its lines would make whole, one
    newline at its end, whatever chunk ends blank or holds only blank lines."""
    whole = "\n".join(line for chunk in chunks for line in chunk).rstrip("\n") + "\n"
    assert "".join(_ended(iter(chunks))) == whole


NOTE_TEXT = st.text(alphabet=["a", " ", "\t", "#", "\n", "\r", "\x85", "\u2028", "中", "`", "-"], max_size=12)


@given(NOTE_TEXT, st.sampled_from(["", "  "]), st.integers(min_value=1, max_value=6))
def test_a_note_is_quoted_line_by_line_one_line_notes_too(text: str, indent: str, level: int) -> None:
    """A one-line note (`note -m`) takes a shorter way to its quote: the same quote as its lines give."""
    lines = (_demoted(text, level) if "#" in text else text).splitlines()
    assert _quote(text, indent, level) == [
        f"{indent}> {line}".rstrip() if line.strip() else f"{indent}>" for line in lines
    ]
