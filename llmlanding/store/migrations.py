"""The schema's history: an ordered list of migrations, each applied once, in one transaction with its
version bump in `PRAGMA user_version`.

Migrations are plain SQL on a standard-library connection, so they stay exactly as they were when written; the
SQLModel tables in `store.tables` mirror the newest schema and a test checks that the two agree.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

APPLICATION_ID = 0x4C4C4D4C  # "LLML": tells our database from any other SQLite file


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


def _v1_initial(conn: sqlite3.Connection) -> None:
    for statement in (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE item (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('chapter', 'section', 'topic')),
            parent_id TEXT,
            position INTEGER NOT NULL,
            title_zh TEXT NOT NULL,
            title_en TEXT NOT NULL,
            upstream_todo INTEGER NOT NULL DEFAULT 0,
            optional INTEGER NOT NULL DEFAULT 0,
            description_zh TEXT,
            description_en TEXT,
            in_roadmap INTEGER NOT NULL DEFAULT 1
        )""",
        """CREATE TABLE paper (
            item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            url TEXT NOT NULL,
            year INTEGER NOT NULL,
            PRIMARY KEY (item_id, position)
        )""",
        """CREATE TABLE link (
            item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            url TEXT NOT NULL,
            kind TEXT NOT NULL,
            PRIMARY KEY (item_id, position)
        )""",
        """CREATE TABLE learning_path (
            id TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            title_zh TEXT NOT NULL,
            title_en TEXT NOT NULL
        )""",
        """CREATE TABLE learning_path_item (
            path_id TEXT NOT NULL REFERENCES learning_path(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            item_id TEXT NOT NULL,
            PRIMARY KEY (path_id, position)
        )""",
        # One row per command that changed something: the unit `undo` reverts.
        """CREATE TABLE batch (
            id TEXT PRIMARY KEY,
            device_id TEXT NOT NULL,
            at TEXT NOT NULL,
            command TEXT NOT NULL,
            undoes TEXT
        )""",
        # The append-only log. Ids are globally unique, so logs from several machines merge by id.
        """CREATE TABLE event (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE,
            batch_id TEXT NOT NULL REFERENCES batch(id),
            device_id TEXT NOT NULL,
            at TEXT NOT NULL,
            item_id TEXT NOT NULL,
            field TEXT NOT NULL,
            old TEXT,
            new TEXT
        )""",
        # The current value of each (item, field): the last event by (at, id) wins, whatever order events
        # arrived in. A cache of the log that can always be rebuilt from it.
        """CREATE TABLE progress (
            item_id TEXT NOT NULL,
            field TEXT NOT NULL,
            value TEXT,
            at TEXT NOT NULL,
            event_id TEXT NOT NULL,
            PRIMARY KEY (item_id, field)
        )""",
    ):
        conn.execute(statement)


