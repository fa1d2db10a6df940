"""The tables as SQLModel classes, mirroring the newest schema that `store.migrations` builds.

Imported only by the write path: SQLModel and SQLAlchemy cost more than half a second to import.
"""

from __future__ import annotations

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
    id: str = Field(primary_key=True)
    device_id: str
    at: str
    command: str
    undoes: str | None = None


class EventRow(SQLModel, table=True):
    __tablename__ = "event"
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
    item_id: str = Field(primary_key=True)
    field: str = Field(primary_key=True)
    value: str | None = None
    at: str
    event_id: str
