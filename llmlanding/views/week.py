"""`week`: the weekly recap as a terminal screen and as markdown to publish. From a `domain.week.Recap`, the
outline and the first lines of the notes written; nothing here prints."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from llmlanding import __version__
from llmlanding.domain.digest import Recap
from llmlanding.domain.notes import shorten
from llmlanding.domain.outline import Outline
from llmlanding.views.fit import Line
from llmlanding.views.words import PHASE_WORDS, count_of, duration, msg

NOTE_LINE = 70  # columns of a note's first line in the recap


def _head(recap: Recap, lang: str) -> str:
    return msg(lang, "week.head", first=recap.first.isoformat(), last=recap.last.isoformat())


def _tail(recap: Recap, lang: str) -> str:
    parts = [msg(lang, "week.changes", n=recap.changes)]
    if recap.reviews:
        parts.insert(0, count_of(lang, recap.reviews, "review"))
    if recap.minutes:
        parts.insert(0, f"⏱ {duration(lang, recap.minutes)}")
    return " · ".join(parts)


def week_view(recap: Recap, outline: Outline, firsts: dict[str, str], lang: str) -> RenderableType:
    parts: list[RenderableType] = [Text(_head(recap, lang), style="bold")]
    if not recap.changes:
        return Group(*parts, Text(msg(lang, "week.nothing")))
    title = {item_id: outline.items[item_id].title(lang) for item_id in outline.items}
    if recap.finished:
        parts.append(Text(msg(lang, "week.finished", n=count_of(lang, len(recap.finished), "topic")), style="bold"))
        parts += [Line(_line("✓", i, title[i], "green")) for i in recap.finished]
    if recap.phases:
        parts.append(Text(msg(lang, "week.phases"), style="bold"))
        rows = [_line("○", i, f"{PHASE_WORDS[lang][p]} · {title[i]}", "yellow") for i, p in recap.phases]
        parts += [Line(row) for row in rows]
    if recap.notes:
        parts.append(Text(msg(lang, "week.notes"), style="bold"))
        rows = []
        for item_id in recap.notes:
            line = _line("✎", item_id, title[item_id], "")
            first = firsts.get(item_id, "")
            if first:
                line.append(f" — {shorten(first, NOTE_LINE)}", style="dim")
            rows.append(line)
        parts += [Line(row) for row in rows]
    parts.append(Text(_tail(recap, lang), style="dim"))
    return Group(*parts)


def _line(mark: str, item_id: str, words: str, style: str) -> Text:
    line = Text(f"  {mark} ", style=style)
    line.append(f"{item_id} ", style="cyan")
    return line.append(words)


def week_markdown(recap: Recap, outline: Outline, firsts: dict[str, str], lang: str) -> str:
    """The recap as markdown: headings, plain bullets (not tasks: a recap ticks nothing when imported)."""
    title = {item_id: outline.items[item_id].title(lang) for item_id in outline.items}
    lines = [f"# {_head(recap, lang)}", ""]
    if not recap.changes:
        lines += [msg(lang, "week.nothing"), ""]
    if recap.finished:
        lines += [f"## {msg(lang, 'week.finished', n=count_of(lang, len(recap.finished), 'topic'))}", ""]
        lines += [f"- {i} {title[i]}" for i in recap.finished] + [""]
    if recap.phases:
        lines += [f"## {msg(lang, 'week.phases')}", ""]
        lines += [f"- {i} {title[i]} — {PHASE_WORDS[lang][p]}" for i, p in recap.phases] + [""]
    if recap.notes:
        lines += [f"## {msg(lang, 'week.notes')}", ""]
        for item_id in recap.notes:
            first = firsts.get(item_id, "")
            lines.append(f"- **{item_id} {title[item_id]}**" + (f" — {first}" if first else ""))
        lines.append("")
    lines.append(f"_{_tail(recap, lang)} · llmlanding {__version__}_")
    return "\n".join(lines) + "\n"
