"""docs/performance.md speaks of the benchmark as it is: every command bench/startup.py times has a row, with
the targets the benchmark checks, and the commands it says to run exist."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
sys.path.insert(0, str(ROOT / "bench"))

import startup  # noqa: E402  (bench/ is a folder of scripts, put on the path just above)


def _rows() -> dict[str, str]:
    return {m.group(1): m.group(2) for m in re.finditer(r"^\| `([^`]+)`[^|]*\|(.*)$", DOC, flags=re.M)}


def test_every_benchmarked_command_has_a_figure() -> None:
    rows = _rows()
    for name, _argv in startup.EVERYDAY:
        label = "llmlanding" if name == "dashboard" else name
        assert label in rows, f"docs/performance.md has no row for `{label}`"
    for name, _argv, back_name, _back in startup.WRITES:
        assert f"`{name}` / `{back_name}`" in DOC, f"docs/performance.md has no row for `{name}` / `{back_name}`"


def test_the_targets_are_the_benchmarks() -> None:
    for ratio in (startup.EVERYDAY_RATIO, startup.VERSION_RATIO, startup.COMPLETION_RATIO):
        assert f"≤ {ratio:g}×" in DOC, f"docs/performance.md does not state the target ≤ {ratio:g}×"


def test_the_commands_it_says_to_run_exist() -> None:
    for script in re.findall(r"\.venv/bin/python (bench/\S+\.py)", DOC):
        assert (ROOT / script).is_file(), script
