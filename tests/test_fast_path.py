"""The hot read commands and id completion answer without typer, SQLModel, PyYAML, pydantic or GitPython, and
say exactly what the typer commands say."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmlanding.cli import complete, fast
from llmlanding.cli.app import app

HEAVY = ("typer", "click", "sqlmodel", "sqlalchemy", "yaml", "pydantic", "git")

PROBE = """
import os, sys
from llmlanding.entry import main
try:
    main()
except SystemExit as exc:
    code = exc.code
heavy = sorted({m.split('.')[0] for m in sys.modules} & set(os.environ['HEAVY'].split(',')))
sys.stderr.write('HEAVY=' + ','.join(heavy) + '\\n')
"""


def _probe(args: list[str], home: Path, **env: str) -> tuple[str, str]:
    full = {**os.environ, "LLMLANDING_HOME": str(home), "HEAVY": ",".join(HEAVY), **env}
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=full, check=False)
    heavy = [line for line in result.stderr.splitlines() if line.startswith("HEAVY=")]
    return result.stdout, heavy[-1].removeprefix("HEAVY=")


@pytest.fixture
def ready(run, isolated_env: Path) -> Path:
    assert run("done", "3.2", "1.1.1").exit_code == 0
    assert run("start", "4.1").exit_code == 0
    return isolated_env


@pytest.mark.parametrize(
    "args", [["next"], ["status"], [], ["next", "--json"], ["--lang", "zh", "next", "-n", "3", "--in", "4"]]
)
def test_hot_reads_import_nothing_heavy(ready: Path, args: list[str]) -> None:
    stdout, heavy = _probe(args, ready)
    assert stdout
    assert heavy == ""


def test_completion_imports_nothing_heavy(ready: Path) -> None:
    stdout, heavy = _probe(
        [], ready, _LLMLANDING_COMPLETE="complete_bash", COMP_WORDS="llmlanding done 3.", COMP_CWORD="2"
    )
    assert stdout.split() == ["3.1", "3.2", "3.3", "3.4", "3.5"]
    assert heavy == ""


def test_a_fresh_home_falls_through_to_typer(isolated_env: Path) -> None:
    stdout, heavy = _probe(["next"], isolated_env)
    assert "1.1.1" in stdout
    assert "typer" in heavy  # it had to create the database


@pytest.mark.parametrize(
    "args",
    [
        ["next"],
        ["next", "--json"],
        ["next", "-n", "4"],
        ["next", "-n", "4", "--json"],
        ["next", "--in", "0"],
        ["next", "--path", "quickstart", "--json"],
        ["status"],
        ["status", "--json"],
        [],
        ["--lang", "zh", "next"],
        ["--lang=zh", "status"],
    ],
)
def test_fast_path_says_what_typer_says(ready: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert fast.run(list(args)) == 0
    quick = capsys.readouterr().out
    slow = CliRunner().invoke(app, args)
    assert slow.exit_code == 0
    assert quick == slow.stdout
    assert quick.strip()


@pytest.mark.parametrize(
    "args", [["next", "--path", "nowhere"], ["next", "--in", "99.9"], ["next", "--path", "nowhere", "--json"]]
)
def test_fast_path_errors_match_typer(ready: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = fast.run(list(args))
    quick = capsys.readouterr()
    slow = CliRunner().invoke(app, args)
    assert code == slow.exit_code == 2
    assert quick.err == slow.stderr
    assert quick.out == ""


@pytest.mark.parametrize(
    "args",
    [
        ["next", "--help"],
        ["--version"],
        ["next", "-n", "0"],
        ["next", "--bogus"],
        ["done", "3.2"],
        ["status", "-n", "2"],
    ],
)
def test_anything_else_falls_through(ready: Path, args: list[str]) -> None:
    assert fast.run(args) is None


def test_a_stale_roadmap_falls_through(ready: Path, mini: Path) -> None:
    assert fast.run(["--curriculum", str(mini), "next"]) is None


SHELLS = {
    "zsh": {"_TYPER_COMPLETE_ARGS": "llmlanding done 3."},
    "fish": {"_TYPER_COMPLETE_ARGS": "llmlanding done 3.", "_TYPER_COMPLETE_FISH_ACTION": "get-args"},
    "bash": {"COMP_WORDS": "llmlanding done 3.", "COMP_CWORD": "2"},
    "powershell": {"_TYPER_COMPLETE_ARGS": "llmlanding done 3.", "_TYPER_COMPLETE_WORD_TO_COMPLETE": "3."},
}


@pytest.mark.parametrize("shell", sorted(SHELLS))
def test_completion_offers_the_sections_of_a_chapter_like_typer(ready: Path, shell: str) -> None:
    env = {**SHELLS[shell], "_LLMLANDING_COMPLETE": f"complete_{shell}", "LLMLANDING_LANG": "en"}
    answered = complete.answer({**os.environ, **env})
    assert answered is not None
    text, code = answered
    assert code == 0
    for item_id in ("3.1", "3.2", "3.3", "3.4", "3.5"):
        assert item_id in text
    assert "3.2.1" not in text and "4.1" not in text
    slow = CliRunner().invoke(app, [], env=env, prog_name="llmlanding")
    assert slow.stdout.strip() == text.strip()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "llmlanding show ",
            ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16"],
        ),
        ("llmlanding show 3.2.1", ["3.2.1", "3.2.10", "3.2.11"]),
        ("llmlanding next --in 6.", ["6.1", "6.2"]),
        ("llmlanding --lang zh reset 1", ["1", "10", "11", "12", "13", "14", "15", "16"]),
    ],
)
def test_completion_depth(ready: Path, line: str, expected: list[str]) -> None:
    env = {
        **os.environ,
        "_LLMLANDING_COMPLETE": "complete_fish",
        "_TYPER_COMPLETE_ARGS": line,
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
    }
    answered = complete.answer(env)
    assert answered is not None
    assert [row.split("\t")[0] for row in answered[0].splitlines()] == expected


@pytest.mark.parametrize(
    "line", ["llmlanding sh", "llmlanding done --ph", "llmlanding next --path ", "llmlanding --help "]
)
def test_completion_leaves_other_words_to_typer(ready: Path, line: str) -> None:
    env = {**os.environ, "_LLMLANDING_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}
    assert complete.answer(env) is None
