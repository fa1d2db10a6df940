"""Every read of the database, on a standard-library sqlite3 connection.

The fast path and the typer commands both read through these functions (the write path too, on its connection
inside `BEGIN IMMEDIATE`), so there is one query for each question. Reads that the log's length could make slow
go through the indexes of migration v4 and read only what they show (see each one's docstring).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Mapping
from datetime import UTC, date, datetime, time, timedelta

from llmlanding.domain import snapshot
from llmlanding.domain.activity import streak_is_open, window_start
from llmlanding.domain.outline import Item, LinkRef, Outline, PaperRef, PathDef
from llmlanding.domain.progress import FIELDS, TODO, LeafState
from llmlanding.domain.stamps import STAMP_FORMAT, local_day, local_midnight
from llmlanding.store import outline_cache

TYPE_CHECKING = False  # these types are for annotations; their dataclasses cost every command an import
if TYPE_CHECKING:
    from llmlanding.domain.history import BatchView
    from llmlanding.domain.notes import Note

# meta keys
CURRICULUM_HASH = "curriculum_hash"
CURRICULUM_STAT = "curriculum_stat"  # the roadmap file's stat when its hash was last checked (snapshot.file_stat)


CURRICULUM_PATH = "curriculum_path"


ROADMAP_ID = "roadmap_id"


ROADMAP_TITLE_ZH = "roadmap_title_zh"


ROADMAP_TITLE_EN = "roadmap_title_en"


DEFAULT_PATH = "default_path"


ROADMAP_EDITION = "roadmap_edition"  # the edition of the roadmap stored: what the learner's ids refer to


PENDING_HASH = "pending_hash"  # a roadmap file of another edition, waiting for `curriculum upgrade`


PENDING_EDITION = snapshot.PENDING_EDITION


PENDING_REVISES = snapshot.PENDING_REVISES


REDIRECTS = "redirects"  # JSON: the edition of the last upgrade, and where it took each id it removed


PREVIOUS_REDIRECTS = "previous_redirects"


PREVIOUS_ROADMAP = "previous_roadmap"  # the outline before the last upgrade, as JSON: what undoing it restores


ACTIVE_PATH = snapshot.ACTIVE_PATH


DEVICE_ID = "device_id"


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    """The meta keys and their values, but the stored outline's compact row (`store.outline_cache`)."""
    return dict(conn.execute("SELECT key, value FROM meta WHERE key <> ?", (outline_cache.OUTLINE,)).fetchall())


def read_outline(conn: sqlite3.Connection, meta: dict[str, str]) -> Outline:
    """The stored roadmap: from its compact row when that was made for it, else from its rows."""
    compact = outline_cache.load(conn, meta.get(CURRICULUM_HASH))
    if compact is not None:
        return _outline(meta, *compact)
    return read_outline_rows(conn, meta)


def read_outline_rows(conn: sqlite3.Connection, meta: dict[str, str]) -> Outline:
    """The stored roadmap read from its rows: what its compact row is made from."""
    items: dict[str, Item] = {}
    for row in conn.execute(
        "SELECT id, kind, parent_id, position, title_zh, title_en, upstream_todo, optional, description_zh, "
        "description_en FROM item WHERE in_roadmap = 1 ORDER BY position"
    ):
        # Positional arguments, in Item's field order: a 10,000-topic roadmap builds twice as fast as by keyword.
        items[row[0]] = Item(
            row[0], row[1], row[4], row[5], row[2], row[3], [], [], [], bool(row[6]), bool(row[7]), row[8], row[9]
        )
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
    return _outline(meta, items, paths)


def _outline(meta: dict[str, str], items: Mapping[str, Item], paths: dict[str, PathDef]) -> Outline:
    return Outline(
        id=meta.get(ROADMAP_ID, ""),
        title_zh=meta.get(ROADMAP_TITLE_ZH, ""),
        title_en=meta.get(ROADMAP_TITLE_EN, ""),
        items=items,
        paths=paths,
        default_path=meta.get(DEFAULT_PATH, next(iter(paths), "book")),
        edition=meta.get(ROADMAP_EDITION, ""),
    )


