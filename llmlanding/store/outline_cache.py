"""The stored roadmap in one compact row: every command reads the outline, and 11,100 item rows cost a 10,000-topic
roadmap 35 ms to read and build, where one `marshal`ed row of the items' fields as columns loads in a tenth of
that and its items are built only as a command asks for them (`domain.outline.CompactItems`). Each column is
marshalled apart, and on a big roadmap read the first time a command needs it: the list of notes reads the ids
and one language's titles, 2 ms of the 8 that every column costs a fresh process.

The row is read as a blob, straight into one bytes object, and each column is unmarshalled from a slice of it: a
SELECT would copy the megabyte twice, and a row marshalled whole would copy its columns out once more.

The row lives in `meta` under `OUTLINE`, written in the transaction that imports the roadmap's rows and holding
the hash it was made for, so it always says what the rows say; anything unexpected in it (on a big roadmap, whose
columns are read later, a CRC of them is checked when the row is read), a hash that is not the stored
roadmap's, or another Python's marshal, and the outline is read from the rows as before. `marshal` is built into
the interpreter (importing `json` would cost every command more than the row saves on a small roadmap).
"""

from __future__ import annotations

import marshal
import sqlite3
import sys
from collections.abc import Callable, Sequence
from itertools import accumulate, pairwise
from typing import Any

from llmlanding.domain.outline import ITEM_FIELDS, CompactItems, Outline, PathDef, columns_of, item_row, subtree_ends

OUTLINE = "outline_cache"  # the meta key; `queries.read_meta` leaves it out


LAZY = 256 * 1024  # bytes of the row from which its columns are read as needed (the bundled roadmap's: 44 K)


# Changes whenever the layout does, and with the Python that wrote it (marshal's format is its own): a row of
# another layout is not read, and the next write rewrites it.
_FORMAT = f"outline/5 python {sys.version_info[0]}.{sys.version_info[1]}"


_HEAD = 4  # the row starts with the length of its head, in this many bytes (little-endian)


def store(conn: sqlite3.Connection, outline: Outline, digest: str) -> None:
    """Keep `outline`, imported under `digest`, as the compact row; inside the caller's write transaction.

    The row is a head (the layout, the hash, each column's length in bytes, their CRC, the subtrees' ends, the
    paths) and then the columns, each marshalled apart, back to back: a reader takes each column as a slice of
    the row, without copying it out first."""
    import zlib  # here only: the row is written when a roadmap is imported, and read by every command

    paths = tuple((p.id, p.title_zh, p.title_en, tuple(p.items)) for p in outline.paths.values())
    rows = tuple(item_row(item) for item in outline.items.values())
    parts = [marshal.dumps(column) for column in columns_of(rows)]
    columns = b"".join(parts)
    head = (_FORMAT, digest, tuple(map(len, parts)), zlib.crc32(columns), subtree_ends(rows), paths)
    # As a BLOB (meta's column takes one as it is): read back without decoding a megabyte of text.
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (OUTLINE, packed(head, columns)),
    )


def packed(head: tuple[Any, ...], columns: bytes) -> bytes:
    """The row: the length of the head, the head, the columns. `head[2]` holds each column's length."""
    marshalled = marshal.dumps(head)
    return len(marshalled).to_bytes(_HEAD, "little") + marshalled + columns


def unpacked(row: memoryview) -> tuple[tuple[Any, ...], list[memoryview]]:
    """The head and each column of a row `packed` made, the columns as slices of it; ValueError, EOFError or
    TypeError when it is not one."""
    size = int.from_bytes(row[:_HEAD], "little")
    head = marshal.loads(row[_HEAD : _HEAD + size])
    if not isinstance(head, tuple) or len(head) < 3:
        raise ValueError("not a compact outline's head")
    starts = list(accumulate(head[2], initial=_HEAD + size))
    if starts[-1] != len(row):
        raise ValueError("the columns do not fill the row")
    return head, [row[start:end] for start, end in pairwise(starts)]


def load(conn: sqlite3.Connection, digest: str | None) -> tuple[CompactItems, dict[str, PathDef]] | None:
    """The items and paths the compact row holds when it was made for the roadmap stored under `digest`, else
    None."""
    if digest is None:
        return None
    found = conn.execute("SELECT rowid, typeof(value) FROM meta WHERE key = ?", (OUTLINE,)).fetchone()
    if found is None or found[1] != "blob":  # text: the row of an older layout
        return None
    try:
        # Read as a blob: SQLite copies the row straight into the bytes, where a SELECT makes a copy of its own
        # first. (A write between the two statements can take the row away: then it is read from the rows.)
        with conn.blobopen("meta", "value", found[0], readonly=True) as blob:
            row = memoryview(blob.read())
        (form, made_for, _sizes, check, ends, paths), columns = unpacked(row)
        if form != _FORMAT or made_for != digest or len(columns) != ITEM_FIELDS:
            return None
        read = _columns(columns, check, lazy=len(row) >= LAZY)
        if read is None:
            return None
        ids, load = read
        return CompactItems.from_columns(ids, load, ends), {p[0]: PathDef(p[0], p[1], p[2], list(p[3])) for p in paths}
    except (
        ValueError,
        TypeError,
        EOFError,
        IndexError,
        UnicodeError,
        sqlite3.Error,
    ):  # another layout, or damaged, or gone: read the rows instead
        return None


def _columns(
    columns: Sequence[memoryview], check: int, lazy: bool
) -> tuple[tuple[str, ...], Callable[[int], Any]] | None:
    """The ids, and what reads each other column: on a small roadmap every one is read now (anything wrong is
    found now); on a big one each is read when first needed, once the CRC says the columns are as written. None
    when they are not."""
    if not lazy:
        read = [marshal.loads(column) for column in columns]
        if not all(isinstance(column, tuple) and len(column) == len(read[0]) for column in read):
            return None
        return read[0], read.__getitem__
    import zlib  # here only: every command reads the row, and on a small roadmap need not load it

    found = 0
    for column in columns:
        found = zlib.crc32(column, found)
    ids = marshal.loads(columns[0]) if found == check else None
    if not isinstance(ids, tuple):
        return None
    return ids, lambda field: marshal.loads(columns[field])
