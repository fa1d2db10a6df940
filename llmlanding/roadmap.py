"""The roadmap as data: pydantic models of a curriculum file and the strict loader that reads one.

`load_curriculum(path)` returns a validated `Roadmap`; every problem is a `CurriculumError` whose details are
`FILE:LINE:COL: what is wrong` lines pointing at the offending node.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from .errors import CurriculumError
from .outline import PHASES, Item, LinkRef, Outline, PaperRef, PathDef
from .safeyaml import Document, Loc, Problem, YamlProblem, parse, read_text

LINK_KINDS = ("blog", "course", "book", "code", "notebook", "video", "docs")

_ID_RE = re.compile(r"^(0|[1-9][0-9]*)(\.[1-9][0-9]*){0,2}$")
_SLUG_RE = re.compile(r"^[a-z][a-z0-9-]{0,39}$")


def _http_url(value: str) -> str:
    lowered = value.lower()
    if not (lowered.startswith("https://") or lowered.startswith("http://")):
        raise ValueError(f"only http(s) URLs are allowed, not '{value[:60]}'")
    if len(value) > 2048 or any(ch.isspace() or ord(ch) < 32 for ch in value):
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
NonEmpty = Annotated[str, Field(min_length=1, max_length=2000)]


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


def _message(error: dict[str, Any]) -> str:
    kind = error["type"]
    names = [part for part in error["loc"] if isinstance(part, str)]
    field = names[-1] if names else "value"
    if kind == "extra_forbidden":
        return f"unknown key '{field}'"
    if kind == "missing":
        return f"missing key '{field}'"
    if kind == "string_type":
        return f'{field} must be text; quote it: "{error.get("input")}"'
    if kind == "bool_type":
        return f"{field} must be true or false"
    if kind == "int_type":
        return f"{field} must be a whole number"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    return f"{field}: {error['msg']}"


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


def validate_document(doc: Document, display: str) -> Roadmap:
    """Validate parsed YAML as a roadmap, or raise CurriculumError with located problems."""
    if not isinstance(doc.data, dict):
        raise CurriculumError(
            f"{display} is not a roadmap", details=[f"{display}:1:1: the file must be a mapping of keys"]
        )
    try:
        roadmap = Roadmap.model_validate(doc.data)
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            line, col = doc.locate(loc, prefer_key=error["type"] == "extra_forbidden")
            lines.append(Problem(line, col, _message(dict(error))).render(display))
        raise CurriculumError(_summary(display, len(lines)), details=lines) from None
    problems = _semantic_problems(roadmap)
    if problems:
        lines = [Problem(*doc.locate(loc), msg).render(display) for loc, msg in problems]
        raise CurriculumError(_summary(display, len(lines)), details=lines)
    return roadmap


def _summary(display: str, count: int) -> str:
    return f"{display} has {count} problem{'s' if count != 1 else ''}"


def load_text(text: str, display: str) -> Roadmap:
    try:
        doc = parse(text)
    except YamlProblem as exc:
        raise CurriculumError(_summary(display, 1), details=[exc.problem.render(display)]) from None
    return validate_document(doc, display)


def load_curriculum(path: Path) -> Roadmap:
    display = str(path)
    try:
        text = read_text(path)
    except FileNotFoundError:
        raise CurriculumError(f"roadmap file not found: {display}") from None
    except IsADirectoryError:
        raise CurriculumError(f"roadmap path is a folder, not a file: {display}") from None
    except PermissionError:
        raise CurriculumError(f"cannot read roadmap file {display}: permission denied") from None
    except YamlProblem as exc:
        raise CurriculumError(_summary(display, 1), details=[exc.problem.render(display)]) from None
    return load_text(text, display)


def to_outline(roadmap: Roadmap) -> Outline:
    """Flatten a validated roadmap into the outline every command walks."""
    items: dict[str, Item] = {}

    def add(node: _ItemFields, kind: str, parent: str | None, optional: bool) -> Item:
        item = Item(
            id=node.id,
            kind=kind,
            title_zh=node.title.zh,
            title_en=node.title.en,
            parent=parent,
            position=len(items),
            papers=[PaperRef(p.title, p.url, p.year) for p in node.papers],
            links=[LinkRef(link.title, link.url, link.kind) for link in node.links],
            upstream_todo=node.upstream_todo,
            optional=optional or node.optional,
            description_zh=node.description.zh if node.description else None,
            description_en=node.description.en if node.description else None,
            renamed_from=list(node.renamed_from),
        )
        items[item.id] = item
        if parent is not None:
            items[parent].children.append(item.id)
        return item

    for chapter in roadmap.chapters:
        add(chapter, "chapter", None, chapter.optional)
        for section in chapter.sections:
            add(section, "section", chapter.id, chapter.optional)
            for topic in section.topics:
                add(topic, "topic", section.id, chapter.optional)

    paths = {p.id: PathDef(p.id, p.title.zh, p.title.en, list(p.items)) for p in roadmap.paths}
    if not paths:  # a roadmap without paths still has the book order
        non_optional = [c.id for c in roadmap.chapters if not c.optional]
        paths["book"] = PathDef("book", "按章节顺序", "Book order", non_optional)
    default = roadmap.default_path if roadmap.default_path in paths else next(iter(paths))
    return Outline(
        id=roadmap.id,
        title_zh=roadmap.title.zh,
        title_en=roadmap.title.en,
        items=items,
        paths=paths,
        default_path=default,
    )


def load_outline(path: Path) -> Outline:
    return to_outline(load_curriculum(path))
