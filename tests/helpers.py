"""What the tests share besides fixtures: the test data's paths, a driver for the CLI and readers of a home's
database. Fixtures live in conftest.py; test files import these by name, `from helpers import ...`."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any, TypeAlias

from typer.testing import CliRunner, Result

from llmlanding.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.yaml"

JSON: TypeAlias = Any
"""A command's parsed --json answer. Tests index into it by the shape they expect and assert on what they find,
so it is typed as json.loads types it."""


class Run:
    """Drives the typer app as a user would, returning exit code, stdout and stderr."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None) -> Result:
        return self.runner.invoke(app, list(args), input=input, catch_exceptions=False)


def js(run: Run, *args: str) -> JSON:
    """The parsed answer of a command run with --json, which must succeed."""
    result = run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def db_file(home: Path) -> Path:
    """The home's database: `llmlanding.db`, or the one `roadmap-<id>.db` a test's roadmap made."""
    bundled = home / "llmlanding.db"
    others = sorted(home.glob("roadmap-*.db")) if home.is_dir() else []
    return bundled if bundled.exists() or len(others) != 1 else others[0]


# What the later migrations made, to turn a home back into one made before them (the tests of a migration).
MADE_BY_MIGRATION = {
    8: ["DROP TABLE review_card", "DROP INDEX event_review"],
    9: ["DROP TABLE leaf_state"],
    10: ["DROP INDEX progress_note"],
    11: ["DROP INDEX progress_repo"],
}


def as_made_by_version(db: Path, version: int) -> None:
    """The database as a home made at schema `version` would have it (its data as it stands)."""
    with closing(sqlite3.connect(db)) as conn:
        for later in sorted(MADE_BY_MIGRATION, reverse=True):
            if later > version:
                for statement in MADE_BY_MIGRATION[later]:
                    conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()


def _read_only(home: Path) -> closing[sqlite3.Connection]:
    return closing(sqlite3.connect(f"file:{db_file(home)}?mode=ro", uri=True))


def dump(home: Path) -> list[str]:
    """The database's whole content as SQL, for comparing before and after."""
    with _read_only(home) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        return [f"-- user_version {version}", *conn.iterdump()]


def count(home: Path, table: str) -> int:
    with _read_only(home) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def bare_remote(tmp_path: Path) -> Path:
    """A bare git repository standing for the remote a study group shares."""
    import subprocess

    bare = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    return bare


class Machine:
    """One home standing for one of a learner's machines, driven in English."""

    def __init__(self, run: Run, home: Path) -> None:
        self.run, self.home = run, home

    def __call__(self, *args: str, input: str | None = None) -> Result:
        return self.run("--home", str(self.home), "--lang", "en", *args, input=input)

    def ok(self, *args: str) -> str:
        result = self(*args)
        assert result.exit_code == 0, result.stderr
        return str(result.stdout)

    def json(self, *args: str) -> JSON:
        return json.loads(self.ok(*args, "--json"))


def machines(run: Run, tmp_path: Path, remote: Path, learner: str = "ana") -> tuple[Machine, Machine]:
    """Two machines of one learner, both set to sync with `remote`."""
    a, b = Machine(run, tmp_path / "laptop"), Machine(run, tmp_path / "desktop")
    a.ok("sync", "init", "--remote", str(remote), "--learner", learner)
    b.ok("sync", "init", "--remote", str(remote), "--learner", learner)
    return a, b


def on_terminal(*args: str, columns: int, env: dict[str, str] | None = None) -> str:
    """What `llmlanding ARGS` shows on a terminal `columns` wide: run in a pseudo-terminal, so rich sees a
    terminal, with its styles stripped from the text."""
    import os
    import pty
    import re
    import subprocess
    import sys

    main, child = pty.openpty()
    settings = {**os.environ, **(env or {}), "COLUMNS": str(columns)}
    subprocess.run([sys.executable, "-m", "llmlanding", *args], stdout=child, stderr=child, env=settings, check=False)
    os.close(child)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the other end is closed: everything has been read
            break
        if not chunk:
            break
        out += chunk
    os.close(main)
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.decode("utf-8")).replace("\r\n", "\n")


# The mini roadmap as edition 1, and an edition 2 that revises it. Chapters 1 and 2 swap places; 1.1.2 splits in
# two; 1.2 goes; 0.1 merges into what 1.1.1 becomes; 2.2 is new. Files, so that the guide's examples use them too.
MINI_EDITION_1 = (DATA / "mini-edition-1.yaml").read_text(encoding="utf-8")
MINI_EDITION_2 = (DATA / "mini-edition-2.yaml").read_text(encoding="utf-8")
