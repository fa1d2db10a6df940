"""The paper library: the roadmap's papers as one list in which a paper listed under several items is one paper,
which of them the learner has read, and the BibTeX entry of each.

A paper is known by its address. Its read mark is stored in the progress table under the field `paper:` and the
16 hex digits of the 8-byte BLAKE2b digest of that address, value "1" for read and null for not; the item it is
stored under is the item it was read under, but a paper counts as read when any item holds its field as "1", so
reading it under one topic marks it read under every topic listing the same address, and `unread` clears it
everywhere.

`next` and `show` import this module: it loads neither `re` nor `hashlib` (OpenSSL) unless a function needs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from llmlanding.domain.outline import Item, Outline

PREFIX = "paper:"


READ = "1"


_HEX = frozenset("0123456789abcdef")


_ARXIV = (
    r"https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/"
    r"(?P<id>[0-9]{4}\.[0-9]{4,5}|[a-z-]+(?:\.[A-Z]{2})?/[0-9]{7})(?:v[0-9]+)?(?:\.pdf)?/?"
)


def paper_field(url: str) -> str:
    """The progress field that holds the read mark of the paper at `url`."""
    try:
        from _blake2 import blake2b  # CPython's own, without the OpenSSL library hashlib loads first
    except ImportError:  # pragma: no cover - another interpreter: the same digest through hashlib
        from hashlib import blake2b
    return PREFIX + blake2b(url.strip().encode(), digest_size=8).hexdigest()


def is_paper_field(name: str) -> bool:
    """Whether a field is the one spelling of a paper's read mark: `paper:` and 16 lower-case hex digits."""
    return len(name) == len(PREFIX) + 16 and name.startswith(PREFIX) and _HEX.issuperset(name[len(PREFIX) :])


def arxiv_id(url: str) -> str | None:
    """The arXiv identifier of an arxiv.org abstract or PDF address (`1706.03762`, `hep-th/9901001`), else None."""
    import re

    found = re.fullmatch(_ARXIV, url.strip())
    return str(found.group("id")) if found else None


@dataclass
class Paper:
    """One paper of the library: where it is first listed (`item`, and `number` as `open ITEM --paper N` counts
    the item's papers), every item listing it, and whether it is read."""

    title: str
    url: str
    year: int
    item: str
    number: int
    items: list[str] = field(default_factory=list)
    read: bool = False

    @property
    def key(self) -> str:
        return paper_field(self.url)

    @property
    def arxiv(self) -> str | None:
        return arxiv_id(self.url)


def _scope(outline: Outline, item_id: str | None) -> list[Item]:
    if item_id is None:
        return list(outline.items.values())
    item = outline.get(item_id)
    return [item, *(outline.items[i] for i in outline.descendants(item.id))]


def library(outline: Outline, read: frozenset[str] | set[str], item_id: str | None = None) -> list[Paper]:
    """The papers at or below `item_id` (the whole roadmap when None) in roadmap order, each once, with every item
    of the roadmap that lists it and its read mark from `read` (the read papers' fields)."""
    listing: dict[str, list[str]] = {}
    for item in outline.items.values():
        for paper in item.papers:
            holders = listing.setdefault(paper.url.strip(), [])
            if item.id not in holders:
                holders.append(item.id)
    found: dict[str, Paper] = {}
    for item in _scope(outline, item_id):
        for number, paper in enumerate(item.papers, start=1):
            url = paper.url.strip()
            if url not in found:
                entry = Paper(paper.title, paper.url, paper.year, item.id, number, listing[url])
                entry.read = entry.key in read
                found[url] = entry
    return list(found.values())


def unread_of(outline: Outline, read: frozenset[str] | set[str], item: Item) -> list[tuple[int, str]]:
    """The papers of an item (a section's with its topics', numbered as `open` numbers them) not read yet, as
    (number, title); a paper listed twice is given once, at its first number."""
    from llmlanding.domain.refs import refs_of

    seen: set[str] = set()
    left: list[tuple[int, str]] = []
    for number, paper in enumerate(refs_of(outline, item).papers, start=1):
        key = paper_field(paper.url)
        if key in seen:
            continue
        seen.add(key)
        if key not in read:
            left.append((number, paper.title))
    return left


