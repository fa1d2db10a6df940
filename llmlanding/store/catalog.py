"""Keeping the database's copy of the roadmap in step with the roadmap file.

The copy is re-imported only when the file's contents change (by hash). Progress is keyed by item id and is
never touched here: an item that leaves the roadmap but has progress stays as an orphan row, and an item's
`renamed_from` ids become aliases, so progress recorded under an old id is read as the new item's.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, cast

from sqlalchemy import delete, select
from sqlmodel import Session, col

from llmlanding.domain.outline import Outline
from llmlanding.store import queries
from llmlanding.store.search_index import rebuild
from llmlanding.store.snapshot import file_hash
from llmlanding.store.tables import (
    ItemAliasRow,
    ItemRow,
    LearningPathItemRow,
    LearningPathRow,
    LinkRow,
    Meta,
    PaperRow,
    ProgressRow,
)


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value


def import_outline(session: Session, outline: Outline, digest: str, source: Path) -> None:
    """Replace the stored roadmap with `outline`, inside the caller's transaction."""
    aliases = {old: item.id for item in outline.items.values() for old in item.renamed_from}
    old_titles = {row.id: (row.title_zh, row.title_en) for row in session.execute(select(ItemRow)).scalars()}
    with_progress = set(session.execute(select(col(ProgressRow.item_id)).distinct()).scalars())

    for table in (PaperRow, LinkRow, LearningPathItemRow, LearningPathRow, ItemAliasRow, ItemRow):
        session.execute(delete(table))
    session.flush()

    for item in outline.items.values():
        session.add(
            ItemRow(
                id=item.id,
                kind=item.kind,
                parent_id=item.parent,
                position=item.position,
                title_zh=item.title_zh,
                title_en=item.title_en,
                upstream_todo=item.upstream_todo,
                optional=item.optional,
                description_zh=item.description_zh,
                description_en=item.description_en,
                in_roadmap=True,
            )
        )
    session.flush()  # parents before children's papers and links (foreign keys)
    for item in outline.items.values():
        for position, paper in enumerate(item.papers):
            session.add(PaperRow(item_id=item.id, position=position, title=paper.title, url=paper.url, year=paper.year))
        for position, link in enumerate(item.links):
            session.add(LinkRow(item_id=item.id, position=position, title=link.title, url=link.url, kind=link.kind))
    # Orphans: progress under an id the roadmap no longer has (and no item was renamed from).
    for position, item_id in enumerate(sorted(with_progress - set(outline.items) - set(aliases))):
        zh, en = old_titles.get(item_id, (item_id, item_id))
        session.add(
            ItemRow(
                id=item_id,
                kind="topic",
                parent_id=None,
                position=len(outline.items) + position,
                title_zh=zh,
                title_en=en,
                in_roadmap=False,
            )
        )
    for old, new in aliases.items():
        session.add(ItemAliasRow(old_id=old, item_id=new))
    for position, path in enumerate(outline.paths.values()):
        session.add(LearningPathRow(id=path.id, position=position, title_zh=path.title_zh, title_en=path.title_en))
    session.flush()
    for path in outline.paths.values():
        for position, item_id in enumerate(path.items):
            session.add(LearningPathItemRow(path_id=path.id, position=position, item_id=item_id))

    set_meta(session, queries.CURRICULUM_HASH, digest)
    set_meta(session, queries.CURRICULUM_PATH, str(source))
    set_meta(session, queries.ROADMAP_ID, outline.id)
    set_meta(session, queries.ROADMAP_TITLE_ZH, outline.title_zh)
    set_meta(session, queries.ROADMAP_TITLE_EN, outline.title_en)
    set_meta(session, queries.DEFAULT_PATH, outline.default_path)
    session.flush()
    rebuild(raw_connection(session))


def raw_connection(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under the session's transaction, for the shared plain-SQL helpers."""
    conn: Any = session.connection().connection.dbapi_connection
    return cast(sqlite3.Connection, conn)


def ensure_roadmap(session: Session, curriculum: Path) -> bool:
    """Import the roadmap file if the database does not hold its current contents. True if it imported."""
    from llmlanding.roadmap.loader import load_outline  # PyYAML and pydantic, only when the file changed

    meta = {row.key: row.value for row in session.execute(select(Meta)).scalars()}
    digest = file_hash(curriculum)
    if digest is not None and meta.get(queries.CURRICULUM_HASH) == digest:
        return False
    outline = load_outline(curriculum)  # raises CurriculumError for a missing or bad file
    assert digest is not None
    import_outline(session, outline, digest, curriculum)
    return True
