"""The paper library as the learner reads it: `papers`, what `read` and `unread` did, and the line of unread
papers `next` and `show` print under an item's papers."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from llmlanding.views.words import msg

TYPE_CHECKING = False  # the shapes are for annotations: `next` and `done` need not import them
if TYPE_CHECKING:
    from llmlanding.views.shapes import LibraryPaperJSON

READ_MARK = "✓"


UNREAD_MARK = "○"


def papers_view(papers: list[LibraryPaperJSON], lang: str, *, filtered: bool) -> RenderableType:
    """One line a paper: read mark, the item that first lists it and its number there, title, year, arXiv id,
    and the other items listing it; a count and how to mark one read below."""
    if not papers:
        return Text(msg(lang, "papers.none_left" if filtered else "papers.none"))
    lines: list[RenderableType] = []
    width = max(len(f"{p['item']} #{p['number']}") for p in papers)
    for paper in papers:
        line = Text()
        line.append(f"{READ_MARK if paper['read'] else UNREAD_MARK} ", style="green" if paper["read"] else "dim")
        line.append(f"{paper['item']} #{paper['number']}".ljust(width) + "  ", style="cyan")
        line.append(paper["title"], style="bold" if not paper["read"] else "")
        line.append(f" ({paper['year']})")
        if paper["arxiv"]:
            line.append(f"  arXiv:{paper['arxiv']}", style="dim")
        others = [item for item in paper["items"] if item != paper["item"]]
        if others:
            line.append(f"  {msg(lang, 'papers.also')} {', '.join(others)}", style="dim")
        lines.append(line)
    read = sum(1 for p in papers if p["read"])
    lines.append(Text(f"\n{msg(lang, 'papers.count', n=len(papers), read=read)}", style="dim"))
    lines.append(Text(msg(lang, "papers.hint"), style="dim"))
    return Group(*lines)


def marked_view(titles: list[str], changed: bool, read: bool, lang: str) -> RenderableType:
    """What `read` or `unread` did, a line a paper."""
    if changed:
        key = "papers.marked_read" if read else "papers.marked_unread"
    else:
        key = "papers.already_read" if read else "papers.already_unread"
    mark = READ_MARK if read else UNREAD_MARK
    return Group(*(Text(f"{mark} {msg(lang, key, title=title)}") for title in titles))


def unread_line(item_id: str, unread: list[int], total: int, lang: str) -> RenderableType | None:
    """`Unread papers: 1, 3 of 3 · llmlanding read 3.2.1 --paper N`, or that all are read; None without papers."""
    if total == 0:
        return None
    if not unread:
        return Text(f"{READ_MARK} {msg(lang, 'papers.all_read', total=total)}", style="green")
    from llmlanding.views.fit import Either

    numbers = ", ".join(str(n) for n in unread)
    words = msg(lang, "papers.unread", numbers=numbers, total=total, id=item_id)
    # On a narrow terminal the command goes on a line of its own rather than being split.
    return Either(Text(words, style="yellow"), *(Text(part, style="yellow") for part in words.split(" · ")))


def theory_notice(item_id: str, unread: int, lang: str) -> Text:
    return Text(msg(lang, "papers.theory_unread", id=item_id, n=unread), style="yellow")
