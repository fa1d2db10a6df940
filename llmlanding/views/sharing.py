"""Rich views of sharing: the study group's board, sync outcomes and practice repositories. Each returns a
renderable; nothing here prints."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypedDict

from rich.console import Group, RenderableType
from rich.text import Text

from llmlanding.domain.outline import Outline
from llmlanding.domain.stamps import local_time
from llmlanding.views.words import msg

if TYPE_CHECKING:
    from pathlib import Path

    from llmlanding.views.outcomes import RepoSummaryLike, SyncOutcomeLike
    from llmlanding.views.shapes import RepoJSON, TeamJSON


class SyncStatus(TypedDict):
    """What `sync --status` shows, from `sync.service.status`. Not a `--json` shape: `path` is a Path."""

    path: Path
    remote: str | None
    learner: str
    unsynced: int  # changes not yet written into the journal
    unpushed: int | None  # None without a remote
    uncommitted: list[str]


# `domain.team.board` and `sync.service.status` are still typed `dict[str, Any]`, and the views must keep taking
# what they return. The union keeps mypy checking every key read against the TypedDict all the same; drop the
# `dict[str, Any]` once those two return `TeamJSON` and `SyncStatus`.
if TYPE_CHECKING:
    TeamData = TeamJSON | dict[str, Any]
    SyncStatusData = SyncStatus | dict[str, Any]


def team_view(data: TeamData, outline: Outline, lang: str) -> RenderableType:
    """Chapters down, learners across: done/total in each cell; then what each learner is on now."""
    from rich.table import Table  # only here: off the hot path of status and next

    learners = data["learners"]
    if not learners:
        return Text(msg(lang, "team.empty"))
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("#", justify="right", style="cyan")
    table.add_column(msg(lang, "status.chapter"))
    for learner in learners:
        table.add_column(Text(learner["name"]), justify="right")  # a Text: data is never read as markup
    for chapter in outline.chapters:
        cells = []
        for learner in learners:
            c = learner["chapters"][chapter.id]
            counted = c["total"] - c["skipped"]
            style = "green" if counted and c["done"] == counted else ("" if c["done"] else "dim")
            cells.append(Text(f"{c['done']}/{counted}", style=style))
        table.add_row(chapter.id, Text(chapter.title(lang)), *cells)
    totals = [Text(f"{learner['overall']['percent']:.0f}%", style="bold") for learner in learners]
    table.add_row("", Text(msg(lang, "status.main"), style="bold"), *totals)
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


def sync_view(outcome: SyncOutcomeLike, lang: str) -> RenderableType:
    lines = [Text("✓ " + msg(lang, "sync.committed", appended=outcome.appended, imported=outcome.imported))]
    for item_id in outcome.note_conflicts:
        lines.append(Text("! " + msg(lang, "sync.note_conflict", item=item_id), style="yellow"))
    if outcome.refused:
        from llmlanding.views import errorwords  # only when a line was refused: the everyday views never need it
    for bad in outcome.refused:
        said = msg(lang, "sync.refused", file=bad.file, line=bad.line, learner=bad.learner, device=bad.device)
        lines.append(Text(f"! {said}: {errorwords.said(bad.why, lang)}", style="yellow"))
    if outcome.held:
        editions = ", ".join(outcome.held_editions)
        said = msg(lang, "sync.held", n=outcome.held, editions=editions, edition=outcome.edition)
        lines.append(Text(f"! {said}", style="yellow"))
    if outcome.remote is None:
        lines.append(Text(msg(lang, "sync.no_remote"), style="dim"))
    elif outcome.pushed:
        lines.append(Text("✓ " + msg(lang, "sync.pushed", remote=outcome.remote), style="green"))
    return Group(*lines)


def sync_failure(outcome: SyncOutcomeLike, lang: str) -> str | None:
    """Why a sync with a remote did not reach it or could not push, as one line; None when it did both."""
    if outcome.remote is None or outcome.pushed:
        return None
    reason = outcome.problem or msg(lang, "sync.offline")
    return msg(lang, "sync.failed", remote=outcome.remote, reason=reason)


def sync_status_view(data: SyncStatusData, lang: str) -> RenderableType:
    from rich.table import Table  # only here: off the hot path of status and next

    unpushed = data["unpushed"]
    rows = [
        (msg(lang, "sync.journal"), str(data["path"])),
        (msg(lang, "sync.remote"), data["remote"] or msg(lang, "sync.no_remote_value")),
        (msg(lang, "sync.learner"), data["learner"]),
        (msg(lang, "sync.unsynced"), str(data["unsynced"])),
        (msg(lang, "sync.unpushed"), "?" if unpushed is None else str(unpushed)),
    ]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim")
    grid.add_column()
    for label, value in rows:
        grid.add_row(label, Text(value))
    return grid


def repo_json(item_id: str, summary: RepoSummaryLike) -> RepoJSON:
    return {
        "item": item_id,
        "path": str(summary.path),
        "state": summary.state,
        "commits": [{"sha": c.sha, "message": c.message, "date": c.date.isoformat()} for c in summary.commits],
    }


def repo_line(summary: RepoSummaryLike, lang: str) -> Text:
    line = Text("  💻 ")
    line.append(str(summary.path), style="cyan")
    if summary.state == "ok" and summary.commits:
        latest = summary.commits[0]
        line.append(f"  {latest.date.astimezone().strftime('%Y-%m-%d')} {latest.message}", style="dim")
    elif summary.state == "empty":
        line.append("  " + msg(lang, "repo.empty"), style="yellow")
    elif summary.state == "missing":
        line.append("  " + msg(lang, "repo.missing"), style="red")
    else:
        line.append("  " + msg(lang, "repo.not_a_repo"), style="red")
    return line


def practice_view(summaries: Mapping[str, RepoSummaryLike], outline: Outline, lang: str) -> RenderableType:
    if not summaries:
        return Text(msg(lang, "practice.empty"))
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
