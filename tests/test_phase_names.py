"""`--phase` by the names the screens use: theory|read, practice|code, summary|write and the Chinese ones."""

from __future__ import annotations

import pytest
from helpers import Run, js

from llmlanding.cli.table import TABLE
from llmlanding.domain.outline import PHASE_NAMES, PHASES
from llmlanding.views.words import PHASE_WORDS


@pytest.mark.parametrize(
    ("name", "phase"),
    [
        ("theory", "theory"),
        ("read", "theory"),
        ("原理学习", "theory"),
        ("practice", "practice"),
        ("code", "practice"),
        ("代码实践", "practice"),
        ("summary", "summary"),
        ("write", "summary"),
        ("输出总结", "summary"),
    ],
)
def test_every_name_ticks_its_phase(run: Run, name: str, phase: str) -> None:
    result = run("--lang", "en", "done", "3.1.1", "--phase", name)
    assert result.exit_code == 0, result.stderr
    phases = js(run, "show", "3.1.1")["phases"]
    assert phases == {p: p == phase for p in PHASES}


def test_the_chinese_names_are_the_ones_the_screens_show() -> None:
    for phase, word in PHASE_WORDS["zh"].items():
        assert PHASE_NAMES[word] == phase


def test_the_generated_table_carries_the_names_for_completion() -> None:
    (option,) = [o for o in TABLE["done"]["options"] if o["name"] == "phase"]
    assert option["kind"] == "choice"
    assert set(option["choices"]) == set(PHASE_NAMES)


@pytest.mark.parametrize(("typo", "meant"), [("cod", "code"), ("Theory", "theory"), ("输出", "输出总结")])
def test_a_typo_gets_one_line_with_a_suggestion_and_changes_nothing(run: Run, typo: str, meant: str) -> None:
    before = js(run, "show", "3.1.1")
    result = run("done", "3.1.1", "--phase", typo)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: --phase takes theory, read, practice, code")
    assert f"not '{typo}' (did you mean {meant}?)" in result.stderr
    assert js(run, "show", "3.1.1") == before
