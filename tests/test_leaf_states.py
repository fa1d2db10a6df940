"""The leaf_state table: one row per item with its leaf state packed and when it was finished, which every
snapshot reads instead of grouping the progress table. Each write refreshes the items it touched, so it must be
what grouping gives after any write, however it is made; an older home gets it by migration; `check` sees it
out of step and `check --repair` mends it."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from helpers import JSON, Run, as_made_by_version, db_file, dump
from hypothesis import given, settings
from hypothesis import strategies as st

from llmlanding.domain.history import Batch, Event
from llmlanding.store.leaf_states import LEAF_STATES
from llmlanding.store.migrations import MIGRATIONS, apply_one
from llmlanding.store.writer import Tx, add_batches, apply_events

KEPT = "SELECT item_id, code, done_at FROM leaf_state ORDER BY item_id"


def grouped(conn: sqlite3.Connection) -> list[tuple[str, int, str | None]]:
    return sorted(conn.execute(LEAF_STATES).fetchall())


ITEMS = ["1.1.1", "1.1.2", "2.1", "9.9.9"]
FIELDS = ["theory", "practice", "summary", "status", "note", "paper:abc"]
VALUES = ["1", "0", "doing", "done", "skipped", "todo", "odd", None]
STAMPS = [f"2026-03-0{day}T09:00:00.000000Z" for day in range(1, 6)]

changes = st.tuples(st.sampled_from(ITEMS), st.sampled_from(FIELDS), st.sampled_from(VALUES), st.sampled_from(STAMPS))


def write(conn: sqlite3.Connection, number: int, changes: list[tuple[str, str, str | None, str]]) -> None:
    """One write of these changes (item, field, new value, stamp), as a sync or an import applies a batch."""
    conn.execute("BEGIN IMMEDIATE")
    tx = Tx(conn, "here")
    batch = Batch(f"b{number}", "here", STAMPS[0], "x")
    add_batches(tx, [batch])
    events = [
        Event(f"e{number}-{n}", batch.id, "here", at, item, field, None, value)
        for n, (item, field, value, at) in enumerate(changes)
    ]
    apply_events(tx, events)
    conn.execute("COMMIT")


def store() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    for migration in MIGRATIONS:
        apply_one(conn, migration)
    return conn


@settings(max_examples=150, deadline=None)
@given(writes=st.lists(st.lists(changes, min_size=1, max_size=6), max_size=12))
def test_the_table_is_what_grouping_the_progress_table_gives_after_each_write(
    writes: list[list[tuple[str, str, str | None, str]]],
) -> None:
    """Writes as a sync or an import makes them: events arriving out of order, older ones losing to newer ones
    already there (last writer wins), items with and without leaf fields."""
    with closing(store()) as conn:
        for number, changes_made in enumerate(writes):
            write(conn, number, changes_made)
            assert conn.execute(KEPT).fetchall() == grouped(conn), changes_made


def test_a_write_of_hundreds_of_items_refills_the_table() -> None:
    """Past a few hundred items one refill of every row: what was there for no progress goes too."""
    with closing(store()) as conn:
        write(conn, 0, [("1.1.1", "status", "done", STAMPS[1])])
        conn.execute("INSERT INTO leaf_state VALUES ('gone', 0, NULL)")  # as a hand in the file could leave it
        write(conn, 1, [(f"9.{n}", "theory", "1", STAMPS[2]) for n in range(600)])
        kept = conn.execute(KEPT).fetchall()
        assert kept == grouped(conn) and len(kept) == 601


def test_every_command_keeps_it(run: Run, isolated_env: Path, tmp_path: Path) -> None:
    for args in (
        ["done", "3.2"],
        ["done", "1.1.1", "--phase", "theory"],
        ["start", "1.1.2"],
        ["skip", "1.1.3"],
        ["reset", "3.2.1"],
        ["undo"],
        ["note", "1.1.1", "-m", "kept"],
        ["done", "2.1"],
        ["undo"],
        ["export", "json", "-o", str(tmp_path / "backup.json")],
    ):
        assert run(*args).exit_code == 0, args
    with closing(sqlite3.connect(db_file(isolated_env))) as conn:
        kept = conn.execute(KEPT).fetchall()
        assert kept == grouped(conn) and len(kept) > 5
    # A second home fills it from a backup's import, item for item.
    other = tmp_path / "other"
    assert run("--home", str(other), "import", str(tmp_path / "backup.json")).exit_code == 0
    with closing(sqlite3.connect(db_file(other))) as conn:
        assert conn.execute(KEPT).fetchall() == kept


def test_an_older_home_gets_it_with_a_backup_and_shows_the_same(run: Run, isolated_env: Path) -> None:
    run("done", "3.2")
    run("done", "1.1.1", "--phase", "summary")
    before: JSON = json.loads(run("status", "--json").stdout)
    as_made_by_version(db_file(isolated_env), 8)
    assert json.loads(run("status", "--json").stdout) == before
    with closing(sqlite3.connect(db_file(isolated_env))) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == MIGRATIONS[-1].version
        assert conn.execute(KEPT).fetchall() == grouped(conn) != []
    assert any(p.name.endswith(".db") for p in (isolated_env / "backups").iterdir())


def test_check_sees_it_out_of_step_and_repair_mends_it(run: Run, isolated_env: Path) -> None:
    run("done", "3.2")
    run("done", "1.1.1", "--phase", "theory")
    shown: JSON = json.loads(run("show", "3.2.1", "--json").stdout)
    with closing(sqlite3.connect(db_file(isolated_env))) as conn:  # as only a hand in the file could
        conn.execute("UPDATE leaf_state SET code = 0, done_at = NULL WHERE item_id = '3.2.1'")
        conn.commit()
    found = run("--lang", "en", "check")
    assert found.exit_code == 1 and "leaf states: 1 items differ from their progress" in found.stdout
    assert "条目状态：1 个条目与它们的进度不符" in run("--lang", "zh", "check").stdout
    before = dump(isolated_env)
    assert run("check", "--repair").exit_code == 0
    assert dump(isolated_env) != before
    assert json.loads(run("show", "3.2.1", "--json").stdout) == shown
    assert run("--lang", "en", "check").exit_code == 0


@pytest.mark.parametrize("code", ["'done'", "99", "-1", "2.5"])
def test_a_row_no_write_makes_reads_as_todo_and_check_mends_it(run: Run, isolated_env: Path, code: str) -> None:
    run("done", "3.2.1")
    with closing(sqlite3.connect(db_file(isolated_env))) as conn:  # as only a hand in the file could
        conn.execute(f"UPDATE leaf_state SET code = {code} WHERE item_id = '3.2.1'")
        conn.commit()
    shown = run("show", "3.2.1", "--json")
    assert shown.exit_code == 0 and json.loads(shown.stdout)["status"] == "todo"
    assert run("status").exit_code == 0
    assert run("check").exit_code == 1
    assert run("check", "--repair").exit_code == 0
    assert json.loads(run("show", "3.2.1", "--json").stdout)["status"] == "done"
