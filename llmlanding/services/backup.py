"""The complete, versioned JSON backup (`export json` / `import FILE.json`).

A backup is the event log itself plus the active path: progress, phases and notes are all events, so restoring
the log restores everything, and importing merges by event id: a second import changes nothing."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from llmlanding import __version__
from llmlanding.domain.progress import FIELDS
from llmlanding.errors import UsageError
from llmlanding.store import queries

FORMAT = "llmlanding-backup"


VERSION = 1


NOTE_FIELD = "note"


REPO_FIELD = "repo"


def export_data(conn: sqlite3.Connection) -> dict[str, Any]:
    meta = queries.read_meta(conn)
    batches = [
        {"id": b, "device": d, "at": at, "command": c, "undoes": u}
        for b, d, at, c, u in conn.execute("SELECT id, device_id, at, command, undoes FROM batch ORDER BY at, id")
    ]
    events = [
        {"id": i, "batch": b, "device": d, "at": at, "item": item, "field": f, "old": old, "new": new}
        for i, b, d, at, item, f, old, new in conn.execute(
            "SELECT id, batch_id, device_id, at, item_id, field, old, new FROM event ORDER BY seq"
        )
    ]
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "exported_by": f"llmlanding {__version__}",
        "roadmap": {"id": meta.get(queries.ROADMAP_ID), "hash": meta.get(queries.CURRICULUM_HASH)},
        "device": meta.get(queries.DEVICE_ID),
        "active_path": meta.get(queries.ACTIVE_PATH),
        "batches": batches,
        "events": events,
    }


@dataclass
class Backup:
    active_path: str | None
    batches: list[dict[str, Any]]
    events: list[dict[str, Any]]


_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")


def parse_backup(text: str, source: str) -> Backup:
    """Check a backup file thoroughly before anything is written; one line says what is wrong."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{source}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UsageError(f"{source} is not an llmlanding backup (made by `llmlanding export json`)")
    if data.get("version") != VERSION:
        raise UsageError(f"{source} is backup version {data.get('version')}; this llmlanding reads version {VERSION}")

    def fail(what: str, index: int, problem: str) -> UsageError:
        return UsageError(f"{source}: {what}[{index}] {problem}")

    batches = data.get("batches")
    events = data.get("events")
    if not isinstance(batches, list) or not isinstance(events, list):
        raise UsageError(f"{source}: 'batches' and 'events' must be lists")
    batch_ids = set()
    for index, batch in enumerate(batches):
        if not isinstance(batch, dict) or not all(
            isinstance(batch.get(k), str) for k in ("id", "device", "at", "command")
        ):
            raise fail("batches", index, "needs text id, device, at and command")
        if not _STAMP.match(batch["at"]) or not (batch.get("undoes") is None or isinstance(batch["undoes"], str)):
            raise fail("batches", index, "has a bad time or undoes")
        batch_ids.add(batch["id"])
    for index, event in enumerate(events):
        if not isinstance(event, dict) or not all(
            isinstance(event.get(k), str) for k in ("id", "batch", "device", "at", "item", "field")
        ):
            raise fail("events", index, "needs text id, batch, device, at, item and field")
        if event["field"] not in (*FIELDS, NOTE_FIELD, REPO_FIELD) or not _STAMP.match(event["at"]):
            raise fail("events", index, f"has an unknown field '{event['field']}' or a bad time")
        if not all(event.get(k) is None or isinstance(event.get(k), str) for k in ("old", "new")):
            raise fail("events", index, "old and new must be text or null")
        if event["batch"] not in batch_ids:
            raise fail("events", index, f"names batch '{event['batch']}', which the file does not have")
    active = data.get("active_path")
    if active is not None and not isinstance(active, str):
        raise UsageError(f"{source}: active_path must be text or null")
    return Backup(active, batches, events)
