"""Fault injection on the database file, driven as a learner would, in real processes: a kill in the middle of a
cascade, a full disk, a zero-byte, a truncated, a read-only and a newer file. Each case gives one clear line on
stderr and its exit code, and whatever was stored before is still there."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from helpers import Run, db_file, dump

from llmlanding.store import writer
from llmlanding.store.migrations import SCHEMA_VERSION

Preexec = Callable[[], None] | None


def cli(
    home: Path, *args: str, preexec: Preexec = None, prefix: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LLMLANDING_HOME": str(home), "LLMLANDING_LANG": "en"}
    command = [*(prefix or []), sys.executable, "-m", "llmlanding", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, preexec_fn=preexec, check=False, timeout=60)


def ok(home: Path, *args: str) -> str:
    result = cli(home, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def one_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def integrity(home: Path) -> str:
    with closing(sqlite3.connect(db_file(home))) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


@pytest.fixture
def home(isolated_env: Path) -> Path:
    """A home with some progress and a note, every connection closed (the log checkpointed into the file)."""
    run = Run()  # in this process: quicker, and every connection is closed when each command returns
    for args in (["done", "1.1"], ["note", "1.1.1", "-m", "kept"]):
        assert run(*args).exit_code == 0
    return isolated_env


def _events(home: Path) -> int:
    with closing(sqlite3.connect(f"file:{db_file(home)}?mode=ro", uri=True)) as conn:
        return int(conn.execute("SELECT count(*) FROM event").fetchone()[0])


def _chapter_3(home: Path) -> list[tuple[str, str, str]]:
    with closing(sqlite3.connect(f"file:{db_file(home)}?mode=ro", uri=True)) as conn:
        sql = "SELECT item_id, field, value FROM progress WHERE item_id LIKE '3.%' ORDER BY item_id, field"
        return [tuple(row) for row in conn.execute(sql)]


def test_sigkill_during_a_cascade_leaves_it_all_or_nothing(home: Path) -> None:
    env = {**os.environ, "LLMLANDING_HOME": str(home)}
    base = _events(home)
    ok(home, "done", "3")  # the whole cascade once, to know what it writes
    done, written = _chapter_3(home), _events(home) - base
    assert written > 100 and {value for _item, field, value in done if field == "status"} == {"done"}
    ok(home, "undo")
    outcomes = set()
    for delay in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.6):
        base, before = _events(home), _chapter_3(home)
        proc = subprocess.Popen([sys.executable, "-m", "llmlanding", "done", "3"], env=env, stdout=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert integrity(home) == "ok"
        state = _chapter_3(home)
        if _events(home) == base:
            assert state == before, "half a cascade was stored"
            outcomes.add("before")
        else:
            assert _events(home) == base + written and state == done, "half a cascade was stored"
            outcomes.add("after")
            ok(home, "undo")  # back to before, for the next kill
    assert ok(home, "notes", "1.1.1").endswith("kept\n")
    assert outcomes  # each kill landed before or after the commit; none in between


def _no_bigger_than(size: int) -> Callable[[], None]:
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with an error instead of killing us
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


def test_a_full_disk_is_said_and_changes_nothing(home: Path) -> None:
    before = dump(home)
    line = one_line(cli(home, "done", "3", preexec=_no_bigger_than(4096)), 1)
    assert line.startswith(f"error: {db_file(home)}: the disk") and line.endswith("; nothing was changed")
    assert "not a usable" not in line and "backup" not in line
    assert dump(home) == before and integrity(home) == "ok"
    assert ok(home, "show", "3", "--json").count('"status": "todo"') >= 1


def test_a_zero_byte_database_is_refused_with_the_newest_backup(home: Path) -> None:
    backups = home / "backups"
    backups.mkdir()
    older, newer = backups / "llmlanding-20260101T000000000000Z-before-v4.db", backups / "llmlanding-20260202.db"
    shutil.copy(db_file(home), older)
    shutil.copy(db_file(home), newer)
    db_file(home).write_bytes(b"")
    for args in (["status"], ["next"], ["done", "1.2"], ["export", "json", "-o", "-"]):
        line = one_line(cli(home, *args), 1)
        assert line.startswith(f"error: {db_file(home)} is empty (0 bytes)"), line
        assert f"`cp {newer} {db_file(home)}`" in line and f"`rm {db_file(home)}`" in line
    assert db_file(home).read_bytes() == b""
    shutil.copy(newer, db_file(home))  # what the line says to do brings everything back
    assert ok(home, "notes", "1.1.1").endswith("kept\n")


def test_a_zero_byte_database_without_backups_says_how_to_start_afresh(home: Path) -> None:
    db_file(home).write_bytes(b"")
    line = one_line(cli(home, "status"), 1)
    assert f"no backup in {home / 'backups'}" in line and f"start afresh by deleting it (`rm {db_file(home)}`)" in line


def test_a_truncated_database_is_one_clear_line(home: Path) -> None:
    whole = db_file(home).read_bytes()
    db_file(home).write_bytes(whole[: len(whole) // 3])
    for args in (["status"], ["done", "1.2"]):
        line = one_line(cli(home, *args), 1)
        assert f"is not a usable llmlanding database (it is truncated: {len(whole) // 3} of {len(whole)} bytes)" in line
    assert db_file(home).read_bytes() == whole[: len(whole) // 3]


def _read_only(home: Path) -> list[str]:
    """Make the home and its database read-only; what to put before a command so that it cannot write them."""
    for extra in ("-wal", "-shm"):
        Path(f"{db_file(home)}{extra}").unlink(missing_ok=True)
    db_file(home).chmod(0o444)
    home.chmod(0o555)
    return _bound_by_permissions()


def _bound_by_permissions() -> list[str]:
    """What to put before a command so that file permissions bind it: nothing, unless we run as root, who writes
    anywhere; then setpriv takes away root's right to ignore them."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv to drop CAP_DAC_OVERRIDE")
    caps = "-dac_override,-dac_read_search,-fowner"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]


