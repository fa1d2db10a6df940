"""Everything a read command needs, read once from the database: the outline, each leaf's state and the meta.

Standard library only, so that the fast path can take a snapshot without SQLModel, PyYAML or pydantic.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from llmlanding.domain.progress import TODO
from llmlanding.domain.snapshot import Orphan, Snapshot
from llmlanding.store import queries


def file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def roadmap_is_current(meta: dict[str, str], curriculum: Path) -> bool:
    """True when the database holds exactly this roadmap file's contents."""
    stored = meta.get(queries.CURRICULUM_HASH)
    return stored is not None and stored == file_hash(curriculum)


def take(conn: sqlite3.Connection) -> Snapshot:
    meta = queries.read_meta(conn)
    outline = queries.read_outline(conn, meta)
    states = queries.read_states(conn, queries.read_aliases(conn))
    titles = queries.read_orphan_titles(conn)
    orphans = [
        Orphan(item_id, *titles.get(item_id, (item_id, item_id)), state)
        for item_id, state in sorted(states.items())
        if item_id not in outline.items and state != TODO
    ]
    aliases = queries.read_aliases(conn)
    finished = {k: v for k, v in queries.read_done_dates(conn, aliases).items() if k in outline.items}
    kept = {k: v for k, v in states.items() if k in outline.items}
    return Snapshot(outline, kept, orphans, meta, queries.read_activity(conn), finished)
