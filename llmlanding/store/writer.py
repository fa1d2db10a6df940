"""Writing to the learner's database: one `BEGIN IMMEDIATE` transaction per command on a standard-library sqlite3
connection, the append-only event log, and the last-writer-wins progress table it feeds.

Every event carries a globally unique id, its device and its time; the progress table keeps, per item and field,
the value of the latest event by (time, id). Applying the same events in any order, or twice, gives the same
state, which is what lets logs from several machines be merged by event id.

A transaction takes the write lock before it reads (`BEGIN IMMEDIATE`), so a read that later writes can never
fail with "database is locked" or act on stale data; WAL lets readers go on meanwhile, and `busy_timeout` makes
a second writer wait its turn instead of failing. Work that needs no lock (parsing a changed roadmap file) is
done before it is taken.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import NamedTuple

from llmlanding.domain.history import Batch, Change, Event
from llmlanding.domain.outline import CompactItems, Outline
from llmlanding.domain.progress import FIELDS
from llmlanding.domain.snapshot import Snapshot
from llmlanding.domain.stamps import AHEAD, STAMP_FORMAT, utc
from llmlanding.settings import now as clock
from llmlanding.store import cards, database, leaf_states, outline_cache, queries
from llmlanding.store.catalog import (
    another_edition,
    hold_edition,
    import_outline,
    record_stat,
    set_meta,
    stored_hash,
    wanted_roadmap,
)
from llmlanding.store.database import prepare, translate
from llmlanding.store.search_index import refresh_notes
from llmlanding.store.snapshot import take


class Held(NamedTuple):
    """A roadmap file of another edition first seen in this run: the home stays on `recorded`."""

    recorded: str
    file: str


# What this run's writes held back, for the entry point to say once after the command (`entry.run`): the store
# prints nothing, and a read that found the file changed holds it in a write of its own.
HELD: list[Held] = []


@dataclass
class Tx:
    conn: sqlite3.Connection  # inside `BEGIN IMMEDIATE`: this process holds the write lock
    device_id: str
    # The stored roadmap, read just before the lock and still the stored one under it (its hash says so), when
    # the caller asked for it: a snapshot under the lock then reads only what writes change.
    roadmap: Outline | None = None
    db: Path | None = None  # the database's file: a snapshot counts its activity from it only when asked

    def snapshot(self) -> Snapshot:
        """Everything as it stands under this transaction's lock (the activity, counted when first asked for,
        as the database stands then: see `snapshot.take`)."""
        return take(self.conn, outline=self.roadmap, db=self.db)


@dataclass(frozen=True, slots=True)
class Written:
    """A batch just logged: its id and the one stamp all its events carry."""

    id: str
    at: str


def _device_name() -> str:
    import socket  # once per home: with ipaddress, a few milliseconds every write would pay

    host = "".join(ch if ch.isalnum() or ch == "-" else "-" for ch in socket.gethostname().lower()).strip("-")
    return f"{host[:48] or 'device'}-{new_id()[:6]}"  # short enough for the event schema's names


def new_id() -> str:
    """A globally unique id for a batch or an event: 128 random bits as 32 hex digits, as uuid4().hex is, without
    importing uuid (and platform) on every write."""
    return os.urandom(16).hex()


def connect(db: Path) -> sqlite3.Connection:
    """A read-write connection with the pragmas every writer needs; sqlite3's own transaction handling is off
    (`isolation_level=None`) because we issue BEGIN IMMEDIATE ourselves."""
    timeout_ms = database.BUSY_TIMEOUT_MS  # read at call time: tests shorten it
    conn = sqlite3.connect(db, isolation_level=None, timeout=timeout_ms / 1000)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(f"PRAGMA busy_timeout = {timeout_ms}")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _begin(conn: sqlite3.Connection, curriculum: Path, roadmap: bool) -> Tx:
    """Take the write lock on a database that holds the current roadmap.

    The roadmap file is hashed, and parsed if it changed, before the lock; with `roadmap`, the stored outline is
    read then too. Under the lock the stored hash is read again: another process may have imported a roadmap
    meanwhile, and nothing may be applied against a roadmap other than this file's. If it did, let go and start
    over, parsing outside the lock again. An outline read before the lock is kept only if the hash under the
    lock is still the one it was read with: only a roadmap import changes those rows, and it changes the hash.
    """
    while True:
        wanted = wanted_roadmap(conn, curriculum)
        outline = _stored_outline(conn, wanted.digest) if roadmap and wanted.outline is None else None
        conn.execute("BEGIN IMMEDIATE")
        if stored_hash(conn) == wanted.digest:
            record_stat(conn, wanted)
            if outline is not None and not isinstance(outline.items, CompactItems):
                outline_cache.store(conn, outline, wanted.digest)  # a database made before the compact row
            break
        if wanted.outline is not None and another_edition(conn, wanted.outline):
            if hold_edition(conn, wanted):
                recorded = conn.execute("SELECT value FROM meta WHERE key = ?", (queries.ROADMAP_EDITION,)).fetchone()
                HELD.append(Held(str(recorded[0]) if recorded else "", wanted.outline.edition))
            outline = None
            break
        if wanted.outline is not None:
            import_outline(conn, wanted.outline, wanted.digest, curriculum)
            record_stat(conn, wanted)
            outline = None  # the snapshot reads it back as stored
            break
        conn.execute("ROLLBACK")
    return Tx(conn, _device_id(conn), outline)


def _stored_outline(conn: sqlite3.Connection, digest: str) -> Outline | None:
    """The stored outline if the stored roadmap is the one hashed `digest`, read in one snapshot."""
    conn.execute("BEGIN")
    try:
        if stored_hash(conn) != digest:
            return None
        return queries.read_outline(conn, queries.read_meta(conn))
    finally:
        conn.execute("COMMIT")


def _device_id(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (queries.DEVICE_ID,)).fetchone()
    if row is not None:
        return str(row[0])
    name = _device_name()
    set_meta(conn, queries.DEVICE_ID, name)
    return name


@contextmanager
def transaction(db: Path, curriculum: Path, roadmap: bool = False) -> Iterator[Tx]:
    """One write transaction on an up-to-date database holding the current roadmap; rolled back on any error.
    With `roadmap`, `tx.snapshot()` finds the outline read already, before the lock was taken."""
    prepare(db)
    try:
        conn = connect(db)
    except sqlite3.Error as exc:
        raise translate(exc, db) from None
    try:
        try:
            tx = _begin(conn, curriculum, roadmap)
            tx.db = db
            yield tx
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                with suppress(sqlite3.Error):  # the original error is the one to report
                    conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as exc:
        raise translate(exc, db) from None
    finally:
        conn.close()


def now_stamp(conn: sqlite3.Connection) -> str:
    """Now, but never before the newest event already logged here, so local order survives a clock set back;
    and never more than a day ahead of the clock, whatever time an import or a sync brought in. Stored times
    beyond that day (or not times at all, which `check` finds) are not looked at."""
    now = clock()
    ceiling = now + AHEAD
    latest = conn.execute("SELECT max(at) FROM event WHERE at <= ?", (ceiling.strftime(STAMP_FORMAT),)).fetchone()[0]
    if isinstance(latest, str):  # one that is not a time reads as the year 2000 (see `utc`)
        now = max(now, utc(latest) + timedelta(microseconds=1))
    return min(now, ceiling).strftime(STAMP_FORMAT)


def write_batch(tx: Tx, command: str, changes: list[Change], undoes: str | None = None) -> Written:
    """Log one batch of changes and apply them; returns the batch's id and stamp."""
    batch_id = new_id()
    at = now_stamp(tx.conn)
    add_batches(tx, [Batch(batch_id, tx.device_id, at, command, undoes)])
    events = [Event(new_id(), batch_id, tx.device_id, at, c.item_id, c.field, c.old, c.new) for c in changes]
    apply_events(tx, events)
    return Written(batch_id, at)


