"""Every read of the database, on a standard-library sqlite3 connection.

The fast path and the typer commands both read through these functions (the write path too, on the raw
connection under its SQLAlchemy transaction), so there is one query for each question.
"""

from __future__ import annotations

import sqlite3

from llmlanding.domain import snapshot
from llmlanding.domain.history import BatchView, EventView
from llmlanding.domain.notes import Note
from llmlanding.domain.outline import Item, LinkRef, Outline, PaperRef, PathDef
from llmlanding.domain.progress import FIELDS, LeafState
from llmlanding.domain.search import SearchDoc

# meta keys
CURRICULUM_HASH = "curriculum_hash"


CURRICULUM_PATH = "curriculum_path"


ROADMAP_ID = "roadmap_id"


ROADMAP_TITLE_ZH = "roadmap_title_zh"


ROADMAP_TITLE_EN = "roadmap_title_en"


DEFAULT_PATH = "default_path"


ACTIVE_PATH = snapshot.ACTIVE_PATH


DEVICE_ID = "device_id"


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def read_outline(conn: sqlite3.Connection, meta: dict[str, str]) -> Outline:
    items: dict[str, Item] = {}
    for row in conn.execute(
        "SELECT id, kind, parent_id, position, title_zh, title_en, upstream_todo, optional, description_zh, "
        "description_en FROM item WHERE in_roadmap = 1 ORDER BY position"
    ):
        item = Item(
            id=row[0],
            kind=row[1],
            parent=row[2],
            position=row[3],
            title_zh=row[4],
            title_en=row[5],
            upstream_todo=bool(row[6]),
            optional=bool(row[7]),
            description_zh=row[8],
            description_en=row[9],
        )
        items[item.id] = item
    for item in items.values():
        if item.parent is not None and item.parent in items:
            items[item.parent].children.append(item.id)
    for item_id, title, url, year in conn.execute(
        "SELECT item_id, title, url, year FROM paper ORDER BY item_id, position"
    ):
        if item_id in items:
            items[item_id].papers.append(PaperRef(title, url, year))
    for item_id, title, url, kind in conn.execute(
        "SELECT item_id, title, url, kind FROM link ORDER BY item_id, position"
    ):
        if item_id in items:
            items[item_id].links.append(LinkRef(title, url, kind))
    for old_id, item_id in conn.execute("SELECT old_id, item_id FROM item_alias ORDER BY old_id"):
        if item_id in items:
            items[item_id].renamed_from.append(old_id)
    paths: dict[str, PathDef] = {}
    for path_id, title_zh, title_en in conn.execute(
        "SELECT id, title_zh, title_en FROM learning_path ORDER BY position"
    ):
        members = [
            row[0]
            for row in conn.execute(
                "SELECT item_id FROM learning_path_item WHERE path_id = ? ORDER BY position", (path_id,)
            )
        ]
        paths[path_id] = PathDef(path_id, title_zh, title_en, members)
    return Outline(
        id=meta.get(ROADMAP_ID, ""),
        title_zh=meta.get(ROADMAP_TITLE_ZH, ""),
        title_en=meta.get(ROADMAP_TITLE_EN, ""),
        items=items,
        paths=paths,
        default_path=meta.get(DEFAULT_PATH, next(iter(paths), "book")),
    )


