"""Rich views of progress: next, status, the dashboard, the log and what a change did. Each function takes the
JSON-shaped data from `shapes` (or an outcome) and returns a renderable; nothing here prints."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.text import Text

from llmlanding.domain.activity import PACE_DAYS
from llmlanding.domain.outline import PHASES, Outline
from llmlanding.domain.progress import LeafState, Tally, item_tally
from llmlanding.domain.stamps import local_time
from llmlanding.views.fit import Either, Grid, Line, shrinkable
from llmlanding.views.papers import unread_line
from llmlanding.views.roadmap import TODO_MARK, linked_refs
from llmlanding.views.words import PHASE_WORDS, STATUS_WORDS, VERBS, count_of, duration, msg, other, pick

if TYPE_CHECKING:
    from llmlanding.domain.digest import Summary
    from llmlanding.domain.history import BatchView
    from llmlanding.views.outcomes import ChangeOutcomeLike
    from llmlanding.views.shapes import ActivityJSON, GoalJSON, NextJSON, PathJSON, ScopeJSON, StatusJSON, TallyJSON

SYMBOLS = {"done": "✓", "start": "▶", "skip": "»", "reset": "↺", "undo": "↶", "note": "✎", "practice": "💻"}


STATUS_STYLE = {"done": "green", "doing": "yellow", "skipped": "dim", "todo": ""}


def bar(percent: float, width: int = 20) -> Text:
    filled = round(width * percent / 100)
    text = Text("█" * filled, style="green")
    text.append("░" * (width - filled), style="dim")
    return text


def _phases_line(phases: dict[str, bool], lang: str) -> Text:
    line = Text()
    for index, phase in enumerate(PHASES):
        if index:
            line.append(" · ", style="dim")
        done = phases[phase]
        line.append(("✓ " if done else "○ ") + PHASE_WORDS[lang][phase], style="green" if done else "")
    return line


def _where(scope: ScopeJSON, lang: str) -> str:
    """`in path Book order` or `within 3.2 GPT`: what `next` chose from."""
    return msg(lang, "next.in_path" if scope["kind"] == "path" else "next.in_item", name=pick(scope["title"], lang))


def next_view(picks: list[NextJSON], scope: ScopeJSON, lang: str) -> RenderableType:
    if not picks:
        return Text(msg(lang, "next.all_done", scope=_where(scope, lang), done=scope["done"], total=scope["total"]))
    if len(picks) > 1:
        return Group(*[_next_line(item, lang) for item in picks])
    return _next_full(picks[0], scope, lang)


def _next_line(item: NextJSON, lang: str) -> Line:
    line = Text()
    line.append(f"{item['id']}  ", style="bold cyan")
    line.append_text(shrinkable(pick(item["title"], lang), style="bold"))
    phase = item["next_phase"]
    if phase:
        line.append(f"  → {PHASE_WORDS[lang][phase]}", style="yellow" if item["reason"] == "doing" else "")
    if item["upstream_todo"]:
        line.append(f"  {TODO_MARK}", style="yellow")
    return Line(line)


def _next_full(item: NextJSON, scope: ScopeJSON, lang: str) -> RenderableType:
    parts: list[RenderableType] = []
    head = Text()
    head.append(f"{msg(lang, 'next.title')}: ", style="bold")
    head.append(f"{item['id']}  ", style="bold cyan")
    first, second = pick(item["title"], lang), pick(item["title"], other(lang))
    head.append(first, style="bold")
    if second != first:  # a roadmap in one language has one title
        head.append_text(shrinkable(f"  {second}", style="italic"))
    parts.append(Line(head))
    if item["parents"]:
        trail = " › ".join(f"{p['id']} {pick(p['title'], lang)}" for p in item["parents"])
        parts.append(Line(shrinkable(f"{msg(lang, 'trail.in')}: {trail}", style="dim")))
    phase_line = Text(f"{msg(lang, 'next.phase')}: ")
    phase_line.append_text(_phases_line(item["phases"], lang))
    if item["next_phase"]:
        key = "next.start_with" if item["reason"] == "todo" else "next.then"
        then = Text(f"  → {msg(lang, key, phase=PHASE_WORDS[lang][item['next_phase']])}", style="bold")
        parts.append(Either(Text.assemble(phase_line, then), phase_line, then))
    else:
        parts.append(Line(phase_line))
    reason = msg(lang, "next.why_doing" if item["reason"] == "doing" else "next.why_todo")
    counted = f"{scope['done']}/{scope['total'] - scope['skipped']}"
    parts.append(Text(f"{msg(lang, 'next.why')}: {reason}, {_where(scope, lang)} ({counted})"))
    if item["upstream_todo"]:
        parts.append(Text(f"{TODO_MARK}: {msg(lang, 'next.todo_note')}", style="yellow"))
    parts.extend(linked_refs(item["papers"], item["links"], lang))
    unread = unread_line(item["id"], item["unread_papers"], len({p["url"] for p in item["papers"]}), lang)
    if unread is not None:
        parts.append(unread)
    return Group(*parts)


def reviews_due_line(n: int, lang: str) -> Text:
    """`3 reviews due — llmlanding review`, under `next` and on the dashboard."""
    return Text(msg(lang, "review.due_line", n=n), style="bold magenta")


def _tally_text(t: TallyJSON, lang: str) -> Text:
    text = Text()
    text.append_text(bar(t["percent"]))
    text.append(f" {t['percent']:5.1f}%  {t['done']}/{t['total'] - t['skipped']}")
    extras = []
    if t["doing"]:
        extras.append(f"{t['doing']} {msg(lang, 'status.doing')}")
    if t["skipped"]:
        extras.append(f"{t['skipped']} {msg(lang, 'status.skipped')}")
    if extras:
        text.append("  · " + " · ".join(extras), style="dim")
    return text


def columns(rows: list[list[Text]], right: set[int]) -> list[Text]:
    """Rows of cells as aligned lines, whole (see `views.fit.Grid` for rows that fit the terminal)."""
    return Grid(rows, right).lines()


def _summary(data: StatusJSON, lang: str, optional: bool) -> list[Text]:
    rows = [[Text(msg(lang, "status.main")), _tally_text(data["overall"], lang)]]
    if optional and data["optional"]["total"]:
        rows.append([Text(msg(lang, "status.optional")), _tally_text(data["optional"], lang)])
    rows.append([Text(f"{msg(lang, 'status.path')} {data['path']['id']}"), _tally_text(data["path"], lang)])
    return Grid(rows, set()).lines()


def _upgrade(data: StatusJSON, lang: str) -> list[Text]:
    roadmap = data["roadmap"]
    if roadmap["upgrade"] is None:
        return []
    words = msg(lang, "status.upgrade", new=roadmap["upgrade"], old=roadmap["edition"])
    return [Text(words, style="yellow")]


def status_view(data: StatusJSON, lang: str) -> RenderableType:
    parts: list[RenderableType] = [Text(pick(data["roadmap"]["title"], lang), style="bold"), *_upgrade(data, lang)]
    parts.extend(Line(line) for line in _summary(data, lang, optional=True))
    rows = [
        [
            Text("#", style="bold"),
            Text(msg(lang, "status.chapter"), style="bold"),
            Text(msg(lang, "status.done"), style="bold"),
            Text("%", style="bold"),
            Text(""),
        ]
    ]
    time = data["activity"]["time"]
    for chapter in data["chapters"]:
        name = pick(chapter["title"], lang) + (f" ({msg(lang, 'status.optional')})" if chapter["optional"] else "")
        rows.append(
            [
                Text(chapter["id"], style="cyan"),
                Text(name, style=STATUS_STYLE[chapter["status"]]),
                Text(f"{chapter['done']}/{chapter['total'] - chapter['skipped']}"),
                Text(f"{chapter['percent']:.0f}%"),
                bar(chapter["percent"], 12),
            ]
        )
        if time is not None:  # a column of time spent, only for a learner who records it
            spent = time["chapters"].get(chapter["id"])
            rows[-1].append(Text(duration(lang, spent) if spent else "", style="dim"))
    if time is not None:
        rows[0].append(Text("⏱", style="bold"))
    parts.append(Text(""))
    # Narrow terminals lose the bars, then the time spent, then the ends of long titles: never a wrapped row.
    parts.append(Grid(rows, right={0, 2, 3, 5}, drop=(4, 5), shrink=1))
    parts.append(Text(""))
    parts.append(activity_view(data["activity"], lang))
    if data["orphans"]:
        ids = ", ".join(o["id"] for o in data["orphans"])
        parts.append(Text(msg(lang, "status.orphans", n=len(data["orphans"]), ids=ids), style="yellow"))
    return Group(*parts)


def dashboard_view(
    status: StatusJSON, doing: list[NextJSON], first: list[NextJSON], scope: ScopeJSON, lang: str
) -> RenderableType:
    parts: list[RenderableType] = [Text(pick(status["roadmap"]["title"], lang), style="bold"), *_upgrade(status, lang)]
    parts.extend(Line(line) for line in _summary(status, lang, optional=False))
    if doing:
        parts.append(Text(f"\n{msg(lang, 'dashboard.doing')}", style="bold underline"))
        parts.extend(_next_line(item, lang) for item in doing)
    parts.append(Text(""))
    parts.append(next_view(first, scope, lang))
    if status["reviews_due"]:
        parts.append(Text(""))
        parts.append(reviews_due_line(status["reviews_due"], lang))
    begun = any(t[key] for t in (status["overall"], status["optional"]) for key in ("done", "doing", "skipped"))
    if first and not begun:
        # A home without progress yet: how to begin, until the first thing is ticked off.
        parts.append(Text(""))
        parts.extend(
            Text(msg(lang, key, id=first[0]["id"]))
            for key in ("dashboard.begin_next", "dashboard.begin_done", "dashboard.begin_study")
        )
    return Group(*parts)


class FittedColumns:
    """Rows of cells as aligned lines that never wrap. On a terminal too narrow for them, the `shrink` column
    is cut with "…" (down to a few cells) so that the last column keeps `keep` cells, then each line is cut to
    the width (`fit.Line`); piped, every line is whole. `fit.Grid` shortens a column row by row, which suits a
    last column of one width; here the last column varies, so the column gives way as one."""

    def __init__(self, rows: list[list[Text]], shrink: int, keep: int) -> None:
        self.rows, self.shrink, self.keep = rows, shrink, keep

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rows = self.rows
        if not console.soft_wrap and rows:
            widths = [max(row[i].cell_len for row in rows) for i in range(len(rows[0]))]
            others = sum(widths) - widths[self.shrink] - widths[-1] + 2 * (len(widths) - 1)
            room = max(8, options.max_width - others - min(self.keep, widths[-1]))
            if room < widths[self.shrink]:
                rows = [list(row) for row in rows]
                for row in rows:
                    if row[self.shrink].cell_len > room:
                        row[self.shrink] = row[self.shrink].copy()
                        row[self.shrink].truncate(room, overflow="ellipsis")
        for line in columns(rows, right=set()):
            yield Line(line)


def _scope_progress(outline: Outline, states: dict[str, LeafState], item_id: str, lang: str) -> str:
    chapter_id = item_id.split(".")[0]
    if chapter_id not in outline.items:
        return ""
    t: Tally = item_tally(outline, states, chapter_id)
    return f" · {msg(lang, 'change.chapter', id=chapter_id)}: {t.done}/{t.counted}"


def change_view(outcome: ChangeOutcomeLike, lang: str) -> RenderableType:
    """`✓ 3.2 GPT — 11 topics done · chapter 3: 14/30`, one line per requested item."""
    outline = outcome.after.outline
    states = outcome.after.states
    command = outcome.command
    if command == "undo":
        if outcome.undone is None:
            return Text(msg(lang, "change.nothing_to_undo"))
        lines = [Text(f"{SYMBOLS['undo']} {msg(lang, 'change.undid', command=outcome.undone.command)}", style="bold")]
    else:
        lines = []
    changed = {c.item_id for c in outcome.changes}  # topics, and a section's own note
    gone = {o.id: pick({"zh": o.title_zh, "en": o.title_en}, lang) for o in outcome.after.orphans}
    for item_id in outcome.requested:
        item = outline.items.get(item_id)
        line = Text()
        name = item.title(lang) if item else gone.get(item_id, item_id)  # an orphan by the title it had
        # A section's or chapter's count is of its topics changed; its own note (an undo of `note 3`) is itself.
        if item is not None and not item.is_leaf and command not in ("note", "practice") and item_id not in changed:
            leaves = outline.leaves_under(item_id)
            count = len([leaf for leaf in leaves if leaf in changed])
            what = f"{count_of(lang, count, 'topic')} {VERBS[lang][command]}"
        else:
            count = 1 if item_id in changed else 0
            what = VERBS[lang][command]
        if command == "note" and outcome.changes and outcome.changes[0].new is None:
            what = msg(lang, "change.note_deleted")
        if outcome.phase is not None:
            what = msg(lang, "change.with_phase", phase=PHASE_WORDS[lang][outcome.phase], what=what)
        if count == 0:
            line.append(f"· {item_id} {name} — {msg(lang, 'change.no_change')}", style="dim")
        else:
            line.append(f"{SYMBOLS[command]} ", style="green" if command == "done" else "bold")
            line.append(f"{item_id} ", style="cyan")
            line.append(f"{name} — {what}")
            if item is not None and item.is_leaf and command == "done":
                state = states.get(item_id)
                if state is not None and state.status != "done" and state.next_phase:
                    line.append(f" ({msg(lang, 'next.then', phase=PHASE_WORDS[lang][state.next_phase])})")
        line.append(_scope_progress(outline, states, item_id, lang), style="dim")
        lines.append(line)
    return Group(*lines)


def log_view(batches: list[BatchView], outline: Outline, lang: str) -> RenderableType:
    """One line per change, newest first: when, the command as typed, what it did, and the item's title last,
    where a narrow terminal cuts it with "…" rather than wrapping the row (piped output keeps whole lines)."""
    if not batches:
        return Text(msg(lang, "log.empty"))
    from llmlanding.domain.digest import summarize

    titles: dict[str, str] | None = None  # a read mark's field -> its paper's title, worked out once if needed
    rows = []
    for batch in batches:
        summary = summarize(batch, PHASES)
        if titles is None and summary.papers:
            from llmlanding.domain.papers import paper_field

            titles = {paper_field(p.url): p.title for i in outline.items.values() for p in i.papers}
        what = msg(lang, "log.comma").join(_summary_words(summary, lang, titles or {}))
        if len(summary.items) == 1:
            item_id = summary.items[0]
            item = outline.items.get(item_id)
            name = item.title(lang) if item else item_id
            what += (" · " if what else "") + (name if item_id in batch.command.split() else f"{item_id} {name}")
        command = batch.command if len(batch.command) <= LOG_COMMAND else batch.command[: LOG_COMMAND - 1] + "…"
        rows.append([Text(local_time(batch.at), style="dim"), Text(command, style="bold"), Text(what)])
    return FittedColumns(rows, shrink=1, keep=LOG_WHAT)


LOG_COMMAND = 40  # a longer command is cut in `log`, so what it did still shows on a narrow terminal
LOG_WHAT = 24  # on a narrow terminal, the command column gives way until what a change did has this many cells


def _summary_words(summary: Summary, lang: str, papers: dict[str, str]) -> list[str]:
    words = []
    several = len(summary.items) > 1
    for status, n in summary.statuses.items():
        name = STATUS_WORDS[lang].get(status, status)
        words.append(msg(lang, "log.topics", n=count_of(lang, n, "topic"), status=name) if several else name)
    if not summary.statuses:
        words += [f"{PHASE_WORDS[lang].get(phase, phase)} {'✓' if ticked else '✗'}" for phase, ticked in summary.phases]
    words += [msg(lang, f"log.note_{edit.kind}", lines=count_of(lang, edit.lines, "line")) for edit in summary.notes]
    if len(summary.papers) == 1:
        field, ticked = summary.papers[0]
        key = "papers.marked_read" if ticked else "papers.marked_unread"
        words.append(msg(lang, key, title=papers.get(field, field)))
    elif summary.papers:
        read = sum(1 for _, ticked in summary.papers if ticked)
        if read:
            words.append(msg(lang, "log.papers_read", n=count_of(lang, read, "paper")))
        if len(summary.papers) - read:
            words.append(msg(lang, "log.papers_unread", n=count_of(lang, len(summary.papers) - read, "paper")))
    if summary.minutes:
        words.append(
            f"⏱ {duration(lang, summary.minutes)}" if summary.minutes > 0 else f"⏱ −{duration(lang, -summary.minutes)}"
        )
    words += [msg(lang, "log.repo_linked" if linked else "log.repo_unlinked") for linked in summary.repos]
    if len(summary.ratings) == 1:
        from llmlanding.domain.review import RATING_NAMES

        words.append(msg(lang, "log.rated", rating=RATING_NAMES[summary.ratings[0] - 1]))
    elif summary.ratings:
        words.append(count_of(lang, len(summary.ratings), "review"))
    if summary.reviews_entered:
        words.append(msg(lang, "log.review_entered", n=summary.reviews_entered))
    if summary.reviews_left:
        words.append(msg(lang, "log.review_left", n=summary.reviews_left))
    words += summary.others
    return words


def paths_view(paths: list[PathJSON], lang: str) -> RenderableType:
    from rich.table import Table  # only here: off the hot path of status and next

    table = Table(box=None, pad_edge=False, show_edge=False, show_header=False)
    table.add_column("")
    table.add_column("", style="cyan")
    table.add_column("")
    table.add_column("")
    for path in paths:
        table.add_row(
            "●" if path["active"] else " ",
            path["id"],
            Text(pick(path["title"], lang), style="bold" if path["active"] else ""),
            _tally_text(path, lang),
        )
    return table


HEAT = [(0, "·", "dim"), (1, "■", "green4"), (3, "■", "green3"), (6, "■", "bold bright_green")]


def _cell(count: int) -> Text:
    glyph, style = "·", "dim"
    for floor, g, st in HEAT:
        if count >= floor:
            glyph, style = g, st
    return Text(glyph, style=style)


def activity_view(data: ActivityJSON, lang: str) -> RenderableType:
    """The streak, the pace, the finish estimate and a 12-week calendar, a column a week, Monday on top."""
    head = Text()
    head.append(msg(lang, "activity.streak", n=count_of(lang, data["streak"], "day")), style="bold")
    head.append(" · " + msg(lang, "activity.week", n=data["this_week"]))
    pace, days = data["pace_per_week"], data["active_days"]
    if pace is not None:
        key = "activity.pace" if days >= PACE_DAYS else "activity.pace_since"
        head.append(" · " + msg(lang, key, n=f"{pace:g}", days=days))
    finish = data["finish"]
    if finish:
        note = msg(lang, "activity.finish", date=finish)
    elif pace is None and days:
        note = msg(lang, "activity.too_early", days=days)
    else:
        note = msg(lang, "activity.no_finish")
    counts = data["heatmap"]["counts"]
    weeks = (len(counts) + 6) // 7
    weekdays = msg(lang, "activity.weekdays")
    lines = []
    for weekday in range(7):
        line = Text(weekdays[weekday], style="dim")
        for week in range(weeks):
            index = week * 7 + weekday
            line.append(" ")
            line.append_text(_cell(counts[index]) if index < len(counts) else Text(" "))
        lines.append(line)
    goal = data["goal"]
    aim = [goal_line(goal, lang)] if goal is not None else []
    time = data["time"]
    if time is not None:
        recent, total = duration(lang, time["this_week"]), duration(lang, time["total"])
        aim.append(Text(f"⏱ {msg(lang, 'time.week', week=recent, total=total)}"))
    return Group(head, Text(note, style="dim"), *aim, *lines)


def goal_line(goal: GoalJSON, lang: str) -> Text:
    """`goal: 3 a week — 1 this week` or `goal: done by 2027-03-01 — needs 4.2 a week; at your pace 2027-06-10`."""
    if goal["per_week"] is not None:
        words = msg(lang, "goal.per_week", n=goal["per_week"], done=goal["this_week"])
    else:
        pace = goal["finish_at_pace"] or msg(lang, "goal.no_pace")
        words = msg(lang, "goal.by", date=goal["by"], n=f"{goal['needed_per_week']:g}", pace=pace)
    line = Text(f"{'✓' if goal['on_track'] else '○'} ", style="green" if goal["on_track"] else "yellow")
    return line.append(words)


def to_svg(view: RenderableType, title: str) -> str:
    """The view as an SVG picture of a terminal, in colour whatever the real terminal is."""
    from io import StringIO

    from rich.console import Console

    console = Console(record=True, width=100, file=StringIO(), force_terminal=True, color_system="truecolor")
    console.print(view)
    return console.export_svg(title=title)
