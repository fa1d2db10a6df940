"""Rich views of the roadmap. Each function returns a renderable; the caller prints it once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from llmlanding.domain.outline import Item, Outline
from llmlanding.domain.progress import TODO, LeafState, item_tally
from llmlanding.views.fit import Line, Ref, TreeRows, shrinkable
from llmlanding.views.words import PHASE_WORDS, STATUS_WORDS, count_of, msg, other, pick

if TYPE_CHECKING:
    from llmlanding.views.shapes import HomeRoadmapsJSON, LinkJSON, PaperJSON

TODO_MARK = "ToDo"


STATUS_MARKS = {"done": ("✓", "green"), "doing": ("◐", "yellow"), "skipped": ("»", "dim"), "todo": ("○", "")}


def item_line(
    item: Item,
    lang: str,
    *,
    counts: bool = True,
    outline: Outline | None = None,
    states: dict[str, LeafState] | None = None,
) -> Text:
    """`✓ 3.2  GPT  11/11  4 papers · 10 links  ToDo` as one styled line; progress only when states are given."""
    line = Text()
    tally = None  # a branch's, counted once for its mark and its count
    if states is not None and outline is not None:
        if item.is_leaf:
            status = states.get(item.id, TODO).status
        else:
            tally = item_tally(outline, states, item.id)
            status = tally.status
        mark, style = STATUS_MARKS[status]
        line.append(f"{mark} ", style=style)
    line.append(item.id, style="bold cyan" if item.kind == "chapter" else "cyan")
    line.append("  ")
    line.append_text(shrinkable(item.title(lang), style="bold" if item.kind == "chapter" else ""))
    if item.kind == "chapter" and item.optional:
        line.append(f"  ({msg(lang, 'show.optional')})", style="dim italic")
    if tally is not None:
        line.append(f"  {tally.done}/{tally.counted}", style="green" if tally.done else "dim")
    if counts and (item.papers or item.links):
        parts = []
        if item.papers:
            parts.append(count_of(lang, len(item.papers), "paper"))
        if item.links:
            parts.append(count_of(lang, len(item.links), "link"))
        line.append("  " + " · ".join(parts), style="dim")
    if item.upstream_todo:
        line.append(f"  {TODO_MARK}", style="yellow")
    return line


def list_tree(
    outline: Outline, items: list[Item], lang: str, states: dict[str, LeafState] | None = None
) -> RenderableType:
    """The items as a tree; `items` is a pre-order selection from `Outline.subtree`."""
    depths: dict[str | None, int] = {}
    rows = []
    for item in items:
        depth = depths.get(item.parent, 0) + 1
        depths[item.id] = depth
        rows.append((depth, item_line(item, lang, outline=outline, states=states)))
    return TreeRows(shrinkable(outline.title(lang), style="bold"), rows)


def _linked(head: Text, title: str, url: str) -> Ref:
    # The title carries an OSC 8 hyperlink where the terminal supports it; the URL is printed too, whole, so
    # that piped and plain output still hold every address.
    line = head.copy()
    line.append_text(shrinkable(title, style=f"link {url}"))
    return Ref(line, url)


def show_view(
    outline: Outline,
    item: Item,
    lang: str,
    states: dict[str, LeafState] | None = None,
    note: str | None = None,
    read: frozenset[str] | None = None,
) -> RenderableType:
    parts: list[RenderableType] = []
    heading = Text()
    heading.append(f"{item.id}  ", style="bold cyan")
    heading.append(item.title(lang), style="bold")
    if item.title(other(lang)) != item.title(lang):  # a roadmap in one language has one title
        heading.append_text(shrinkable(f"  {item.title(other(lang))}", style="italic"))
    if item.optional:
        heading.append(f"  ({msg(lang, 'show.optional')})", style="dim italic")
    parts.append(Line(heading))
    if states is not None:
        parts.append(progress_line(outline, item, lang, states))
    chain = outline.ancestors(item.id)
    if chain:
        trail = Text(f"{msg(lang, 'trail.in')}: ", style="dim")
        trail.append_text(shrinkable(" › ".join(f"{a.id} {a.title(lang)}" for a in chain), style="dim"))
        parts.append(Line(trail))
    if item.upstream_todo:
        parts.append(Text(f"{TODO_MARK}: {msg(lang, 'show.todo_note')}", style="yellow"))
    description = item.description(lang)
    if description:
        parts.append(Text(description))
    if item.children:
        parts.append(Text(f"\n{msg(lang, 'show.children')}", style="bold underline"))
        for child_id in item.children:
            line = Text("  ")
            line.append_text(item_line(outline.items[child_id], lang, outline=outline, states=states))
            parts.append(Line(line))
    # A section's view gathers its topics' papers and links too: what a learner reads for the whole section.
    sources = [item] + ([outline.items[c] for c in item.children] if item.kind == "section" else [])
    papers = [(source, paper) for source in sources for paper in source.papers]
    links = [(source, link) for source in sources for link in source.links]
    if papers:
        parts.append(Text(f"\n{msg(lang, 'refs.papers')}", style="bold underline"))
        for number, (source, paper) in enumerate(papers, 1):
            line = Text(f"  {number}. ")
            if source is not item:
                line.append(f"{source.id} ", style="cyan")
            parts.append(_linked(line, f"{paper.title} ({paper.year})", paper.url))
        if read is not None:
            from llmlanding.domain.papers import unread_of
            from llmlanding.views.papers import unread_line

            numbers = [number for number, _title in unread_of(outline, read, item)]
            unread = unread_line(item.id, numbers, len({paper.url for _source, paper in papers}), lang)
            if unread is not None:
                parts.append(unread)
    if links:
        parts.append(Text(f"\n{msg(lang, 'refs.links')}", style="bold underline"))
        for number, (source, link) in enumerate(links, 1):
            line = Text(f"  {number}. ")
            if source is not item:
                line.append(f"{source.id} ", style="cyan")
            line.append(f"[{link.kind}] ", style="dim")
            parts.append(_linked(line, link.title, link.url))
    if note:
        from rich.markdown import Markdown

        parts.append(Text(f"\n{msg(lang, 'show.note')}", style="bold underline"))
        parts.append(Markdown(note))
    return Group(*parts)


def counts_line(outline: Outline, lang: str) -> str:
    return msg(lang, "curriculum.counts", **outline.counts())


def progress_line(outline: Outline, item: Item, lang: str, states: dict[str, LeafState]) -> Text:
    """`done · theory ✓ · hands-on code ✓ · written summary ✓` for a leaf, `3/11 done` for a parent."""
    if item.is_leaf:
        return state_line(states.get(item.id, TODO), lang)
    t = item_tally(outline, states, item.id)
    mark, style = STATUS_MARKS[t.status]
    line = Text(f"{mark} {STATUS_WORDS[lang][t.status]} · {t.done}/{t.counted}", style=style)
    if t.skipped:
        line.append(f" · {STATUS_WORDS[lang]['skipped']} {t.skipped}", style="dim")
    return line


def state_line(state: LeafState, lang: str) -> Text:
    """`done · theory ✓ · hands-on code ✓ · written summary ✓`: a leaf's status and phases."""
    mark, style = STATUS_MARKS[state.status]
    line = Text(f"{mark} {STATUS_WORDS[lang][state.status]}", style=style)
    for phase, done in state.phases.items():
        line.append(" · ", style="dim")
        line.append(f"{PHASE_WORDS[lang][phase]} {'✓' if done else '○'}", style="green" if done else "")
    return line