def read_aliases(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT old_id, item_id FROM item_alias").fetchall())


def read_values(
    conn: sqlite3.Connection, aliases: dict[str, str], fields: tuple[str, ...] | None = None
) -> dict[tuple[str, str], tuple[str | None, str]]:
    """(item, field) -> (value, stamp) by current ids; where a renamed item has values under both ids, the later
    wins, as it would have had the item always had its new id."""
    latest: dict[tuple[str, str], tuple[str, str, str | None]] = {}
    for item_id, field_name, value, at, event_id in conn.execute(
        "SELECT item_id, field, value, at, event_id FROM progress"
    ):
        if fields is not None and field_name not in fields:
            continue
        key = (aliases.get(item_id, item_id), field_name)
        if key not in latest or (at, event_id) > latest[key][:2]:
            latest[key] = (at, event_id, value)
    return {key: (value, at) for key, (at, _id, value) in latest.items()}


def read_states(conn: sqlite3.Connection, aliases: dict[str, str]) -> dict[str, LeafState]:
    """Each leaf's state by its current id."""
    by_item: dict[str, dict[str, str | None]] = {}
    for (item_id, field_name), (value, _at) in read_values(conn, aliases, FIELDS).items():
        by_item.setdefault(item_id, {})[field_name] = value
    return {item_id: LeafState.from_fields(values) for item_id, values in by_item.items()}


def read_orphan_titles(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    return {
        row[0]: (row[1], row[2]) for row in conn.execute("SELECT id, title_zh, title_en FROM item WHERE in_roadmap = 0")
    }


def read_batches(conn: sqlite3.Connection, item_ids: set[str] | None = None, limit: int = 20) -> list[BatchView]:
    """The newest batches first; with item_ids, only those touching one of them (events filtered too)."""
    rows = conn.execute(
        "SELECT b.id, b.device_id, b.at, b.command, b.undoes, e.id, e.item_id, e.field, e.old, e.new "
        "FROM batch b LEFT JOIN event e ON e.batch_id = b.id ORDER BY b.at DESC, b.id DESC, e.seq"
    )
    batches: dict[str, BatchView] = {}
    for bid, device, at, command, undoes, eid, item_id, field_name, old, new in rows:
        batch = batches.get(bid)
        if batch is None:
            batch = batches[bid] = BatchView(bid, device, at, command, undoes)
        if eid is not None and (item_ids is None or item_id in item_ids):
            batch.events.append(EventView(eid, item_id, field_name, old, new))
    found = [b for b in batches.values() if item_ids is None or b.events]
    return found[:limit]


def last_undoable_batch(conn: sqlite3.Connection, device_id: str) -> BatchView | None:
    """This device's newest batch that is neither an undo nor undone already."""
    row = conn.execute(
        "SELECT id, device_id, at, command, undoes FROM batch b WHERE device_id = ? AND undoes IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM batch u WHERE u.undoes = b.id) "
        "ORDER BY (SELECT max(seq) FROM event e WHERE e.batch_id = b.id) DESC, at DESC LIMIT 1",
        (device_id,),
    ).fetchone()
    if row is None:
        return None
    batch = BatchView(*row)
    for eid, item_id, field_name, old, new in conn.execute(
        "SELECT id, item_id, field, old, new FROM event WHERE batch_id = ? ORDER BY seq", (batch.id,)
    ):
        batch.events.append(EventView(eid, item_id, field_name, old, new))
    return batch


def read_notes(conn: sqlite3.Connection, aliases: dict[str, str]) -> dict[str, Note]:
    """Each item's current note by its current id; an emptied note is no note."""
    values = read_values(conn, aliases, ("note",))
    return {item_id: Note(value, at) for (item_id, _f), (value, at) in values.items() if value}


def read_repos(conn: sqlite3.Connection, aliases: dict[str, str]) -> dict[str, str]:
    """Each item's linked hands-on code repository (a path on this machine)."""
    values = read_values(conn, aliases, ("repo",))
    return {item_id: value for (item_id, _f), (value, _at) in values.items() if value}


def read_done_dates(conn: sqlite3.Connection, aliases: dict[str, str]) -> dict[str, str]:
    """When each finished leaf was finished: the stamp of its status becoming done."""
    found: dict[str, str] = {}
    for item_id, at in conn.execute("SELECT item_id, at FROM progress WHERE field = 'status' AND value = 'done'"):
        key = aliases.get(item_id, item_id)
        found[key] = max(found.get(key, ""), at)
    return found


def read_activity(conn: sqlite3.Connection) -> list[str]:
    """The stamps of every change that moved a learner forward: a phase ticked, an item started or finished, a
    note written. Undos and resets do not count as progress."""
    return [
        row[0]
        for row in conn.execute(
            "SELECT e.at FROM event e JOIN batch b ON b.id = e.batch_id WHERE b.undoes IS NULL AND ("
            "(e.field IN ('theory', 'practice', 'summary') AND e.new = '1') "
            "OR (e.field = 'status' AND e.new IN ('doing', 'done')) OR (e.field = 'note' AND e.new IS NOT NULL))"
        )
    ]


def search_docs(conn: sqlite3.Connection, terms: list[str]) -> list[SearchDoc]:
    """Index rows holding every term (case-insensitive): terms of three or more characters through the trigram
    index, shorter ones (微调) by a scan of the few thousand rows."""
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    params: list[str] = []
    if long_terms:
        match = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        sql = (
            "SELECT d.item_id, d.field, d.position, d.text, bm25(search_fts) FROM search_fts "
            "JOIN search_doc d ON d.id = search_fts.rowid WHERE search_fts MATCH ?"
        )
        params.append(match)
    else:
        sql = "SELECT d.item_id, d.field, d.position, d.text, 0.0 FROM search_doc d WHERE 1"
    for term in short_terms:
        sql += " AND instr(lower(d.text), lower(?)) > 0"
        params.append(term)
    return [SearchDoc(*row) for row in conn.execute(sql, params)]
