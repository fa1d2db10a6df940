"""The roadmap as a flat, ordered tree of items: what every command walks.

Plain dataclasses with no pydantic, so the fast read path can build the same outline from SQLite rows that the
loader builds from YAML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, KeysView, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress
from operator import not_
from typing import Any, NamedTuple

from llmlanding.errors import UnknownItemError

TYPE_CHECKING = False  # Revises is for an annotation: only an upgrade builds one
if TYPE_CHECKING:
    from llmlanding.domain.editions import Revises

KINDS = ("chapter", "section", "topic")


PHASES = ("theory", "practice", "summary")  # the roadmap's 学习方式: 原理学习, 代码实践, 输出总结

# Every name `--phase` takes, to the phase it means: the stored name, the verb a learner thinks in, and the name
# the roadmap's method (and every Chinese screen) gives it. tests/test_daily.py holds the Chinese ones to
# views.words.PHASE_WORDS, which the domain may not import.
PHASE_NAMES = {
    "theory": "theory",
    "read": "theory",
    "原理学习": "theory",
    "practice": "practice",
    "code": "practice",
    "代码实践": "practice",
    "summary": "summary",
    "write": "summary",
    "输出总结": "summary",
}


# Immutable values are NamedTuples: creating the class costs a fifth of a frozen dataclass, on every run.
class PaperRef(NamedTuple):
    title: str
    url: str
    year: int


class LinkRef(NamedTuple):
    title: str
    url: str
    kind: str


@dataclass(slots=True)
class Item:
    id: str
    kind: str
    title_zh: str
    title_en: str
    parent: str | None
    position: int
    children: list[str] = field(default_factory=list)
    papers: list[PaperRef] = field(default_factory=list)
    links: list[LinkRef] = field(default_factory=list)
    upstream_todo: bool = False
    optional: bool = False  # true for every item of an optional chapter
    description_zh: str | None = None
    description_en: str | None = None
    renamed_from: list[str] = field(default_factory=list)

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def description(self, lang: str) -> str | None:
        return self.description_zh if lang == "zh" else self.description_en

    @property
    def is_leaf(self) -> bool:
        return not self.children


# An item as one tuple, its fields in Item's order (lists as tuples, papers and links as plain tuples): the
# compact form the store keeps of a roadmap (`store.outline_cache`), which `CompactItems` reads.
ItemRow = tuple[Any, ...]


def item_row(item: Item) -> ItemRow:
    return (
        item.id,
        item.kind,
        item.title_zh,
        item.title_en,
        item.parent,
        item.position,
        tuple(item.children),
        tuple(tuple(paper) for paper in item.papers),
        tuple(tuple(link) for link in item.links),
        item.upstream_todo,
        item.optional,
        item.description_zh,
        item.description_en,
        tuple(item.renamed_from),
    )


class CompactItems(Mapping[str, Item]):
    """A roadmap's items, in order, kept as columns (one tuple per field of `item_row`, as the store keeps them)
    and built one at a time as they are asked for: a command that shows a few items of a 10,000-topic roadmap
    builds those few. The tree's shape (children, parents) is read from the columns without building an item.
    Columns, not rows: loading 11,100 rows of fourteen fields costs twice what fourteen columns of them do, and a
    column the store has not read yet is read the first time it is needed (`notes` needs two of fourteen)."""

    __slots__ = ("_branches", "_built", "_columns", "_ends", "_index", "_load", "_roots", "_task", "_whole")

    def __init__(self, rows: Sequence[ItemRow], ends: Sequence[int] | None = None) -> None:
        """`ends`, when the rows are in pre-order, holds where each item's subtree ends among them
        (`subtree_ends`): a subtree's leaves are then one slice of the rows."""
        columns = columns_of(rows)
        self._setup(columns[0], lambda field: columns[field], ends)

    @classmethod
    def from_columns(
        cls, ids: Sequence[str], load: Callable[[int], Sequence[Any]], ends: Sequence[int] | None = None
    ) -> CompactItems:
        """The items of these ids; `load(field)` gives the column of another field of `item_row`, when first asked
        for."""
        items = cls.__new__(cls)
        items._setup(ids, load, ends)
        return items

    def _setup(self, ids: Sequence[str], load: Callable[[int], Sequence[Any]], ends: Sequence[int] | None) -> None:
        self._columns: list[Sequence[Any] | None] = [ids, *([None] * (ITEM_FIELDS - 1))]
        self._load = load
        self._whole = False  # every column read
        self._ends = ends
        self._index = dict(zip(ids, range(len(ids)), strict=True))
        self._built: dict[str, Item] = {}
        self._roots: list[str] | None = None  # the chapters' ids, found once
        self._task: tuple[Sequence[Any], ...] | None = None  # the columns `task_columns` reads, once read
        self._branches: set[str] | None = None

    def _column(self, field: int) -> Sequence[Any]:
        column = self._columns[field]
        if column is None:
            column = self._columns[field] = self._load(field)
            if len(column) != len(self._index):
                raise ValueError(
                    f"column {field} of the compact outline has {len(column)} items, not {len(self._index)}"
                )
        return column

    def __getitem__(self, item_id: str) -> Item:
        item = self._built.get(item_id)
        if item is None:
            at = self._index[item_id]
            if not self._whole:
                for field in range(ITEM_FIELDS):
                    self._column(field)
                self._whole = True
            c: list[Sequence[Any]] = self._columns  # type: ignore[assignment]  # every one read just above
            papers = [PaperRef(*paper) for paper in c[7][at]]
            links = [LinkRef(*link) for link in c[8][at]]
            item = Item(
                c[0][at], c[1][at], c[2][at], c[3][at], c[4][at], c[5][at], list(c[6][at]), papers, links,
                c[9][at], c[10][at], c[11][at], c[12][at], list(c[13][at]),
            )  # fmt: skip
            self._built[item_id] = item
        return item

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def keys(self) -> KeysView[str]:
        return self._index.keys()  # the index's own view: set operations and membership run in C

    def children_of(self, item_id: str) -> Sequence[str]:
        return self._column(6)[self._index[item_id]]  # type: ignore[no-any-return]

    def kind_of(self, item_id: str) -> str:
        return self._column(1)[self._index[item_id]]  # type: ignore[no-any-return]

    def titles_of(self, ids: Iterable[str], lang: str) -> list[str | None]:
        index, titles = self._index, self._column(_TITLE_FIELD[lang])
        return [None if (at := index.get(item_id)) is None else titles[at] for item_id in ids]

    def task_columns(self, ids: Iterable[str]) -> TaskColumns:
        if self._task is None:  # papers as stored: (title, url, year), PaperRef's order
            self._task = (self._column(2), self._column(3), self._column(9), self._column(7))
        at = list(map(self._index.__getitem__, ids))
        zh, en, todo, papers = self._task
        return [zh[i] for i in at], [en[i] for i in at], [todo[i] for i in at], [papers[i] for i in at]

    def roots(self) -> list[str]:
        if self._roots is None:
            ids, parents = self._column(0), self._column(4)
            self._roots = [ids[at] for at, parent in enumerate(parents) if parent is None]
        return self._roots

    def branches(self) -> set[str]:
        if self._branches is None:  # the ids whose children are not empty, found once (the caller's not to change)
            self._branches = set(compress(self._column(0), self._column(6)))
        return self._branches

    def leaf_spans(self) -> LeafSpans | None:
        """Every leaf in roadmap order, and where each item's leaves lie among them, from the subtrees' ends
        (counting the leaves before each row, in C); None without them."""
        ends = self._ends
        if ends is None:
            return None
        is_leaf = list(map(not_, self._column(6)))
        before = list(accumulate(is_leaf, initial=0))  # the leaves before each row
        index = self._index
        return list(compress(self._column(0), is_leaf)), lambda item_id: (
            before[at := index[item_id]],
            before[ends[at]],
        )

    def leaves_under(self, item_id: str) -> list[str] | None:
        """The leaves at or below an item, from one slice of the rows; None without the subtrees' ends."""
        if self._ends is None:
            return None
        start = self._index[item_id]
        end = self._ends[start]
        return list(compress(self._column(0)[start:end], map(not_, self._column(6)[start:end])))


