"""Every test runs on a temporary home with a known environment: no test touches a real home. Only fixtures
live here; what tests share besides them is in helpers.py."""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import MINI, Run


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    monkeypatch.setenv("LLMLANDING_HOME", str(home))
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user" / ".config"))
    for var in (
        "LLMLANDING_CURRICULUM",
        "LLMLANDING_LANG",
        "LLMLANDING_NOW",
        "LC_ALL",
        "LC_MESSAGES",
        "VISUAL",
        "EDITOR",
        "BROWSER",  # `open` runs it wherever it is set
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    yield home


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the small test roadmap that a test may edit."""
    target = tmp_path / "mini.yaml"
    shutil.copy(MINI, target)
    return target


@pytest.fixture
def run() -> Run:
    return Run()


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Every statement run on any sqlite3 connection opened from now on, as SQLite expands it."""
    statements: set[str] = set()
    real: Callable[..., sqlite3.Connection] = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real(*args, **kwargs)
        conn.set_trace_callback(statements.add)
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)
    return statements


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Switch the process's local time zone (Python's and SQLite's both follow TZ after tzset); put back after."""

    def switch(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield switch
    monkeypatch.undo()
    time.tzset()
