"""The database keeps a learner's data safe: migrations with backups, refusal of files it must not touch,
locking, several processes at once, read-only reads, and roadmap revisions."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from helpers import MINI, Run, count, db_file, dump, js

from llmlanding.errors import StoreError
from llmlanding.store import database
from llmlanding.store.migrations import MIGRATIONS, SCHEMA_VERSION, Migration


def make_v1(home: Path) -> None:
    """A real version-1 database, as the first release wrote it, holding one finished topic."""
    database.prepare(home / "llmlanding.db", MIGRATIONS[:1])
    with closing(sqlite3.connect(db_file(home))) as conn, conn:
        conn.execute("INSERT INTO meta VALUES ('device_id', 'old-laptop')")
        conn.execute("INSERT INTO batch VALUES ('b1', 'old-laptop', '2026-01-01T10:00:00.000000Z', 'done 3.1.1', NULL)")
        for n, field in enumerate(("theory", "practice", "summary", "status")):
            value = "done" if field == "status" else "1"
            old = "todo" if field == "status" else "0"
            conn.execute(
                "INSERT INTO event VALUES (?, ?, 'b1', 'old-laptop', '2026-01-01T10:00:00.000000Z', '3.1.1', ?, ?, ?)",
                (f"e{n}", n + 1, field, old, value),
            )
            conn.execute(
                "INSERT INTO progress VALUES ('3.1.1', ?, ?, '2026-01-01T10:00:00.000000Z', ?)", (field, value, f"e{n}")
            )


def test_v1_database_upgrades_with_a_backup_and_keeps_progress(run: Run, isolated_env: Path) -> None:
    make_v1(isolated_env)
    result = run("status", "--json")
    assert result.exit_code == 0, result.stderr
    with closing(sqlite3.connect(db_file(isolated_env))) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    backups = list((isolated_env / "backups").glob("*.db"))
    assert len(backups) == 1
    with closing(sqlite3.connect(backups[0])) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert old.execute("SELECT count(*) FROM event").fetchone()[0] == 4
    assert js(run, "show", "3.1.1")["status"] == "done"
    assert [e["command"] for e in js(run, "log")] == ["done 3.1.1"]


def test_a_failing_migration_leaves_the_file_unchanged(isolated_env: Path) -> None:
    database.prepare(isolated_env / "llmlanding.db")
    before = dump(isolated_env)

    def boom(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("migration failed half way")

    with pytest.raises(RuntimeError):
        database.prepare(isolated_env / "llmlanding.db", [*MIGRATIONS, Migration(SCHEMA_VERSION + 1, "boom", boom)])
    assert dump(isolated_env) == before
    assert any(isolated_env.joinpath("backups").glob("*.db"))  # taken before trying


def test_a_newer_database_is_refused_and_not_written(run: Run, isolated_env: Path) -> None:
    run("done", "1.1.1")
    with closing(sqlite3.connect(db_file(isolated_env))) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = dump(isolated_env)
    for args in (["next"], ["done", "1.1.2"], ["status"], ["list"]):
        result = run(*args)
        assert result.exit_code == 1
        assert result.stderr == (
            f"error: {db_file(isolated_env)} was written by a newer llmlanding (schema v{SCHEMA_VERSION + 1}; this one "
            f"knows up to v{SCHEMA_VERSION}); upgrade llmlanding, e.g. pip install -U llmlanding\n"
        )
    assert dump(isolated_env) == before


@pytest.mark.parametrize("content", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_a_corrupt_file_is_named_with_the_latest_backup_and_left_untouched(
    run: Run, isolated_env: Path, content: bytes
) -> None:
    make_v1(isolated_env)
    run("status")  # migrates, leaving a backup
    backup = sorted((isolated_env / "backups").glob("*.db"))[-1]
    db_file(isolated_env).write_bytes(content)
    for extra in ("-wal", "-shm"):
        Path(str(db_file(isolated_env)) + extra).unlink(missing_ok=True)
    for args in (["next"], ["done", "3.2"], ["status", "--json"]):
        result = run(*args)
        assert result.exit_code == 1, args
        line = result.stderr.strip()
        assert "\n" not in line
        assert line.startswith(f"error: {db_file(isolated_env)} is not a usable llmlanding database")
        assert line.endswith(f"it was left untouched; latest backup: {backup}")
    assert db_file(isolated_env).read_bytes() == content


def test_another_programs_sqlite_file_is_refused(run: Run, isolated_env: Path) -> None:
    isolated_env.mkdir(parents=True)
    with closing(sqlite3.connect(db_file(isolated_env))) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER)")
    before = db_file(isolated_env).read_bytes()
    result = run("next")
    assert result.exit_code == 1
    assert "it is an SQLite file of another program" in result.stderr
    assert db_file(isolated_env).read_bytes() == before


def test_locked_past_the_timeout_is_one_line_exit_1(
    run: Run, isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("done", "1.1.1")
    before = dump(isolated_env)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    with closing(sqlite3.connect(db_file(isolated_env), isolation_level=None)) as holder:
        holder.execute("BEGIN IMMEDIATE")
        result = run("done", "1.1.2")
        holder.execute("ROLLBACK")
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {db_file(isolated_env)} is busy: another llmlanding has held it for over 0 s; try again in a moment\n"
    )
    assert dump(isolated_env) == before


def test_read_only_commands_leave_the_data_unchanged(run: Run, isolated_env: Path) -> None:
    run("done", "3.2")
    run("done", "1.1.1", "--phase", "theory")
    wal = Path(f"{db_file(isolated_env)}-wal")
    before = (db_file(isolated_env).read_bytes(), wal.read_bytes() if wal.exists() else b"", dump(isolated_env))
    for args in (
        ["next"],
        ["next", "--json"],
        ["status"],
        ["status", "--json"],
        [],
        ["list"],
        ["show", "3.2"],
        ["log"],
        ["path"],
        ["next", "-n", "5", "--in", "3"],
    ):
        assert run(*args).exit_code == 0, args
    # SQLite may leave an empty write-ahead log and its index beside the file; the data itself is as it was.
    assert (db_file(isolated_env).read_bytes(), wal.read_bytes() if wal.exists() else b"", dump(isolated_env)) == before


def _cli(args: list[str], home: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "LLMLANDING_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-m", "llmlanding", *args], env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def test_processes_writing_at_the_same_time_all_keep_their_changes(run: Run, isolated_env: Path) -> None:
    run("next")  # create the database first, as a learner's first command would
    sections = ["3.1", "3.2", "3.3", "6.2", "7.2", "11.2"]
    procs = [_cli(["done", section], isolated_env) for section in sections]
    for proc in procs:
        _out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    for section in sections:
        assert js(run, "show", section)["status"] == "done", section
    assert count(isolated_env, "batch") == len(sections)


def test_first_use_by_two_processes_at_once_creates_one_database(isolated_env: Path) -> None:
    procs = [_cli(["done", section], isolated_env) for section in ("3.1", "3.2", "3.3")]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    assert count(isolated_env, "batch") == 3


def test_roadmap_revision_keeps_progress_by_id_renames_and_orphans(run: Run, tmp_path: Path) -> None:
    roadmap = tmp_path / "roadmap.yaml"
    roadmap.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    r = ("--curriculum", str(roadmap))
    run(*r, "done", "1.1.1", "1.2")
    revised = MINI.read_text(encoding="utf-8")
    revised = revised.replace('id: "1.1.1"\n', 'id: "1.1.3"\n            renamed_from: ["1.1.1"]\n')
    revised = revised.replace('      - id: "1.2"\n        title: {zh: 第二节, en: Section two}\n', "")
    roadmap.write_text(revised, encoding="utf-8")
    assert js(run, *r, "show", "1.1.3")["status"] == "done"
    status = js(run, *r, "status")
    assert status["orphans"] == [{"id": "1.2", "title": {"zh": "第二节", "en": "Section two"}, "status": "done"}]
    assert "1.2" in run(*r, "--lang", "en", "status").stdout.splitlines()[-1]
    assert [e["command"] for e in js(run, *r, "log", "1.1.3")] == ["done 1.1.1 1.2"]
    # back to the first edition: progress was never rewritten, so it is all still there
    roadmap.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    assert js(run, *r, "show", "1.2")["status"] == "done"
    assert js(run, *r, "show", "1.1.1")["status"] == "done"
    assert js(run, *r, "status")["orphans"] == []


def test_roadmap_is_reimported_only_when_its_file_changes(run: Run, isolated_env: Path, tmp_path: Path) -> None:
    roadmap = tmp_path / "roadmap.yaml"
    roadmap.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    run("--curriculum", str(roadmap), "done", "1.1")
    before = dump(isolated_env)
    os.utime(roadmap)  # touched but not changed
    assert run("--curriculum", str(roadmap), "status").exit_code == 0
    assert dump(isolated_env) == before
    roadmap.write_text(MINI.read_text(encoding="utf-8").replace("Chapter two", "Chapter 2"), encoding="utf-8")
    assert "Chapter 2" in run("--curriculum", str(roadmap), "--lang", "en", "list").stdout


def test_a_broken_roadmap_revision_is_reported_and_the_data_kept(run: Run, isolated_env: Path, tmp_path: Path) -> None:
    roadmap = tmp_path / "roadmap.yaml"
    roadmap.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    run("--curriculum", str(roadmap), "done", "1.1")
    before = dump(isolated_env)
    roadmap.write_text("format: 1\nchapters: [\n", encoding="utf-8")
    result = run("--curriculum", str(roadmap), "next")
    assert result.exit_code == 2 and result.stderr.splitlines()[1].startswith(f"{roadmap}:3:1:")
    assert dump(isolated_env) == before


def test_store_error_is_a_failure_exit() -> None:
    assert StoreError("x").exit_code == 1


def test_sqlmodel_tables_match_the_migrated_schema(isolated_env: Path) -> None:
    from sqlmodel import SQLModel

    import llmlanding.store.tables  # noqa: F401  (registers the tables)

    database.prepare(isolated_env / "llmlanding.db")
    with closing(sqlite3.connect(db_file(isolated_env))) as conn:
        for table in SQLModel.metadata.sorted_tables:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table.name})")]
            assert sorted(columns) == sorted(c.name for c in table.columns), table.name
