"""The roadmap as a flat, ordered tree of items: what every command walks.

Plain dataclasses with no pydantic, so the fast read path can build the same outline from SQLite rows that the
loader builds from YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

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
    items: dict[str, Item]  # in roadmap (pre-)order
    paths: dict[str, PathDef]
    default_path: str
    edition: str = ""  # the file's `edition`; the stored one for the roadmap in the database
    revises: Revises | None = None  # read from the file only: what an upgrade applies
    # Every item's leaves, worked out once on first use: status walks them for every chapter and path.
    _leaves: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    @property
    def chapters(self) -> list[Item]:
        return [item for item in self.items.values() if item.parent is None]

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
        """The leaves at or below an item, in roadmap order (a new list, the caller's to change)."""
        if not self._leaves:
            # Children come after their parents in the items' pre-order, so walking it backwards finds every
            # child's leaves before its parent needs them: one pass for the whole tree.
            for item in reversed(self.items.values()):
                if item.is_leaf:
                    self._leaves[item.id] = [item.id]
                else:
                    self._leaves[item.id] = [leaf for child in item.children for leaf in self._leaves[child]]
        return list(self._leaves[item_id])

    def descendants(self, item_id: str) -> list[str]:
        found: list[str] = []
        for child in self.items[item_id].children:
            found.append(child)
            found.extend(self.descendants(child))
        return found

    def path_leaves(self, path_id: str) -> list[str]:
        """The leaves a learning path visits, in its order, each once."""
        path = self.paths[path_id]
        ordered: dict[str, None] = {}
        for item_id in path.items:
            for leaf in self.leaves_under(item_id):
                ordered.setdefault(leaf, None)
        return list(ordered)

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
