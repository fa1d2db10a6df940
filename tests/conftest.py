"""Every test runs on a temporary home with a known environment: no test touches a real home."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmlanding.cli.app import app

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.yaml"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    monkeypatch.setenv("LLMLANDING_HOME", str(home))
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user" / ".config"))
    for var in ("LLMLANDING_CURRICULUM", "LLMLANDING_LANG", "LC_ALL", "LC_MESSAGES", "VISUAL", "EDITOR"):
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


class Run:
    """Drives the typer app as a user would, returning exit code, stdout and stderr."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None) -> object:
        return self.runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def run() -> Run:
    return Run()


def db_file(home: Path) -> Path:
    return home / "llmlanding.db"


def dump(home: Path) -> list[str]:
    """The database's whole content as SQL, for comparing before and after."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(f"file:{db_file(home)}?mode=ro", uri=True)) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        return [f"-- user_version {version}", *conn.iterdump()]


def count(home: Path, table: str) -> int:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(f"file:{db_file(home)}?mode=ro", uri=True)) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
