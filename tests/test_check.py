"""`check [--repair]` on real homes poisoned straight through sqlite3, the way rows got in before the door was
checked: it finds each bad row, and the repair quarantines it so that every command works again."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from helpers import JSON, Run, count, db_file, dump


@pytest.fixture(autouse=True)
def no_git_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


@contextmanager
def written(home: Path) -> Iterator[sqlite3.Connection]:
    """A connection that writes straight into the home's database, as nothing in the program would."""
    with closing(sqlite3.connect(db_file(home), isolation_level=None)) as conn:
        conn.execute("BEGIN")
        yield conn
        conn.execute("COMMIT")


def _latest_event(conn: sqlite3.Connection) -> str:
    return str(conn.execute("SELECT id FROM event ORDER BY seq DESC LIMIT 1").fetchone()[0])


POISONS = {
    "time zzzz": "UPDATE event SET at = 'zzzz' WHERE id = :id",
    "time 9999": "UPDATE event SET at = '9999-12-31T23:59:59.999999Z' WHERE id = :id",
    "time 2024-99-99": "UPDATE event SET at = '2024-99-99T00:00:00.000000Z' WHERE id = :id",
    "note on ../../etc": "UPDATE event SET item_id = '../../etc' WHERE id = :id",
    "status out of range": "UPDATE event SET field = 'status', new = 'finished' WHERE id = :id",
    "batch from 2999": "UPDATE batch SET at = '2999-01-01T00:00:00.000000Z' "
    "WHERE id = (SELECT batch_id FROM event WHERE id = :id)",
    "escape in a device": "UPDATE event SET device_id = char(27) || ']0;pwned' || char(7) WHERE id = :id",
    "read mark out of range": "UPDATE event SET field = 'paper:0123456789abcdef', new = 'yes' WHERE id = :id",
    "read mark misspelt": "UPDATE event SET field = 'paper:' || char(27) || '[2J', new = '1' WHERE id = :id",
}


