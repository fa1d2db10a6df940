"""Finding, checking, opening and migrating the database file. Standard library only: the read path uses it.

Rules kept here: a file that is not ours, or is damaged, empty or truncated, or was written by a newer
llmlanding is refused and left untouched; an existing file is backed up with SQLite's backup API before any
migration; read-only opens never write, and work in a home that cannot be written; a new file is built aside
and appears whole, so no process ever sees one half made.
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing
from pathlib import Path

from llmlanding.errors import Sentence, StoreError
from llmlanding.settings import DB_NAME, db_path, now, sqlite_uri
from llmlanding.store.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, Migration, apply_one, pending

BUSY_TIMEOUT_MS = 5000
__all__ = ["DB_NAME", "db_path"]


def backups_dir(db: Path) -> Path:
    return db.parent / "backups"


def latest_backup(db: Path) -> Path | None:
    """The newest backup of this database (`llmlanding-<stamp>-…db`, `roadmap-<id>-<stamp>-…db`)."""
    folder = backups_dir(db)
    if not folder.is_dir():
        return None
    stem = db.name.removesuffix(".db")
    found = sorted(p for p in folder.glob(f"{stem}-*.db") if p.name[len(stem) + 1 : len(stem) + 2].isdigit())
    return found[-1] if found else None


def _backup_hint(db: Path) -> str:
    backup = latest_backup(db)
    return f"latest backup: {backup}" if backup else "no backup in " + str(backups_dir(db))


def damaged(db: Path, reason: str) -> StoreError:
    path = db
    reason = _truncation(path) or reason
    backup = latest_backup(db)
    return StoreError(
        f"{path} is not a usable llmlanding database ({reason}); it was left untouched; {_backup_hint(db)}",
        key="damaged" if backup else "damaged_no_backup",
        path=path,
        reason=reason,
        backup=backup or backups_dir(db),
    )


def _truncation(path: Path) -> Sentence | None:
    """Why the file is shorter than its own header says it is, or None."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
            size = os.fstat(fh.fileno()).st_size
    except OSError:
        return None
    if not header.startswith(b"SQLite format 3\x00"):
        return None
    if len(header) < 100:
        return Sentence(f"it is truncated: {size} bytes, not even a whole header", key="truncated_header", size=size)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if pages and page_size * pages > size:
        return Sentence(
            f"it is truncated: {size} of {page_size * pages} bytes", key="truncated", size=size, whole=page_size * pages
        )
    return None


def empty(db: Path) -> StoreError:
    path = db
    backup = latest_backup(db)
    restore = (
        f"restore the newest backup with `cp {backup} {path}`, or " if backup else f"no backup in {backups_dir(db)}; "
    )
    return StoreError(
        f"{path} is empty (0 bytes) and holds no progress; it was left untouched; {restore}"
        f"start afresh by deleting it (`rm {path}`)",
        key="empty" if backup else "empty_no_backup",
        path=path,
        backup=backup or backups_dir(db),
    )


def _is_empty(path: Path) -> bool:
    """A zero-byte file, with no write-ahead log holding its content: what a crash or a full disk leaves, never
    what llmlanding makes (a new database appears whole)."""
    try:
        if path.stat().st_size:
            return False
        return os.stat(f"{path}-wal").st_size == 0
    except FileNotFoundError:
        return True


def locked(db: Path) -> StoreError:
    return StoreError(
        f"{db} is busy: another llmlanding has held it for over {BUSY_TIMEOUT_MS // 1000} s; try again in a moment",
        key="busy",
        path=db,
        seconds=BUSY_TIMEOUT_MS // 1000,
    )


# SQLite's primary result codes that the learner reads differently from damage.
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 8, 10, 13, 14


def translate(exc: sqlite3.Error, db: Path) -> StoreError:
    """One line a learner can act on for any SQLite failure."""
    text = str(exc)
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if "locked" in text or "busy" in text:
        return locked(db)
    if code == _SQLITE_FULL or "disk is full" in text:
        return StoreError(f"{db}: the disk is full; nothing was changed", key="disk_full", path=db)
    if code == _SQLITE_IOERR:
        # A write refused by the system: a quota or a file size limit, or a full disk SQLite could not tell apart.
        return StoreError(
            f"{db}: the disk refused a write or read ({text}; is it full?); nothing was changed",
            key="disk_refused",
            path=db,
            reason=text,
        )
    if code in (_SQLITE_READONLY, _SQLITE_CANTOPEN) and not writable(db.parent):
        return StoreError(
            f"{db.parent} cannot be written: llmlanding can show your progress here, but not change it",
            key="read_only_home",
            folder=db.parent,
        )
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        return damaged(db, text)
    if "readonly" in text or "read-only" in text:
        return StoreError(f"{db} cannot be written: {text}", key="cannot_write", path=db, reason=text)
    if "disk" in text or "malformed" in text or "not a database" in text:
        return damaged(db, text)
    return StoreError(f"{db}: {text}", key="sqlite", path=db, reason=text)


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")


