"""The stored roadmap in one compact row: every command reads the outline, and 11,100 item rows cost a 10,000-topic
roadmap 35 ms to read and build, where one `marshal`ed row of the items' fields as columns loads in a tenth of
that and its items are built only as a command asks for them (`domain.outline.CompactItems`). Each column is
marshalled apart and read the first time a command needs it: the list of notes reads the ids and one language's
titles, 2 ms of the 8 that every column costs a fresh process.

The row lives in `meta` under `OUTLINE`, written in the transaction that imports the roadmap's rows and holding
the hash it was made for, so it always says what the rows say; anything unexpected in it (its columns are
checked by a CRC when the row is read, since they are read later), a hash that is not the stored roadmap's, or
another Python's marshal, and the outline is read from the rows as before. `marshal` is built into the
interpreter (importing `json` would cost every command more than the row saves on a small roadmap).
"""

from __future__ import annotations

import marshal
import sqlite3
import sys
import zlib
from typing import Any

from llmlanding.domain.outline import ITEM_FIELDS, CompactItems, Outline, PathDef, columns_of, item_row, subtree_ends

OUTLINE = "outline_cache"  # the meta key; `queries.read_meta` leaves it out


# Changes whenever the layout does, and with the Python that wrote it (marshal's format is its own): a row of
# another layout is not read, and the next write rewrites it.
_FORMAT = f"outline/4 python {sys.version_info[0]}.{sys.version_info[1]}"


def store(conn: sqlite3.Connection, outline: Outline, digest: str) -> None:
    """Keep `outline`, imported under `digest`, as the compact row; inside the caller's write transaction."""
    paths = tuple((p.id, p.title_zh, p.title_en, tuple(p.items)) for p in outline.paths.values())
    rows = tuple(item_row(item) for item in outline.items.values())
    columns = tuple(marshal.dumps(column) for column in columns_of(rows))
    check = zlib.crc32(b"".join(columns))
    # As text, one character a byte (meta's values are text, and SQL traces and EXPLAIN show them as such).
    text = marshal.dumps((_FORMAT, digest, columns, check, subtree_ends(rows), paths)).decode("latin-1")
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (OUTLINE, text),
    )


def load(conn: sqlite3.Connection, digest: str | None) -> tuple[CompactItems, dict[str, PathDef]] | None:
    """The items and paths the compact row holds when it was made for the roadmap stored under `digest`, else
    None."""
    if digest is None:
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (OUTLINE,)).fetchone()
    if row is None or not isinstance(row[0], str):
        return None
    try:
        form, made_for, columns, check, ends, paths = marshal.loads(row[0].encode("latin-1"))
        if form != _FORMAT or made_for != digest:
            return None
        if len(columns) != ITEM_FIELDS or zlib.crc32(b"".join(columns)) != check:
            return None
        ids = marshal.loads(columns[0])
        if not isinstance(ids, tuple):
            return None

        def column(field: int) -> Any:
            return marshal.loads(columns[field])  # as written: the CRC above held

        return CompactItems.from_columns(ids, column, ends), {
            p[0]: PathDef(p[0], p[1], p[2], list(p[3])) for p in paths
        }
    except (
        ValueError,
        TypeError,
        EOFError,
        IndexError,
        UnicodeError,
    ):  # another layout, or damaged: read the rows instead
        return None
