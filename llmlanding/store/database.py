"""Finding, checking, opening and migrating the database file. Standard library only: the read path uses it.

Rules kept here: a file that is not ours, or is damaged, or was written by a newer llmlanding is refused and left
untouched; an existing file is backed up with SQLite's backup API before any migration; read-only opens never
write.
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from llmlanding.errors import StoreError
from llmlanding.settings import DB_NAME, db_path, sqlite_uri
from llmlanding.store.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, Migration, apply_one, pending

BUSY_TIMEOUT_MS = 5000
__all__ = ["DB_NAME", "db_path"]


def backups_dir(home: Path) -> Path:
    return home / "backups"


def latest_backup(home: Path) -> Path | None:
    folder = backups_dir(home)
    if not folder.is_dir():
        return None
    found = sorted(folder.glob("*.db"))
    return found[-1] if found else None


def _backup_hint(home: Path) -> str:
    backup = latest_backup(home)
    return f"latest backup: {backup}" if backup else "no backup in " + str(backups_dir(home))


def damaged(home: Path, reason: str) -> StoreError:
    path = db_path(home)
    return StoreError(
        f"{path} is not a usable llmlanding database ({reason}); it was left untouched; {_backup_hint(home)}"
    )


def locked(home: Path) -> StoreError:
    return StoreError(
        f"{db_path(home)} is busy: another llmlanding has held it for over {BUSY_TIMEOUT_MS // 1000} s; "
        "try again in a moment"
    )


def translate(exc: sqlite3.Error, home: Path) -> StoreError:
    """One line a learner can act on for any SQLite failure."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return locked(home)
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        return damaged(home, text)
    if "readonly" in text or "read-only" in text:
        return StoreError(f"{db_path(home)} cannot be written: {text}")
    if "disk" in text or "malformed" in text or "not a database" in text:
        return damaged(home, text)
    return StoreError(f"{db_path(home)}: {text}")


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")


def _check(conn: sqlite3.Connection, home: Path) -> int:
    """The file's schema version, after making sure it is ours and not from the future."""
    # One statement, so one snapshot: read one by one, a first migration committed by another process between
    # the reads would show its tables without its application id, and the file would pass for another program's.
    app_id, version, has_tables = conn.execute(
        "SELECT (SELECT application_id FROM pragma_application_id()), "
        "(SELECT user_version FROM pragma_user_version()), (SELECT count(*) FROM sqlite_master)"
    ).fetchone()
    if app_id != APPLICATION_ID and (app_id != 0 or has_tables or version):
        raise damaged(home, "it is an SQLite file of another program")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{db_path(home)} was written by a newer llmlanding (schema v{version}; this one knows up to "
            f"v{SCHEMA_VERSION}); upgrade llmlanding, e.g. pip install -U llmlanding"
        )
    return int(version)


def open_read(home: Path) -> sqlite3.Connection | None:
    """A read-only connection to an up-to-date database, or None when there is none yet or it needs a
    migration (the caller then takes the write path, which migrates)."""
    path = db_path(home)
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(sqlite_uri(str(path)), uri=True, isolation_level=None)
        try:
            _configure(conn)
            version = _check(conn, home)
        except BaseException:
            conn.close()
            raise
    except sqlite3.Error as exc:
        raise translate(exc, home) from None
    if version != SCHEMA_VERSION:
        conn.close()
        return None
    return conn


def backup(conn: sqlite3.Connection, home: Path, reason: str) -> Path:
    """Copy the database into backups/ with SQLite's online backup API; returns the copy's path."""
    folder = backups_dir(home)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{DB_NAME.removesuffix('.db')}-{stamp}-{reason}.db"
    partial = target.with_suffix(".partial")
    with closing(sqlite3.connect(partial)) as dest:
        conn.backup(dest)
    partial.replace(target)
    return target


def prepare(home: Path, migrations: list[Migration] | None = None) -> None:
    """Create the database, or migrate it to the newest schema, backing it up first. Idempotent."""
    path = db_path(home)
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the home folder {home}: {exc.strerror}") from None
    try:
        with closing(sqlite3.connect(path, isolation_level=None)) as conn:
            _configure(conn)
            version = _check(conn, home)
            todo = pending(version, migrations or MIGRATIONS)
            if not todo:
                return
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                _set_wal(conn)
            if version > 0:
                backup(conn, home, f"before-v{todo[-1].version}")
            for migration in todo:
                apply_one(conn, migration)
    except sqlite3.Error as exc:
        raise translate(exc, home) from None


def _set_wal(conn: sqlite3.Connection) -> None:
    # WAL lets readers go on while one process writes; switching needs a moment without other connections.
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
