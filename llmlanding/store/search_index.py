"""The search index: finding its rows for `search`, and keeping it in step with the roadmap and the notes.
Plain SQL on the caller's connection: the updates run inside the caller's transaction (a migration, a roadmap
import, or a write that changed a note).

`search_fts` is an FTS5 table over `search_doc` (external content): FTS5 keeps only its own token index, so a
row must be taken out of it with the 'delete' command, given the row's old text, before that row changes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from llmlanding.domain.search import SearchDoc


def rebuild(conn: sqlite3.Connection) -> None:
    """Refill the whole index from the item, paper, link and note rows: for a roadmap import or a migration.
    The titles of orphan rows (items that left the roadmap with work on them) are in it, so `search` finds them."""
    conn.execute("DELETE FROM search_doc")
    conn.execute(
        "INSERT INTO search_doc (item_id, field, position, text) "
        "SELECT id, 'title_zh', 0, title_zh FROM item "
        "UNION ALL SELECT id, 'title_en', 0, title_en FROM item "
        "UNION ALL SELECT id, 'description', 0, description_zh || ' ' || description_en FROM item "
        "  WHERE in_roadmap = 1 AND description_zh IS NOT NULL "
        "UNION ALL SELECT item_id, 'paper', position, title || ' ' || url FROM paper "
        "UNION ALL SELECT item_id, 'link', position, title || ' ' || url FROM link "
        "UNION ALL SELECT coalesce(a.item_id, p.item_id), 'note', 0, p.value FROM progress p "
        "  LEFT JOIN item_alias a ON a.old_id = p.item_id WHERE p.field = 'note' AND p.value IS NOT NULL"
    )
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")


# The items whose note rows to refresh, by current id: ids come as stored in progress, renamed ones are mapped.
_TOUCHED = (
    "WITH touched (id) AS ("
    "SELECT coalesce(a.item_id, j.value) FROM json_each(:ids) j LEFT JOIN item_alias a ON a.old_id = j.value) "
)


def refresh_notes(conn: sqlite3.Connection, item_ids: Iterable[str]) -> None:
    """Bring the note rows of these items up to date after their notes changed, leaving every other row alone;
    the rows come out as `rebuild` would make them. Ids are as stored in progress (an old id counts for the
    item renamed from it)."""
    import json  # here, not on `search`'s path

    params = {"ids": json.dumps(sorted(set(item_ids)))}
    notes_of_touched = "FROM search_doc WHERE field = 'note' AND item_id IN (SELECT id FROM touched)"
    conn.execute(
        f"{_TOUCHED}INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', id, text {notes_of_touched}",
        params,
    )
    conn.execute(f"{_TOUCHED}DELETE {notes_of_touched}", params)
    # Every progress row that maps to a touched item: the item's own id and the ids it was renamed from.
    conn.execute(
        f"{_TOUCHED}INSERT INTO search_doc (item_id, field, position, text) "
        "SELECT coalesce(a.item_id, p.item_id), 'note', 0, p.value FROM progress p "
        "LEFT JOIN item_alias a ON a.old_id = p.item_id "
        "WHERE p.field = 'note' AND p.value IS NOT NULL AND p.item_id IN ("
        "SELECT id FROM touched UNION SELECT old_id FROM item_alias WHERE item_id IN (SELECT id FROM touched))",
        params,
    )
    conn.execute(f"{_TOUCHED}INSERT INTO search_fts (rowid, text) SELECT id, text {notes_of_touched}", params)


def search_docs(conn: sqlite3.Connection, groups: list[tuple[str, ...]]) -> list[SearchDoc]:
    """Index rows holding, for every group, one of its words (case-insensitive): a group whose words all have
    three or more characters through the trigram index, a group with a shorter one (微调) by a scan of the few
    thousand rows."""
    from llmlanding.domain.search import SearchDoc

    long_groups = [group for group in groups if all(len(word) >= 3 for word in group)]
    short_groups = [group for group in groups if group not in long_groups]
    params: list[str] = []
    if long_groups:
        match = " AND ".join(
            "(" + " OR ".join('"' + word.replace('"', '""') + '"' for word in group) + ")" for group in long_groups
        )
        sql = (
            "SELECT d.item_id, d.field, d.position, d.text, bm25(search_fts) FROM search_fts "
            "JOIN search_doc d ON d.id = search_fts.rowid WHERE search_fts MATCH ?"
        )
        params.append(match)
    else:
        sql = "SELECT d.item_id, d.field, d.position, d.text, 0.0 FROM search_doc d WHERE 1"
    for group in short_groups:
        sql += " AND (" + " OR ".join("instr(lower(d.text), lower(?)) > 0" for _ in group) + ")"
        params.extend(group)
    return [SearchDoc(*row) for row in conn.execute(sql, params)]
