"""Writing to the learner's database: one `BEGIN IMMEDIATE` transaction per command, the append-only event log,
and the last-writer-wins progress table it feeds.

Every event carries a globally unique id, its device and its time; the progress table keeps, per item and field,
the value of the latest event by (time, id). Applying the same events in any order, or twice, gives the same
state, which is what lets logs from several machines be merged by event id.
"""

from __future__ import annotations

import json
import socket
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import and_, or_, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col

from llmlanding.domain.history import Change, Event
from llmlanding.domain.stamps import STAMP_FORMAT
from llmlanding.errors import StoreError
from llmlanding.store import queries
from llmlanding.store.catalog import ensure_roadmap, raw_connection, set_meta
from llmlanding.store.database import prepare, translate
from llmlanding.store.engine import make_engine
from llmlanding.store.search_index import rebuild
from llmlanding.store.tables import BatchRow, EventRow, Meta, ProgressRow


@dataclass
class Tx:
    session: Session
    conn: sqlite3.Connection  # the same connection, for the shared read queries
    device_id: str


def _device_name() -> str:
    host = "".join(ch if ch.isalnum() or ch == "-" else "-" for ch in socket.gethostname().lower()).strip("-")
    return f"{host or 'device'}-{uuid.uuid4().hex[:6]}"


@contextmanager
def transaction(home: Path, curriculum: Path) -> Iterator[Tx]:
    """One write transaction on an up-to-date database holding the current roadmap; rolled back on any error."""
    prepare(home)
    engine = make_engine(home)
    try:
        with Session(engine) as session, session.begin():
            ensure_roadmap(session, curriculum)
            device = session.get(Meta, queries.DEVICE_ID)
            if device is None:
                device = Meta(key=queries.DEVICE_ID, value=_device_name())
                session.add(device)
            session.flush()
            yield Tx(session, raw_connection(session), device.value)
            session.flush()
    except DBAPIError as exc:
        orig = exc.orig
        if isinstance(orig, sqlite3.Error):
            raise translate(orig, home) from None
        raise StoreError(f"database error: {orig}") from None
    except sqlite3.Error as exc:
        raise translate(exc, home) from None
    finally:
        engine.dispose()


def now_stamp(conn: sqlite3.Connection) -> str:
    """Now, but never before the newest event already logged here: local order survives a clock set back."""
    now = datetime.now(UTC)
    latest = conn.execute("SELECT max(at) FROM event").fetchone()[0]
    if latest:
        floor = datetime.strptime(latest, STAMP_FORMAT).replace(tzinfo=UTC) + timedelta(microseconds=1)
        now = max(now, floor)
    return now.strftime(STAMP_FORMAT)


def write_batch(tx: Tx, command: str, changes: list[Change], undoes: str | None = None) -> str:
    """Log one batch of changes and apply them; returns the batch id."""
    batch_id = uuid.uuid4().hex
    at = now_stamp(tx.conn)
    tx.session.add(BatchRow(id=batch_id, device_id=tx.device_id, at=at, command=command, undoes=undoes))
    tx.session.flush()
    events = [Event(uuid.uuid4().hex, batch_id, tx.device_id, at, c.item_id, c.field, c.old, c.new) for c in changes]
    apply_events(tx, events)
    return batch_id


def apply_events(tx: Tx, events: list[Event]) -> int:
    """Append the events not logged yet and update progress by last-writer-wins; returns how many were new."""
    known = {
        row[0]
        for row in tx.conn.execute(
            "SELECT id FROM event WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps([e.id for e in events]),),
        )
    }
    seq = tx.conn.execute("SELECT coalesce(max(seq), 0) FROM event").fetchone()[0]
    added = 0
    for event in events:
        if event.id in known:
            continue
        known.add(event.id)
        seq += 1
        added += 1
        tx.session.add(
            EventRow(
                id=event.id,
                seq=seq,
                batch_id=event.batch_id,
                device_id=event.device_id,
                at=event.at,
                item_id=event.item_id,
                field=event.field,
                old=event.old,
                new=event.new,
            )
        )
        upsert = insert(ProgressRow).values(
            item_id=event.item_id, field=event.field, value=event.new, at=event.at, event_id=event.id
        )
        excluded = upsert.excluded
        tx.session.execute(
            upsert.on_conflict_do_update(
                index_elements=["item_id", "field"],
                set_={"value": excluded.value, "at": excluded.at, "event_id": excluded.event_id},
                where=or_(
                    excluded.at > ProgressRow.at,
                    and_(excluded.at == ProgressRow.at, excluded.event_id > ProgressRow.event_id),
                ),
            )
        )
    tx.session.flush()
    if any(event.field == "note" for event in events):
        rebuild(tx.conn)
    return added


def set_setting(tx: Tx, key: str, value: str) -> None:
    set_meta(tx.session, key, value)


def has_batches(tx: Tx) -> bool:
    return tx.session.execute(select(col(BatchRow.id)).limit(1)).first() is not None


def add_batches(tx: Tx, batches: list[BatchRow]) -> int:
    """Record batches made elsewhere (a backup, another machine) that are not here yet."""
    known = {row[0] for row in tx.conn.execute("SELECT id FROM batch")}
    fresh = [batch for batch in batches if batch.id not in known]
    tx.session.add_all(fresh)
    tx.session.flush()
    return len(fresh)
