"""A markdown roadmap (a GitHub README, an awesome-list) turned into a roadmap document.

The structure comes from markdown-it's syntax tree, never from patterns over lines: headings become chapters and
sections, list items and table rows become topics, links become links, and arXiv links papers. Which heading
level holds the chapters is the shallowest level used at least three times (else twice); shallower headings are
the title or dividers. Anything nested deeper than a topic is folded into its topic, so that none of its links is lost.
Images and code are not study material and are left out; so are links that are not http(s).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from llmlanding.domain.outline import PHASES

MAX_TITLE = 200  # characters of a title made from a long list item


_KINDS = ("chapters", "sections", "topics")


# A bare address in running text (GitHub renders these as links): up to a space, a bracket or a full-width
# punctuation mark that Chinese text puts right after it.
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]{}\"'，。；、：！？（）【】《》“”]+")


_EMPTY_BRACKETS = re.compile(r"\(\s*\)|（\s*）|<\s*>")  # what is left where a bare address stood


_ARXIV = re.compile(r"^https?://(?:www\.)?arxiv\.org/(?:abs|pdf|html)/(\d{2})(\d{2})\.\d{4,5}")


_TICK = re.compile(r"^\[([ xX])\]\s*")
# A table row's title is the cell under a column named like one of these, else its first cell with words in it
# that is not a date (awesome-lists open their rows with `2017-06`).
_TITLE_COLUMNS = ("title", "paper", "name", "project", "model", "topic", "标题", "名称", "论文", "项目", "模型", "主题")
_DATE = re.compile(r"^\d{4}([-/.]\d{1,2}){0,2}$")
_WORDS = re.compile(r"[^\W\d_]")


_CLAUSE_END = re.compile(r"[.!?;](?:\s|$)|[。！？；]")


_PUNCTUATION = " :：-—,，(（|·"


_TODO = re.compile(r"\btodo\b", re.IGNORECASE)  # the author's mark for material not written yet


_PHASE_TITLES = {
    "theory": {"zh": "原理学习", "en": "Theory"},
    "practice": {"zh": "代码实践", "en": "Hands-on code"},
    "summary": {"zh": "输出总结", "en": "Written summary"},
}


_PREFACE = {"zh": "前言", "en": "Preface"}


@dataclass
class _Node:
    title: str = ""
    urls: list[tuple[str, str]] = field(default_factory=list)  # (address, the link's own text)
    children: list[_Node] = field(default_factory=list)
    todo: bool = False
    heading: bool = False
    optional: bool = False


@dataclass
class Converted:
    """The roadmap document, ready to dump as YAML, and what the conversion saw on the way."""

    data: dict[str, Any]
    counts: dict[str, int]
    ticked: int  # `[x]` boxes: progress the learner may import with `llmlanding import FILE.md`
    skipped_links: list[str]  # addresses left out: not http(s), or not usable as one


def _plain(inline: Token) -> tuple[str, list[tuple[str, str]]]:
    """An inline token's text without markup or bare addresses, and its links in order."""
    text: list[str] = []
    links: list[tuple[str, str]] = []
    href: str | None = None
    label: list[str] = []
    for child in inline.children or []:
        if child.type == "link_open":
            href, label = str(child.attrs.get("href", "")), []
        elif child.type == "link_close" and href is not None:
            links.append((href, "".join(label).strip()))
            href = None
        elif child.type == "code_inline" or (child.type == "text" and href is not None):
            if href is not None:
                label.append(child.content)
            text.append(child.content)  # an address in code is an example, not a link
        elif child.type == "text":
            start = 0
            for match in _BARE_URL.finditer(child.content):
                links.append((match.group(0).rstrip(".,;:!?"), _name_before(child.content[start : match.start()])))
                start = match.end()
            text.append(_BARE_URL.sub(" ", child.content))
        elif child.type in ("softbreak", "hardbreak"):
            text.append(" ")
    return " ".join(_EMPTY_BRACKETS.sub(" ", "".join(text)).split()), links


def _name_before(text: str) -> str:
    """The words just before a bare address name it ("GPT2图解：https://…"): the last clause of them."""
    clauses = _CLAUSE_END.split(_TICK.sub("", " ".join(text.split())))
    return next((name for name in (c.strip(_PUNCTUATION) for c in reversed(clauses)) if name), "")


