"""Keeping the database's copy of the roadmap in step with the roadmap file.

The copy is re-imported only when the file's contents change (by hash). The file is read and parsed (PyYAML and
pydantic, imported only then) before the write lock is taken, so a slow parse never holds up other writers;
under the lock the stored hash is checked again and the import written with a few bulk statements.

Progress is keyed by item id and is never touched here: an item that leaves the roadmap but has progress stays
as an orphan row, and an item's `renamed_from` ids become aliases, so progress recorded under an old id is read
as the new item's.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from llmlanding.domain.outline import Outline
from llmlanding.store import outline_cache, queries
from llmlanding.store.search_index import rebuild
from llmlanding.store.snapshot import file_hash, file_stat, stat_unchanged


@dataclass(frozen=True)
class Wanted:
    """The roadmap a command must run against: the file's hash and, when the database held something else when
    we looked, the file parsed (outside the write lock). `outline` is None when the stored copy matched."""

    digest: str
    outline: Outline | None
    stat: str | None = None  # the file's stat (`snapshot.file_stat`) as it was when hashed, to remember


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def stored_hash(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (queries.CURRICULUM_HASH,)).fetchone()
    return None if row is None else str(row[0])


def wanted_roadmap(conn: sqlite3.Connection, curriculum: Path) -> Wanted:
    """Hash the roadmap file and, if the database does not hold those contents, parse it. Runs outside any
    transaction. Raises CurriculumError for a missing or bad file. A file whose recorded stat is unchanged is
    not read at all."""
    keys = (queries.CURRICULUM_HASH, queries.CURRICULUM_STAT)
    meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN (?, ?)", keys).fetchall())
    if queries.CURRICULUM_HASH in meta and stat_unchanged(meta.get(queries.CURRICULUM_STAT), curriculum):
        return Wanted(meta[queries.CURRICULUM_HASH], None)
    before = file_stat(curriculum)
    digest = file_hash(curriculum)
    # The stat may stand for these contents only if the file did not change while it was hashed, and only once
    # the file has settled (a fresh one is hashed each time until then, and nothing is recorded meanwhile).
    stat = before if stat_unchanged(before, curriculum) else None
    if digest is not None and meta.get(queries.CURRICULUM_HASH) == digest:
        return Wanted(digest, None, stat)
    if digest is not None and pending_hash(conn) == digest:  # a new edition, waiting: run on the recorded one
        return Wanted(meta[queries.CURRICULUM_HASH], None, stat)
    from llmlanding.roadmap.loader import load_outline, remembered  # PyYAML and pydantic: when the file changed

    while True:
        outline = remembered(curriculum, digest) or load_outline(curriculum)
        # The hash must be that of the bytes parsed: if the file was rewritten during the parse, parse again.
        after = file_hash(curriculum)
        if after is not None and after == digest:
            return Wanted(after, outline, stat)
        digest, stat = after, None


def pending_hash(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (queries.PENDING_HASH,)).fetchone()
    return None if row is None else str(row[0])


def another_edition(conn: sqlite3.Connection, outline: Outline) -> bool:
    """Whether `outline` is another edition of the roadmap stored: then the learner's ids keep meaning the
    stored edition's items until `curriculum upgrade` carries them across. A first roadmap, another roadmap
    altogether or the same edition revised in place is imported as it is."""
    meta = dict(
        conn.execute(
            "SELECT key, value FROM meta WHERE key IN (?, ?)", (queries.ROADMAP_ID, queries.ROADMAP_EDITION)
        ).fetchall()
    )
    stored = meta.get(queries.ROADMAP_EDITION)
    return bool(stored) and meta.get(queries.ROADMAP_ID) == outline.id and outline.edition not in ("", stored)


def hold_edition(conn: sqlite3.Connection, wanted: Wanted) -> bool:
    """Keep the stored edition, and remember the file's as waiting for an upgrade (inside the write lock).
    True when this file's edition was not waiting yet: the run that first sees it says so."""
    assert wanted.outline is not None
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (queries.PENDING_HASH,)).fetchone()
    set_meta(conn, queries.PENDING_HASH, wanted.digest)
    set_meta(conn, queries.PENDING_EDITION, wanted.outline.edition)
    revises = wanted.outline.revises
    set_meta(conn, queries.PENDING_REVISES, revises.edition if revises else "")
    if wanted.stat is not None:
        set_meta(conn, queries.CURRICULUM_STAT, wanted.stat)
    return row is None or row[0] != wanted.digest


def record_stat(conn: sqlite3.Connection, wanted: Wanted) -> None:
    """Remember the roadmap file's stat with its hash, inside the write transaction that checked the hash."""
    if wanted.stat is not None:
        set_meta(conn, queries.CURRICULUM_STAT, wanted.stat)


