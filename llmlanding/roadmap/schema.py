"""The roadmap file's schema: pydantic models of a curriculum and the rules pydantic cannot see (unique ids,
children extending their parents' ids, paths naming real items)."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from llmlanding.domain.controls import control_characters
from llmlanding.domain.outline import PHASES
from llmlanding.roadmap.yamlreader import Loc

_ID_RE = re.compile(r"^(0|[1-9][0-9]*)(\.[1-9][0-9]*){0,2}$")


_SLUG_RE = re.compile(r"^[a-z][a-z0-9-]{0,39}$")


def _no_controls(value: str) -> str:
    found = control_characters(value)
    if found:
        raise ValueError(f"control characters are not allowed in text ({', '.join(found)})")
    return value


def _http_url(value: str) -> str:
    lowered = value.lower()
    if not (lowered.startswith("https://") or lowered.startswith("http://")):
        raise ValueError(f"only http(s) URLs are allowed, not '{value[:60]}'")
    if len(value) > 2048 or any(ch.isspace() for ch in value) or control_characters(value):
        raise ValueError("URL must be at most 2048 characters with no spaces or control characters")
    rest = value.split("://", 1)[1]
    if not rest or rest.startswith("/"):
        raise ValueError(f"URL '{value}' has no host")
    if "…" in value or value.endswith("..."):
        raise ValueError(f"URL '{value}' looks truncated")
    return value


def _item_id(value: str) -> str:
    if not _ID_RE.match(value):
        raise ValueError(f"'{value}' is not an item id: use N, N.M or N.M.K (e.g. 3, 3.2, 3.2.1)")
    return value


def _slug(value: str) -> str:
    if not _SLUG_RE.match(value):
        raise ValueError(f"'{value}' is not a slug: lowercase letters, digits and '-', starting with a letter")
    return value


HttpUrl = Annotated[str, AfterValidator(_http_url)]


ItemId = Annotated[str, AfterValidator(_item_id)]


Slug = Annotated[str, AfterValidator(_slug)]


NonEmpty = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(_no_controls)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Text(_Strict):
    """A text in the roadmap's own Chinese and in English."""

    zh: NonEmpty
    en: NonEmpty

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Paper(_Strict):
    title: NonEmpty
    year: Annotated[int, Field(ge=1900, le=2100)]
    url: HttpUrl


class Link(_Strict):
    title: NonEmpty
    url: HttpUrl
    kind: Literal["blog", "course", "book", "code", "notebook", "video", "docs"]


class _ItemFields(_Strict):
    id: ItemId
    title: Text
    optional: bool = False
    upstream_todo: bool = False
    renamed_from: list[ItemId] = []
    description: Text | None = None
    papers: list[Paper] = []
    links: list[Link] = []


class Topic(_ItemFields):
    pass


class Section(_ItemFields):
    topics: list[Topic] = []


class Chapter(_ItemFields):
    sections: list[Section] = []


class Phase(_Strict):
    id: Literal["theory", "practice", "summary"]
    title: Text


class LearningPath(_Strict):
    id: Slug
    title: Text
    description: Text | None = None
    items: Annotated[list[ItemId], Field(min_length=1)]


class Resources(_Strict):
    goals: list[Text] = []
    projects: list[Link] = []
    books: list[Link] = []
    courses: list[Link] = []
    tutorials: list[Link] = []


class Roadmap(_Strict):
    format: Literal[1]
    id: Slug
    title: Text
    edition: NonEmpty | None = None
    source: HttpUrl | None = None
    default_path: Slug = "book"
    phases: Annotated[list[Phase], Field(min_length=3, max_length=3)]
    resources: Resources = Resources()
    paths: list[LearningPath] = []
    chapters: Annotated[list[Chapter], Field(min_length=1)]


def _semantic_problems(roadmap: Roadmap) -> list[tuple[Loc, str]]:
    """Rules pydantic cannot see: unique ids, children extending parents, paths naming real items."""
    problems: list[tuple[Loc, str]] = []
    seen: dict[str, Loc] = {}
    renamed: dict[str, str] = {}

    def visit(item: _ItemFields, loc: Loc, parent_id: str | None) -> None:
        if parent_id is not None:
            head, _, last = item.id.rpartition(".")
            if head != parent_id:
                problems.append(((*loc, "id"), f"id '{item.id}' must extend its parent's id '{parent_id}'"))
            elif not last.isdigit():
                problems.append(((*loc, "id"), f"id '{item.id}' is badly shaped"))
        elif "." in item.id:
            problems.append(((*loc, "id"), f"chapter id '{item.id}' must be a single number"))
        if item.id in seen:
            problems.append(((*loc, "id"), f"duplicate id '{item.id}'"))
        seen.setdefault(item.id, (*loc, "id"))
        for old in item.renamed_from:
            if old in renamed:
                problems.append(((*loc, "renamed_from"), f"'{old}' is renamed to two items"))
            renamed[old] = item.id

    for ci, chapter in enumerate(roadmap.chapters):
        cloc: Loc = ("chapters", ci)
        visit(chapter, cloc, None)
        for si, section in enumerate(chapter.sections):
            sloc: Loc = (*cloc, "sections", si)
            visit(section, sloc, chapter.id)
            for ti, topic in enumerate(section.topics):
                visit(topic, (*sloc, "topics", ti), section.id)
    for old, new in renamed.items():
        if old in seen:
            problems.append((seen[old], f"'{old}' still exists, so '{new}' cannot be renamed from it"))

    phase_ids = [phase.id for phase in roadmap.phases]
    if phase_ids != list(PHASES):
        problems.append((("phases",), f"phases must be {', '.join(PHASES)} in that order"))

    path_ids: set[str] = set()
    for pi, path in enumerate(roadmap.paths):
        if path.id in path_ids:
            problems.append((("paths", pi, "id"), f"duplicate path '{path.id}'"))
        path_ids.add(path.id)
        for ii, item_id in enumerate(path.items):
            if item_id not in seen:
                problems.append((("paths", pi, "items", ii), f"path '{path.id}' names unknown item '{item_id}'"))
    if roadmap.paths and roadmap.default_path not in path_ids:
        problems.append((("default_path",), f"default path '{roadmap.default_path}' is not defined"))
    return problems
