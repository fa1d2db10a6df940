"""The leaf_state table: one row per item with its leaf state packed and when it was finished, which every
snapshot reads instead of grouping the progress table. Triggers on the progress table keep it, so it must be
what grouping gives after any write, however it is made; an older home gets it by migration; `check` sees it
out of step and `check --repair` mends it."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from helpers import JSON, Run, as_made_by_version, db_file, dump
from hypothesis import given, settings
from hypothesis import strategies as st

from llmlanding.store.migrations import MIGRATIONS, apply_one
from llmlanding.store.queries import LEAF_STATES

KEPT = "SELECT item_id, code, done_at FROM leaf_state ORDER BY item_id"


def grouped(conn: sqlite3.Connection) -> list[tuple[str, int, str | None]]:
    return sorted(conn.execute(LEAF_STATES).fetchall())


ITEMS = ["1.1.1", "1.1.2", "2.1"]
FIELDS = ["theory", "practice", "summary", "status", "note", "paper:abc"]
VALUES = ["1", "0", "doing", "done", "skipped", "todo", "odd", None]
STAMPS = ["2026-03-01T09:00:00.000000Z", "2026-03-02T09:00:00.000000Z"]

writes = st.one_of(
    st.tuples(st.just("upsert"), st.sampled_from(ITEMS), st.sampled_from(FIELDS), st.sampled_from(VALUES)),
    st.tuples(st.just("delete"), st.sampled_from(ITEMS), st.sampled_from(FIELDS), st.none()),
    st.tuples(st.just("move"), st.sampled_from(ITEMS), st.sampled_from(FIELDS), st.sampled_from(ITEMS)),
    st.tuples(st.just("rename field"), st.sampled_from(ITEMS), st.sampled_from(FIELDS), st.sampled_from(FIELDS)),
    st.tuples(st.just("clear"), st.just(""), st.just(""), st.none()),
)


@settings(max_examples=150, deadline=None)
@given(steps=st.lists(writes, max_size=25), stamp=st.sampled_from(STAMPS))
def test_the_table_is_what_grouping_the_progress_table_gives_after_any_write(
    steps: list[tuple[str, str, str, str | None]], stamp: str
) -> None:
    """Straight SQL, as no command writes: inserts, upserts, deletes, rows moved to another item or field."""
    with closing(sqlite3.connect(":memory:", isolation_level=None)) as conn:
        for migration in MIGRATIONS:
            apply_one(conn, migration)
        for kind, item, field, value in steps:
            if kind == "upsert":
                conn.execute(
                    "INSERT INTO progress (item_id, field, value, at, event_id) VALUES (?, ?, ?, ?, 'e') "
                    "ON CONFLICT (item_id, field) DO UPDATE SET value = excluded.value, at = excluded.at",
                    (item, field, value, stamp),
                )
            elif kind == "delete":
                conn.execute("DELETE FROM progress WHERE item_id = ? AND field = ?", (item, field))
            elif kind == "move":
                conn.execute(
                    "UPDATE OR IGNORE progress SET item_id = ? WHERE item_id = ? AND field = ?", (value, item, field)
                )
            elif kind == "rename field":
                conn.execute(
                    "UPDATE OR IGNORE progress SET field = ? WHERE item_id = ? AND field = ?", (value, item, field)
                )
            else:
                conn.execute("DELETE FROM progress")
            assert conn.execute(KEPT).fetchall() == grouped(conn), (kind, item, field, value)


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
        conn.execute("DROP TRIGGER leaf_state_on_update")
        conn.execute("UPDATE leaf_state SET code = 0, done_at = NULL WHERE item_id = '3.2.1'")
        conn.commit()
    found = run("--lang", "en", "check")
    assert found.exit_code == 1 and "leaf states: 1 items differ from their progress" in found.stdout
    before = dump(isolated_env)
    assert run("check", "--repair").exit_code == 0
    assert dump(isolated_env) != before
    assert json.loads(run("show", "3.2.1", "--json").stdout) == shown
    assert run("--lang", "en", "check").exit_code == 0