def _title(text: str) -> str:
    text = text.strip(_PUNCTUATION)
    if len(text) > MAX_TITLE:
        cut = text[: MAX_TITLE - 1]
        text = (cut.rsplit(" ", 1)[0] if " " in cut[MAX_TITLE // 2 :] else cut) + "…"
    return text


def _chapter_level(tokens: list[Token]) -> int | None:
    levels = Counter(int(t.tag[1]) for t in tokens if t.type == "heading_open")
    if not levels:
        return None
    ordered = sorted(levels)
    for enough in (3, 2):
        found = [level for level in ordered if levels[level] >= enough]
        if found:
            return found[0]
    return ordered[1] if len(ordered) > 1 else ordered[0]  # one heading a level: the first is the title


def _tree(tokens: list[Token]) -> tuple[_Node, str, int]:
    """The document as nested nodes under a root (depth 0), its title, and how many boxes were ticked."""
    root = _Node()
    chapter_level = _chapter_level(tokens)
    title = ""
    headings: list[tuple[int, _Node]] = []  # the open headings: (level, node)
    items: list[_Node] = []  # the open list items, innermost last
    pending: _Node | None = None  # a heading or list item still waiting for its title
    header: list[str] = []  # the column names of the table being read
    cells: list[str] | None = None  # the cells of the table row being read
    in_head = in_body = False
    ticked = 0

    def owner() -> _Node:
        if items:
            return items[-1]
        return headings[-1][1] if headings else root

    def open_node(parent: _Node, heading: bool = False) -> _Node:
        node = _Node(heading=heading)
        parent.children.append(node)
        return node

    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1])
            items.clear()
            if chapter_level is None or level < chapter_level:
                headings.clear()  # a divider: what follows hangs from the root
                pending = None
                if not title:
                    pending = root
                continue
            while headings and headings[-1][0] >= level:
                headings.pop()
            pending = open_node(headings[-1][1] if headings else root, heading=True)
            headings.append((level, pending))
        elif kind == "list_item_open":
            node = open_node(owner())
            items.append(node)
            pending = node
        elif kind == "list_item_close":
            items.pop()
            pending = None
        elif kind == "thead_open":
            in_head, header = True, []
        elif kind == "thead_close":
            in_head = False
        elif kind == "tbody_open":
            in_body = True
        elif kind == "tbody_close":
            in_body = False
        elif kind == "tr_open" and in_body:
            items.append(open_node(owner()))
            cells, pending = [], None
        elif kind == "tr_close" and in_body and cells is not None:
            row = items.pop()
            text = _row_title(header, cells)
            tick = _TICK.match(text)
            if tick:
                ticked += tick.group(1) != " "
                text = text[tick.end() :]
            row.title, row.todo = _title(text), any(_TODO.search(cell) for cell in cells)
            cells = None
        elif kind == "inline" and in_head:
            text, links = _plain(token)
            header.append(text.strip().lower())
            owner().urls.extend(links)
        elif kind == "inline" and cells is not None:
            text, links = _plain(token)
            cells.append(text.strip())
            items[-1].urls.extend(links)
        elif kind == "inline":
            text, links = _plain(token)
            target = pending if pending is not None else owner()
            if pending is root:
                title, pending = _title(text), None
                root.urls.extend(links)
                continue
            if pending is not None:
                tick = _TICK.match(text)
                if tick:
                    ticked += tick.group(1) != " "
                    text = text[tick.end() :]
                pending.title = _title(text)
                pending.todo = _TODO.search(text) is not None
                pending = None
            target.urls.extend(links)
    return root, title, ticked


def _row_title(header: list[str], cells: list[str]) -> str:
    for index, name in enumerate(header):
        if name in _TITLE_COLUMNS and index < len(cells) and _WORDS.search(cells[index]):
            return cells[index]
    worded = [cell for cell in cells if _WORDS.search(cell) and not _DATE.match(cell)]
    return worded[0] if worded else (cells[0] if cells else "")


def _link_kind(url: str) -> str:
    lowered = url.lower()
    host = lowered.split("://", 1)[-1].split("/", 1)[0]
    if lowered.endswith(".ipynb") or "colab.research.google.com" in host:
        return "notebook"
    if host.endswith(("github.com", "gitlab.com", "huggingface.co")) and "/docs" not in lowered:
        return "code" if "/learn" not in lowered else "course"
    if host.endswith(("youtube.com", "youtu.be", "bilibili.com", "vimeo.com")):
        return "video"
    if host.endswith((".edu", "coursera.org", "deeplearning.ai")) or "course" in lowered:
        return "course"
    if host.startswith(("docs.", "doc.")) or "readthedocs" in host or "/docs" in lowered:
        return "docs"
    return "blog"


def _usable(url: str) -> bool:
    lowered = url.lower()
    if not lowered.startswith(("http://", "https://")) or len(url) > 2048:
        return False
    rest = url.split("://", 1)[1]
    return bool(rest) and not rest.startswith("/") and "…" not in url and not url.endswith("...")