def ids_present(conn: sqlite3.Connection, table: str, ids: Iterable[str]) -> set[str]:
    """Which of these ids the table (event or batch) holds already: one statement, by primary key."""
    wanted = list(ids)
    if not wanted:
        return set()
    sql = f"SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(?))"
    return {row[0] for row in conn.execute(sql, (json.dumps(wanted),))}


# The fields a review card is rebuilt from (`store.cards`), with a paper's review fields, `review:paper:…`.
REVIEWED = ("summary", "status", "review")


PROGRESS_UPSERT = (
    "INSERT INTO progress (item_id, field, value, at, event_id) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (item_id, field) DO UPDATE SET value = excluded.value, at = excluded.at, "
    "event_id = excluded.event_id "
    "WHERE excluded.at > progress.at OR (excluded.at = progress.at AND excluded.event_id > progress.event_id)"
)


def apply_events(tx: Tx, events: list[Event]) -> int:
    """Append the events not logged yet and update progress by last-writer-wins; returns how many were new.

    Bulk statements whatever the number of events: one look-up of the ids already here, one insert of the new
    events, one upsert of the latest new event per (item, field), and a refresh of the search index for the
    notes that changed."""
    known = ids_present(tx.conn, "event", (e.id for e in events))
    fresh: list[Event] = []
    for event in events:
        if event.id not in known:
            known.add(event.id)
            fresh.append(event)
    if not fresh:
        return 0
    if len(fresh) > 1000:
        # An import or a first sync inserts into eight indexes of event at random places (ids are random):
        # SQLite's default 2 MiB of cache thrashes. This connection's cache only, gone when the write ends.
        tx.conn.execute("PRAGMA cache_size = -65536")
    first = tx.conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM event").fetchone()[0]
    tx.conn.executemany(
        "INSERT INTO event (id, seq, batch_id, device_id, at, item_id, field, old, new) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (e.id, seq, e.batch_id, e.device_id, e.at, e.item_id, e.field, e.old, e.new)
            for seq, e in enumerate(fresh, start=first)
        ),
    )
    # Last writer wins is a maximum by (at, id), so taking it here first and upserting only each (item, field)'s
    # winner gives the very rows the upsert would give for every event, in fewer statements.
    latest: dict[tuple[str, str], Event] = {}
    for event in fresh:
        key = (event.item_id, event.field)
        best = latest.get(key)
        if best is None or (event.at, event.id) > (best.at, best.id):
            latest[key] = event
    tx.conn.executemany(PROGRESS_UPSERT, ((e.item_id, e.field, e.new, e.at, e.id) for e in latest.values()))
    stated = {item_id for item_id, field in latest if field in FIELDS}
    if stated:
        # Past a few hundred items (an import, a first sync) one refill costs less than naming them all.
        leaf_states.refresh(tx.conn, stated if len(stated) < 500 else None)
    noted = {e.item_id for e in fresh if e.field == "note"}
    if noted:
        refresh_notes(tx.conn, noted)
    reviewed = {e.item_id for e in fresh if e.field in REVIEWED or e.field.startswith("review:")}
    if reviewed:
        # Past a few hundred items (an import, a first sync) one rebuild of every card costs less than a
        # rebuild of so many named ones: 0.13 s against 0.23 s for 10,000 topics.
        cards.refresh(tx.conn, reviewed if len(reviewed) < 500 else None)
    return len(fresh)


def set_setting(tx: Tx, key: str, value: str) -> None:
    set_meta(tx.conn, key, value)


def add_batches(tx: Tx, batches: list[Batch]) -> int:
    """Record batches made elsewhere (a backup, another machine) that are not here yet; returns how many."""
    known = ids_present(tx.conn, "batch", (b.id for b in batches))
    fresh: dict[str, Batch] = {}
    for batch in batches:
        if batch.id not in known:
            fresh.setdefault(batch.id, batch)
    tx.conn.executemany(
        "INSERT INTO batch (id, device_id, at, command, undoes) VALUES (?, ?, ?, ?, ?)",
        ((b.id, b.device_id, b.at, b.command, b.undoes) for b in fresh.values()),
    )
    return len(fresh)
