"""The program's one clock: LLMLANDING_NOW fixes it for a run, so every stamp, "today" and streak follows it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import JSON, Run, js


def test_stamps_and_days_follow_the_clock(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLMLANDING_NOW", "2026-03-01T09:00:00Z")
    monkeypatch.setenv("TZ", "UTC")
    run("done", "1.1.1")
    log: list[JSON] = js(run, "log")
    assert log[0]["at"] == "2026-03-01T09:00:00.000000Z"
    monkeypatch.setenv("LLMLANDING_NOW", "2026-03-02T09:00:00+00:00")
    run("done", "1.1.2")
    activity: JSON = js(run, "status")["activity"]
    assert (activity["streak"], activity["active_days"]) == (2, 2)
    monkeypatch.setenv("LLMLANDING_NOW", "2026-03-05T09:00:00Z")  # two days without study break the streak
    assert js(run, "status")["activity"]["streak"] == 0


def test_a_clock_that_is_not_a_time_is_refused_in_one_line(tmp_path: Path) -> None:
    for value in ("garbage", "2026-03-01T09:00:00"):  # the second has no offset: which day is it?
        env = {"LLMLANDING_NOW": value, "LLMLANDING_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
        done = subprocess.run([sys.executable, "-m", "llmlanding", "next"], capture_output=True, text=True, env=env)
        assert done.returncode == 2
        assert done.stderr.strip().splitlines() == [
            f"error: LLMLANDING_NOW must be an ISO 8601 time with an offset, like 2026-03-01T09:00:00Z, not '{value}'"
        ]