def linked_refs(papers: list[PaperJSON], links: list[LinkJSON], lang: str) -> list[RenderableType]:
    """Numbered papers and links from their JSON shapes, as in `show`."""
    parts: list[RenderableType] = []
    if papers:
        parts.append(Text(f"\n{msg(lang, 'refs.papers')}", style="bold underline"))
        for number, paper in enumerate(papers, 1):
            parts.append(_linked(Text(f"  {number}. "), f"{paper['title']} ({paper['year']})", paper["url"]))
    if links:
        parts.append(Text(f"\n{msg(lang, 'refs.links')}", style="bold underline"))
        for number, link in enumerate(links, 1):
            line = Text(f"  {number}. ")
            line.append(f"[{link['kind']}] ", style="dim")
            parts.append(_linked(line, link["title"], link["url"]))
    return parts


def choices_view(entries: list[tuple[str, str]]) -> RenderableType:
    """Addresses to choose from, numbered from 1: title, then the address whole."""
    lines = []
    for number, (title, url) in enumerate(entries, 1):
        line = Text(f"{number:>3}. ")
        line.append(title, style="bold")
        line.append(f"  {url}", style="dim")
        lines.append(line)
    return Group(*lines)


def roadmaps_view(data: HomeRoadmapsJSON, lang: str) -> RenderableType:
    """`curriculum list`: each roadmap of the home, the active one marked, with its edition and progress, and
    under it its file and database."""
    lines: list[Text] = []
    for roadmap in data["roadmaps"]:
        progress = roadmap["progress"]
        line = Text("● " if roadmap["active"] else "  ")
        line.append(roadmap["id"], style="cyan")
        line.append("  " + pick(roadmap["title"], lang), style="bold" if roadmap["active"] else "")
        edition = " ".join(
            filter(None, (roadmap["edition"], msg(lang, "roadmaps.bundled") if roadmap["bundled"] else ""))
        )
        if edition:
            line.append("  " + edition, style="dim")
        line.append("  " + msg(lang, "roadmaps.progress", done=progress["done"], total=progress["total"]))
        lines.append(line)
        lines.append(Text(f"    {roadmap['file']} → {roadmap['database']}", style="dim"))
    return Group(*lines)