def chosen(outline: Outline, item: Item, paper: int | None) -> list[str]:
    """The addresses `read ID [--paper N]` names: the one numbered N as `open` numbers the item's papers, else
    every paper at or below the item. An item without papers, or a number out of range, is the learner's error."""
    from llmlanding.domain.refs import refs_of
    from llmlanding.errors import UsageError

    if paper is not None:
        papers = refs_of(outline, item).papers
        if not 1 <= paper <= len(papers):
            if not papers:
                raise UsageError(f"{item.id} has no papers", key="no_papers", id=item.id)
            raise UsageError(
                f"{item.id} has {len(papers)} papers; --paper takes 1 to {len(papers)}",
                key="paper_range",
                id=item.id,
                n=len(papers),
            )
        return [papers[paper - 1].url]
    urls = [p.url for p in library(outline, frozenset(), item.id)]
    if not urls:
        raise UsageError(f"{item.id} has no papers", key="no_papers", id=item.id)
    return urls


# BibTeX


_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}


def latex_escaped(text: str) -> str:
    """Text as a BibTeX field value that TeX prints as `text`: LaTeX's specials escaped, control characters and
    line breaks as spaces, anything else (non-ASCII too) kept as it is, for a UTF-8 file."""
    plain = "".join(" " if ch in "\r\n\t" or ord(ch) < 32 or ord(ch) == 127 else ch for ch in text)
    return "".join(_LATEX.get(ch, ch) for ch in plain)


_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "is",
        "of",
        "on",
        "or",
        "the",
        "to",
        "via",
        "with",
        "without",
        "towards",
        "toward",
        "what",
        "when",
        "how",
        "do",
        "does",
        "can",
        "we",
        "you",
        "your",
        "all",
        "not",
    ]
)


def _word(title: str) -> str:
    import re
    import unicodedata  # only for BibTeX keys: `Über` is `uber`

    title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words: list[str] = [str(w).replace("-", "") for w in re.findall(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*", title)]
    for word in words:
        if word.lower() not in _STOP and not word.isdigit():
            return word.lower()
    return words[0].lower() if words else "paper"


def bibtex_key(paper: Paper) -> str:
    """A key before de-duplication: `arxiv` and the arXiv id for an arXiv paper, else the title's first
    significant word and the year (`qlearning1992`)."""
    arxiv = paper.arxiv
    if arxiv is not None:
        return "arxiv" + "".join(ch for ch in arxiv if ch.isascii() and ch.isalnum())
    return f"{_word(paper.title)}{paper.year}"


def bibtex(papers: list[Paper]) -> str:
    """A BibTeX file of the papers: `@article` with eprint, archivePrefix and url for an arXiv paper, `@misc`
    with url for any other; keys unique (a second `word2017` is `word2017b`, and so on)."""
    used: set[str] = set()
    entries: list[str] = []
    for paper in papers:
        base = bibtex_key(paper)
        key, suffix = base, ord("b")
        while key in used:
            key = f"{base}{chr(suffix)}" if suffix <= ord("z") else f"{base}x{suffix - ord('z')}"
            suffix += 1
        used.add(key)
        arxiv = paper.arxiv
        fields = [("title", "{" + latex_escaped(paper.title) + "}"), ("year", str(paper.year))]
        if arxiv is not None:
            fields += [("journal", f"arXiv preprint arXiv:{arxiv}"), ("eprint", arxiv), ("archivePrefix", "arXiv")]
        fields.append(("url", latex_url(paper.url)))
        kind = "article" if arxiv is not None else "misc"
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@{kind}{{{key},\n{body}\n}}\n")
    return "\n".join(entries)


def latex_url(url: str) -> str:
    """An address as a BibTeX value: kept verbatim (as `\\url` reads it) but for braces and spaces, which would end
    or break the value, percent-encoded."""
    return url.strip().replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")
