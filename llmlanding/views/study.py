"""What the study screen (`llmlanding study`) shows, as rich renderables: the tree's lines, the selected item's
head, its papers and links, its note, the bottom bar and the key table. Nothing here knows Textual; the app in
`llmlanding/study/` places these in its widgets."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from llmlanding.domain.outline import Item, Outline
from llmlanding.domain.papers import paper_field
from llmlanding.domain.progress import TODO, LeafState, item_status, item_tally
from llmlanding.domain.refs import refs_of
from llmlanding.views.fit import SHRINK, Line
from llmlanding.views.inert import inert, inert_segments
from llmlanding.views.roadmap import TODO_MARK, progress_line
from llmlanding.views.shapes import ActivityJSON
from llmlanding.views.words import msg, other

# The study screen's marks, one cell each so that the tree's columns stay put: to do, doing, done, skipped.
MARKS = {"todo": ("○", ""), "doing": ("◐", "yellow"), "done": ("●", "green"), "skipped": ("⊘", "dim")}


# The key table: `?` in the app and docs/guide.md show these rows, in this order.
KEYS = (
    ("↑ ↓  j k", "study.key.move"),
    ("← →  h l", "study.key.fold"),
    ("Enter", "study.key.enter"),
    ("n", "study.key.next"),
    ("t  p  s", "study.key.phases"),
    ("d", "study.key.done"),
    ("x", "study.key.skip"),
    ("u", "study.key.undo"),
    ("e  E", "study.key.edit"),
    ("o", "study.key.open"),
    ("r", "study.key.read"),
    ("v", "study.key.read_review"),
    ("/", "study.key.search"),
    ("R", "study.key.review"),
    ("g", "study.key.goto"),
    ("?", "study.key.help"),
    ("q", "study.key.quit"),
)


class Inert:
    """A renderable whose text from data is made inert, as `cli/output.show` does for printed views: the app
    writes to the terminal itself, so its views pass through here instead."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        yield from inert_segments(console.render(self.inner, options))


def percent(outline: Outline, item: Item, states: dict[str, LeafState]) -> int:
    """A topic's phases done, or a parent's topics done of those that count, as a whole percent."""
    if item.is_leaf:
        state = states.get(item.id, TODO)
        return 100 if state.status == "done" else round(100 * sum(state.phases.values()) / 3)
    t = item_tally(outline, states, item.id)
    return round(100 * t.done / t.counted) if t.counted else 100


def tree_label(outline: Outline, item: Item, lang: str, states: dict[str, LeafState], on_path: bool = True) -> Text:
    """`● 3.2 GPT 40%`: the item's mark, id, title and percent, dimmed when the active path does not visit it."""
    status = item_status(outline, states, item.id)
    mark, style = MARKS[status]
    line = Text()
    line.append(f"{mark} ", style=style)
    line.append(f"{item.id} ", style="bold cyan" if item.kind == "chapter" else "cyan")
    # The percent before the title, which the pane may cut short.
    line.append(f"{percent(outline, item, states):>3}% ", style="green" if status == "done" else "dim")
    line.append(inert(item.title(lang)), style="bold" if item.kind == "chapter" else "")
    if item.kind == "chapter" and item.optional:
        line.append(f" ({msg(lang, 'show.optional')})", style="dim italic")
    if item.upstream_todo:
        line.append(f" {TODO_MARK}", style="yellow")
    if not on_path:
        line.stylize("dim")
    return line


def head_view(outline: Outline, item: Item, lang: str, states: dict[str, LeafState]) -> RenderableType:
    """Both titles, where the item sits, its phases (a topic) or its tally (a parent), its ToDo mark and what the
    roadmap says of it."""
    parts: list[RenderableType] = []
    heading = Text()
    heading.append(f"{item.id}  ", style="bold cyan")
    heading.append(item.title(lang), style="bold")
    if item.optional:
        heading.append(f"  ({msg(lang, 'show.optional')})", style="dim italic")
    parts.append(heading)
    if item.title(other(lang)) != item.title(lang):
        parts.append(Text(item.title(other(lang)), style="italic"))
    chain = outline.ancestors(item.id)
    if chain:
        parts.append(
            Text(f"{msg(lang, 'trail.in')}: " + " › ".join(f"{a.id} {a.title(lang)}" for a in chain), style="dim")
        )
    parts.append(progress_line(outline, item, lang, states))
    if item.upstream_todo:
        parts.append(Text(f"{TODO_MARK}: {msg(lang, 'show.todo_note')}", style="yellow"))
    description = item.description(lang)
    if description:
        parts.append(Text(description))
    return Inert(Group(*parts))


def ref_lines(outline: Outline, item: Item, read: frozenset[str], lang: str) -> list[tuple[str | None, Text]]:
    """The item's papers then links under their headings, numbered as `open` numbers them, as (key, line): `p2`
    / `l1`, None for a heading. A paper shows its read mark."""
    refs = refs_of(outline, item)
    lines: list[tuple[str | None, Text]] = []
    if refs.papers:
        lines.append((None, Text(msg(lang, "refs.papers"), style="bold underline")))
    for number, paper in enumerate(refs.papers, 1):
        done = paper_field(paper.url) in read
        line = Text(f"{number}. ")
        line.append("✓ " if done else "○ ", style="green" if done else "")
        line.append(inert(f"{paper.title} ({paper.year})"))
        lines.append((f"p{number}", line))
    if refs.links:
        lines.append((None, Text(msg(lang, "refs.links"), style="bold underline")))
    for number, link in enumerate(refs.links, 1):
        line = Text(f"{number}. ")
        line.append(f"[{inert(link.kind)}] ", style="dim")
        line.append(inert(link.title))
        lines.append((f"l{number}", line))
    return lines


def note_view(item_id: str, note: str | None, lang: str) -> RenderableType:
    if not note:
        return Text(msg(lang, "study.no_note"), style="dim")
    from rich.markdown import Markdown

    return Inert(Group(Text(msg(lang, "show.note"), style="bold underline"), Markdown(note)))


def bar_view(activity: ActivityJSON, reviews_due: int | None, lang: str) -> Line:
    """`streak 3d · this week 2/5 · 4 reviews due   t p s tick · e note · ? all keys · q quit`; the reviews only
    when some are due and the review loop exists (`reviews_due` None hides them). Where the screen is too
    narrow for both, the tally on the left gives up its cells first: the keys, `q quit` above all, stay whole."""
    line = Text()
    line.append(msg(lang, "study.streak", n=activity["streak"]), style="bold" if activity["streak"] else "dim")
    goal = activity["goal"]
    line.append(" · ", style="dim")
    if goal is not None and goal["per_week"] is not None:
        style = "green" if goal["on_track"] else "yellow"
        line.append(msg(lang, "study.week_goal", n=goal["this_week"], goal=goal["per_week"]), style=style)
    else:
        line.append(msg(lang, "study.week", n=activity["this_week"]))
    if reviews_due:
        line.append(" · ", style="dim")
        line.append(msg(lang, "study.reviews", n=reviews_due), style="bold magenta")
    line.stylize(SHRINK)
    line.append("   " + msg(lang, "study.help"), style="dim")
    return Line(line)


def keys_view(lang: str, review: bool) -> RenderableType:
    table = Table(title=msg(lang, "study.keys"), show_header=False, box=None, padding=(0, 2))
    for keys, word in KEYS:
        if word == "study.key.review" and not review:
            continue
        table.add_row(Text(keys, style="bold cyan"), msg(lang, word))
    return table