def _v2_renames_and_log_index(conn: sqlite3.Connection) -> None:
    # Items may declare `renamed_from`; progress recorded under an old id is read as the new item's.
    conn.execute(
        """CREATE TABLE item_alias (
            old_id TEXT PRIMARY KEY,
            item_id TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX event_item ON event (item_id, at)")
    conn.execute("CREATE INDEX event_batch ON event (batch_id)")


def _v3_search(conn: sqlite3.Connection) -> None:
    # What `search` looks through: titles in both languages, descriptions, papers, links and notes, one row each.
    # The trigram tokenizer matches inside Chinese text without a word segmenter; terms shorter than three
    # characters (微调) are matched on search_doc directly.
    conn.execute(
        """CREATE TABLE search_doc (
            id INTEGER PRIMARY KEY,
            item_id TEXT NOT NULL,
            field TEXT NOT NULL,
            position INTEGER NOT NULL,
            text TEXT NOT NULL
        )"""
    )
    conn.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(text, content='search_doc', content_rowid='id', tokenize='trigram')"
    )
    from llmlanding.store.search_index import rebuild

    rebuild(conn)


def _v4_growth_indexes(conn: sqlite3.Connection) -> None:
    # What keeps every command's cost flat as the log grows: each read looks up only what it shows.
    # `undo`: this device's events newest first, and whether a batch has been undone.
    conn.execute("CREATE INDEX event_device_seq ON event (device_id, seq)")
    conn.execute("CREATE INDEX batch_undoes ON batch (undoes)")
    # `log`: the newest batches, in the order it lists them.
    conn.execute("CREATE INDEX batch_at ON batch (at, id)")
    # `status` and the dashboard: the events of the weeks the activity calendar shows; the partial index holds
    # only the changes that count as progress (the condition is store.queries' own, word for word, or the
    # planner would not use it).
    conn.execute("CREATE INDEX event_at ON event (at)")
    conn.execute(
        "CREATE INDEX event_progress ON event (at, batch_id) WHERE "
        "(field IN ('theory', 'practice', 'summary') AND new = '1') "
        "OR (field = 'status' AND new IN ('doing', 'done')) OR (field = 'note' AND new IS NOT NULL)"
    )
    # Every snapshot: each leaf's fields and the stamp it was finished, read from the index alone (notes, the
    # long values, stay out of it).
    conn.execute(
        "CREATE INDEX progress_state ON progress (item_id, field, value, at) "
        "WHERE field IN ('theory', 'practice', 'summary', 'status')"
    )
    # A note change refreshes that item's rows of the search index only.
    conn.execute("CREATE INDEX search_doc_item ON search_doc (item_id, field)")


def _v5_quarantine(conn: sqlite3.Connection) -> None:
    # Where `check --repair` sets aside a batch or an event that breaks the schema: the row as JSON text, as it
    # was found, why, and when. Never applied to progress, never deleted; kept in backups.
    conn.execute(
        """CREATE TABLE quarantine (
            kind TEXT NOT NULL CHECK (kind IN ('batch', 'event')),
            row_id TEXT NOT NULL,
            row TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (kind, row_id)
        )"""
    )


def _v6_paper_marks(conn: sqlite3.Connection) -> None:
    # The papers read (`domain.papers`): their marks looked up by field alone, from the index alone. Only marks
    # that say read are in it; the condition is store.queries' own, word for word, or the planner would not use it.
    conn.execute("CREATE INDEX progress_paper ON progress (field, item_id) WHERE field > 'paper:' AND value = '1'")


def _v7_time_spent(conn: sqlite3.Connection) -> None:
    # `status`: the minutes a learner recorded with `--time`, read through an index that holds only those
    # events (the condition is store.queries' own, word for word), so homes that never record time pay nothing.
    conn.execute("CREATE INDEX event_time ON event (at) WHERE field = 'time'")


def _v8_review_cards(conn: sqlite3.Connection) -> None:
    # Spaced review (`domain.review`): each topic's card and each paper's, derived from the log like the search
    # index, so that `next` counts what is due with one look-up of the index on `due`; and the review events,
    # read through an index that holds only them. No review event exists before this version, so every topic
    # whose summary is done (and that is not skipped) starts as entering review when that summary was done: due
    # two days later, the first interval `domain.review.FIRST_INTERVAL` names.
    from datetime import UTC, datetime, timedelta

    conn.execute(
        "CREATE TABLE review_card (item_id TEXT NOT NULL, paper TEXT NOT NULL DEFAULT '', due TEXT NOT NULL, "
        "last TEXT NOT NULL, ratings INTEGER NOT NULL, PRIMARY KEY (item_id, paper))"
    )
    conn.execute("CREATE INDEX review_card_due ON review_card (due)")
    conn.execute("CREATE INDEX event_review ON event (item_id, at) WHERE field >= 'review' AND field < 'review;'")
    rows = conn.execute(
        "SELECT s.item_id, s.at FROM progress s WHERE s.field = 'summary' AND s.value = '1' AND NOT EXISTS "
        "(SELECT 1 FROM progress m WHERE m.item_id = s.item_id AND m.field = 'status' AND m.value = 'skipped')"
    ).fetchall()
    cards = []
    for item_id, at in rows:
        try:
            entered = datetime.fromisoformat(at).replace(tzinfo=UTC)
        except (TypeError, ValueError):  # a stamp `check` would report: leave the topic out of review
            continue
        due = (entered + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        cards.append((item_id, due, at, 0))
    conn.executemany("INSERT INTO review_card (item_id, due, last, ratings) VALUES (?, ?, ?, ?)", cards)


def _v9_leaf_states(conn: sqlite3.Connection) -> None:
    # Every snapshot reads each leaf's state, and a report or a status when each finished leaf was finished:
    # grouping the progress table's rows by item for that costs a 10,000-topic roadmap 15 ms a command. One
    # row per item, derived from the progress table like the search index and the review cards, and refreshed
    # in the same transaction by each write (`store.leaf_states`). The code packs the phases
    # ticked (bits 0-2) and the mark (bits 3-4: todo, doing, done, skipped; any other value reads as todo), as
    # `store.queries.read_progress` reads it; `done_at` is when the status became done, NULL unless it is.
    conn.execute(
        "CREATE TABLE leaf_state (item_id TEXT PRIMARY KEY, code INTEGER NOT NULL, done_at TEXT) WITHOUT ROWID"
    )
    conn.execute(
        "INSERT INTO leaf_state (item_id, code, done_at) SELECT item_id, CAST(total(CASE field "
        "WHEN 'theory' THEN value = '1' WHEN 'practice' THEN 2 * (value = '1') WHEN 'summary' THEN 4 * (value = '1') "
        "ELSE 8 * (CASE value WHEN 'doing' THEN 1 WHEN 'done' THEN 2 WHEN 'skipped' THEN 3 ELSE 0 END) END) "
        "AS INTEGER), max(CASE WHEN field = 'status' AND value = 'done' THEN at END) FROM progress "
        "WHERE field IN ('theory', 'practice', 'summary', 'status') GROUP BY item_id"
    )


def _v10_note_index(conn: sqlite3.Connection) -> None:
    # `notes` lists every note: read from an index holding only them (their text included), it skips the rest of
    # the progress table, a third of that read on a roadmap with thousands of notes. The condition is
    # store.queries' own, word for word.
    conn.execute("CREATE INDEX progress_note ON progress (field, item_id, value, at) WHERE field = 'note'")


def _v11_repo_index(conn: sqlite3.Connection) -> None:
    # A report names each topic's linked code: read from an index holding only the links, it skips the rest of the
    # progress table (5 ms on a roadmap of 10,000 topics, and most of the pages that read brings in). The
    # condition is store.queries' own, word for word.
    conn.execute("CREATE INDEX progress_repo ON progress (field, item_id, value, at, event_id) WHERE field = 'repo'")


MIGRATIONS: list[Migration] = [
    Migration(1, "initial", _v1_initial),
    Migration(2, "renames_and_log_index", _v2_renames_and_log_index),
    Migration(3, "search", _v3_search),
    Migration(4, "growth_indexes", _v4_growth_indexes),
    Migration(5, "quarantine", _v5_quarantine),
    Migration(6, "paper_marks", _v6_paper_marks),
    Migration(7, "time_spent", _v7_time_spent),
    Migration(8, "review_cards", _v8_review_cards),
    Migration(9, "leaf_states", _v9_leaf_states),
    Migration(10, "note_index", _v10_note_index),
    Migration(11, "repo_index", _v11_repo_index),
]

SCHEMA_VERSION = MIGRATIONS[-1].version


def pending(current: int, migrations: list[Migration] | None = None) -> list[Migration]:
    return [m for m in (migrations or MIGRATIONS) if m.version > current]


def apply_one(conn: sqlite3.Connection, migration: Migration) -> None:
    """Apply one migration and its version bump atomically: both happen or neither does."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have applied it while we waited for the write lock: check again under the lock.
        if conn.execute("PRAGMA user_version").fetchone()[0] >= migration.version:
            conn.execute("ROLLBACK")
            return
        migration.apply(conn)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