ITEM_FIELDS = 14  # the fields of `item_row`
_TITLE_FIELD = {"zh": 2, "en": 3}  # where `item_row` holds the title in each language

# Every leaf of a roadmap in its order, and for an item's id the span of them at or below it (start, end): a
# subtree's leaves are one slice of the roadmap's, so a count over them is two lookups in running counts.
LeafSpans = tuple[list[str], Callable[[str], tuple[int, int]]]

# What the lines of topics in a list of thousands need (`Outline.task_columns`), a list each (a tuple a topic would
# be thousands of objects more to make and collect): their titles (zh, en), whether the upstream roadmap marks them
# ToDo, their papers as (title, url, year).
TaskColumns = tuple[list[str], list[str], list[bool], list[Sequence[tuple[str, str, int]]]]


def columns_of(rows: Sequence[ItemRow]) -> tuple[tuple[Any, ...], ...]:
    """Rows of `item_row` as one tuple per field."""
    return tuple(zip(*rows, strict=True)) if rows else ((),) * ITEM_FIELDS


def subtree_ends(rows: Sequence[ItemRow]) -> list[int] | None:
    """Where each item's subtree ends among rows in pre-order (one past its last descendant); None when the rows
    are not in pre-order, so that a subtree is not one slice of them."""
    index = {row[0]: position for position, row in enumerate(rows)}
    ends = [0] * len(rows)
    for position in reversed(range(len(rows))):
        children = rows[position][6]
        if not all(child in index for child in children):
            return None
        ends[position] = ends[index[children[-1]]] if children else position + 1
        following = position + 1
        for child in children:  # each child starts where its elder sibling's subtree ends
            if index[child] != following:
                return None
            following = ends[index[child]]
    return ends