READ_COMMANDS = [
    ["status"],
    ["next"],
    ["log"],
    ["list"],
    ["show", "1.1"],
    ["notes"],
    ["search", "attention"],
    ["export", "json", "-o", "-"],
    ["export", "report", "-o", "-"],
]


def _timeless(text: str) -> list[str]:
    return [line for line in text.splitlines() if '"exported_at"' not in line]


def test_a_read_only_home_still_shows_everything(home: Path) -> None:
    expected = {tuple(args): Run()(*args).stdout for args in READ_COMMANDS}
    before = dump(home)
    prefix = _read_only(home)
    try:
        for args in READ_COMMANDS:
            result = cli(home, *args, prefix=prefix)
            assert result.returncode == 0, (args, result.stderr)
            assert _timeless(result.stdout) == _timeless(expected[tuple(args)]), args
        line = one_line(cli(home, "done", "1.2", prefix=prefix), 1)
        assert line == f"error: {home} cannot be written: llmlanding can show your progress here, but not change it"
        assert sorted(p.name for p in home.iterdir()) == ["llmlanding.db", "roadmaps.tsv"]  # no more
    finally:
        home.chmod(0o755)
        db_file(home).chmod(0o644)
    assert dump(home) == before


def test_a_newer_database_is_refused_by_every_command(home: Path) -> None:
    with closing(sqlite3.connect(db_file(home))) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = dump(home)
    for args in (["status"], ["done", "1.2"], ["export", "json", "-o", "-"]):
        line = one_line(cli(home, *args), 1)
        assert f"was written by a newer llmlanding (schema v{SCHEMA_VERSION + 1}" in line
    assert dump(home) == before


def test_a_first_use_killed_half_way_leaves_nothing_that_stops_the_next(isolated_env: Path) -> None:
    isolated_env.mkdir()
    stale = isolated_env / ".llmlanding-new-abc123.db"
    stale.write_bytes(b"SQLite format 3\x00 half written")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    assert "1.1.1" in ok(isolated_env, "next")
    assert not stale.exists() and not list(isolated_env.glob(".llmlanding-new-*"))


def test_first_use_in_a_folder_that_cannot_be_written_is_one_line(isolated_env: Path) -> None:
    isolated_env.mkdir()
    prefix = _bound_by_permissions()
    isolated_env.chmod(0o555)
    try:
        line = one_line(cli(isolated_env, "next", prefix=prefix), 1)
    finally:
        isolated_env.chmod(0o755)
    assert line == f"error: cannot create the database in {isolated_env}: Permission denied"
    assert list(isolated_env.iterdir()) == []


def test_sqlite_full_reads_the_disk_is_full(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLITE_FULL itself, from a real file: the database may not grow by a page, as on a disk with no room."""
    real_connect = writer.connect

    def no_room(at: Path) -> sqlite3.Connection:
        conn = real_connect(at)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(writer, "connect", no_room)
    before = dump(home)
    result = Run()("done", "3")
    assert result.exit_code == 1
    assert result.stderr == f"error: {db_file(home)}: the disk is full; nothing was changed\n"
    assert dump(home) == before and integrity(home) == "ok"