def _references(node: _Node, skipped: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    papers: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    seen: set[str] = set()
    for url, label in node.urls:
        if not _usable(url) or any(ch.isspace() or ord(ch) < 32 for ch in url):
            skipped.append(url)
            continue
        if url in seen:
            continue
        seen.add(url)
        name = _title(label) if label and label != url else ""
        if not name:
            name = _title(url.split("://", 1)[1]) or node.title or url
        arxiv = _ARXIV.match(url)
        if arxiv:
            papers.append({"title": name, "year": 2000 + int(arxiv.group(1)), "url": url})
        else:
            links.append({"title": name, "url": url, "kind": _link_kind(url)})
    return papers, links


def _fold(node: _Node) -> None:
    """Hand everything below a topic to the topic itself."""
    for child in node.children:
        _fold(child)
        node.urls.extend(child.urls)
        node.todo = node.todo or child.todo
    node.children = []


def _text(value: str, lang: str) -> dict[str, str]:
    return {lang: value}


def _items(parent: _Node, prefix: str, level: int, lang: str, skipped: list[str], counts: Counter[str]) -> list[Any]:
    entries: list[dict[str, Any]] = []
    for child in parent.children:
        if level == 2:
            _fold(child)
        papers, links = _references(child, skipped)
        title = child.title or (papers[0]["title"] if papers else links[0]["title"] if links else "")
        if not title and not child.children:
            continue  # an empty bullet: nothing to learn there
        item_id = "0" if child.optional else f"{prefix}{sum(1 for e in entries if e['id'] != '0') + 1}"
        entry: dict[str, Any] = {"id": item_id, "title": _text(title or "…", lang)}
        if child.optional:
            entry["optional"] = True
        if child.todo:
            entry["upstream_todo"] = True
        if papers:
            entry["papers"] = papers
        if links:
            entry["links"] = links
        counts[_KINDS[level]] += 1
        counts["papers"] += len(papers)
        counts["links"] += len(links)
        if level < 2 and child.children:
            below = _items(child, item_id + ".", level + 1, lang, skipped, counts)
            if below:
                entry[_KINDS[level + 1]] = below
        entries.append(entry)
    return entries


def _gather_preface(root: _Node, title: str) -> None:
    """When headings make the chapters, what stands outside them (the text before the first one, lists after a
    divider) becomes one optional chapter 0, so that none of its links is lost and none of it counts as study."""
    if not any(child.heading for child in root.children):
        return  # a file of lists alone: its top items are the chapters
    loose = [child for child in root.children if not child.heading]
    if not loose and not root.urls:
        return
    preface = _Node(title, root.urls, loose, heading=True, optional=True)
    root.children = [preface, *(child for child in root.children if child.heading)]
    root.urls = []


def _language(root: _Node) -> str:
    """Chinese when Chinese characters make up a tenth of the titles' letters."""
    han = latin = 0
    stack = [root]
    while stack:
        node = stack.pop()
        for ch in node.title:
            if "\u4e00" <= ch <= "\u9fff":
                han += 1
            elif ch.isalpha():
                latin += 1
        stack.extend(node.children)
    return "zh" if han * 10 >= han + latin and han else "en"


def slug(name: str) -> str:
    """A roadmap id from a file name: lowercase letters, digits and '-', starting with a letter."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if not cleaned or not cleaned[0].isalpha():
        cleaned = f"roadmap-{cleaned}".rstrip("-")
    return cleaned[:40].rstrip("-")


def convert(text: str, *, name: str, lang: str | None = None, roadmap_id: str | None = None) -> Converted:
    """The roadmap document of a markdown file called `name` (its title when the file has none)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    root, title, ticked = _tree(tokens)
    language = lang or _language(root)
    _gather_preface(root, _PREFACE[language])
    skipped: list[str] = []
    counts: Counter[str] = Counter()
    chapters = _items(root, "", 0, language, skipped, counts)
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    data: dict[str, Any] = {
        "format": 1,
        "id": roadmap_id or slug(title if title.isascii() and title else stem),
        "title": _text(title or stem, language),
        "phases": [{"id": phase, "title": dict(_PHASE_TITLES[phase])} for phase in PHASES],
        "chapters": chapters,
    }
    return Converted(data, {kind: counts[kind] for kind in (*_KINDS, "papers", "links")}, ticked, skipped)


def with_edition(
    converted: Converted, edition: str, revises: str | None = None, mapping: dict[str, str | None] | None = None
) -> None:
    """Name the document's edition (after its title) and, for a new edition made over an earlier one, the edition
    it revises with every old id's new id (None: removed), so that no id is left to be guessed."""
    data = converted.data
    extra: dict[str, Any] = {"edition": edition}
    if revises is not None:
        extra["revises"] = {"edition": revises, "map": dict(mapping or {})}
    ordered = {}
    for key, value in data.items():
        if key in ("edition", "revises"):
            continue
        ordered[key] = value
        if key == "title":
            ordered.update(extra)
    data.clear()
    data.update(ordered)


def dump(converted: Converted, source: str) -> str:
    import yaml

    head = f"# Made from {source} by `llmlanding curriculum import`; check it with `llmlanding curriculum validate`.\n"
    return head + yaml.safe_dump(converted.data, allow_unicode=True, sort_keys=False, width=1000)
