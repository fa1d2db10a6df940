"""Completion of values at the speed of ids: roadmap ids for `curriculum use`, editions, languages, phases and
learning paths, with titles as descriptions in zsh and fish (and in bash when asked), and files only where a
file is wanted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import Run

from llmlanding.cli.complete import answer
from llmlanding.cli.table import TABLE


def _fish(line: str) -> list[str]:
    env = {**os.environ, "_LLMLANDING_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": line}
    env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    done = answer(env)
    assert done is not None
    return done[0].split("\n") if done[0] else []


def _zsh(line: str) -> str:
    done = answer({**os.environ, "_LLMLANDING_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line})
    assert done is not None
    return done[0]


def _bash(line: str, cword: int, **extra: str) -> list[str]:
    env = {**os.environ, "_LLMLANDING_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(cword)}
    done = answer({**env, **extra})
    assert done is not None
    return done[0].split("\n") if done[0] else []


def test_curriculum_use_completes_the_homes_roadmaps_with_their_titles(run: Run, mini: Path) -> None:
    assert run("curriculum", "add", str(mini)).exit_code == 0
    assert run("status").exit_code == 0  # the bundled roadmap's database, with its title
    assert _fish("llmlanding curriculum use m") == ["mini\tmini.yaml"]  # not used yet: its file's name
    assert run("--curriculum", str(mini), "status").exit_code == 0
    assert _fish("llmlanding curriculum use ") == [
        "llmlanding\tLLM Landing: large language models from theory to practice",
        "mini\tMini roadmap",
    ]
    assert _fish("llmlanding --lang zh curriculum use m") == ["mini\t迷你路线图"]
    assert '"mini":"Mini roadmap"' in _zsh("llmlanding curriculum use ")


def test_editions_languages_and_phases_complete_from_the_table() -> None:
    assert _fish("llmlanding curriculum upgrade ") == ["2024-03-26", "2024-12-28"]
    assert _fish("llmlanding curriculum diff 2024-1") == ["2024-12-28"]
    assert _fish("llmlanding --lang ") == ["zh", "en"]
    (phase,) = [o for o in TABLE["done"]["options"] if o["name"] == "phase"]
    assert _fish("llmlanding done 3.2 --phase ") == phase["choices"]  # whatever names the signature accepts
    assert _bash("llmlanding done --phase", 3) == phase["choices"]


def test_zsh_lists_files_only_where_a_file_is_wanted() -> None:
    # No database in this fresh home: no path names to offer, and no files in their place.
    assert _zsh("llmlanding path ") == ""
    assert _zsh("llmlanding done ") == ""
    assert _zsh("llmlanding curriculum add ") == "_files"
    assert _zsh("llmlanding import ") == "_files"


def test_bash_shows_titles_when_asked_and_inserts_the_bare_value(run: Run) -> None:
    assert run("status").exit_code == 0
    assert _bash("llmlanding done 3.", 2) == ["3.1", "3.2", "3.3", "3.4", "3.5"]
    titled = _bash("llmlanding done 3.", 2, LLMLANDING_COMPLETE_TITLES="1")
    assert titled[:2] == ["3.1  (Transformer)", "3.2  (GPT)"]
    assert os.path.commonprefix(titled) == "3."  # noqa: RUF071  # a string prefix is what bash inserts: never a piece of a title
    assert _bash("llmlanding done 3.2", 2, LLMLANDING_COMPLETE_TITLES="1") == ["3.2"]
    paths = _bash("llmlanding path ", 2, LLMLANDING_COMPLETE_TITLES="1")
    assert paths[0].startswith("book") and "(Book order)" in paths[0]


def test_completion_answers_without_typer_or_rich(run: Run) -> None:
    assert run("status").exit_code == 0
    env = {
        **os.environ,
        "_LLMLANDING_COMPLETE": "complete_bash",
        "COMP_WORDS": "llmlanding curriculum use ",
        "COMP_CWORD": "3",
    }
    code = "import sys, llmlanding.entry as e; rc = e.run([]); print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'pydantic')))"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["llmlanding", "[]"]
