"""The roadmap file's schema: pydantic models of a curriculum and the rules pydantic cannot see (unique ids,
children extending their parents' ids, paths naming real items)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from llmlanding.domain.controls import control_characters
from llmlanding.domain.editions import Earlier
from llmlanding.domain.outline import PHASES
from llmlanding.errors import Sentence
from llmlanding.roadmap.yamlreader import Loc

_ID_RE = re.compile(r"^(0|[1-9][0-9]*)(\.[1-9][0-9]*){0,2}$")


_SLUG_RE = re.compile(r"^[a-z][a-z0-9-]{0,39}$")


def _no_controls(value: str) -> str:
    found = control_characters(value)
    if found:
        raise ValueError(
            Sentence(
                f"control characters are not allowed in text ({', '.join(found)})",
                key="controls",
                found=", ".join(found),
            )
        )
    return value


def _http_url(value: str) -> str:
    lowered = value.lower()
    if not (lowered.startswith("https://") or lowered.startswith("http://")):
        raise ValueError(
            Sentence(f"only http(s) URLs are allowed, not '{value[:60]}'", key="url_scheme", url=value[:60])
        )
    if len(value) > 2048 or any(ch.isspace() for ch in value) or control_characters(value):
        raise ValueError(
            Sentence("URL must be at most 2048 characters with no spaces or control characters", key="url_shape")
        )
    rest = value.split("://", 1)[1]
    if not rest or rest.startswith("/"):
        raise ValueError(Sentence(f"URL '{value}' has no host", key="url_host", url=value))
    if "…" in value or value.endswith("..."):
        raise ValueError(Sentence(f"URL '{value}' looks truncated", key="url_truncated", url=value))
    return value


def _item_id(value: str) -> str:
    if not _ID_RE.match(value):
        raise ValueError(
            Sentence(
                f"'{value}' is not an item id: use N, N.M or N.M.K (e.g. 3, 3.2, 3.2.1)", key="item_id", value=value
            )
        )
    return value


def _slug(value: str) -> str:
    if not _SLUG_RE.match(value):
        raise ValueError(
            Sentence(
                f"'{value}' is not a slug: lowercase letters, digits and '-', starting with a letter",
                key="slug",
                value=value,
            )
        )
    return value


HttpUrl = Annotated[str, AfterValidator(_http_url)]


ItemId = Annotated[str, AfterValidator(_item_id)]


Slug = Annotated[str, AfterValidator(_slug)]


NonEmpty = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(_no_controls)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Text(_Strict):
    """A text in the roadmap's own Chinese and in English, or in one of them: a roadmap made from a README in one
    language shows that language's text whichever language the learner reads in."""

    zh: NonEmpty | None = None
    en: NonEmpty | None = None

    @model_validator(mode="after")
    def _one_at_least(self) -> Text:
        if self.zh is None and self.en is None:
            raise ValueError("a text needs zh, en or both")
        return self

    def get(self, lang: str) -> str:
        """The text in `lang`, or in the other language when it has only that one."""
        chosen = self.zh if lang == "zh" else self.en
        return chosen or self.zh or self.en or ""


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


class Revision(_Strict):
    """The edition a roadmap revises, and how that edition's ids become this one's, as one simultaneous renaming:
    an old id maps to a new id (moved, renamed, renumbered; several old ids to one: merged), to a list of new
    ids (split: progress copied to each) or to null (removed). A mapped chapter or section takes its unmapped
    descendants along by prefix (`"5": "4"` makes 5.2.1 4.2.1); an id mapped by nothing keeps its id."""

    edition: NonEmpty
    map: dict[ItemId, ItemId | list[ItemId] | None] = {}


class Roadmap(_Strict):
    format: Literal[1]
    id: Slug
    title: Text
    edition: NonEmpty | None = None
    revises: Revision | None = None
    source: HttpUrl | None = None
    default_path: Slug = "book"
    phases: Annotated[list[Phase], Field(min_length=3, max_length=3)]
    resources: Resources = Resources()
    paths: list[LearningPath] = []
    chapters: Annotated[list[Chapter], Field(min_length=1)]


def _text_id(node: object) -> str | None:
    """A node's id when it is one, else None: what the schema refuses it reports itself."""
    if isinstance(node, dict):
        value = node.get("id")
        if isinstance(value, str) and _ID_RE.match(value):
            return value
    return None


def _list(node: object, key: str) -> list[Any]:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, list) else []


