"""The complete, versioned JSON backup (`export json` / `import FILE.json`).

A backup is the event log itself plus the active path: progress, phases and notes are all events, so restoring
the log restores everything, and importing merges by event id: a second import changes nothing.

`write_json` streams the backup from the database cursor, so its memory stays flat however long the log;
its text is exactly `json.dumps(export_data(conn), ensure_ascii=False, indent=1) + "\n"`."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from json.encoder import encode_basestring  # what json.dumps(ensure_ascii=False) writes a string with
from typing import Any, TextIO

from llmlanding import __version__
from llmlanding.errors import Sentence, Sentences, UsageError
from llmlanding.settings import now as clock
from llmlanding.store import queries

FORMAT = "llmlanding-backup"


VERSION = 1


QUARANTINE_KEYS = ("kind", "id", "row", "reason", "at")


_BATCHES = "SELECT id, device_id, at, command, undoes FROM batch ORDER BY at, id"


_EVENTS = "SELECT id, batch_id, device_id, at, item_id, field, old, new FROM event ORDER BY seq"


_QUARANTINE = "SELECT kind, row_id, row, reason, at FROM quarantine ORDER BY at, kind, row_id"


def _header(conn: sqlite3.Connection, now: datetime | None) -> dict[str, Any]:
    meta = queries.read_meta(conn)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": (now or clock()).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "exported_by": f"llmlanding {__version__}",
        "roadmap": {
            "id": meta.get(queries.ROADMAP_ID),
            "hash": meta.get(queries.CURRICULUM_HASH),
            "edition": meta.get(queries.ROADMAP_EDITION, ""),  # the edition the events' ids mean
        },
        "device": meta.get(queries.DEVICE_ID),
        "active_path": meta.get(queries.ACTIVE_PATH),
    }


@contextmanager
def _one_snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """Read in one transaction, unless the caller has one: a write committed between the reads of batches and of
    events must not leave an event without its batch in the file."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def export_data(conn: sqlite3.Connection, now: datetime | None = None) -> dict[str, Any]:
    """The whole backup as one value, in memory: for small logs and for tests; `write_json` streams it."""
    with _one_snapshot(conn):
        return _export_data(conn, now)


def _export_data(conn: sqlite3.Connection, now: datetime | None) -> dict[str, Any]:
    batches = [{"id": b, "device": d, "at": at, "command": c, "undoes": u} for b, d, at, c, u in conn.execute(_BATCHES)]
    events = [
        {"id": i, "batch": b, "device": d, "at": at, "item": item, "field": f, "old": old, "new": new}
        for i, b, d, at, item, f, old, new in conn.execute(_EVENTS)
    ]
    quarantine = [dict(zip(QUARANTINE_KEYS, row, strict=True)) for row in conn.execute(_QUARANTINE)]
    return {**_header(conn, now), "batches": batches, "events": events, "quarantine": quarantine}


