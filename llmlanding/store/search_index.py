"""Keeping the search index in step with the roadmap and the notes. Plain SQL on the raw connection: it runs
inside the caller's transaction (a migration, a roadmap import, or a write that changed a note)."""

from __future__ import annotations

import sqlite3


def rebuild(conn: sqlite3.Connection) -> None:
    """Refill the index from the item, paper, link and note rows: a few thousand rows at most, so a full
    rebuild is simpler and no slower than tracking each change."""
    conn.execute("DELETE FROM search_doc")
    conn.execute(
        "INSERT INTO search_doc (item_id, field, position, text) "
        "SELECT id, 'title_zh', 0, title_zh FROM item WHERE in_roadmap = 1 "
        "UNION ALL SELECT id, 'title_en', 0, title_en FROM item WHERE in_roadmap = 1 "
        "UNION ALL SELECT id, 'description', 0, description_zh || ' ' || description_en FROM item "
        "  WHERE in_roadmap = 1 AND description_zh IS NOT NULL "
        "UNION ALL SELECT item_id, 'paper', position, title || ' ' || url FROM paper "
        "UNION ALL SELECT item_id, 'link', position, title || ' ' || url FROM link "
        "UNION ALL SELECT coalesce(a.item_id, p.item_id), 'note', 0, p.value FROM progress p "
        "  LEFT JOIN item_alias a ON a.old_id = p.item_id WHERE p.field = 'note' AND p.value IS NOT NULL"
    )
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
