"""Reading a roadmap file: the strict YAML reader, then the schema, then the outline every command walks.

`load_curriculum(path)` returns a validated `Roadmap`; every problem is a `CurriculumError` whose details are
`FILE:LINE:COL: what is wrong` lines pointing at the offending node."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from llmlanding.domain.editions import Earlier
from llmlanding.domain.outline import Item, LinkRef, Outline, PaperRef, PathDef
from llmlanding.errors import CurriculumError, Sentence
from llmlanding.roadmap.schema import Roadmap, _ItemFields, semantic_problems
from llmlanding.roadmap.yamlreader import Document, Problem, YamlProblem, parse, read_text


def _message(error: dict[str, Any]) -> str:
    kind = error["type"]
    names = [part for part in error["loc"] if isinstance(part, str)]
    field = names[-1] if names else "value"
    if kind == "extra_forbidden":
        return Sentence(f"unknown key '{field}'", key="unknown_key", field=field)
    if kind == "missing":
        return Sentence(f"missing key '{field}'", key="missing_key", field=field)
    if kind == "string_type":
        return Sentence(
            f'{field} must be text; quote it: "{error.get("input")}"',
            key="not_text",
            field=field,
            input=error.get("input"),
        )
    if kind == "bool_type":
        return Sentence(f"{field} must be true or false", key="not_bool", field=field)
    if kind == "int_type":
        return Sentence(f"{field} must be a whole number", key="not_int", field=field)
    ctx = error.get("ctx") or {}
    if kind in ("model_type", "dict_type"):
        return Sentence(f"{field} must be a mapping of keys", key="not_mapping_of", field=field)
    if kind == "list_type":
        return Sentence(f"{field} must be a list", key="not_list", field=field)
    if kind == "too_short" and "min_length" in ctx:
        least = ctx["min_length"]
        return Sentence(f"{field} must have at least {least} items", key="too_few", field=field, least=least)
    if kind == "string_too_short":
        return Sentence(f"{field} must not be empty", key="empty_text", field=field)
    if kind == "literal_error" and "expected" in ctx:
        return Sentence(f"{field} must be {ctx['expected']}", key="not_literal", field=field, expected=ctx["expected"])
    if kind == "value_error":
        cause = error.get("ctx", {}).get("error")  # our own validator's sentence, said in words.py's words
        if isinstance(cause, ValueError) and cause.args and isinstance(cause.args[0], Sentence):
            return cause.args[0]
        return str(error["msg"]).removeprefix("Value error, ")
    return f"{field}: {error['msg']}"


def validate_document(doc: Document, display: str, earlier: Earlier | None = None) -> Roadmap:
    """Validate parsed YAML as a roadmap, or raise CurriculumError with located problems."""
    if not isinstance(doc.data, dict):
        raise CurriculumError(
            f"{display} is not a roadmap",
            details=[Sentence("the file must be a mapping of keys", key="not_mapping", lead=f"{display}:1:1: ")],
            key="not_roadmap",
            path=display,
        )
    found = [Problem(*doc.locate(loc), text) for loc, text in semantic_problems(doc.data, doc.locate, earlier)]
    roadmap: Roadmap | None = None
    try:
        roadmap = Roadmap.model_validate(doc.data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            line, col = doc.locate(loc, prefer_key=error["type"] == "extra_forbidden")
            found.append(Problem(line, col, _message(dict(error))))
    if found or roadmap is None:
        # Every problem in one round, in the order of the file.
        lines = [p.render(display) for p in sorted(found, key=lambda p: (p.line, p.column))]
        raise CurriculumError(
            _summary(display, len(lines)),
            details=lines,
            key="roadmap_problem" if len(lines) == 1 else "roadmap_problems",
            path=display,
            n=len(lines),
        )
    return roadmap


def _summary(display: str, count: int) -> str:
    return f"{display} has {count} problem{'s' if count != 1 else ''}"


def load_text(text: str, display: str, earlier: Earlier | None = None) -> Roadmap:
    try:
        doc = parse(text)
    except YamlProblem as exc:
        raise CurriculumError(
            _summary(display, 1), details=[exc.problem.render(display)], key="roadmap_problem", path=display
        ) from None
    return validate_document(doc, display, earlier)


def load_curriculum(path: Path, earlier: Earlier | None = None) -> Roadmap:
    display = str(path)
    try:
        text = read_text(path)
    except FileNotFoundError:
        raise CurriculumError(f"roadmap file not found: {display}", key="roadmap_not_found", path=display) from None
    except IsADirectoryError:
        raise CurriculumError(
            f"roadmap path is a folder, not a file: {display}", key="roadmap_is_folder", path=display
        ) from None
    except PermissionError:
        raise CurriculumError(
            f"cannot read roadmap file {display}: permission denied", key="roadmap_denied", path=display
        ) from None
    except YamlProblem as exc:
        raise CurriculumError(
            _summary(display, 1), details=[exc.problem.render(display)], key="roadmap_problem", path=display
        ) from None
    return load_text(text, display, earlier)


def to_outline(roadmap: Roadmap) -> Outline:
    """Flatten a validated roadmap into the outline every command walks."""
    items: dict[str, Item] = {}

    def add(node: _ItemFields, kind: str, parent: str | None, optional: bool) -> Item:
        item = Item(
            id=node.id,
            kind=kind,
            title_zh=node.title.get("zh"),
            title_en=node.title.get("en"),
            parent=parent,
            position=len(items),
            papers=[PaperRef(p.title, p.url, p.year) for p in node.papers],
            links=[LinkRef(link.title, link.url, link.kind) for link in node.links],
            upstream_todo=node.upstream_todo,
            optional=optional or node.optional,
            description_zh=node.description.get("zh") if node.description else None,
            description_en=node.description.get("en") if node.description else None,
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

    paths = {p.id: PathDef(p.id, p.title.get("zh"), p.title.get("en"), list(p.items)) for p in roadmap.paths}
    if not paths:  # a roadmap without paths still has the book order
        non_optional = [c.id for c in roadmap.chapters if not c.optional]
        paths["book"] = PathDef("book", "按章节顺序", "Book order", non_optional)
    default = roadmap.default_path if roadmap.default_path in paths else next(iter(paths))
    revises = None
    if roadmap.revises is not None:
        mapping = {old: [new] if isinstance(new, str) else list(new or []) for old, new in roadmap.revises.map.items()}
        from llmlanding.domain.editions import Revises

        revises = Revises(roadmap.revises.edition, mapping)
    return Outline(
        id=roadmap.id,
        title_zh=roadmap.title.get("zh"),
        title_en=roadmap.title.get("en"),
        items=items,
        paths=paths,
        default_path=default,
        edition=roadmap.edition or "",
        revises=revises,
    )


def load_outline(path: Path, earlier: Earlier | None = None) -> Outline:
    """The roadmap file as an outline; with `earlier`, checked against the edition it follows as well."""
    return to_outline(load_curriculum(path, earlier))


# Outlines parsed in this run, by file and content hash: the first run on a new roadmap file reads its id to
# choose a database (settings.run_database) and then imports it; the second parse would double first use.
_PARSED: dict[tuple[str, str], Outline] = {}


def remember(path: Path, digest: str, outline: Outline) -> None:
    _PARSED[(str(path), digest)] = outline


def remembered(path: Path, digest: str | None) -> Outline | None:
    """The outline parsed from this file earlier in this run, if its contents hashed `digest` then."""
    return _PARSED.get((str(path), digest)) if digest is not None else None