def _text(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def _batch_lines(conn: sqlite3.Connection) -> Iterator[str]:
    # Each element as json.dumps(indent=1) lays it out two levels deep: members at three spaces.
    for b, d, at, c, u in conn.execute(_BATCHES):
        yield (
            f'  {{\n   "id": {_text(b)},\n   "device": {_text(d)},\n   "at": {_text(at)},\n'
            f'   "command": {_text(c)},\n   "undoes": {_text(u)}\n  }}'
        )


def _event_lines(conn: sqlite3.Connection) -> Iterator[str]:
    for i, b, d, at, item, f, old, new in conn.execute(_EVENTS):
        yield (
            f'  {{\n   "id": {_text(i)},\n   "batch": {_text(b)},\n   "device": {_text(d)},\n   "at": {_text(at)},\n'
            f'   "item": {_text(item)},\n   "field": {_text(f)},\n   "old": {_text(old)},\n   "new": {_text(new)}\n  }}'
        )


def _quarantine_lines(conn: sqlite3.Connection) -> Iterator[str]:
    for kind, row_id, row, reason, at in conn.execute(_QUARANTINE):
        yield (
            f'  {{\n   "kind": {_text(kind)},\n   "id": {_text(row_id)},\n   "row": {_text(row)},\n'
            f'   "reason": {_text(reason)},\n   "at": {_text(at)}\n  }}'
        )


def _write_list(out: TextIO, elements: Iterator[str], chunk: int = 2000) -> None:
    """A JSON list as json.dumps(indent=1) writes it one level deep, written a few thousand elements at a time."""
    first = next(elements, None)
    if first is None:
        out.write("[]")
        return
    out.write("[\n")
    out.write(first)
    pending: list[str] = []
    for element in elements:
        pending.append(element)
        if len(pending) >= chunk:
            out.write(",\n" + ",\n".join(pending))
            pending.clear()
    if pending:
        out.write(",\n" + ",\n".join(pending))
    out.write("\n ]")


def write_json(conn: sqlite3.Connection, out: TextIO, now: datetime | None = None) -> None:
    """Stream the backup to `out` from the database cursors: the very text of
    `json.dumps(export_data(conn), ensure_ascii=False, indent=1) + "\n"`, in flat memory. Reads in one
    transaction, so the copy is consistent."""
    with _one_snapshot(conn):
        head = json.dumps(_header(conn, now), ensure_ascii=False, indent=1)
        out.write(head.removesuffix("\n}"))
        out.write(',\n "batches": ')
        _write_list(out, _batch_lines(conn))
        out.write(',\n "events": ')
        _write_list(out, _event_lines(conn))
        out.write(',\n "quarantine": ')
        _write_list(out, _quarantine_lines(conn))
        out.write("\n}\n")


@dataclass
class Backup:
    active_path: str | None
    batches: list[dict[str, Any]]
    events: list[dict[str, Any]]
    quarantine: list[dict[str, Any]] = field(default_factory=list)
    roadmap_id: str | None = None  # the roadmap the backup was made of, as its header says
    source: str = ""
    edition: str | None = None  # the edition its ids mean ("" none); None in a backup from before editions


_SHOWN_PROBLEMS = 3  # a refused file lists its first problems, on one line


Tick = Callable[[int, int], None]  # records checked so far, of how many


_TICK_EVERY = 5000


def parse_backup(text: str, source: str, now: datetime | None = None, tick: Tick | None = None) -> Backup:
    """Check a whole backup before anything is written: every batch and event against the one schema
    (`domain.eventcheck`). A file with any problem is refused, whole, in one line naming its first problems.
    `tick` hears how far the check has gone, every few thousand records."""
    from llmlanding.domain.eventcheck import batch_problems, edition_problem, event_problems, printable

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"{source}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}",
            key="bad_json",
            path=source,
            line=exc.lineno,
            col=exc.colno,
            reason=exc.msg,
        ) from None
    except RecursionError:
        raise UsageError(
            f"{source}: not a backup: its JSON is nested too deeply", key="backup_too_deep", path=source
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UsageError(
            f"{source} is not an llmlanding backup (made by `llmlanding export json`)", key="not_backup", path=source
        )
    version = data.get("version")
    if type(version) is not int or version != VERSION:  # `true == 1` in Python: a bool is no version
        shown = printable(json.dumps(version)[:40])
        raise UsageError(
            f"{source} is backup version {shown}; this llmlanding reads version {VERSION}",
            key="backup_version",
            path=source,
            version=shown,
            reads=VERSION,
        )
    batches = data.get("batches")
    events = data.get("events")
    quarantine = data.get("quarantine", [])
    if not isinstance(batches, list) or not isinstance(events, list) or not isinstance(quarantine, list):
        raise UsageError(
            f"{source}: 'batches', 'events' and 'quarantine' must be lists", key="backup_lists", path=source
        )
    moment = now or clock()
    total = len(batches) + len(events)
    report: Tick = tick or (lambda _done, _total: None)
    problems: list[str] = []
    batch_ids: set[str] = set()
    for index, batch in enumerate(batches):
        if index % _TICK_EVERY == 0:
            report(index, total)
        problems += [_placed(f"batches[{index}]", why) for why in batch_problems(batch, moment)]
        if isinstance(batch, dict) and isinstance(batch.get("id"), str):
            batch_ids.add(batch["id"])
        if len(problems) > _SHOWN_PROBLEMS:
            break
    for index, event in enumerate(events):
        if len(problems) > _SHOWN_PROBLEMS:
            break
        if index % _TICK_EVERY == 0:
            report(len(batches) + index, total)
        found = event_problems(event, moment)
        problems += [_placed(f"events[{index}]", why) for why in found]
        if not found and isinstance(event, dict) and event["batch"] not in batch_ids:
            problems.append(
                Sentence(
                    f"'{event['batch']}' is not a batch of the file",
                    key="not_a_batch",
                    lead=f"events[{index}].batch: ",
                    batch=event["batch"],
                )
            )
    for index, kept in enumerate(quarantine):
        if len(problems) > _SHOWN_PROBLEMS:
            break
        problems += [_placed(f"quarantine[{index}]", why) for why in _quarantine_problems(kept)]
    active = data.get("active_path")
    if active is not None and not isinstance(active, str):
        problems.append(Sentence("must be text or null", key="text_or_null", lead="active_path: "))
    header = data.get("roadmap")
    edition = header.get("edition") if isinstance(header, dict) else None
    why = None if edition is None else edition_problem(edition)
    if why is not None:  # a backup made before editions were named has none
        problems.append(why.placed("roadmap.edition: "))
    report(total, total)
    if problems:
        listed = Sentences(problems[:_SHOWN_PROBLEMS], tail="; …" if len(problems) > _SHOWN_PROBLEMS else "")
        raise UsageError(
            f"{source}: {listed}; nothing was imported", key="backup_problems", path=source, problems=listed
        )
    roadmap_id = header.get("id") if isinstance(header, dict) else None
    return Backup(
        active, batches, events, quarantine, roadmap_id if isinstance(roadmap_id, str) else None, source, edition
    )


def _placed(place: str, why: str) -> str:
    """A problem at its place in the file, JSON-pointer-ish: `events[12].at: …`, or `events[12]: …` when the
    problem is the record's own."""
    key = why.partition(": ")[0]
    lead = f"{place}." if key.isidentifier() else f"{place}: "
    return why.placed(lead) if isinstance(why, Sentence) else lead + why


def _quarantine_problems(kept: object) -> list[str]:
    """A quarantined row is kept as it was found, so only its envelope is checked: what it was, why it was set
    aside, and the row itself as text."""
    if not isinstance(kept, dict):
        return [Sentence("not an object", key="object")]
    problems: list[str] = [
        Sentence("missing or not text", key="missing_text", lead=f"{key}: ")
        for key in QUARANTINE_KEYS
        if not isinstance(kept.get(key), str)
    ]
    if isinstance(kept.get("kind"), str) and kept["kind"] not in ("batch", "event"):
        problems.append(Sentence("is not batch or event", key="kind", lead="kind: "))
    return problems