def semantic_problems(
    data: dict[str, Any], locate: Callable[[Loc], tuple[int, int]], earlier: Earlier | None = None
) -> list[tuple[Loc, str]]:
    """Rules pydantic cannot see: unique ids, children extending parents, paths naming real items, phases in
    order, a revision's targets. Read from the parsed file as it is, so that they are reported in the same round
    as the schema's problems; a node the schema refuses is skipped here. With the `earlier` edition known (the
    one recorded in a home, or a bundled one), a mapping from it or a `renamed_from` must name its ids."""
    problems: list[tuple[Loc, str]] = []
    seen: dict[str, Loc] = {}
    renamed: dict[str, str] = {}
    renamed_at: dict[str, Loc] = {}

    unreadable: list[Loc] = []  # items whose id the schema refuses: what names them cannot be judged

    def visit(node: object, loc: Loc, parent_id: str | None) -> None:
        item_id = _text_id(node)
        if item_id is None:
            unreadable.append(loc)
            return
        if parent_id is not None:
            head, _, last = item_id.rpartition(".")
            if head != parent_id:
                problems.append(
                    (
                        (*loc, "id"),
                        Sentence(
                            f"id '{item_id}' must extend its parent's id '{parent_id}'",
                            key="extend_parent",
                            id=item_id,
                            parent=parent_id,
                        ),
                    )
                )
            elif not last.isdigit():
                problems.append(
                    ((*loc, "id"), Sentence(f"id '{item_id}' is badly shaped", key="bad_shape", id=item_id))
                )
        elif "." in item_id:
            problems.append(
                (
                    (*loc, "id"),
                    Sentence(f"chapter id '{item_id}' must be a single number", key="chapter_id", id=item_id),
                )
            )
        if item_id in seen:
            line, column = locate(seen[item_id])
            problems.append(
                (
                    (*loc, "id"),
                    Sentence(
                        f"duplicate id '{item_id}' (first at line {line}, column {column})",
                        key="duplicate_id",
                        id=item_id,
                        line=line,
                        column=column,
                    ),
                )
            )
        seen.setdefault(item_id, (*loc, "id"))
        for index, old in enumerate(_list(node, "renamed_from")):
            if not isinstance(old, str):
                continue
            if old in renamed:
                problems.append(
                    (
                        (*loc, "renamed_from", index),
                        Sentence(f"'{old}' is renamed to two items", key="renamed_twice", old=old),
                    )
                )
            renamed[old] = item_id
            renamed_at.setdefault(old, (*loc, "renamed_from", index))

    for ci, chapter in enumerate(_list(data, "chapters")):
        cloc: Loc = ("chapters", ci)
        visit(chapter, cloc, None)
        for si, section in enumerate(_list(chapter, "sections")):
            sloc: Loc = (*cloc, "sections", si)
            visit(section, sloc, _text_id(chapter))
            for ti, topic in enumerate(_list(section, "topics")):
                visit(topic, (*sloc, "topics", ti), _text_id(section))
    for old, new in renamed.items():
        if old in seen:
            problems.append(
                (
                    seen[old],
                    Sentence(
                        f"'{old}' still exists, so '{new}' cannot be renamed from it",
                        key="renamed_exists",
                        old=old,
                        new=new,
                    ),
                )
            )

    revises = data.get("revises")
    mapping = revises.get("map") if isinstance(revises, dict) else None
    if earlier is not None and not isinstance(revises, dict):
        for old, at in renamed_at.items():
            if old not in earlier.ids and old not in seen:
                problems.append(
                    (
                        at,
                        Sentence(
                            f"'{old}' is not an id of the recorded roadmap, so nothing is renamed from it",
                            key="renamed_unknown",
                            old=old,
                        ),
                    )
                )
    if earlier is not None and isinstance(mapping, dict) and data["revises"].get("edition") == earlier.edition:
        for before in mapping:
            if isinstance(before, str) and before not in earlier.ids:
                problems.append(
                    (
                        ("revises", "map", before),
                        Sentence(
                            f"'{before}' is not an id of edition {earlier.edition}",
                            key="map_unknown",
                            before=before,
                            edition=earlier.edition,
                        ),
                    )
                )
    if isinstance(mapping, dict) and not unreadable:
        for before, after in mapping.items():
            for target in [after] if isinstance(after, str) else after if isinstance(after, list) else []:
                if isinstance(target, str) and target not in seen:
                    problems.append(
                        (
                            ("revises", "map", before),
                            Sentence(
                                f"'{before}' maps to '{target}', which this edition lacks",
                                key="map_lacks",
                                before=before,
                                target=target,
                            ),
                        )
                    )

    phases = [phase.get("id") if isinstance(phase, dict) else None for phase in _list(data, "phases")]
    if len(phases) == len(PHASES) and all(isinstance(p, str) for p in phases) and phases != list(PHASES):
        problems.append(
            (
                ("phases",),
                Sentence(
                    f"phases must be {', '.join(PHASES)} in that order", key="phases_order", phases=", ".join(PHASES)
                ),
            )
        )

    path_ids: set[str] = set()
    for pi, path in enumerate(_list(data, "paths")):
        path_id = path.get("id") if isinstance(path, dict) else None
        if not isinstance(path_id, str):
            continue
        if path_id in path_ids:
            problems.append(
                (("paths", pi, "id"), Sentence(f"duplicate path '{path_id}'", key="duplicate_path", path=path_id))
            )
        path_ids.add(path_id)
        for ii, item_id in enumerate(_list(path, "items")):
            if isinstance(item_id, str) and _ID_RE.match(item_id) and item_id not in seen and not unreadable:
                problems.append(
                    (
                        ("paths", pi, "items", ii),
                        Sentence(
                            f"path '{path_id}' names unknown item '{item_id}'",
                            key="path_unknown_item",
                            path=path_id,
                            id=item_id,
                        ),
                    )
                )
    default = data.get("default_path", "book")
    if path_ids and isinstance(default, str) and default not in path_ids:
        problems.append(
            (
                ("default_path",),
                Sentence(f"default path '{default}' is not defined", key="no_default_path", path=default),
            )
        )
    return problems
