"""Docs that cannot drift: every `console` example of README.md and docs/guide.md is run on a fresh temporary
home and must print what the docs show (`python tests/docs_examples.py --write` refreshes them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docs_examples import FILES, examine, parse


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_console_examples_print_what_the_docs_show(path: Path) -> None:
    problems = examine(path)
    assert not problems, "\n\n".join(problems) + "\n\nrefresh with: python tests/docs_examples.py --write"


def test_every_example_runs_unless_it_says_why_not() -> None:
    for path in FILES:
        blocks = parse(path.read_text(encoding="utf-8").split("\n"))
        assert blocks, path
        for block in blocks:
            assert block.commands, f"{path.name}:{block.start}: an example without a `$ ` command"
            assert block.skip is None or len(block.skip) > 10, f"{path.name}:{block.start}: skipped without a reason"
    readme = parse((FILES[0]).read_text(encoding="utf-8").split("\n"))
    assert all(block.skip is None for block in readme)


def test_a_changed_output_is_found_and_rewritten(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text("Intro\n\n```console\n$ llmlanding --lang en done 3.2\nwrong\n$ llmlanding show 99.9\n```\n")
    problems = examine(doc)
    assert len(problems) == 2 and "wrong" in problems[0]
    examine(doc, write=True)
    assert examine(doc) == []
    assert "✓ 3.2 GPT — 11 topics done · chapter 3: 11/30" in doc.read_text()
    assert "error: no item '99.9'" in doc.read_text()