def _check(conn: sqlite3.Connection, db: Path) -> int:
    """The file's schema version, after making sure it is ours and not from the future."""
    # One statement, so one snapshot: read one by one, a first migration committed by another process between
    # the reads would show its tables without its application id, and the file would pass for another program's.
    app_id, version, has_tables = conn.execute(
        "SELECT (SELECT application_id FROM pragma_application_id()), "
        "(SELECT user_version FROM pragma_user_version()), (SELECT count(*) FROM sqlite_master)"
    ).fetchone()
    if app_id != APPLICATION_ID and (app_id != 0 or has_tables or version):
        raise damaged(db, Sentence("it is an SQLite file of another program", key="foreign_db"))
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{db} was written by a newer llmlanding (schema v{version}; this one knows up to "
            f"v{SCHEMA_VERSION}); upgrade llmlanding, e.g. pip install -U llmlanding",
            key="newer_schema",
            path=db,
            version=version,
            known=SCHEMA_VERSION,
        )
    return int(version)


def writable(home: Path) -> bool:
    """Whether files can be made in the home: SQLite's write-ahead log needs it, even to read."""
    return os.access(home, os.W_OK)


def open_read(db: Path) -> sqlite3.Connection | None:
    """A read-only connection to an up-to-date database, or None when there is none yet or it needs a
    migration (the caller then takes the write path, which migrates). In a home that cannot be written the
    file is opened immutable: nothing can change it meanwhile, and SQLite needs no shared-memory file."""
    path = db
    if not path.is_file():
        return None
    if _is_empty(path):
        raise empty(db)
    uri = sqlite_uri(str(path))
    if not writable(db.parent):
        uri += "&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
        try:
            _configure(conn)
            version = _check(conn, db)
        except BaseException:
            conn.close()
            raise
    except sqlite3.Error as exc:
        raise translate(exc, db) from None
    if version != SCHEMA_VERSION:
        conn.close()
        return None
    return conn


def backup(conn: sqlite3.Connection, db: Path, reason: str) -> Path:
    """Copy the database into backups/ with SQLite's online backup API; returns the copy's path."""
    folder = backups_dir(db)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now().strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{db.name.removesuffix('.db')}-{stamp}-{reason}.db"
    partial = target.with_suffix(".partial")
    with closing(sqlite3.connect(partial)) as dest:
        conn.backup(dest)
    partial.replace(target)
    return target


def prepare(db: Path, migrations: list[Migration] | None = None) -> None:
    """Create the database, or migrate it to the newest schema, backing it up first. Idempotent, and safe for
    any number of processes at once."""
    path = db
    home = db.parent
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot create the home folder {home}: {exc.strerror}", key="home_folder", folder=home, reason=exc.strerror
        ) from None
    try:
        if not path.exists():
            try:
                _create(db, migrations or MIGRATIONS)
            except OSError as exc:
                raise StoreError(
                    f"cannot create the database in {home}: {exc.strerror}",
                    key="create_db",
                    folder=home,
                    reason=exc.strerror,
                ) from None
        elif _is_empty(path):
            raise empty(db)
        with closing(sqlite3.connect(path, isolation_level=None)) as conn:
            _configure(conn)
            version = _check(conn, db)
            todo = pending(version, migrations or MIGRATIONS)
            if not todo:
                return
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                _set_wal(conn)
            if version > 0:
                backup(conn, db, f"before-v{todo[-1].version}")
            for migration in todo:
                apply_one(conn, migration)
    except sqlite3.Error as exc:
        raise translate(exc, db) from None


_ASIDE_PREFIX = ".llmlanding-new-"


def _remove_stale(home: Path) -> None:
    """Files left aside by a first use that was killed half way; an hour old, no process is still building them."""
    cutoff = time.time() - 3600
    for stale in home.glob(f"{_ASIDE_PREFIX}*"):
        try:
            if stale.stat().st_mtime < cutoff:
                stale.unlink()
        except OSError:
            pass


def _create(db: Path, migrations: list[Migration]) -> None:
    """Build a new database aside, in WAL mode with every migration applied, and link it into place only if no
    other process has put one there meanwhile: the file appears whole or not at all, so a process starting at
    the same moment never finds it empty or half made."""
    import tempfile

    path = db
    home = db.parent
    _remove_stale(home)
    fd, name = tempfile.mkstemp(dir=home, prefix=_ASIDE_PREFIX, suffix=".db")
    os.close(fd)
    aside = Path(name)
    try:
        with closing(sqlite3.connect(aside, isolation_level=None)) as conn:
            _configure(conn)
            conn.execute("PRAGMA journal_mode = WAL")
            for migration in migrations:
                apply_one(conn, migration)
        # Closing the last connection checkpointed the log into the file: it is complete on its own now.
        try:
            os.link(aside, path)  # fails if the name is taken: then another process's file, as good, stays
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(aside, path)
    finally:
        for leftover in (aside, Path(f"{aside}-wal"), Path(f"{aside}-shm")):
            leftover.unlink(missing_ok=True)


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
