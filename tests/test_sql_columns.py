"""SQLModel stays the schema's one definition although the program runs on plain sqlite3: every SQL statement a
representative workload executes must compile against a database built from the SQLModel tables alone, and the
migrations must build the same tables and indexes."""

from __future__ import annotations

import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest
from helpers import Run, db_file

from llmlanding.store import database

SKIPPED = ("CREATE ", "DROP ", "ALTER ", "BEGIN", "COMMIT", "ROLLBACK", "PRAGMA ")  # no table or column named


def model_database() -> sqlite3.Connection:
    """An empty database made by `SQLModel.metadata.create_all` only."""
    from sqlalchemy import create_engine
    from sqlmodel import SQLModel

    import llmlanding.store.tables  # noqa: F401  (registers the tables)

    conn = sqlite3.connect(":memory:")
    engine = create_engine("sqlite://", creator=lambda: conn)
    SQLModel.metadata.create_all(engine)
    # SQLModel cannot express an FTS5 virtual table: this one statement mirrors store/migrations.py's v3.
    conn.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(text, content='search_doc', content_rowid='id', tokenize='trigram')"
    )
    return conn


def problems(statements: set[str]) -> list[str]:
    """Each statement that does not compile against the SQLModel schema, with SQLite's reason."""
    found = []
    with closing(model_database()) as conn:
        # EXPLAIN lists a statement's literals: the compact outline, a BLOB, is no UTF-8 text.
        conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
        for sql in sorted(statements):
            # Statements FTS5 runs on its own shadow tables are traced with a leading "-- ": not ours to check.
            if sql.lstrip().upper().startswith(SKIPPED) or sql.startswith("--"):
                continue
            try:
                conn.execute(f"EXPLAIN {sql}").fetchall()
            except sqlite3.Error as exc:
                found.append(f"{exc}: {sql[:300]}")
    return found


def _git_repo(path: Path) -> Path:
    git = ["git", "-C", str(path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    (path / "model.py").write_text("print('hi')\n", encoding="utf-8")
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "first"], check=True)
    return path


def test_every_statement_names_only_sqlmodel_tables_and_columns(
    recorded: set[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    run = Run()
    other = str(tmp_path / "other")
    backup = str(tmp_path / "backup.json")
    repo = _git_repo(tmp_path / "code")
    for args in (
        ["done", "3.2"],
        ["done", "3.3.1", "--phase", "theory"],
        ["start", "4.1"],
        ["skip", "1.1.1"],
        ["reset", "3.2.2"],
        ["undo"],
        ["note", "3.2.1", "-m", "GPT-1 is a decoder"],
        ["note", "3.2.1", "-m", "GPT-2 too"],
        ["search", "attention"],
        ["search", "微调"],
        ["search", "decoder"],
        ["log"],
        ["log", "3.2", "-n", "3"],
        ["path"],
        ["path", "quickstart"],
        ["status"],
        ["status", "--json"],
        [],
        ["next"],
        ["list"],
        ["show", "3.2.1"],
        ["notes"],
        ["practice", "link", "3.2.4", str(repo)],
        ["practice"],
        ["export", "json", "-o", backup],
        ["export", "report", "-o", "-"],
        ["--home", other, "import", backup],
        ["--home", other, "undo"],
        ["import", backup],
        ["sync", "init", "--learner", "ana"],
        ["sync"],
        ["check"],
        ["check", "--repair"],
    ):
        result = run(*args)
        assert result.exit_code == 0, (args, result.stderr)
    seen = " ".join(recorded)
    for table in ("event", "progress", "batch", "search_fts", "search_doc", "learning_path_item", "item_alias"):
        assert f"INTO {table} " in seen or f"FROM {table} " in seen, table
    assert problems(recorded) == []


def test_the_check_catches_a_column_sqlmodel_does_not_define() -> None:
    assert problems({"SELECT id, nickname FROM event"}) != []
    assert problems({"INSERT INTO progress (item_id, colour) VALUES ('1', 'red')"}) != []
    assert problems({"SELECT id FROM events"}) != []
    assert problems({"SELECT id, seq FROM event WHERE device_id = 'x' ORDER BY seq"}) == []


def test_migrations_make_the_indexes_sqlmodel_declares(isolated_env: Path) -> None:
    database.prepare(isolated_env / "llmlanding.db")
    with closing(sqlite3.connect(db_file(isolated_env))) as migrated, closing(model_database()) as model:

        def indexes(conn: sqlite3.Connection) -> dict[str, list[str]]:
            names = conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'"
            ).fetchall()
            return {name: [row[2] for row in conn.execute(f"PRAGMA index_info({name})")] for (name,) in names}

        assert indexes(migrated) == indexes(model)