def import_outline(conn: sqlite3.Connection, outline: Outline, digest: str, source: Path) -> None:
    """Replace the stored roadmap with `outline`, inside the caller's write transaction."""
    aliases = {old: item.id for item in outline.items.values() for old in item.renamed_from}
    old_titles = {row[0]: (row[1], row[2]) for row in conn.execute("SELECT id, title_zh, title_en FROM item")}
    with_progress = {row[0] for row in conn.execute("SELECT DISTINCT item_id FROM progress")}

    # Children before parents: papers and links reference items, path members reference paths.
    for table in ("paper", "link", "learning_path_item", "learning_path", "item_alias", "item"):
        conn.execute(f"DELETE FROM {table}")

    item_sql = (
        "INSERT INTO item (id, kind, parent_id, position, title_zh, title_en, upstream_todo, optional, "
        "description_zh, description_en, in_roadmap) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    conn.executemany(
        item_sql,
        (
            (
                item.id,
                item.kind,
                item.parent,
                item.position,
                item.title_zh,
                item.title_en,
                item.upstream_todo,
                item.optional,
                item.description_zh,
                item.description_en,
                True,
            )
            for item in outline.items.values()
        ),
    )
    # Orphans: progress under an id the roadmap no longer has (and no item was renamed from).
    orphans = sorted(with_progress - set(outline.items) - set(aliases))
    conn.executemany(
        item_sql,
        (
            (item_id, "topic", None, len(outline.items) + position, *titles, False, False, None, None, False)
            for position, item_id in enumerate(orphans)
            # An orphan kept under `1.2@edition` (see domain.editions.orphan_id) had the titles of that edition's 1.2.
            for titles in [old_titles.get(item_id) or old_titles.get(item_id.partition("@")[0], (item_id, item_id))]
        ),
    )
    conn.executemany(
        "INSERT INTO paper (item_id, position, title, url, year) VALUES (?, ?, ?, ?, ?)",
        (
            (item.id, position, paper.title, paper.url, paper.year)
            for item in outline.items.values()
            for position, paper in enumerate(item.papers)
        ),
    )
    conn.executemany(
        "INSERT INTO link (item_id, position, title, url, kind) VALUES (?, ?, ?, ?, ?)",
        (
            (item.id, position, link.title, link.url, link.kind)
            for item in outline.items.values()
            for position, link in enumerate(item.links)
        ),
    )
    conn.executemany("INSERT INTO item_alias (old_id, item_id) VALUES (?, ?)", aliases.items())
    conn.executemany(
        "INSERT INTO learning_path (id, position, title_zh, title_en) VALUES (?, ?, ?, ?)",
        ((path.id, position, path.title_zh, path.title_en) for position, path in enumerate(outline.paths.values())),
    )
    conn.executemany(
        "INSERT INTO learning_path_item (path_id, position, item_id) VALUES (?, ?, ?)",
        (
            (path.id, position, item_id)
            for path in outline.paths.values()
            for position, item_id in enumerate(path.items)
        ),
    )
    for key, value in (
        (queries.CURRICULUM_HASH, digest),
        (queries.CURRICULUM_PATH, str(source)),
        (queries.ROADMAP_ID, outline.id),
        (queries.ROADMAP_TITLE_ZH, outline.title_zh),
        (queries.ROADMAP_TITLE_EN, outline.title_en),
        (queries.DEFAULT_PATH, outline.default_path),
        (queries.ROADMAP_EDITION, outline.edition),
    ):
        set_meta(conn, key, value)
    pending = (queries.PENDING_HASH, queries.PENDING_EDITION, queries.PENDING_REVISES)
    conn.execute("DELETE FROM meta WHERE key IN (?, ?, ?)", pending)
    rebuild(conn)
    # The compact row is made from the rows just written, read back as a command would read them.
    outline_cache.store(conn, queries.read_outline_rows(conn, queries.read_meta(conn)), digest)


def outline_to_json(outline: Outline, digest: str, source: str) -> str:
    """The stored roadmap as JSON, with the hash and path it was imported from: what undoing an upgrade puts
    back, so that the edition a learner left can be restored even when its file is gone."""
    import json

    items = [
        [
            i.id,
            i.kind,
            i.title_zh,
            i.title_en,
            i.parent,
            i.position,
            i.children,
            [list(p) for p in i.papers],
            [list(link) for link in i.links],
            i.upstream_todo,
            i.optional,
            i.description_zh,
            i.description_en,
            i.renamed_from,
        ]
        for i in outline.items.values()
    ]
    paths = [[p.id, p.title_zh, p.title_en, p.items] for p in outline.paths.values()]
    head = [outline.id, outline.title_zh, outline.title_en, outline.default_path, outline.edition]
    return json.dumps({"roadmap": head, "items": items, "paths": paths, "hash": digest, "source": source})


def outline_from_json(text: str) -> tuple[Outline, str, str]:
    """The outline, hash and source path `outline_to_json` wrote."""
    import json

    from llmlanding.domain.outline import Item, LinkRef, PaperRef, PathDef

    data = json.loads(text)
    items: dict[str, Item] = {}
    for row in data["items"]:
        papers, links = [PaperRef(*p) for p in row[7]], [LinkRef(*link) for link in row[8]]
        item_id, kind, title_zh, title_en, parent, position, children = row[:7]
        todo, optional, about_zh, about_en, renamed = row[9:]
        item = Item(item_id, kind, title_zh, title_en, parent, position, children, papers, links, todo, optional)
        item.description_zh, item.description_en, item.renamed_from = about_zh, about_en, renamed
        items[item.id] = item
    paths = {p[0]: PathDef(p[0], p[1], p[2], p[3]) for p in data["paths"]}
    roadmap_id, title_zh, title_en, default_path, edition = data["roadmap"]
    outline = Outline(roadmap_id, title_zh, title_en, items, paths, default_path, edition)
    return outline, data["hash"], data["source"]
