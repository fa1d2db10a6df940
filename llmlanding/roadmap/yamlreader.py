"""A strict YAML reader for roadmap files.

It builds plain Python values straight from PyYAML's event stream instead of composing a node graph, so that
anchors, aliases, tags, duplicate keys, oversized files and runaway nesting are refused before anything is
constructed: an alias bomb never expands and a `!!python/...` tag never reaches a constructor. Every value's
position is recorded so that later validation errors can point at `FILE:LINE:COL`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from llmlanding.errors import Sentence

# Room for a roadmap of tens of thousands of topics (10,000 bilingual topics take about 1 MiB), still a bound on
# what a hostile file can make the parser chew through.
MAX_BYTES = 8 * 1024 * 1024


MAX_DEPTH = 32


Loc = tuple[str | int, ...]


# The C parser is an order of magnitude faster; both produce the same events and marks.
_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Plain scalars resolve exactly as yaml.safe_load would resolve them (int, float, bool, null, str, date).
_resolver_loader = yaml.SafeLoader("")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, at a 1-based line and column."""

    line: int
    column: int
    message: str

    def render(self, path: str) -> str:
        lead = f"{path}:{self.line}:{self.column}: "
        if isinstance(self.message, Sentence):  # said in words.py's words too: keep them, placed
            return self.message.placed(lead)
        return lead + self.message


class YamlProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass
class Document:
    """The loaded value plus where each part of it stands in the file."""

    data: Any
    # loc -> (line, column) of the value at that loc; for mapping entries also the key's position.
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def locate(self, loc: Loc, *, prefer_key: bool = False) -> tuple[int, int]:
        """The position of `loc`, or of the nearest enclosing value that has one."""
        probe = tuple(loc)
        if prefer_key and probe in self.key_positions:
            return self.key_positions[probe]
        while probe:
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))


