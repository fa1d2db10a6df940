"""Views of orphans: ids no longer in the roadmap that still hold the learner's work. No I/O."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from llmlanding.domain.snapshot import Orphaned
from llmlanding.views.progress import columns
from llmlanding.views.roadmap import state_line
from llmlanding.views.shapes import OrphanedJSON
from llmlanding.views.words import msg


def orphan_json(orphan: Orphaned) -> OrphanedJSON:
    return {
        "id": orphan.id,
        "title": {"zh": orphan.title_zh, "en": orphan.title_en},
        "status": orphan.state.status,
        "phases": orphan.state.phases,
        "note": orphan.note.text if orphan.note else None,
        "repo": orphan.repo,
    }


def _holds(orphan: Orphaned, lang: str) -> str:
    held = [msg(lang, "orphans.progress")] if orphan.state.status != "todo" else []
    held += [msg(lang, "orphans.note")] if orphan.note else []
    held += [msg(lang, "orphans.code")] if orphan.repo else []
    return ", ".join(held)


def orphans_view(orphans: list[Orphaned], lang: str) -> RenderableType:
    """One row per orphan: its old id and title, what it holds, and how to give it a new item."""
    if not orphans:
        return Text(msg(lang, "orphans.none"))
    rows = [
        [
            Text(orphan.id, style="cyan"),
            Text(orphan.title(lang)),
            state_line(orphan.state, lang) if orphan.state.status != "todo" else Text(""),
            Text(_holds(orphan, lang), style="dim"),
        ]
        for orphan in orphans
    ]
    hint = Text(msg(lang, "orphans.hint", id=orphans[0].id), style="dim")
    return Group(Text(msg(lang, "orphans.head", n=len(orphans)), style="bold"), *columns(rows, right=set()), hint)


def orphan_view(orphan: Orphaned, lang: str) -> RenderableType:
    """`show OLD` for an orphan: the titles it had, what it holds, its note."""
    head = Text()
    head.append(f"{orphan.id}  ", style="bold cyan")
    head.append(orphan.title(lang), style="bold")
    head.append(f"  ({msg(lang, 'orphans.gone')})", style="yellow")
    parts: list[RenderableType] = [head, state_line(orphan.state, lang)]
    if orphan.repo:
        parts.append(Text(f"{msg(lang, 'orphans.code')}: {orphan.repo}", style="dim"))
    if orphan.note:
        from rich.markdown import Markdown

        parts += [Text(f"\n{msg(lang, 'orphans.note')}", style="bold underline"), Markdown(orphan.note.text)]
    parts.append(Text(msg(lang, "orphans.hint", id=orphan.id), style="dim"))
    return Group(*parts)


def moved_view(orphan: Orphaned, target_id: str, target_title: str, lang: str) -> RenderableType:
    line = Text("→ ", style="bold")
    line.append(f"{orphan.id} ", style="cyan")
    line.append(f"{orphan.title(lang)} → ")
    line.append(f"{target_id} ", style="cyan")
    line.append(f"{target_title}: {_holds(orphan, lang)}")
    return line
