"""`check [--repair]`: how sound the learner's database is, and, asked to, its repair in one transaction."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from llmlanding.domain.stamps import STAMP_FORMAT
from llmlanding.settings import Settings, now
from llmlanding.store import health
from llmlanding.store.database import open_read, translate
from llmlanding.store.health import BadRow
from llmlanding.store.writer import transaction


@dataclass
class Health:
    sqlite: list[str]  # what SQLite's integrity and foreign key checks report
    bad: list[BadRow]  # batches and events that break the schema (before a repair moved them)
    caches: list[str]  # the progress table or the search index out of step with the log
    batches: int = 0
    events: int = 0
    repaired: bool = False
    quarantined: int = 0  # rows in the quarantine table after the check
    journal: list[str] = field(default_factory=list)  # filled by the caller, which may use git
    journal_checked: bool = False  # False when sync is not set up
    journal_refused: list[str] = field(default_factory=list)  # lines sync skips: another machine's, not a problem

    @property
    def problems(self) -> bool:
        """Whether anything is left to mend: after a repair, only what it could not mend."""
        left = self.sqlite + self.journal
        return bool(left or (not self.repaired and (self.bad or self.caches)))


def check(settings: Settings, repair: bool = False) -> Health:
    """Look at everything; with `repair`, quarantine the bad rows and rebuild the caches, all in one write."""
    if repair:
        with transaction(settings.db, settings.curriculum) as tx:
            found = _look(tx.conn)
            moved = health.quarantine(tx.conn, found.bad, now().strftime(STAMP_FORMAT))
            health.rebuild_caches(tx.conn)
            found.repaired = True
            found.quarantined = _count(tx.conn, "quarantine")
            found.sqlite = health.sqlite_problems(tx.conn)
            assert moved == len(found.bad)
            found.batches = _count(tx.conn, "batch")
            found.events = _count(tx.conn, "event")
        return found
    with transaction(settings.db, settings.curriculum):
        pass  # the database made, migrated and holding the roadmap, as every command finds it
    conn = open_read(settings.db)
    assert conn is not None
    try:
        return _look(conn)
    except sqlite3.Error as exc:
        raise translate(exc, settings.db) from None
    finally:
        conn.close()


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _look(conn: sqlite3.Connection) -> Health:
    return Health(
        sqlite=health.sqlite_problems(conn),
        bad=list(health.bad_rows(conn)),
        caches=health.index_problems(conn),
        batches=_count(conn, "batch"),
        events=_count(conn, "event"),
        quarantined=_count(conn, "quarantine"),
    )
