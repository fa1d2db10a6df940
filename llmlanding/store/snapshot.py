"""Everything a read command needs, read once from the database: the outline, each leaf's state, the meta and
the activity per day; and, for a write, the snapshot after its changes worked out from the one before them.

Standard library only, so that the fast path can take a snapshot without SQLModel, PyYAML or pydantic.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, KeysView
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar

from llmlanding.domain.outline import PHASES, Outline
from llmlanding.domain.progress import FIELDS, TODO, LeafState
from llmlanding.domain.review import due_limit
from llmlanding.domain.snapshot import Orphan, Snapshot
from llmlanding.domain.stamps import local_day
from llmlanding.settings import today as clock_today
from llmlanding.store import cards, queries

T = TypeVar("T")


TYPE_CHECKING = False  # Change is for annotations: its module costs every read an import
if TYPE_CHECKING:
    from llmlanding.domain.history import Change


def file_hash(path: Path) -> str | None:
    import hashlib  # only when a file must be read: its OpenSSL library costs every run a few milliseconds

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


# A stat is trusted only for a file last changed this long before the stat was recorded: file systems keep
# times coarsely, so a file rewritten within the same tick, at the same size, keeps its time ("racy git").
SETTLED_NS = 2_000_000_000


def file_stat(path: Path) -> str | None:
    """The file's path, size, inode and modification time, and when they were read: what a rewrite changes."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_size}:{st.st_ino}:{st.st_mtime_ns}:{time.time_ns()}:{path}"


def stat_unchanged(recorded: str | None, path: Path) -> bool:
    """True when the file is, by its stat, the one recorded, and had settled when it was recorded."""
    try:
        size, inode, mtime, when, where = (recorded or "").split(":", 4)
        if where != str(path) or int(when) - int(mtime) < SETTLED_NS:
            return False
    except ValueError:  # nothing recorded, or not in this form: hash the file, as without a record
        return False
    try:
        st = os.stat(path)
    except OSError:
        return False
    return (str(st.st_size), str(st.st_ino), str(st.st_mtime_ns)) == (size, inode, mtime)


def roadmap_is_current(meta: dict[str, str], curriculum: Path) -> bool:
    """True when the database holds exactly this roadmap file's contents: by its stat when that was recorded
    for this very file, else by hashing it."""
    stored = meta.get(queries.CURRICULUM_HASH)
    if stored is None:
        return False
    if stat_unchanged(meta.get(queries.CURRICULUM_STAT), curriculum):
        return True
    # A file of another edition waiting for an upgrade counts as current: commands run on the recorded one. A
    # file that cannot be read is not current, even where nothing waits (no pending hash: None == None).
    digest = file_hash(curriculum)
    return digest is not None and digest in (stored, meta.get(queries.PENDING_HASH))


def take(
    conn: sqlite3.Connection,
    today: date | None = None,
    outline: Outline | None = None,
    db: Path | None = None,
    finished: bool = False,
) -> Snapshot:
    """The snapshot as the database holds it; `outline`, when given, is the stored one read already (the
    roadmap's rows change only with the roadmap's hash: see `writer.transaction`). With `db`, the database's
    file, the activity is counted only when first asked for, on a connection of its own, from the database as
    it stands then (after a write's commit: with that write's changes); so is when each topic was finished,
    unless `finished` says the caller will ask (reading it with the states costs half what reading it apart
    does)."""
    meta = queries.read_meta(conn)
    if outline is None:
        outline = queries.read_outline(conn, meta)
    aliases = queries.read_aliases(conn)
    finished = finished or db is None
    states, done = queries.read_progress(conn, aliases, finished=finished)
    known = outline.items.keys()  # for compact items, their index's keys: membership without a call per id
    # Progress on an id the roadmap lacks, or on an item that has gained topics (only topics hold progress).
    outside = states.keys() - known
    odd = outside | (states.keys() & outline.branches())
    # The titles ids outside the roadmap had: read only when there are such ids (the read walks the item table).
    titles = queries.read_orphan_titles(conn) if odd else {}
    orphans = [
        Orphan(item_id, *(titles.get(item_id) or _titles(outline, item_id)), states[item_id])
        for item_id in sorted(odd)
        if states[item_id] != TODO
    ]
    done_at = {k: v for k, v in done.items() if k in known} if finished else None
    kept = {k: v for k, v in states.items() if k in known} if outside else states
    today = today or clock_today()
    return Snapshot(
        outline,
        kept,
        orphans,
        meta,
        queries.read_activity(conn, today) if db is None else None,
        done_at,
        time=queries.read_time(conn, aliases),
        read=queries.read_papers_read(conn),
        today=today,
        due=cards.due_count(conn, due_limit(today), known) if db is None else None,
        count_days=None if db is None else partial(_read_later, db, partial(_activity, today=today), dict[date, int]()),
        count_due=None
        if db is None
        else partial(_read_later, db, partial(_due, limit=due_limit(today), known=known), 0),
        read_finished=None
        if finished or db is None
        else partial(_read_later, db, partial(_finished, known=known), dict[str, str]()),
    )


