"""The SQLAlchemy engine for writes, set up as SQLite's and SQLAlchemy's docs advise for several processes.

The pysqlite driver's own transaction handling is switched off (`isolation_level=None`) and every transaction
is opened with `BEGIN IMMEDIATE` on SQLAlchemy's begin event: a write transaction takes the write lock before
it reads, so a read that later writes can never fail with "database is locked" or act on stale data. WAL lets
readers go on meanwhile; `busy_timeout` makes a second writer wait its turn instead of failing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlmodel import create_engine

from llmlanding.store import database
from llmlanding.store.database import db_path


def make_engine(home: Path) -> Engine:
    """A new engine for one command: built per call, never when a module is imported."""
    engine = create_engine(
        f"sqlite:///{db_path(home)}",
        connect_args={"timeout": database.BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute(f"PRAGMA busy_timeout = {database.BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