def read_path_ids(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT id FROM learning_path ORDER BY position")]


def read_aliases(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT old_id, item_id FROM item_alias").fetchall())


def read_values(
    conn: sqlite3.Connection,
    aliases: dict[str, str],
    fields: tuple[str, ...] | None = None,
    items: Collection[str] | None = None,
) -> dict[tuple[str, str], tuple[str | None, str]]:
    """(item, field) -> (value, stamp) by current ids; where a renamed item has values under both ids, the later
    wins, as it would have had the item always had its new id. With `items` (current ids), only theirs."""
    sql = "SELECT item_id, field, value, at, event_id FROM progress"
    where: list[str] = []
    params: list[str] = []
    if fields is not None:
        where.append(f"field IN ({', '.join('?' * len(fields))})")
        params.extend(fields)
    if items is not None:
        wanted = set(items)
        stored = wanted | {old for old, new in aliases.items() if new in wanted}
        import json  # only the write path filters by item; the fast path need not import it

        where.append("item_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sorted(stored)))
    if where:
        sql += " WHERE " + " AND ".join(where)
    latest: dict[tuple[str, str], tuple[str, str, str | None]] = {}
    for item_id, field_name, value, at, event_id in conn.execute(sql, params):
        key = (aliases.get(item_id, item_id), field_name)
        if key not in latest or (at, event_id) > latest[key][:2]:
            latest[key] = (at, event_id, value)
    if items is not None:
        return {key: (value, at) for key, (at, _id, value) in latest.items() if key[0] in wanted}
    return {key: (value, at) for key, (at, _id, value) in latest.items()}


_STATES_BY_CODE = {
    code: LeafState(
        theory=bool(code & 1),
        practice=bool(code & 2),
        summary=bool(code & 4),
        mark=("todo", "doing", "done", "skipped")[code >> 3],
    )
    for code in range(32)
}


def read_progress(
    conn: sqlite3.Connection, aliases: dict[str, str], finished: bool = True
) -> tuple[dict[str, LeafState], dict[str, str]]:
    """Each leaf's state, and when each finished leaf was finished (the stamp of its status becoming done), by
    current id: the two things a snapshot needs from the progress table, in one pass over a covering index.
    Without `finished`, the states alone (a third quicker; `read_finished` reads the rest when it is needed).

    Items touched by a rename, whose values may stand under two ids, are merged the careful way, by
    `read_values`: the later value wins, as it would have had the item always had its new id."""
    states: dict[str, LeafState] = {}
    done: dict[str, str] = {}
    renamed = {*aliases, *aliases.values()}
    # The leaf_state table holds, row for row, what `leaf_states.LEAF_STATES` works out from the progress table.
    for item_id, code, done_at in conn.execute(
        f"SELECT item_id, code, {'done_at' if finished else 'NULL'} FROM leaf_state"
    ):
        if item_id in renamed:
            continue
        # A code no write makes (a hand in the file: text, a fraction, out of range) reads as todo; `check` says so.
        states[item_id] = _STATES_BY_CODE.get(code, TODO)
        if done_at is not None:
            done[item_id] = done_at
    if renamed:
        by_item: dict[str, dict[str, str | None]] = {}
        for (item_id, field_name), (value, _at) in read_values(conn, aliases, FIELDS, set(aliases.values())).items():
            by_item.setdefault(item_id, {})[field_name] = value
        for item_id, values in by_item.items():
            states[item_id] = LeafState.from_fields(values)
    if renamed and finished:
        for item_id, at in conn.execute(
            "SELECT item_id, at FROM progress WHERE field = 'status' AND value = 'done' "
            "AND item_id IN (SELECT value FROM json_each(?))",
            (_json_list(renamed),),
        ):
            key = aliases.get(item_id, item_id)
            done[key] = max(done.get(key, ""), at)
    return states, done


def read_finished(conn: sqlite3.Connection, aliases: dict[str, str]) -> dict[str, str]:
    """When each finished leaf was finished, by current id, as `read_progress` reads it: where a renamed item was
    done under more than one id, the latest."""
    done: dict[str, str] = {}
    for item_id, at in conn.execute("SELECT item_id, done_at FROM leaf_state WHERE done_at IS NOT NULL"):
        key = aliases.get(item_id, item_id)
        if key not in done or at > done[key]:
            done[key] = at
    return done


def read_papers_read(conn: sqlite3.Connection) -> frozenset[str]:
    """The fields of the papers read (see `domain.papers`): a paper is read when any item holds its field as 1."""
    sql = "SELECT DISTINCT field FROM progress WHERE field > 'paper:' AND value = '1' AND field < 'paper;'"
    return frozenset(row[0] for row in conn.execute(sql))


def read_paper_holders(conn: sqlite3.Connection, fields: Collection[str]) -> list[tuple[str, str]]:
    """(item, field) of every stored read mark of these papers, in id order: what `unread` clears."""
    if not fields:
        return []
    sql = (
        "SELECT item_id, field FROM progress WHERE field > 'paper:' AND value = '1' "
        "AND field IN (SELECT value FROM json_each(?)) ORDER BY item_id, field"
    )
    return [(row[0], row[1]) for row in conn.execute(sql, (_json_list(fields),))]


def read_paper_reviews(conn: sqlite3.Connection, fields: Collection[str]) -> list[tuple[str, str, str]]:
    """(item, field, value) of these papers' review fields that hold a value: the papers in review."""
    if not fields:
        return []
    sql = (
        "SELECT item_id, field, value FROM progress WHERE value IS NOT NULL "
        "AND field IN (SELECT value FROM json_each(?)) ORDER BY item_id, field"
    )
    return [(row[0], row[1], row[2]) for row in conn.execute(sql, (_json_list(fields),))]


def _json_list(values: Collection[str]) -> str:
    import json  # only for renamed items and writes: the plain read path need not import it

    return json.dumps(sorted(values))


def read_orphans(
    conn: sqlite3.Connection, outline: Outline, among: Collection[str] | None = None
) -> list[snapshot.Orphaned]:
    """Every id outside the roadmap that holds progress, a note or linked code, in id order, with the titles it
    had (its id where the roadmap never named it, as for an id a peer synced); and every item of the roadmap
    that has gained topics since it was ticked, with its progress (only topics hold progress; its note and code
    stay where they are).

    `among`, when the caller has read them already, holds every id that can be one (`orphan_candidates`): the
    ids with progress are then not read, which on a 10,000-topic roadmap is most of the cost."""
    from llmlanding.domain.notes import Note

    aliases = read_aliases(conn)
    # Only ids outside the roadmap and items with topics can be orphans: sort those few, not every id with progress.
    known = outline.items.keys()
    if among is None:
        stored = {row[0] for row in conn.execute("SELECT DISTINCT item_id FROM progress")}
        candidates = stored - set(aliases)
        ids = sorted((candidates - known) | (candidates & outline.branches()), key=_id_order)
    else:
        ids = sorted(set(among) - set(aliases), key=_id_order)
    if not ids:
        return []
    values = read_values(conn, aliases, items=ids)
    titles = read_orphan_titles(conn)
    found: list[snapshot.Orphaned] = []
    for item_id in ids:
        fields = {name: value for (owner, name), (value, _at) in values.items() if owner == item_id}
        state = LeafState.from_fields({name: fields.get(name) for name in FIELDS})
        item = outline.items.get(item_id)
        note_value, note_at = values.get((item_id, "note"), (None, ""))
        note = Note(note_value, note_at) if note_value and item is None else None
        repo = (fields.get("repo") or None) if item is None else None
        if state == LeafState() and note is None and repo is None:
            continue  # taken back or moved: nothing left on it
        zh, en = (item.title_zh, item.title_en) if item else titles.get(item_id, (item_id, item_id))
        found.append(snapshot.Orphaned(item_id, zh, en, state, note, repo))
    return found


def orphan_candidates(snap: snapshot.Snapshot, notes: Collection[str], repos: Collection[str]) -> set[str]:
    """The ids that can be orphans (`read_orphans`), from what a command has read already: the snapshot's
    orphans (ids outside the roadmap or with topics now, holding a state), and the ids outside the roadmap among
    those with a note (`read_notes`) or linked code (`read_repos`); these are by current id, as an orphan's note
    and code are read."""
    known = snap.outline.items.keys()
    return {orphan.id for orphan in snap.orphans} | (set(notes) - known) | (set(repos) - known)


def _id_order(item_id: str) -> tuple[tuple[int, ...], str]:
    """Ids in roadmap order; an orphan's `1.1.1@edition` (see `domain.editions.orphan_id`) after `1.1.1`."""
    number, _, edition = item_id.partition("@")
    return tuple(int(part) if part.isdigit() else -1 for part in number.split(".")), edition


def read_orphan_titles(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    return {
        row[0]: (row[1], row[2]) for row in conn.execute("SELECT id, title_zh, title_en FROM item WHERE in_roadmap = 0")
    }


def _events_of(
    conn: sqlite3.Connection, batches: dict[str, BatchView], item_ids: Collection[str] | None = None
) -> None:
    """Fill in the batches' events, in log order; with item_ids, only the events touching them."""
    import json

    from llmlanding.domain.history import EventView

    sql = "SELECT batch_id, id, item_id, field, old, new FROM event WHERE batch_id IN (SELECT value FROM json_each(?))"
    params = [json.dumps(list(batches))]
    if item_ids is not None:
        sql += " AND item_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(sorted(item_ids)))
    for batch_id, eid, item_id, field_name, old, new in conn.execute(sql + " ORDER BY seq", params):
        batches[batch_id].events.append(EventView(eid, item_id, field_name, old, new))


def read_batches(
    conn: sqlite3.Connection,
    item_ids: set[str] | None = None,
    limit: int | None = 20,
    since: str | None = None,
    until: str | None = None,
) -> list[BatchView]:
    """The newest batches first; with item_ids, only those touching one of them (events filtered too); with
    `since`/`until` (stored stamps), only those at or after `since` and before `until`; `limit` None is all.

    Reads only the batches shown: the newest `limit` through the index on (at, id); with item_ids, the batches
    found through the events' index on item_id, so the cost follows those items' history, not the whole log."""
    from llmlanding.domain.history import BatchView

    columns = "b.id, b.device_id, b.at, b.command, b.undoes"
    window = " AND b.at >= ? AND b.at < ?"
    params: list[object] = [since or "", until or "~"]  # '~' sorts after every stamp
    if item_ids is None:
        sql = f"SELECT {columns} FROM batch b WHERE 1{window} ORDER BY b.at DESC, b.id DESC LIMIT ?"
    else:
        import json

        # CROSS JOIN keeps this loop order: the items' events first, then each batch by its primary key.
        sql = (
            f"SELECT {columns} FROM (SELECT DISTINCT batch_id FROM event "
            "WHERE item_id IN (SELECT value FROM json_each(?))) AS m CROSS JOIN batch b ON b.id = m.batch_id "
            f"WHERE 1{window} ORDER BY b.at DESC, b.id DESC LIMIT ?"
        )
        params.insert(0, json.dumps(sorted(item_ids)))
    rows = conn.execute(sql, (*params, -1 if limit is None else limit)).fetchall()
    batches = {row[0]: BatchView(*row) for row in rows}
    if batches:
        _events_of(conn, batches, item_ids)
    return list(batches.values())


def last_undoable_batch(conn: sqlite3.Connection, device_id: str) -> BatchView | None:
    """This device's newest batch that is neither an undo nor undone already: the one holding the latest event
    (every batch this program writes holds events of its own device), else, for batches imported without
    events, the latest by time.

    The walk goes down this device's events by seq through the index on (device_id, seq) and stops at the
    first batch that qualifies, so its cost is the undos and undone batches on top, not the length of the log."""
    from llmlanding.domain.history import BatchView, EventView

    undoable = "b.device_id = ? AND b.undoes IS NULL AND NOT EXISTS (SELECT 1 FROM batch u WHERE u.undoes = b.id)"
    columns = "b.id, b.device_id, b.at, b.command, b.undoes"
    row = conn.execute(
        f"SELECT {columns} FROM event e CROSS JOIN batch b ON b.id = e.batch_id "
        f"WHERE e.device_id = ? AND {undoable} ORDER BY e.seq DESC LIMIT 1",
        (device_id, device_id),
    ).fetchone()
    if row is None:
        row = conn.execute(
            f"SELECT {columns} FROM batch b WHERE {undoable} "
            "AND NOT EXISTS (SELECT 1 FROM event e WHERE e.batch_id = b.id) ORDER BY b.at DESC LIMIT 1",
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


def _stored_ids(aliases: dict[str, str], item_id: str) -> list[str]:
    """The ids an item's values may be stored under: its own and those it was renamed from."""
    return [item_id, *(old for old, new in aliases.items() if new == item_id)]


def read_notes(conn: sqlite3.Connection, aliases: dict[str, str], item_id: str | None = None) -> dict[str, Note]:
    """Each item's current note by its current id; an emptied note is no note. Where items were merged by
    `renamed_from` and more than one of their ids holds a note, none is hidden: the newest is the note, and
    each older one that it does not already contain follows it under a heading naming its id. With `item_id`,
    that item's only, read by its key (`show` and `note` on a roadmap with thousands of notes)."""
    from llmlanding.domain.notes import Note, joined

    sql = "SELECT item_id, value, at, event_id FROM progress WHERE field = 'note' AND value IS NOT NULL"
    params: list[str] = []
    if item_id is not None:
        params = _stored_ids(aliases, item_id)
        sql += f" AND item_id IN ({', '.join('?' * len(params))})"
    elif not aliases:  # a value per item (the table's key): no latest to pick
        every = "SELECT item_id, value, at FROM progress WHERE field = 'note' AND value IS NOT NULL AND value <> ''"
        # Made by tuple's own __new__: a NamedTuple's is Python code, a third of reading 6,000 notes.
        make = tuple.__new__
        return {item_id: make(Note, (value, at)) for item_id, value, at in conn.execute(every)}
    by_item: dict[str, list[tuple[str, str, str, str]]] = {}
    for item_id, value, at, event_id in conn.execute(sql, params):
        if value:
            by_item.setdefault(aliases.get(item_id, item_id), []).append((at, event_id, item_id, value))
    found: dict[str, Note] = {}
    for item_id, rows in by_item.items():
        rows.sort()
        at, _event, _owner, text = rows[-1]
        for _at, _event, owner, older in reversed(rows[:-1]):
            if older.strip() not in text:
                text = joined(text, owner, older)
        found[item_id] = Note(text, at)
    return found


def read_repos(conn: sqlite3.Connection, aliases: dict[str, str], item_id: str | None = None) -> dict[str, str]:
    """Each item's linked hands-on code repository (a path on this machine); with `item_id`, that item's only."""
    # The condition is the partial index progress_repo's, word for word (migration 11): as a parameter, SQLite could
    # not know that the index holds every row wanted, and would walk the progress table.
    sql = "SELECT item_id, value, at, event_id FROM progress WHERE field = 'repo'"
    params: list[str] = []
    if item_id is not None:
        params = _stored_ids(aliases, item_id)
        sql += f" AND item_id IN ({', '.join('?' * len(params))})"
    latest: dict[str, tuple[str, str, str | None]] = {}  # the latest value by (time, event id), as read_values
    for owner, value, at, event_id in conn.execute(sql, params):
        key = item_id or aliases.get(owner, owner)
        if key not in latest or (at, event_id) > latest[key][:2]:
            latest[key] = (at, event_id, value)
    return {key: value for key, (_at, _event, value) in latest.items() if value}


# Changes that moved a learner forward: a phase ticked, an item started or finished, a note written. Undos and
# resets do not count as progress. CROSS JOIN keeps the events as the outer loop, so a range on event.at is
# walked through its index and each event's batch looked up by key (without statistics the planner would
# rather walk every batch that is not an undo).
# The condition is the partial index event_progress's, word for word (see migration v4).
_PROGRESS_EVENTS = (
    "FROM event e CROSS JOIN batch b ON b.id = e.batch_id WHERE b.undoes IS NULL AND ("
    "(e.field IN ('theory', 'practice', 'summary') AND e.new = '1') "
    "OR (e.field = 'status' AND e.new IN ('doing', 'done')) OR (e.field = 'note' AND e.new IS NOT NULL))"
)


# SQLite's 'localtime' takes the offset of a stand-in year for stamps outside 1970-2037, where Python takes the
# real one; inside these bounds both ask the C library's localtime_r for the same instant and get the same day.
_SQL_LOCALTIME_FROM = "1970-01-02"


_SQL_LOCALTIME_UNTIL = "2037-12-31"


# The stamp cut to whole seconds first: SQLite keeps milliseconds and would round 23:59:59.9995 into the next
# day, where Python keeps the day it is (offsets and their changes fall on whole seconds, so cutting is safe).
_LOCAL_DAY = "date(substr(e.at, 1, 19), 'localtime')"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(STAMP_FORMAT)


def _count_days(conn: sqlite3.Connection, first: date, last: date) -> dict[date, int]:
    """Progress events per local day from `first` to `last`: one count a day between the day's local midnights,
    worked out in Python, so each count walks only that day's stretch of the index on event(at) and no stamp is
    converted to a day in SQL."""
    sql = f"SELECT count(*) {_PROGRESS_EVENTS} AND e.at >= ? AND e.at < ?"
    counts: dict[date, int] = {}
    day, start = first, local_midnight(first)
    while day <= last:
        following = day + timedelta(days=1)
        end = local_midnight(following)
        count = conn.execute(sql, (start, end)).fetchone()[0]
        if count:
            counts[day] = count
        day, start = following, end
    return counts


def _progress_on(conn: sqlite3.Connection, day: date) -> bool:
    """Whether the local `day` had any progress, stopping at its first event. Looked for first around where
    Python puts the day's local midnights; only if nothing is there, in the range no time zone can take the day
    out of (UTC offsets are under a day), which is all a learner's streak costs once, where it ends."""
    sql = f"SELECT 1 {_PROGRESS_EVENTS} AND e.at >= ? AND e.at < ? AND {_LOCAL_DAY} = ? LIMIT 1"
    hour, whole_day = timedelta(hours=1), timedelta(days=1)
    near = (_utc(datetime.combine(day, time()) - hour), _utc(datetime.combine(day + whole_day, time()) + hour))
    midnight = datetime.combine(day, time(), UTC)
    ranges = [near, (_utc(midnight - whole_day), _utc(midnight + 2 * whole_day))]
    for low, high in ranges:
        if low >= _SQL_LOCALTIME_FROM and high < _SQL_LOCALTIME_UNTIL:
            if conn.execute(sql, (low, high, day.isoformat())).fetchone() is not None:
                return True
        else:
            stamps = conn.execute(f"SELECT e.at {_PROGRESS_EVENTS} AND e.at >= ? AND e.at < ?", (low, high))
            if any(local_day(stamp) == day for (stamp,) in stamps):
                return True
    return False


# Walks back from :day while each day shows progress around its local midnights (an hour's slack either side
# of where SQLite's 'utc' puts them), and yields the first day that shows none, or :floor: the streak's days one
# indexed look-up each, without a round trip to Python per day.
_QUIET_DAY = (
    "WITH RECURSIVE walk (day) AS (SELECT :day UNION ALL SELECT date(day, '-1 day') FROM walk "
    "WHERE day > :floor AND EXISTS (SELECT 1 "
    + _PROGRESS_EVENTS
    + " AND e.at >= strftime('%Y-%m-%dT%H:%M:%S', day, 'utc', '-1 hours') "
    "AND e.at < strftime('%Y-%m-%dT%H:%M:%S', day, '+1 day', 'utc', '+1 hours') "
    f"AND {_LOCAL_DAY} = day)) SELECT min(day) FROM walk"
)


# The days SQLite's date and time functions see as Python does (see _SQL_LOCALTIME_FROM), with a day to spare.
_SQL_FIRST_DAY, _SQL_LAST_DAY = date(1970, 1, 3), date(2037, 12, 29)


def _first_quiet_day(conn: sqlite3.Connection, day: date) -> date:
    """The latest day at or before `day` that showed no progress near its midnights (the caller checks it
    thoroughly with `_progress_on`); `day` itself outside the years SQLite dates as Python does."""
    if not _SQL_FIRST_DAY <= day <= _SQL_LAST_DAY:
        return day
    found = conn.execute(_QUIET_DAY, {"day": day.isoformat(), "floor": _SQL_FIRST_DAY.isoformat()}).fetchone()[0]
    return date.fromisoformat(found)


# The minutes recorded with `--time`, through the partial index event_time (its condition, word for word), but
# for changes that were undone and the undos themselves.
_TIME_EVENTS = (
    "SELECT e.item_id, e.new, e.at FROM event e CROSS JOIN batch b ON b.id = e.batch_id "
    "WHERE e.field = 'time' AND b.undoes IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM batch u WHERE u.undoes = b.id)"
)


def read_time(conn: sqlite3.Connection, aliases: dict[str, str]) -> list[tuple[str, int, str]]:
    """Every record of time spent that stands: (current item id, minutes, stamp), oldest first."""
    return [
        (aliases.get(item_id, item_id), int(minutes), at)
        for item_id, minutes, at in conn.execute(_TIME_EVENTS + " ORDER BY e.at")
        if isinstance(minutes, str) and minutes.isdigit()
    ]


def read_activity(conn: sqlite3.Connection, today: date) -> dict[date, int]:
    """What `domain.activity.measure` reads, and no more: progress events per local day from the heatmap's first
    day, counted in SQL through the index on event(at); and, while the streak runs on past that day, each
    earlier day of it marked 1 (the streak needs only whether a day had progress), one indexed look-up a day.
    The cost follows the weeks shown and the streak's length, not the length of the log."""
    since = window_start(today)
    counts = _count_days(conn, since, today)
    if streak_is_open(counts, today, since):
        day = since - timedelta(days=1)
        while day > _EARLIEST:
            quiet = _first_quiet_day(conn, day)
            for back in range((day - quiet).days):
                counts[day - timedelta(days=back)] = 1
            if not _progress_on(conn, quiet):
                break
            counts[quiet] = 1
            day = quiet - timedelta(days=1)
    return counts


_EARLIEST = date(1, 1, 3)  # stamps cannot be older than year 1; room for the bounds around a day
