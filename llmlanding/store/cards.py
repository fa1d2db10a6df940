"""The review cards: a table derived from the log, like the search index, so that `next` counts the reviews
due with one indexed query. Rebuilt for the items a write touches (their summary, mark or ratings), in the
write's own transaction; the scheduler (fsrs) is imported only for items that have ratings.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection

from llmlanding.domain.review import FIRST_INTERVAL, RATING_VALUES, Card
from llmlanding.domain.stamps import STAMP_FORMAT, utc
from llmlanding.store import queries

# The ratings that stand: not in an undo batch and not undone (the rule `_TIME_EVENTS` applies to time spent).
_RATINGS = (
    "SELECT e.item_id, e.new, e.at, e.id FROM event e CROSS JOIN batch b ON b.id = e.batch_id "
    "WHERE e.field = 'review' AND b.undoes IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM batch u WHERE u.undoes = b.id)"
)


def refresh(conn: sqlite3.Connection, items: Collection[str] | None = None) -> None:
    """Rebuild the cards of these items (current or old ids), or of every item."""
    aliases = queries.read_aliases(conn)
    wanted = None if items is None else {aliases.get(i, i) for i in items}
    values = queries.read_values(conn, aliases, ("summary", "status"), wanted)
    entered: dict[str, str] = {}  # item -> when its summary was done, for items in review
    for (item_id, field_name), (value, at) in values.items():
        if field_name == "summary" and value == "1" and values.get((item_id, "status"), (None, ""))[0] != "skipped":
            entered[item_id] = at
    ratings: dict[str, list[tuple[str, str, int]]] = {}
    if entered:
        sql = _RATINGS
        params: tuple[str, ...] = ()
        if wanted is not None:
            import json

            stored = wanted | {old for old, new in aliases.items() if new in wanted}
            sql += " AND e.item_id IN (SELECT value FROM json_each(?))"
            params = (json.dumps(sorted(stored)),)
        for item_id, new, at, event_id in conn.execute(sql, params):
            key = aliases.get(item_id, item_id)
            if key in entered and at > entered[key] and new in RATING_VALUES:
                ratings.setdefault(key, []).append((at, event_id, int(new)))
    cards = [_card(item_id, at, sorted(ratings.get(item_id, []))) for item_id, at in entered.items()]
    if wanted is None:
        conn.execute("DELETE FROM review_card")
    else:
        import json

        conn.execute(
            "DELETE FROM review_card WHERE item_id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(wanted)),)
        )
    conn.executemany(
        "INSERT INTO review_card (item_id, due, last, ratings) VALUES (?, ?, ?, ?)",
        ((c.item_id, c.due, c.last, c.ratings) for c in cards),
    )


def _card(item_id: str, entered: str, ratings: list[tuple[str, str, int]]) -> Card:
    if not ratings:
        return Card(item_id, (utc(entered) + FIRST_INTERVAL).strftime(STAMP_FORMAT), entered, 0)
    from llmlanding.store.scheduler import replay

    due = replay(item_id, entered, [(at, rating) for at, _id, rating in ratings])
    return Card(item_id, due, ratings[-1][0], len(ratings))


def due_count(conn: sqlite3.Connection, limit: str) -> int:
    """How many cards of the roadmap's topics fall due before `limit` (see `domain.review.due_limit`)."""
    row = conn.execute(
        "SELECT count(*) FROM review_card c JOIN item i ON i.id = c.item_id WHERE c.due < ? AND i.in_roadmap = 1",
        (limit,),
    ).fetchone()
    return int(row[0])


def read_card(conn: sqlite3.Connection, item_id: str) -> Card | None:
    row = conn.execute("SELECT item_id, due, last, ratings FROM review_card WHERE item_id = ?", (item_id,)).fetchone()
    return None if row is None else Card(*row)


def read_cards(conn: sqlite3.Connection) -> list[Card]:
    """Every card of the roadmap's topics, soonest due first."""
    return [
        Card(*row)
        for row in conn.execute(
            "SELECT c.item_id, c.due, c.last, c.ratings FROM review_card c JOIN item i ON i.id = c.item_id "
            "WHERE i.in_roadmap = 1 ORDER BY c.due, c.item_id"
        )
    ]
