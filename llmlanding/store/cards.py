"""The review cards: a table derived from the log, like the search index, so that `next` counts the reviews
due with one indexed query. Rebuilt for the items a write touches (their summary, mark, ratings or papers in
review), in the write's own transaction; the scheduler (fsrs) is imported only for cards that have ratings.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from operator import itemgetter

from llmlanding.domain.review import ENTER, FIRST_INTERVAL, PAPER_REVIEW, RATING_VALUES, Card
from llmlanding.domain.stamps import STAMP_FORMAT, utc
from llmlanding.store import queries

# The review events that stand: not in an undo batch and not undone (the rule `_TIME_EVENTS` applies to time).
_REVIEWS = (
    "SELECT e.item_id, e.field, e.new, e.at, e.id FROM event e CROSS JOIN batch b ON b.id = e.batch_id "
    "WHERE e.field >= 'review' AND e.field < 'review;' AND b.undoes IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM batch u WHERE u.undoes = b.id)"
)

_COLUMNS = "c.item_id, c.due, c.last, c.ratings, c.paper"


def refresh(conn: sqlite3.Connection, items: Collection[str] | None = None) -> None:
    """Rebuild the cards of these items (current or old ids), or every card."""
    import json  # writes only: `next` imports this module for `due_count`, and json costs it 2 ms

    aliases = queries.read_aliases(conn)
    wanted = None if items is None else {aliases.get(i, i) for i in items}
    stored = None if wanted is None else json.dumps(sorted(wanted | {o for o, n in aliases.items() if n in wanted}))
    # When each card entered review: a topic when its summary was done (and it is not skipped)...
    entered: dict[tuple[str, str], str] = {}
    values = queries.read_values(conn, aliases, ("summary", "status"), wanted)
    for (item_id, field_name), (value, at) in values.items():
        if field_name == "summary" and value == "1" and values.get((item_id, "status"), (None, ""))[0] != "skipped":
            entered[(item_id, "")] = at
    # ... a paper at its latest standing "0", while its review field holds a value (`unread` clears it).
    in_review = _papers_in_review(conn, aliases, stored)
    events: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    sql, params = _REVIEWS, tuple[str, ...]()
    if stored is not None:
        sql += " AND e.item_id IN (SELECT value FROM json_each(?))"
        params = (stored,)
    for item_id, field_name, new, at, event_id in conn.execute(sql, params):
        paper = field_name[len(PAPER_REVIEW) :] if field_name.startswith(PAPER_REVIEW) else ""
        events.setdefault((aliases.get(item_id, item_id), paper), []).append((at, event_id, new))
    for key, found in events.items():
        if key[1] and key in in_review:
            entries = [at for at, _id, new in found if new == ENTER]
            if entries:
                entered[key] = max(entries)
    cards = []
    for (item_id, paper), at in entered.items():
        ratings = sorted(
            (stamp, event_id, int(new))
            for stamp, event_id, new in events.get((item_id, paper), [])
            if stamp > at and new in RATING_VALUES
        )
        cards.append(_card(item_id, paper, at, ratings))
    if stored is None:
        conn.execute("DELETE FROM review_card")
    else:
        conn.execute("DELETE FROM review_card WHERE item_id IN (SELECT value FROM json_each(?))", (stored,))
    conn.executemany(
        "INSERT INTO review_card (item_id, paper, due, last, ratings) VALUES (?, ?, ?, ?, ?)",
        ((c.item_id, c.paper, c.due, c.last, c.ratings) for c in cards),
    )


def _papers_in_review(conn: sqlite3.Connection, aliases: dict[str, str], stored: str | None) -> set[tuple[str, str]]:
    sql = "SELECT item_id, field FROM progress WHERE field > 'review:' AND field < 'review;' AND value IS NOT NULL"
    params: tuple[str, ...] = ()
    if stored is not None:
        sql += " AND item_id IN (SELECT value FROM json_each(?))"
        params = (stored,)
    return {(aliases.get(i, i), f[len(PAPER_REVIEW) :]) for i, f in conn.execute(sql, params)}


def _card(item_id: str, paper: str, entered: str, ratings: list[tuple[str, str, int]]) -> Card:
    if not ratings:
        return Card(item_id, (utc(entered) + FIRST_INTERVAL).strftime(STAMP_FORMAT), entered, 0, paper)
    from llmlanding.store.scheduler import replay

    due = replay(f"{item_id} {paper}", entered, [(at, rating) for at, _id, rating in ratings])
    return Card(item_id, due, ratings[-1][0], len(ratings), paper)


def due_count(conn: sqlite3.Connection, limit: str, roadmap: Collection[str] | None = None) -> int:
    """How many cards of the roadmap's items fall due before `limit` (see `domain.review.due_limit`). With
    `roadmap`, the ids of the roadmap's items as read already, the due cards are counted against them rather than
    joined with the item table: a tenth of the time with thousands of cards due."""
    if roadmap is not None:
        due = conn.execute("SELECT item_id FROM review_card WHERE due < ?", (limit,)).fetchall()
        return sum(map(roadmap.__contains__, map(itemgetter(0), due)))
    row = conn.execute(
        "SELECT count(*) FROM review_card c JOIN item i ON i.id = c.item_id WHERE c.due < ? AND i.in_roadmap = 1",
        (limit,),
    ).fetchone()
    return int(row[0])


def read_card(conn: sqlite3.Connection, item_id: str, paper: str = "") -> Card | None:
    """A topic's card, or with `paper` that paper's, whatever item it was read under."""
    if paper:
        sql, params = f"SELECT {_COLUMNS} FROM review_card c WHERE c.paper = ?", (paper,)
    else:
        sql, params = f"SELECT {_COLUMNS} FROM review_card c WHERE c.item_id = ? AND c.paper = ''", (item_id,)
    row = conn.execute(sql, params).fetchone()
    return None if row is None else Card(*row)


def read_cards(conn: sqlite3.Connection) -> list[Card]:
    """Every card of the roadmap's items, soonest due first."""
    return [
        Card(*row)
        for row in conn.execute(
            f"SELECT {_COLUMNS} FROM review_card c JOIN item i ON i.id = c.item_id "
            "WHERE i.in_roadmap = 1 ORDER BY c.due, c.item_id, c.paper"
        )
    ]