class PathDef(NamedTuple):
    id: str
    title_zh: str
    title_en: str
    items: list[str]

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en


@dataclass(slots=True)
class Outline:
    id: str
    title_zh: str
    title_en: str
    items: Mapping[str, Item]  # in roadmap (pre-)order: a dict, or CompactItems read from the store
    paths: dict[str, PathDef]
    default_path: str
    edition: str = ""  # the file's `edition`; the stored one for the roadmap in the database
    revises: Revises | None = None  # read from the file only: what an upgrade applies
    # Every item's leaves, worked out once on first use: status walks them for every chapter and path.
    _leaves: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)
    _path_leaves: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)  # likewise

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    @property
    def chapters(self) -> list[Item]:
        if isinstance(self.items, CompactItems):
            return [self.items[item_id] for item_id in self.items.roots()]
        return [item for item in self.items.values() if item.parent is None]

    def branches(self) -> set[str]:
        """The ids of the items that have children (from compact rows, one set kept: not to be changed)."""
        if isinstance(self.items, CompactItems):
            return self.items.branches()
        return {item.id for item in self.items.values() if item.children}

    def children_of(self, item_id: str) -> Sequence[str]:
        """An item's children's ids, without building them from compact rows."""
        if isinstance(self.items, CompactItems):
            return self.items.children_of(item_id)
        return self.items[item_id].children

    def kind_of(self, item_id: str) -> str:
        """An item's kind, without building it from compact rows."""
        if isinstance(self.items, CompactItems):
            return self.items.kind_of(item_id)
        return self.items[item_id].kind

    def titles_of(self, ids: Iterable[str], lang: str) -> list[str | None]:
        """Each item's title, None for an id the roadmap does not have; without building the items from compact
        rows (a list of thousands of notes names each one)."""
        if isinstance(self.items, CompactItems):
            return self.items.titles_of(ids, lang)
        return [None if (item := self.items.get(item_id)) is None else item.title(lang) for item_id in ids]

    def task_columns(self, ids: Iterable[str]) -> TaskColumns:
        """The topics' titles, ToDo marks and papers, without building the items from compact rows (a report of
        a 10,000-topic roadmap writes a line for each)."""
        if isinstance(self.items, CompactItems):
            return self.items.task_columns(ids)
        items = list(map(self.items.__getitem__, ids))
        return (
            [item.title_zh for item in items],
            [item.title_en for item in items],
            [item.upstream_todo for item in items],
            [item.papers for item in items],
        )

    def get(self, item_id: str) -> Item:
        item = self.items.get(item_id)
        if item is None:
            raise UnknownItemError(item_id, self.close_matches(item_id))
        return item

    def resolve(self, item_ids: list[str]) -> list[Item]:
        """All the items, or an UnknownItemError for the first unknown id before anything is done."""
        return [self.get(item_id) for item_id in item_ids]

    def close_matches(self, item_id: str, limit: int = 3) -> list[str]:
        import difflib  # only on the error path

        candidates = list(self.items)
        matches = difflib.get_close_matches(item_id, candidates, n=limit, cutoff=0.5)
        if not matches:
            head = item_id.rsplit(".", 1)[0]
            matches = [c for c in candidates if c.startswith(head + ".")][:limit]
        return matches

    def ancestors(self, item_id: str) -> list[Item]:
        """The parent chain, outermost first."""
        chain: list[Item] = []
        parent = self.items[item_id].parent
        while parent is not None:
            chain.append(self.items[parent])
            parent = self.items[parent].parent
        return list(reversed(chain))

    def leaves_under(self, item_id: str) -> list[str]:
        """The leaves at or below an item, in roadmap order (a new list, the caller's to change). Worked out for
        the items asked about and their subtrees only, each once: `next` on one chapter walks that chapter."""
        if item_id not in self.items:
            raise KeyError(item_id)
        return list(self._subtree_leaves(item_id))

    def _subtree_leaves(self, item_id: str) -> list[str]:
        found = self._leaves.get(item_id)
        if found is None and isinstance(self.items, CompactItems):
            found = self.items.leaves_under(item_id)
            if found is not None:
                self._leaves[item_id] = found
        if found is None:
            children = self.children_of(item_id)
            found = [leaf for child in children for leaf in self._subtree_leaves(child)] if children else [item_id]
            self._leaves[item_id] = found
        return found

    def leaf_spans(self) -> LeafSpans:
        """Every leaf in roadmap order, and where each item's leaves lie among them (`LeafSpans`)."""
        if isinstance(self.items, CompactItems):
            found = self.items.leaf_spans()
            if found is not None:
                return found
        leaves: list[str] = []
        spans: dict[str, tuple[int, int]] = {}

        def walk(item_id: str) -> None:
            start = len(leaves)
            children = self.children_of(item_id)
            for child in children:
                walk(child)
            if not children:
                leaves.append(item_id)
            spans[item_id] = (start, len(leaves))

        for chapter in self.chapters:
            walk(chapter.id)
        return leaves, spans.__getitem__

    def descendants(self, item_id: str) -> list[str]:
        found: list[str] = []
        for child in self.children_of(item_id):
            found.append(child)
            found.extend(self.descendants(child))
        return found

    def path_leaves(self, path_id: str) -> list[str]:
        """The leaves a learning path visits, in its order, each once."""
        found = self._path_leaves.get(path_id)
        if found is None:
            members = self.paths[path_id].items
            found = list(dict.fromkeys(leaf for item_id in members for leaf in self._subtree_leaves(item_id)))
            self._path_leaves[path_id] = found
        return list(found)

    def subtree(self, root_id: str | None, depth: int) -> list[Item]:
        """Items to list: the chapters (or `root_id`) and `depth - 1` levels below them, in order."""
        roots = [self.get(root_id)] if root_id is not None else self.chapters
        found: list[Item] = []

        def walk(item: Item, level: int) -> None:
            found.append(item)
            if level < depth:
                for child in item.children:
                    walk(self.items[child], level + 1)

        for root in roots:
            walk(root, 1)
        return found

    def counts(self) -> dict[str, int]:
        kinds = {kind: 0 for kind in KINDS}
        papers = links = 0
        for item in self.items.values():
            kinds[item.kind] += 1
            papers += len(item.papers)
            links += len(item.links)
        return {
            "chapters": kinds["chapter"],
            "sections": kinds["section"],
            "topics": kinds["topic"],
            "papers": papers,
            "links": links,
        }
