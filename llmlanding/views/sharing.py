"""Rich views of sharing: the study group's board, sync outcomes and practice repositories. Each returns a
renderable; nothing here prints."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from llmlanding.domain.outline import Outline
from llmlanding.domain.stamps import local_time
from llmlanding.views.progress import JSON, w


def team_view(data: JSON, outline: Outline, lang: str) -> RenderableType:
    """Chapters down, learners across: done/total in each cell; then what each learner is on now."""
    from rich.table import Table  # only here: off the hot path of status and next

    learners = data["learners"]
    if not learners:
        return Text("日志里还没有任何人的进度。" if lang == "zh" else "Nobody's progress is in the journal yet.")
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("#", justify="right", style="cyan")
    table.add_column(w(lang, "chapter"))
    for learner in learners:
        table.add_column(learner["name"], justify="right")
    for chapter in outline.chapters:
        cells = []
        for learner in learners:
            c = learner["chapters"][chapter.id]
            counted = c["total"] - c["skipped"]
            style = "green" if counted and c["done"] == counted else ("" if c["done"] else "dim")
            cells.append(Text(f"{c['done']}/{counted}", style=style))
        table.add_row(chapter.id, chapter.title(lang), *cells)
    totals = [Text(f"{learner['overall']['percent']:.0f}%", style="bold") for learner in learners]
    table.add_row("", Text(w(lang, "main"), style="bold"), *totals)
    parts: list[RenderableType] = [table, Text("")]
    for learner in learners:
        line = Text(f"{learner['name']}: ", style="bold")
        on = learner["doing"][:3] or ([learner["next"]] if learner["next"] else [])
        names = [f"{i} {outline.items[i].title(lang)}" for i in on if i in outline.items]
        line.append(", ".join(names) if names else "—")
        if learner["last_active"]:
            line.append(f"  ({local_time(learner['last_active'])})", style="dim")
        parts.append(line)
    return Group(*parts)


def sync_view(outcome: Any, lang: str) -> RenderableType:
    zh = lang == "zh"
    lines = [
        Text(
            (f"✓ 日志已提交：本机 {outcome.appended} 条新变更，导入其他机器的 {outcome.imported} 条")
            if zh
            else f"✓ journal committed: {outcome.appended} new changes from here, {outcome.imported} imported"
        )
    ]
    for item_id in outcome.note_conflicts:
        lines.append(
            Text(
                f"! {item_id} 的笔记在两台机器上都改过：两份内容都保留并作了标记，请整理：llmlanding note {item_id}"
                if zh
                else f"! the note on {item_id} was edited on two machines: both texts are kept, marked; "
                f"tidy it with `llmlanding note {item_id}`",
                style="yellow",
            )
        )
    if outcome.remote is None:
        lines.append(Text("没有远程仓库：只在本地提交。" if zh else "No remote: committed locally only.", style="dim"))
    elif outcome.pushed:
        lines.append(Text(f"✓ 已推送到 {outcome.remote}" if zh else f"✓ pushed to {outcome.remote}", style="green"))
    else:
        reason = outcome.problem or ("离线" if zh else "offline")
        lines.append(
            Text(
                f"未能同步到 {outcome.remote}：{reason}；本地更改已安全提交，稍后再运行 llmlanding sync"
                if zh
                else f"could not sync with {outcome.remote}: {reason}; your changes are committed locally; "
                "run `llmlanding sync` again later",
                style="yellow",
            )
        )
    return Group(*lines)


def sync_status_view(data: JSON, lang: str) -> RenderableType:
    from rich.table import Table  # only here: off the hot path of status and next

    zh = lang == "zh"
    rows = [
        ("日志" if zh else "journal", str(data["path"])),
        ("远程" if zh else "remote", data["remote"] or ("（无）" if zh else "(none)")),
        ("学习者" if zh else "learner", data["learner"]),
        ("未写入日志的变更" if zh else "changes not in the journal", str(data["unsynced"])),
        ("未推送的提交" if zh else "commits not pushed", "?" if data["unpushed"] is None else str(data["unpushed"])),
    ]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim")
    grid.add_column()
    for label, value in rows:
        grid.add_row(label, value)
    return grid


def repo_json(item_id: str, summary: Any) -> JSON:
    return {
        "item": item_id,
        "path": str(summary.path),
        "state": summary.state,
        "commits": [{"sha": c.sha, "message": c.message, "date": c.date.isoformat()} for c in summary.commits],
    }


def repo_line(summary: Any, lang: str) -> Text:
    zh = lang == "zh"
    line = Text("  💻 ")
    line.append(str(summary.path), style="cyan")
    if summary.state == "ok" and summary.commits:
        latest = summary.commits[0]
        line.append(f"  {latest.date.astimezone().strftime('%Y-%m-%d')} {latest.message}", style="dim")
    elif summary.state == "empty":
        line.append("  （还没有提交）" if zh else "  (no commits yet)", style="yellow")
    elif summary.state == "missing":
        line.append("  （文件夹已移动或删除）" if zh else "  (moved or deleted)", style="red")
    else:
        line.append("  （不再是 git 仓库）" if zh else "  (no longer a git repository)", style="red")
    return line


def practice_view(summaries: dict[str, Any], outline: Outline, lang: str) -> RenderableType:
    if not summaries:
        return Text(
            "还没有关联代码仓库：llmlanding practice link ID PATH"
            if lang == "zh"
            else "No repositories linked yet: llmlanding practice link ID PATH"
        )
    parts: list[RenderableType] = []
    for item_id, summary in summaries.items():
        item = outline.items.get(item_id)
        head = Text(f"{item_id} ", style="bold cyan")
        head.append(item.title(lang) if item else item_id, style="bold")
        parts.append(head)
        parts.append(repo_line(summary, lang))
        for commit in summary.commits[1:]:
            parts.append(Text(f"      {commit.date.astimezone().strftime('%Y-%m-%d')} {commit.message}", style="dim"))
    return Group(*parts)