def _at(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def _fail(mark: Any, message: str) -> YamlProblem:
    line, column = _at(mark)
    return YamlProblem(Problem(line, column, message))


def _scalar(event: yaml.ScalarEvent) -> Any:
    if event.tag is not None and event.tag != "!":
        raise _fail(event.start_mark, Sentence(f"tags are not allowed (found '{event.tag}')", key="tag", tag=event.tag))
    if event.style or not event.implicit[0]:  # quoted or block scalar: always a string
        return event.value
    tag = _resolver_loader.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
    node = yaml.ScalarNode(tag, event.value, None, None)
    construct = _resolver_loader.yaml_constructors.get(tag)
    if construct is None:  # e.g. the merge key `<<`, which only makes sense with aliases
        raise _fail(
            event.start_mark, Sentence(f"'{event.value}' is not allowed here", key="not_here", value=event.value)
        )
    return construct(_resolver_loader, node)


_NO_KEY = object()


@dataclass
class _Open:
    """A mapping or sequence being filled, with the key waiting for its value."""

    value: Any
    loc: Loc
    key: Any = _NO_KEY
    key_mark: Any = None


def parse(text: str) -> Document:
    """Parse one YAML document strictly. Raises YamlProblem with the first thing wrong."""
    doc = Document(data=None)
    stack: list[_Open] = []
    root_seen = False

    def attach(value: Any, mark: Any) -> Loc:
        nonlocal root_seen
        loc: Loc
        if not stack:
            if root_seen:
                raise _fail(mark, "only one YAML document is allowed")
            root_seen = True
            doc.data = value
            loc = ()
        else:
            parent = stack[-1]
            if isinstance(parent.value, list):
                loc = (*parent.loc, len(parent.value))
                parent.value.append(value)
            elif parent.key is _NO_KEY:
                if isinstance(value, (dict, list)):
                    raise _fail(mark, Sentence("mapping keys must be plain values", key="key_plain"))
                if not isinstance(value, (str, int, bool)) and value is not None:
                    raise _fail(mark, Sentence("mapping keys must be strings or numbers", key="key_kind"))
                if value in parent.value:
                    raise _fail(mark, Sentence(f"duplicate key '{value}'", key="duplicate_key", value=value))
                parent.key, parent.key_mark = value, mark
                return parent.loc
            else:
                loc = (*parent.loc, parent.key)
                parent.value[parent.key] = value
                doc.key_positions[loc] = _at(parent.key_mark)
                parent.key = _NO_KEY
        doc.positions[loc] = _at(mark)
        return loc

    mark: Any = None  # the last event's start, for errors raised while building its value
    try:
        for event in yaml.parse(text, Loader=_Parser):
            mark = event.start_mark
            if isinstance(event, yaml.AliasEvent):
                raise _fail(event.start_mark, Sentence("aliases are not allowed", key="aliases"))
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                raise _fail(
                    event.start_mark,
                    Sentence(f"anchors are not allowed (found '&{anchor}')", key="anchors", anchor=anchor),
                )
            if isinstance(event, yaml.ScalarEvent):
                attach(_scalar(event), event.start_mark)
            elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if event.tag is not None and not event.implicit:
                    raise _fail(
                        event.start_mark,
                        Sentence(f"tags are not allowed (found '{event.tag}')", key="tag", tag=event.tag),
                    )
                if len(stack) >= MAX_DEPTH:
                    raise _fail(
                        event.start_mark,
                        Sentence(f"nesting is deeper than {MAX_DEPTH} levels", key="depth", depth=MAX_DEPTH),
                    )
                value: Any = [] if isinstance(event, yaml.SequenceStartEvent) else {}
                if stack and isinstance(stack[-1].value, dict) and stack[-1].key is _NO_KEY:
                    raise _fail(event.start_mark, Sentence("mapping keys must be plain values", key="key_plain"))
                stack.append(_Open(value, attach(value, event.start_mark)))
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                stack.pop()
    except yaml.MarkedYAMLError as exc:
        at = exc.problem_mark or exc.context_mark
        reason = _parsers_reason(exc.problem or exc.context or "malformed YAML")
        if at is None:
            raise YamlProblem(
                Problem(1, 1, Sentence(f"malformed YAML: {reason}", key="malformed", reason=reason))
            ) from None
        raise _fail(at, Sentence(f"malformed YAML: {reason}", key="malformed", reason=reason)) from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses
        # The C parser gives a byte offset: find the character itself, as the pure-Python reader does.
        found = yaml.reader.Reader.NON_PRINTABLE.search(text)
        line, column = _position(text, found.start() if found else exc.position)
        what = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise YamlProblem(
            Problem(
                line,
                column,
                Sentence(f"malformed YAML: {exc.reason} ({what})", key="malformed_char", reason=exc.reason, what=what),
            )
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(Problem(1, 1, Sentence(f"malformed YAML: {exc}", key="malformed", reason=exc))) from None
    except ValueError as exc:  # a scalar that resolves but does not construct, e.g. a date out of range
        line, column = _at(mark) if mark is not None else (1, 1)
        raise YamlProblem(
            Problem(line, column, Sentence(f"malformed value: {exc}", key="malformed_value", reason=exc))
        ) from None
    return doc


def _parsers_reason(text: str) -> str:
    """The YAML parser's own reason, as a keyed sentence where it is one of those a hand-written roadmap meets
    (so that another language can say it, with what to look at), else as the parser gave it."""
    if text == "mapping values are not allowed in this context":
        return Sentence(text, key="yaml_mapping_values")
    if text == "mapping values are not allowed here":  # the pure-Python parser's words for it
        return Sentence(text, key="yaml_mapping_values_here")
    if text == "found character that cannot start any token":
        return Sentence(text, key="yaml_cannot_start")
    if text == "found unexpected end of stream":
        return Sentence(text, key="yaml_end_of_stream")
    if text == "did not find expected '-' indicator":
        return Sentence(text, key="yaml_list_indent")
    if text == "did not find expected key":
        return Sentence(text, key="yaml_key_indent")
    if text == "did not find expected ',' or ']'":
        return Sentence(text, key="yaml_unclosed_list")
    if text == "did not find expected ',' or '}'":
        return Sentence(text, key="yaml_unclosed_mapping")
    return text


def _position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def read_text(path: Path) -> str:
    """Read a roadmap file, refusing one that is too big or not UTF-8."""
    with path.open("rb") as fh:
        raw = fh.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise YamlProblem(
            Problem(
                1, 1, Sentence(f"file is larger than {MAX_BYTES // 1024} KiB", key="too_large", kib=MAX_BYTES // 1024)
            )
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8")  # valid up to there
        line, column = _position(before, len(before))
        raise YamlProblem(
            Problem(
                line, column, Sentence(f"file is not UTF-8 text (byte {exc.start})", key="not_utf8", byte=exc.start)
            )
        ) from None
