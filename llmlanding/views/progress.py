"""Rich views of progress: next, status, the dashboard, the log and what a change did. Each function takes the
JSON-shaped data from `shapes` (or an outcome) and returns a renderable; nothing here prints."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from llmlanding.domain.history import BatchView
from llmlanding.domain.outline import PHASES, Outline
from llmlanding.domain.progress import Tally, item_tally
from llmlanding.domain.stamps import local_time
from llmlanding.views.roadmap import PHASE_WORDS, TODO_MARK, count_of, linked_refs

JSON = dict[str, Any]


WORDS = {
    "zh": {
        "next": "下一步",
        "in": "所属",
        "phase": "阶段",
        "why": "理由",
        "why_doing": "已在学习中",
        "why_todo": "第一个尚未开始的主题",
        "in_path": "学习路径 {name}",
        "in_item": "{name} 之内",
        "all_done": "全部完成：{scope} 中的每个主题都已完成或跳过（{done}/{total}）。",
        "start_with": "从 {phase} 开始",
        "then": "接下来：{phase}",
        "main": "主线",
        "optional": "选学",
        "path": "路径",
        "chapter": "章",
        "done_col": "完成",
        "doing": "进行中",
        "skipped": "已跳过",
        "orphans": "{n} 个已不在路线图中的条目仍有进度（孤立）：{ids}",
        "nothing_to_undo": "没有可撤销的操作。",
        "undid": "已撤销「{command}」",
        "no_change": "没有变化",
        "no_history": "还没有任何记录。",
        "dashboard_doing": "正在学习",
        "todo_note": "上游 ToDo",
        "streak": "连续学习 {n}",
        "week": "本周完成 {n} 个主题",
        "pace": "近4周 每周 {n} 个",
        "finish": "按此进度预计 {date} 学完当前路径",
        "no_finish": "还没有进度，无法估计完成日期",
        "weekdays": "一二三四五六日",
    },
    "en": {
        "next": "Next",
        "in": "In",
        "phase": "Phase",
        "why": "Why",
        "why_doing": "already in progress",
        "why_todo": "the first topic not started yet",
        "in_path": "in path {name}",
        "in_item": "within {name}",
        "all_done": "All done: every topic {scope} is done or skipped ({done}/{total}).",
        "start_with": "start with {phase}",
        "then": "then {phase}",
        "main": "Main roadmap",
        "optional": "Optional",
        "path": "Path",
        "chapter": "Chapter",
        "done_col": "Done",
        "doing": "doing",
        "skipped": "skipped",
        "orphans": "{n} items no longer in the roadmap still have progress (orphaned): {ids}",
        "nothing_to_undo": "Nothing to undo.",
        "undid": "Undid `{command}`",
        "no_change": "nothing changed",
        "no_history": "No history yet.",
        "dashboard_doing": "In progress",
        "todo_note": "upstream ToDo",
        "streak": "streak: {n}",
        "week": "{n} topics this week",
        "pace": "{n} a week over 4 weeks",
        "finish": "at this pace the path is done by {date}",
        "no_finish": "no pace yet to estimate a finish date",
        "weekdays": "MTWTFSS",
    },
}


PHASE_NAMES = PHASE_WORDS


VERBS = {
    "zh": {
        "done": "完成",
        "start": "开始",
        "skip": "跳过",
        "reset": "重置",
        "undo": "撤销",
        "note": "笔记已保存",
        "practice": "已关联代码",
    },
    "en": {
        "done": "done",
        "start": "started",
        "skip": "skipped",
        "reset": "reset",
        "undo": "undone",
        "note": "note saved",
        "practice": "code linked",
    },
}


SYMBOLS = {"done": "✓", "start": "▶", "skip": "»", "reset": "↺", "undo": "↶", "note": "✎", "practice": "💻"}


STATUS_STYLE = {"done": "green", "doing": "yellow", "skipped": "dim", "todo": ""}


def w(lang: str, key: str, **values: Any) -> str:
    return WORDS[lang][key].format(**values)


def bar(percent: float, width: int = 20) -> Text:
    filled = round(width * percent / 100)
    text = Text("█" * filled, style="green")
    text.append("░" * (width - filled), style="dim")
    return text


def _title(data: JSON, lang: str) -> str:
    return str(data["title"][lang])


def _phases_line(phases: dict[str, bool], lang: str) -> Text:
    line = Text()
    for index, phase in enumerate(PHASES):
        if index:
            line.append(" · ", style="dim")
        done = phases[phase]
        line.append(("✓ " if done else "○ ") + PHASE_NAMES[lang][phase], style="green" if done else "")
    return line


def next_view(picks: list[JSON], scope: JSON, lang: str) -> RenderableType:
    if not picks:
        where = w(lang, "in_path" if scope["kind"] == "path" else "in_item", name=_title(scope, lang))
        return Text(w(lang, "all_done", scope=where, done=scope["done"], total=scope["total"]))
    if len(picks) > 1:
        return Group(*[_next_line(pick, lang) for pick in picks])
    return _next_full(picks[0], scope, lang)


def _next_line(pick: JSON, lang: str) -> Text:
    line = Text()
    line.append(f"{pick['id']}  ", style="bold cyan")
    line.append(_title(pick, lang), style="bold")
    phase = pick["next_phase"]
    if phase:
        line.append(f"  → {PHASE_NAMES[lang][phase]}", style="yellow" if pick["reason"] == "doing" else "")
    if pick["upstream_todo"]:
        line.append(f"  {TODO_MARK}", style="yellow")
    return line


def _next_full(pick: JSON, scope: JSON, lang: str) -> RenderableType:
    other = "en" if lang == "zh" else "zh"
    parts: list[RenderableType] = []
    head = Text()
    head.append(f"{w(lang, 'next')}: ", style="bold")
    head.append(f"{pick['id']}  ", style="bold cyan")
    head.append(_title(pick, lang), style="bold")
    head.append(f"  {pick['title'][other]}", style="italic")
    parts.append(head)
    if pick["parents"]:
        trail = " › ".join(f"{p['id']} {p['title'][lang]}" for p in pick["parents"])
        parts.append(Text(f"{w(lang, 'in')}: {trail}", style="dim"))
    phase_line = Text(f"{w(lang, 'phase')}: ")
    phase_line.append_text(_phases_line(pick["phases"], lang))
    if pick["next_phase"]:
        key = "start_with" if pick["reason"] == "todo" else "then"
        phase_line.append(f"  → {w(lang, key, phase=PHASE_NAMES[lang][pick['next_phase']])}", style="bold")
    parts.append(phase_line)
    where = w(lang, "in_path" if scope["kind"] == "path" else "in_item", name=_title(scope, lang))
    reason = w(lang, "why_doing" if pick["reason"] == "doing" else "why_todo")
    parts.append(Text(f"{w(lang, 'why')}: {reason}, {where} ({scope['done']}/{scope['total'] - scope['skipped']})"))
    if pick["upstream_todo"]:
        parts.append(Text(f"{TODO_MARK}: {w(lang, 'todo_note')}", style="yellow"))
    parts.extend(linked_refs(pick["papers"], pick["links"], lang))
    return Group(*parts)


def _tally_text(t: JSON, lang: str) -> Text:
    text = Text()
    text.append_text(bar(t["percent"]))
    text.append(f" {t['percent']:5.1f}%  {t['done']}/{t['total'] - t['skipped']}")
    extras = []
    if t["doing"]:
        extras.append(f"{t['doing']} {w(lang, 'doing')}")
    if t["skipped"]:
        extras.append(f"{t['skipped']} {w(lang, 'skipped')}")
    if extras:
        text.append("  · " + " · ".join(extras), style="dim")
    return text


def columns(rows: list[list[Text]], right: set[int], gap: int = 2) -> list[Text]:
    """Rows of cells as aligned lines. Hand-made rather than rich's Table, which costs `status` a third of its
    run time; cell_len keeps Chinese titles (two cells a character) aligned."""
    from rich.cells import cell_len

    widths = [max(cell_len(row[i].plain) for row in rows) for i in range(len(rows[0]))] if rows else []
    lines = []
    for row in rows:
        line = Text()
        for index, cell in enumerate(row):
            pad = " " * (widths[index] - cell_len(cell.plain))
            if index:
                line.append(" " * gap)
            if index in right:
                line.append(pad)
                line.append_text(cell)
            else:
                line.append_text(cell)
                if index < len(row) - 1:
                    line.append(pad)
        lines.append(line)
    return lines


def _summary(data: JSON, lang: str, optional: bool) -> list[Text]:
    rows = [[Text(w(lang, "main")), _tally_text(data["overall"], lang)]]
    if optional and data["optional"]["total"]:
        rows.append([Text(w(lang, "optional")), _tally_text(data["optional"], lang)])
    rows.append([Text(f"{w(lang, 'path')} {data['path']['id']}"), _tally_text(data["path"], lang)])
    return columns(rows, set())


def status_view(data: JSON, lang: str) -> RenderableType:
    parts: list[RenderableType] = [Text(str(data["roadmap"]["title"][lang]), style="bold")]
    parts.extend(_summary(data, lang, optional=True))
    rows = [
        [
            Text("#", style="bold"),
            Text(w(lang, "chapter"), style="bold"),
            Text(w(lang, "done_col"), style="bold"),
            Text("%", style="bold"),
            Text(""),
        ]
    ]
    for chapter in data["chapters"]:
        name = _title(chapter, lang) + (f" ({w(lang, 'optional')})" if chapter["optional"] else "")
        rows.append(
            [
                Text(chapter["id"], style="cyan"),
                Text(name, style=STATUS_STYLE[chapter["status"]]),
                Text(f"{chapter['done']}/{chapter['total'] - chapter['skipped']}"),
                Text(f"{chapter['percent']:.0f}%"),
                bar(chapter["percent"], 12),
            ]
        )
    parts.append(Text(""))
    parts.extend(columns(rows, right={0, 2, 3}))
    parts.append(Text(""))
    parts.append(activity_view(data["activity"], lang))
    if data["orphans"]:
        ids = ", ".join(o["id"] for o in data["orphans"])
        parts.append(Text(w(lang, "orphans", n=len(data["orphans"]), ids=ids), style="yellow"))
    return Group(*parts)


def dashboard_view(status: JSON, doing: list[JSON], pick: list[JSON], scope: JSON, lang: str) -> RenderableType:
    parts: list[RenderableType] = [Text(str(status["roadmap"]["title"][lang]), style="bold")]
    parts.extend(_summary(status, lang, optional=False))
    if doing:
        parts.append(Text(f"\n{w(lang, 'dashboard_doing')}", style="bold underline"))
        parts.extend(_next_line(item, lang) for item in doing)
    parts.append(Text(""))
    parts.append(next_view(pick, scope, lang))
    return Group(*parts)


def _scope_progress(outline: Outline, states: Any, item_id: str, lang: str) -> str:
    chapter_id = item_id.split(".")[0]
    if chapter_id not in outline.items:
        return ""
    t: Tally = item_tally(outline, states, chapter_id)
    label = "第 {id} 章" if lang == "zh" else "chapter {id}"
    return f" · {label.format(id=chapter_id)}: {t.done}/{t.counted}"


def change_view(outcome: Any, lang: str) -> RenderableType:
    """`✓ 3.2 GPT — 11 topics done · chapter 3: 14/30`, one line per requested item."""
    outline = outcome.after.outline
    states = outcome.after.states
    command = outcome.command
    if command == "undo":
        if outcome.undone is None:
            return Text(w(lang, "nothing_to_undo"))
        lines = [Text(f"{SYMBOLS['undo']} {w(lang, 'undid', command=outcome.undone.command)}", style="bold")]
    else:
        lines = []
    changed_leaves = {c.item_id for c in outcome.changes}
    for item_id in outcome.requested:
        item = outline.items.get(item_id)
        line = Text()
        name = item.title(lang) if item else item_id
        if item is not None and not item.is_leaf and command not in ("note", "practice"):
            leaves = outline.leaves_under(item_id)
            count = len([leaf for leaf in leaves if leaf in changed_leaves])
            what = f"{count_of(lang, count, 'topic')} {VERBS[lang][command]}"
        else:
            count = 1 if item_id in changed_leaves else 0
            what = VERBS[lang][command]
        if command == "note" and outcome.changes and outcome.changes[0].new is None:
            what = "笔记已删除" if lang == "zh" else "note deleted"
        if outcome.phase is not None:
            what = (
                f"{PHASE_NAMES[lang][outcome.phase]} {what}"
                if lang == "en"
                else f"{what}{PHASE_NAMES[lang][outcome.phase]}"
            )
        if count == 0:
            line.append(f"· {item_id} {name} — {w(lang, 'no_change')}", style="dim")
        else:
            line.append(f"{SYMBOLS[command]} ", style="green" if command == "done" else "bold")
            line.append(f"{item_id} ", style="cyan")
            line.append(f"{name} — {what}")
            if item is not None and item.is_leaf and command == "done":
                state = states.get(item_id)
                if state is not None and state.status != "done" and state.next_phase:
                    line.append(f" ({w(lang, 'then', phase=PHASE_NAMES[lang][state.next_phase])})")
        line.append(_scope_progress(outline, states, item_id, lang), style="dim")
        lines.append(line)
    return Group(*lines)


def log_view(batches: list[BatchView], outline: Outline, lang: str) -> RenderableType:
    if not batches:
        return Text(w(lang, "no_history"))
    parts: list[RenderableType] = []
    for batch in batches:
        head = Text()
        head.append(local_time(batch.at), style="dim")
        head.append(f"  {batch.command}", style="bold")
        head.append(f"  ({len(batch.events)})", style="dim")
        parts.append(head)
        by_item: dict[str, list[str]] = {}
        for event in batch.events:
            if event.field in PHASES:
                mark = "✓" if event.new == "1" else "✗"
                by_item.setdefault(event.item_id, []).append(f"{PHASE_NAMES[lang][event.field]} {mark}")
            else:
                by_item.setdefault(event.item_id, []).append(f"{event.field}: {event.old} → {event.new}")
        for item_id, words in by_item.items():
            item = outline.items.get(item_id)
            name = item.title(lang) if item else item_id
            line = Text(f"  {item_id} ", style="cyan")
            line.append(f"{name}  ")
            line.append(", ".join(words), style="dim")
            parts.append(line)
    return Group(*parts)


def paths_view(paths: list[JSON], lang: str) -> RenderableType:
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
            Text(_title(path, lang), style="bold" if path["active"] else ""),
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


def activity_view(data: JSON, lang: str) -> RenderableType:
    """The streak, the pace, the finish estimate and a 12-week calendar, a column a week, Monday on top."""
    head = Text()
    days = data["streak"]
    span = f"{days} 天" if lang == "zh" else f"{days} day{'' if days == 1 else 's'}"
    head.append(w(lang, "streak", n=span), style="bold")
    head.append(" · " + w(lang, "week", n=data["this_week"]))
    head.append(" · " + w(lang, "pace", n=f"{data['pace_per_week']:g}"))
    finish = Text(w(lang, "finish", date=data["finish"]) if data["finish"] else w(lang, "no_finish"), style="dim")
    counts = data["heatmap"]["counts"]
    weeks = (len(counts) + 6) // 7
    lines = []
    for weekday in range(7):
        line = Text(WORDS[lang]["weekdays"][weekday], style="dim")
        for week in range(weeks):
            index = week * 7 + weekday
            line.append(" ")
            line.append_text(_cell(counts[index]) if index < len(counts) else Text(" "))
        lines.append(line)
    return Group(head, finish, *lines)


def to_svg(view: RenderableType, title: str) -> str:
    """The view as an SVG picture of a terminal, in colour whatever the real terminal is."""
    from io import StringIO

    from rich.console import Console

    console = Console(record=True, width=100, file=StringIO(), force_terminal=True, color_system="truecolor")
    console.print(view)
    return console.export_svg(title=title)
