"""The docs say what the code does: the CLI reference is fresh, every command is documented, the README's
test command is the one CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main
from helpers import ROOT

from llmlanding.cli.app import app
from llmlanding.cli.reference import reference
from llmlanding.settings import default_home


def test_cli_reference_is_fresh() -> None:
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == reference(), "docs/cli.md is stale: python -m llmlanding.cli.reference > docs/cli.md"


def _commands() -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []

    def walk(command: object, path: str) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            found.append((f"{path} {name}".strip(), sub))
            walk(sub, f"{path} {name}")

    walk(typer.main.get_command(app), "")
    return found


def test_every_command_has_help_and_a_guide_entry() -> None:
    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    for name, command in _commands():
        assert getattr(command, "help", None), f"{name} has no help"
        assert f"llmlanding {name}" in guide, f"docs/guide.md does not mention `llmlanding {name}`"


def test_ci_runs_the_readme_test_command_word_for_word() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```(?:sh|bash|console)\n(.*?)```", readme, flags=re.S)
    test_lines = [line for block in commands for line in block.splitlines() if "pytest" in line]
    assert len(test_lines) == 1, test_lines
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_lines[0].strip() in ci.splitlines()


def test_default_home_is_typers_app_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    assert default_home() == Path(typer.get_app_dir("llmlanding"))
    monkeypatch.setenv("XDG_CONFIG_HOME", "/tmp/somewhere")
    assert default_home() == Path(typer.get_app_dir("llmlanding"))
