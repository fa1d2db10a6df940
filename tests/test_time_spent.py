"""Time spent, for learners who record it: `done`/`start --time`, summed in status, shown in log, undoable."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import JSON, Run, dump, js

from llmlanding.domain.effort import parse_duration
from llmlanding.errors import UsageError


def test_time_is_summed_per_week_and_chapter_and_undo_takes_it_back(run: Run) -> None:
    plain = run("--lang", "en", "status").stdout
    assert "⏱" not in plain and js(run, "status")["activity"]["time"] is None  # nothing asked of anyone
    assert run("done", "1.1.1", "--time", "45m").exit_code == 0
    assert run("start", "3.2.1", "-t", "1h30m").exit_code == 0
    assert run("done", "3.2.1", "--phase", "theory", "--time", "2h").exit_code == 0
    time: JSON = js(run, "status")["activity"]["time"]
    assert time == {"this_week": 255, "total": 255, "chapters": {"1": 45, "3": 210}}
    view = run("--lang", "en", "status").stdout
    assert "⏱ 4 h 15 min spent this week (4 h 15 min in all)" in view
    assert "45 min" in next(line for line in view.splitlines() if line.lstrip().startswith("1 "))
    log = run("--lang", "en", "log").stdout
    assert "⏱ 2 h" in log and "⏱ 45 min" in log
    assert run("undo").exit_code == 0
    assert js(run, "status")["activity"]["time"]["total"] == 135


def test_time_travels_in_a_backup(run: Run, tmp_path: Path) -> None:
    run("done", "1.1.1", "--time", "45m")
    backup = tmp_path / "b.json"
    assert run("export", "json", "-o", str(backup)).exit_code == 0
    other = tmp_path / "other"
    assert run("--home", str(other), "import", str(backup)).exit_code == 0
    assert js(run, "--home", str(other), "status")["activity"]["time"]["total"] == 45


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["done", "1.1.1", "1.1.2", "--time", "45m"], "--time goes with one item"),
        (["done", "1.1.1", "--time", "45x"], "--time takes a duration like 45m, 1h30m or 2h, not '45x'"),
        (["start", "1.1.1", "--time", "25h"], "from 1 minute to 24 hours"),
    ],
)
def test_a_bad_time_is_one_line_and_changes_nothing(
    run: Run, isolated_env: Path, args: list[str], message: str
) -> None:
    run("done", "2.1")
    before = dump(isolated_env)
    result = run(*args)
    assert result.exit_code == 2 and message in result.stderr and len(result.stderr.splitlines()) == 1
    assert dump(isolated_env) == before


@pytest.mark.parametrize(("text", "minutes"), [("45m", 45), ("1h30m", 90), ("2h", 120), ("90", 90), ("1H 5M", 65)])
def test_durations(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["", "h", "m", "1.5h", "-5m", "0m", "1d"])
def test_not_durations(text: str) -> None:
    with pytest.raises(UsageError):
        parse_duration(text)
