"""The tables as SQLModel classes, mirroring the newest schema that `store.migrations` builds.

The program itself runs on the standard library's sqlite3 and never imports this module (SQLModel and SQLAlchemy
cost more than half a second to import): it is the schema's one definition that tests check the migrations and
every SQL statement the program runs against.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Index, text
from sqlmodel import Field, SQLModel


class Meta(SQLModel, table=True):
    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str


class ItemRow(SQLModel, table=True):
    __tablename__ = "item"
    id: str = Field(primary_key=True)
    kind: str
    parent_id: str | None = None
    position: int
    title_zh: str
    title_en: str
    upstream_todo: bool = False
    optional: bool = False
    description_zh: str | None = None
    description_en: str | None = None
    in_roadmap: bool = True


class PaperRow(SQLModel, table=True):
    __tablename__ = "paper"
    item_id: str = Field(primary_key=True, foreign_key="item.id", ondelete="CASCADE")
    position: int = Field(primary_key=True)
    title: str
    url: str
    year: int


class LinkRow(SQLModel, table=True):
    __tablename__ = "link"
    item_id: str = Field(primary_key=True, foreign_key="item.id", ondelete="CASCADE")
    position: int = Field(primary_key=True)
    title: str
    url: str
    kind: str


class LearningPathRow(SQLModel, table=True):
    __tablename__ = "learning_path"
    id: str = Field(primary_key=True)
    position: int
    title_zh: str
    title_en: str


class LearningPathItemRow(SQLModel, table=True):
    __tablename__ = "learning_path_item"
    path_id: str = Field(primary_key=True, foreign_key="learning_path.id", ondelete="CASCADE")
    position: int = Field(primary_key=True)
    item_id: str


class ItemAliasRow(SQLModel, table=True):
    __tablename__ = "item_alias"
    old_id: str = Field(primary_key=True)
    item_id: str


class BatchRow(SQLModel, table=True):
    __tablename__ = "batch"
    __table_args__ = (Index("batch_undoes", "undoes"), Index("batch_at", "at", "id"))
    id: str = Field(primary_key=True)
    device_id: str
    at: str
    command: str
    undoes: str | None = None


class EventRow(SQLModel, table=True):
    __tablename__ = "event"
    __table_args__ = (
        Index("event_item", "item_id", "at"),
        Index("event_batch", "batch_id"),
        Index("event_device_seq", "device_id", "seq"),
        Index("event_at", "at"),
        Index(
            "event_progress",
            "at",
            "batch_id",
            sqlite_where=text(
                "(field IN ('theory', 'practice', 'summary') AND new = '1') "
                "OR (field = 'status' AND new IN ('doing', 'done')) OR (field = 'note' AND new IS NOT NULL)"
            ),
        ),
        Index("event_time", "at", sqlite_where=text("field = 'time'")),
        Index("event_review", "item_id", "at", sqlite_where=text("field >= 'review' AND field < 'review;'")),
    )
    id: str = Field(primary_key=True)
    seq: int = Field(unique=True)
    batch_id: str = Field(foreign_key="batch.id")
    device_id: str
    at: str
    item_id: str
    field: str
    old: str | None = None
    new: str | None = None


class ProgressRow(SQLModel, table=True):
    __tablename__ = "progress"
    __table_args__ = (
        Index(
            "progress_state",
            "item_id",
            "field",
            "value",
            "at",
            sqlite_where=text("field IN ('theory', 'practice', 'summary', 'status')"),
        ),
        Index("progress_paper", "field", "item_id", sqlite_where=text("field > 'paper:' AND value = '1'")),
        Index("progress_note", "field", "item_id", "value", "at", sqlite_where=text("field = 'note'")),
        Index("progress_repo", "field", "item_id", "value", "at", "event_id", sqlite_where=text("field = 'repo'")),
    )
    item_id: str = Field(primary_key=True)
    field: str = Field(primary_key=True)
    value: str | None = None
    at: str
    event_id: str


class LeafStateRow(SQLModel, table=True):
    """Each item's leaf state, packed as `store.queries.read_progress` reads it, and when it was finished: one
    row per item of the progress table, kept by triggers on that table (migration 9)."""

    __tablename__ = "leaf_state"
    __table_args__ = {"sqlite_with_rowid": False}
    item_id: str = Field(primary_key=True)
    code: int
    done_at: str | None = None


class SearchDocRow(SQLModel, table=True):
    """One searchable text: a title, a description, a paper, a link or a note. The FTS5 table `search_fts` that
    indexes it (external content, trigram tokenizer) is a virtual table SQLModel cannot express; it is made in
    `store.migrations` only."""

    __tablename__ = "search_doc"
    __table_args__ = (Index("search_doc_item", "item_id", "field"),)
    id: int | None = Field(default=None, primary_key=True)
    item_id: str
    field: str
    position: int
    text: str


class ReviewCardRow(SQLModel, table=True):
    """A topic or a paper in spaced review: when it is next due, its last review, how many ratings it has.
    Derived from the log (`store.cards`), rebuilt for the items each write touches."""

    __tablename__ = "review_card"
    __table_args__ = (Index("review_card_due", "due"),)
    item_id: str = Field(primary_key=True)
    paper: str = Field(default="", primary_key=True)  # a paper's read-mark field; "" for the item itself
    due: str
    last: str
    ratings: int


class QuarantineRow(SQLModel, table=True):
    """A batch or an event that broke the schema, set aside by `check --repair`: never applied, never deleted."""

    __tablename__ = "quarantine"
    __table_args__ = (CheckConstraint("kind IN ('batch', 'event')"),)
    kind: str = Field(primary_key=True)
    row_id: str = Field(primary_key=True)
    row: str
    reason: str
    at: str