def _activity(conn: sqlite3.Connection, today: date) -> dict[date, int]:
    return queries.read_activity(conn, today)


def _due(conn: sqlite3.Connection, limit: str, known: KeysView[str]) -> int:
    return cards.due_count(conn, limit, known)


def _finished(conn: sqlite3.Connection, known: KeysView[str]) -> dict[str, str]:
    return {k: v for k, v in queries.read_finished(conn, queries.read_aliases(conn)).items() if k in known}


def _read_later(db: Path, read: Callable[[sqlite3.Connection], T], nothing: T) -> T:
    """What `read` reads from the database now, on a connection of its own."""
    from llmlanding.store.database import open_read, translate

    conn = open_read(db)
    if conn is None:  # cannot happen after a snapshot was read from it; nothing rather than a failure
        return nothing
    try:
        return read(conn)
    except sqlite3.Error as exc:
        raise translate(exc, db) from None
    finally:
        conn.close()


def counts_as_progress(change: Change) -> bool:
    """What the activity measures, as `queries.read_activity` selects it (for a batch that is not an undo)."""
    if change.field in PHASES:
        return change.new == "1"
    if change.field == "status":
        return change.new in ("doing", "done")
    return change.field == "note" and change.new is not None


def advance(conn: sqlite3.Connection, before: Snapshot, changes: list[Change], at: str, undo: bool) -> Snapshot:
    """The snapshot `take` would read once `changes` are written at `at`, worked out from the one taken before
    them, in the same transaction. Changes name current ids; the new events are the latest in the log (see
    `writer.now_stamp`), so each changed field now holds its new value whatever else is stored for the item.

    Reads the database only for the rare cases the snapshot cannot answer: the title of an item that becomes
    an orphan, and when a renamed item stops being done, whether it was done under an old id."""
    if not changes:
        return before
    new_fields: dict[str, dict[str, str | None]] = {}
    for change in changes:
        if change.field in FIELDS:
            new_fields.setdefault(change.item_id, {})[change.field] = change.new
    states = dict(before.states)
    orphans = {orphan.id: orphan for orphan in before.orphans}
    # Not read yet: read when asked for, after the commit, with these changes.
    finished = None if before.done_at is None else dict(before.done_at)
    for item_id, values in new_fields.items():
        item = before.outline.items.get(item_id)
        if item is None:
            old = orphans.get(item_id)
            # States derive field by field, so the derived fields stand in for the stored ones.
            state = LeafState.from_fields({**(old.state if old else TODO).fields(), **values})
            if state == TODO:
                orphans.pop(item_id, None)
            else:
                zh, en = (old.title_zh, old.title_en) if old else _orphan_title(conn, item_id)
                orphans[item_id] = Orphan(item_id, zh, en, state)
            continue
        states[item_id] = LeafState.from_fields({**before.state(item_id).fields(), **values})
        if "status" not in values or finished is None:
            continue
        if values["status"] == "done":
            finished[item_id] = at
        else:
            earlier = _done_under_old_ids(conn, item.renamed_from)
            if earlier is None:
                finished.pop(item_id, None)
            else:
                finished[item_id] = earlier
    read = before.read
    if any(change.field.startswith("paper:") for change in changes):
        read = queries.read_papers_read(conn)  # a paper stays read while any item holds its mark
    activity = before.counted  # when not counted yet, it is counted when asked for: with these changes
    if not undo and activity is not None:
        counted = sum(1 for change in changes if counts_as_progress(change))
        if counted:
            day = local_day(at)
            activity = {**activity, day: activity.get(day, 0) + counted}
    return replace(
        before,
        states=states,
        orphans=[orphans[key] for key in sorted(orphans)],
        counted=activity,
        done_at=finished,
        read=read,
    )


def _titles(outline: Outline, item_id: str) -> tuple[str, str]:
    item = outline.items.get(item_id)
    return (item.title_zh, item.title_en) if item else (item_id, item_id)


def _orphan_title(conn: sqlite3.Connection, item_id: str) -> tuple[str, str]:
    row = conn.execute("SELECT title_zh, title_en FROM item WHERE id = ? AND in_roadmap = 0", (item_id,)).fetchone()
    return (row[0], row[1]) if row else (item_id, item_id)


def _done_under_old_ids(conn: sqlite3.Connection, old_ids: list[str]) -> str | None:
    if not old_ids:
        return None
    marks = ", ".join("?" * len(old_ids))
    row = conn.execute(
        f"SELECT max(at) FROM progress WHERE field = 'status' AND value = 'done' AND item_id IN ({marks})", old_ids
    ).fetchone()
    return None if row is None or row[0] is None else str(row[0])
