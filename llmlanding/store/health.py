"""What `check` looks at in the database, and what `check --repair` mends: SQLite's own integrity checks, every
stored batch and event against the one schema (`domain.eventcheck`), and the caches built from the log (the
progress table and the search index). Plain SQL on the caller's connection; repairing runs inside the caller's
write transaction.

A repair never deletes what was logged: a row that breaks the schema moves, as it was found, into the
quarantine table, which backups keep; then the caches are rebuilt from the rows that remain."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from typing import NamedTuple

from llmlanding.domain.eventcheck import batch_problems, event_problems
from llmlanding.errors import Sentence, Sentences
from llmlanding.store.leaf_states import LEAF_STATES, refresh
from llmlanding.store.search_index import rebuild


class BadRow(NamedTuple):
    kind: str  # batch or event
    row_id: str
    row: str  # the row as JSON text, as it was found
    reason: str
    rowid: int  # where it is in its table


_BATCH_KEYS = ("id", "device", "at", "command", "undoes")


_EVENT_KEYS = ("id", "batch", "device", "at", "item", "field", "old", "new")


def sqlite_problems(conn: sqlite3.Connection) -> list[str]:
    """What `PRAGMA integrity_check` and `PRAGMA foreign_key_check` report, one line each; empty when sound."""
    found = [str(row[0]) for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
    found += [
        f"{table} row {rowid} names a {parent} that does not exist"
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check")
    ]
    return found


def _as_text(value: object) -> object:
    """A stored value as JSON can carry it: a BLOB as its hex."""
    return value.hex() if isinstance(value, bytes) else value


def _row(keys: tuple[str, ...], values: tuple[object, ...]) -> tuple[dict[str, object], str]:
    record = dict(zip(keys, (_as_text(v) for v in values), strict=True))
    return record, json.dumps(record, ensure_ascii=False, sort_keys=True)


def _row_id(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(_as_text(value))


def bad_rows(conn: sqlite3.Connection, now: datetime | None = None) -> Iterator[BadRow]:
    """Every batch and event that breaks the schema, and every event whose batch is missing or bad."""
    bad_batches: set[object] = set()
    for rowid, *values in conn.execute("SELECT rowid, id, device_id, at, command, undoes FROM batch ORDER BY rowid"):
        record, text = _row(_BATCH_KEYS, tuple(values))
        problems = batch_problems(record, now)
        if problems:
            bad_batches.add(values[0])
            yield BadRow("batch", _row_id(values[0]), text, Sentences(problems), rowid)
    for rowid, *values in conn.execute(
        "SELECT e.rowid, e.id, e.batch_id, e.device_id, e.at, e.item_id, e.field, e.old, e.new, b.id IS NULL "
        "FROM event e LEFT JOIN batch b ON b.id = e.batch_id ORDER BY e.seq"
    ):
        record, text = _row(_EVENT_KEYS, tuple(values[:-1]))
        problems = event_problems(record, now)
        if values[-1]:
            problems.append(Sentence("missing", key="missing", lead="batch: "))
        elif values[1] in bad_batches:
            problems.append(Sentence("quarantined with it", key="quarantined_with", lead="batch: "))
        if problems:
            yield BadRow("event", _row_id(values[0]), text, Sentences(problems), rowid)


def index_problems(conn: sqlite3.Connection) -> list[str]:
    """Whether the search index's note rows are the notes, the progress table the log's latest values, and the
    leaf states what the progress table says; each problem a line in words of its own (`views/errorwords.py`)."""
    found: list[str] = []
    notes = (
        "SELECT coalesce(a.item_id, p.item_id), p.value FROM progress p LEFT JOIN item_alias a "
        "ON a.old_id = p.item_id WHERE p.field = 'note' AND p.value IS NOT NULL"
    )
    indexed = "SELECT item_id, text FROM search_doc WHERE field = 'note'"
    missing = conn.execute(f"SELECT count(*) FROM ({notes} EXCEPT {indexed})").fetchone()[0]
    if missing:
        found.append(Sentence(f"search index: {missing} notes not in the search index", key="index_missing", n=missing))
    stale = conn.execute(f"SELECT count(*) FROM ({indexed} EXCEPT {notes})").fetchone()[0]
    if stale:
        found.append(Sentence(f"search index: {stale} notes stale", key="index_stale", n=stale))
    differ = _apart(conn, _LATEST, _CACHED, "item_id, field")
    if differ:
        found.append(
            Sentence(f"progress: {differ} values differ from the log's latest changes", key="progress_differ", n=differ)
        )
    apart = _apart(conn, LEAF_STATES, "SELECT item_id, code, done_at FROM leaf_state", "item_id")
    if apart:
        found.append(
            Sentence(f"leaf states: {apart} items differ from their progress", key="leaf_states_differ", n=apart)
        )
    return found


def _apart(conn: sqlite3.Connection, one: str, other: str, key: str) -> int:
    """How many keys (`key`, the rows' columns naming them) have rows in one query's result but not the other's."""
    return int(
        conn.execute(
            f"SELECT count(*) FROM (SELECT {key} FROM ({one} EXCEPT {other}) "
            f"UNION SELECT {key} FROM ({other} EXCEPT {one}))"
        ).fetchone()[0]
    )


_CACHED = "SELECT item_id, field, value, at, event_id FROM progress"


# Per item and field, the latest event by (time, id): what the progress table caches.
_LATEST = (
    "SELECT item_id, field, new, at, id FROM (SELECT item_id, field, new, at, id, row_number() OVER "
    "(PARTITION BY item_id, field ORDER BY at DESC, id DESC) AS rank FROM event) WHERE rank = 1"
)


def quarantine(conn: sqlite3.Connection, rows: list[BadRow], at: str) -> int:
    """Move these rows into the quarantine table (kept as found, never deleted), events before their batches;
    returns how many moved. Inside the caller's write transaction."""
    conn.executemany(
        "INSERT OR IGNORE INTO quarantine (kind, row_id, row, reason, at) VALUES (?, ?, ?, ?, ?)",
        ((r.kind, r.row_id, r.row, r.reason, at) for r in rows),
    )
    for kind in ("event", "batch"):
        rowids = json.dumps([r.rowid for r in rows if r.kind == kind])
        conn.execute(f"DELETE FROM {kind} WHERE rowid IN (SELECT value FROM json_each(?))", (rowids,))
    return len(rows)


def keep_quarantined(conn: sqlite3.Connection, rows: list[dict[str, str]]) -> int:
    """Add quarantined rows from a backup that are not here yet, as they are; returns how many were new."""
    before = conn.total_changes
    conn.executemany(
        "INSERT OR IGNORE INTO quarantine (kind, row_id, row, reason, at) VALUES (?, ?, ?, ?, ?)",
        ((r["kind"], r["id"], r["row"], r["reason"], r["at"]) for r in rows),
    )
    return conn.total_changes - before


def rebuild_caches(conn: sqlite3.Connection) -> None:
    """Refill the progress table and the leaf states from the log, and the search index from the roadmap and the
    notes."""
    conn.execute("DELETE FROM progress")
    conn.execute(f"INSERT INTO progress (item_id, field, value, at, event_id) {_LATEST}")
    refresh(conn, None)
    rebuild(conn)