@pytest.mark.parametrize("case", sorted(POISONS))
def test_check_finds_a_poisoned_row_and_repair_mends_the_home(
    run: Run, tmp_path: Path, isolated_env: Path, case: str
) -> None:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    assert run("done", "1.1.1").exit_code == 0
    assert run("note", "1.2", "-m", "a note").exit_code == 0
    assert run("check").exit_code == 0
    with written(isolated_env) as conn:
        poisoned = _latest_event(conn)
        conn.execute(POISONS[case], {"id": poisoned})
        # What the old code did next: the cache took the poisoned value as it was.
        conn.execute(
            "UPDATE progress SET item_id = (SELECT item_id FROM event WHERE id = :id) WHERE event_id = :id",
            {"id": poisoned},
        )
    found = run("--lang", "en", "check")
    assert found.exit_code == 1
    assert found.stderr == "error: problems found; run `llmlanding check --repair` to mend them\n"
    assert "\x1b" not in found.stdout and "\x07" not in found.stdout
    assert f"event {poisoned}: " in found.stdout or "batch " in found.stdout
    repaired = run("--lang", "en", "check", "--repair")
    assert repaired.exit_code == 0, repaired.stdout + repaired.stderr
    assert "rebuilt the progress table and the search index from the log" in repaired.stdout
    assert count(isolated_env, "quarantine") >= 1
    assert run("check").exit_code == 0
    for args in (
        ["status"],
        ["done", "2"],
        ["note", "1.2", "-m", "more"],
        ["undo"],
        ["log"],
        ["search", "note"],
        ["sync", "init", "--remote", str(remote), "--learner", "ana"],
        ["sync"],
        ["sync"],
    ):
        result = run(*args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
    backup = tmp_path / "backup.json"
    assert run("export", "json", "-o", str(backup)).exit_code == 0
    data: JSON = json.loads(backup.read_text(encoding="utf-8"))
    kept = {entry["id"] for entry in data["quarantine"]}
    assert poisoned in kept or any(entry["kind"] == "batch" for entry in data["quarantine"])
    other = tmp_path / "other"
    assert run("--home", str(other), "import", str(backup)).exit_code == 0
    assert count(other, "quarantine") == len(data["quarantine"])
    assert run("--home", str(other), "check").exit_code == 0


def test_a_healthy_home_is_left_as_it_is(run: Run, isolated_env: Path) -> None:
    assert run("done", "1.1").exit_code == 0
    assert run("note", "1.1.1", "-m", "kept").exit_code == 0
    result = run("--lang", "en", "check")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.splitlines() == [
        "✓ database file sound (SQLite integrity and foreign keys)",
        "✓ log: 2 batches, 17 changes, all in the format",
        "✓ progress table and search index match the log",
        "- no journal (sync is not set up)",
    ]
    before = dump(isolated_env)
    assert run("check", "--repair").exit_code == 0
    after = dump(isolated_env)
    # Rebuilt caches hold the very same values; only their row order and the search index's numbers may differ.
    assert sorted(s for s in after if "search_" not in s) == sorted(s for s in before if "search_" not in s)


def test_an_event_without_its_batch_is_quarantined(run: Run, isolated_env: Path) -> None:
    assert run("done", "1.1.1").exit_code == 0
    with written(isolated_env) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DELETE FROM batch")
    found = run("--lang", "en", "check")
    assert (
        found.exit_code == 1
        and "batch: missing" in found.stdout
        and "names a batch that does not exist" in found.stdout
    )
    assert run("check", "--repair").exit_code == 0
    assert count(isolated_env, "event") == 0 and count(isolated_env, "quarantine") == 4
    shown: JSON = json.loads(run("show", "1.1.1", "--json").stdout)
    assert shown["status"] == "todo"


def test_a_broken_journal_is_reported(run: Run, isolated_env: Path) -> None:
    assert run("sync", "init", "--learner", "ana").exit_code == 0
    assert run("done", "1.1.1").exit_code == 0
    assert run("sync").exit_code == 0
    assert "✓ journal repository readable and sound" in run("--lang", "en", "check").stdout
    objects = isolated_env / "journal" / ".git" / "objects"
    for folder in objects.iterdir():
        if len(folder.name) == 2:
            shutil.rmtree(folder)
    result = run("--lang", "en", "check")
    assert result.exit_code == 1 and "! journal repository damaged or unreadable" in result.stdout
    assert run("--lang", "en", "check", "--repair").exit_code == 1  # the journal is not the repair's to mend


@pytest.mark.parametrize("case", sorted(POISONS))
def test_every_command_survives_a_poisoned_row_before_any_repair(run: Run, isolated_env: Path, case: str) -> None:
    """A row that got in before the door was checked is for `check` to find; no command may stop on it."""
    assert run("sync", "init", "--learner", "ana").exit_code == 0
    assert run("done", "1.1.1").exit_code == 0
    assert run("note", "1.2", "-m", "a note").exit_code == 0
    with written(isolated_env) as conn:
        poisoned = _latest_event(conn)
        conn.execute(POISONS[case], {"id": poisoned})
        conn.execute(
            "UPDATE progress SET item_id = (SELECT item_id FROM event WHERE id = :id), "
            "at = (SELECT at FROM event WHERE id = :id) WHERE event_id = :id",
            {"id": poisoned},
        )
    for args in (
        ["status"],
        ["done", "2"],
        ["note", "1.2", "-m", "more"],
        ["undo"],
        ["log"],
        ["next"],
        ["notes"],
        ["export", "report"],
        ["sync"],
        ["sync"],
    ):
        result = run(*args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
    newest = json.loads(run("log", "-n", "20", "--json").stdout)
    assert all(batch["at"] < "2100" for batch in newest if batch["command"] != "note 1.2")
    written_out = "".join(f.read_text(encoding="utf-8") for f in (isolated_env / "journal" / "events").iterdir())
    if case != "batch from 2999":  # a journal line carries its event's time, not its batch's
        assert poisoned not in written_out  # not passed on to the learner's other machines
