"""The leaf_state table: each item's leaf fields of the progress table as one row, derived from it like the
search index and the review cards, so that a snapshot reads a row per item instead of grouping the progress
table's rows (15 ms a command on a 10,000-topic roadmap). Each write refreshes the items it touched, in its own
transaction (`store.writer.apply_events`); `check` compares the table with LEAF_STATES, and `check --repair`
refills it."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection

from llmlanding.domain.progress import FIELDS

# Per item of the progress table: its leaf fields as one small number, so that a row per leaf, not per field,
# comes back (bits 0-2 the phases ticked, bits 3-4 the mark: todo, doing, done, skipped; anything else reads as
# todo, as LeafState.from_fields reads it; `store.queries.read_progress` reads it back), and when its status
# became done.
_LEAF_STATE_OF = (
    "SELECT item_id, CAST(total(CASE field WHEN 'theory' THEN value = '1' WHEN 'practice' THEN 2 * (value = '1') "
    "WHEN 'summary' THEN 4 * (value = '1') "
    "ELSE 8 * (CASE value WHEN 'doing' THEN 1 WHEN 'done' THEN 2 WHEN 'skipped' THEN 3 ELSE 0 END) END) "
    "AS INTEGER), max(CASE WHEN field = 'status' AND value = 'done' THEN at END) FROM progress "
    "WHERE field IN (" + ", ".join(f"'{name}'" for name in FIELDS) + ")"
)
LEAF_STATES = _LEAF_STATE_OF + " GROUP BY item_id"


def refresh(conn: sqlite3.Connection, items: Collection[str] | None) -> None:
    """The rows of these items (None: of every item) made what their progress rows say, inside the caller's
    write transaction."""
    if items is None:
        conn.execute("DELETE FROM leaf_state")
        conn.execute(f"INSERT INTO leaf_state (item_id, code, done_at) {LEAF_STATES}")
        return
    import json  # writes only: the read path need not import it

    wanted = json.dumps(sorted(items))
    conn.execute("DELETE FROM leaf_state WHERE item_id IN (SELECT value FROM json_each(?))", (wanted,))
    conn.execute(
        f"INSERT INTO leaf_state (item_id, code, done_at) {_LEAF_STATE_OF} "
        "AND item_id IN (SELECT value FROM json_each(?)) GROUP BY item_id",
        (wanted,),
    )
