"""Markdown out: the progress report (GitHub-flavoured, with mermaid charts) and notes as one file per chapter
with front matter, ready for a blog or a vault. Pure functions: a snapshot in, text out."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from llmlanding import __version__
from llmlanding.domain.notes import Note
from llmlanding.domain.outline import PHASES, Item
from llmlanding.domain.progress import TODO, LeafState, Tallies, added, item_tally, main_leaves
from llmlanding.domain.snapshot import Orphaned, Snapshot
from llmlanding.domain.stamps import local_day, local_days
from llmlanding.views.words import PHASE_WORDS, STATUS_WORDS, both_titles, msg

if TYPE_CHECKING:
    from llmlanding.views.outcomes import RepoSummaryLike

WEEKS = 12


def _bar(percent: float, width: int = 10) -> str:
    filled = round(width * percent / 100)
    return "█" * filled + "░" * (width - filled)


def _titles(item: Item, lang: str) -> str:
    return both_titles(item.title_zh, item.title_en, lang)


def _escape_table(text: str) -> str:
    return text.replace("|", "\\|")


def _quote(text: str, indent: str, level: int) -> list[str]:
    """A note as a block quote under a heading of `level`: the quote keeps whatever the note holds (an unclosed
    code fence, raw HTML) from reaching past it, and the note's own headings go below `level`."""
    body = text[:-1] if text[-1:] == "\n" else text
    if body and body.isprintable() and "#" not in body:  # one line (a `note -m`), no heading: nothing to split
        return [f"{indent}> {body}".rstrip()]  # (its only printable blank is the space, which rstrip takes)
    lines = (_demoted(text, level) if "#" in text else text).splitlines()  # no #, no heading to move
    return [f"{indent}> {line}".rstrip() if line.strip() else f"{indent}>" for line in lines]


_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"( {0,3})(#{1,6})(?=[ \t]|$)")


def _demoted(text: str, level: int) -> str:
    """The text with its headings moved so that its highest is one below `level` (keeping their steps, at most
    6); code fences left as they are."""
    lines = text.splitlines(keepends=True)
    found = _headings(lines)
    if not found:
        return text
    shift = max(0, level + 1 - min(len(lines[i][lines[i].index("#") :].split()[0]) for i in found))
    for index in found:
        heading = _HEADING.match(lines[index])
        assert heading is not None
        deeper = "#" * min(6, len(heading.group(2)) + shift)
        lines[index] = heading.group(1) + deeper + lines[index][heading.end() :]
    return "".join(lines)


def _headings(lines: list[str]) -> list[int]:
    """The indexes of the ATX heading lines, outside code fences."""
    found = []
    fence = ""
    for index, line in enumerate(lines):
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
        elif opened:
            fence = opened.group(1)
        elif _HEADING.match(line):
            found.append(index)
    return found


def report_parts(
    snap: Snapshot,
    notes: dict[str, Note],
    lang: str,
    today: date,
    within: str | None = None,
    code: Mapping[str, RepoSummaryLike] | None = None,
    orphans: Sequence[Orphaned] = (),
) -> Iterator[str]:
    """The report's text in parts, a chapter at a time, to be written as it is made: a 10,000-topic roadmap's is
    2 MB, and held whole (its lines, their join, its encoding) it costs a fresh process a new page of memory for
    every 4 KB of each copy. An item `within` names that the roadmap lacks is an error now, before any part.

    `code` maps item ids to the `sync.repos.RepoSummary` of their linked repositories; `orphans`, the ids no
    longer in the roadmap that hold work, get a section of their own."""
    roots = [snap.outline.get(within)] if within else snap.outline.chapters
    return _ended(_report_chunks(snap, notes, lang, today, roots, within, code, orphans))


def _report_chunks(
    snap: Snapshot,
    notes: dict[str, Note],
    lang: str,
    today: date,
    roots: list[Item],
    within: str | None,
    code: Mapping[str, RepoSummaryLike] | None,
    orphans: Sequence[Orphaned],
) -> Iterator[list[str]]:
    """The report's lines, in chunks: the header, each chapter (or the item asked for), the orphans."""
    outline = snap.outline
    lines: list[str] = []
    scope = f" — {_titles(roots[0], lang)}" if within else ""
    lines.append(f"# {outline.title(lang)}{scope}")
    lines.append("")
    path = outline.paths[snap.active_path]
    made, path_word = msg(lang, "report.generated"), msg(lang, "report.path")
    lines.append(f"_{made} {today.isoformat()} · llmlanding {__version__} · {path_word}: {path.title(lang)}_")
    lines.append("")

    lines.append(f"## {msg(lang, 'report.overall')}")
    lines.append("")
    # The header's topics, which the charts count too: the item's, or the main roadmap's (no optional chapter).
    tallies = Tallies(outline, snap.states)
    if within:
        overall = tallies[roots[0].id]
        counted = set(outline.leaves_under(roots[0].id))
    else:
        overall = added(tallies[chapter.id] for chapter in roots if not chapter.optional)
        counted = set(main_leaves(outline))
    word = msg(lang, "report.topics_done")
    lines.append(
        f"**{overall.done} / {overall.counted} {word} ({overall.percent:.1f}%)** `{_bar(overall.percent, 20)}`  "
    )
    extra = [
        f"{overall.doing} {STATUS_WORDS[lang]['doing']}",
        f"{overall.skipped} {STATUS_WORDS[lang]['skipped']}",
    ]
    if not within:
        optional = added(tallies[chapter.id] for chapter in roots if chapter.optional)
        extra.append(f"{msg(lang, 'report.optional')}: {optional.done}/{optional.counted}")
    lines.append(" · ".join(extra))
    lines.append("")

    chapter_rows = roots if not within or roots[0].kind == "chapter" else []
    if chapter_rows:
        lines += [msg(lang, "report.chapter_head"), "|---:|---|---:|---:|---|"]
        for chapter in chapter_rows:
            t = tallies[chapter.id]
            name = _escape_table(_titles(chapter, lang))
            if chapter.optional:
                name += " " + msg(lang, "report.optional_mark")
            lines.append(f"| {chapter.id} | {name} | {t.done}/{t.counted} | {t.percent:.0f}% | `{_bar(t.percent)}` |")
        lines.append("")

    lines += ["```mermaid", f"pie showData title {msg(lang, 'report.pie_title')}"]
    for status, count in (
        ("done", overall.done),
        ("doing", overall.doing),
        ("todo", overall.todo),
        ("skipped", overall.skipped),
    ):
        lines.append(f'    "{STATUS_WORDS[lang][status]}" : {count}')
    lines += ["```", ""]

    week_starts = [today - timedelta(days=today.weekday()) - timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]
    per_week = [0] * WEEKS
    first = week_starts[0]
    done_days = _done_days(snap)
    for leaf, day in done_days.items():
        if leaf in counted:
            week = (day - first).days // 7
            if 0 <= week < WEEKS:
                per_week[week] += 1
    labels = ", ".join(f'"{start.strftime("%m-%d")}"' for start in week_starts)
    lines += [
        "```mermaid",
        "xychart-beta",
        f'    title "{msg(lang, "report.per_week")}"',
        f"    x-axis [{labels}]",
        f'    y-axis "{msg(lang, "report.per_week_axis")}" 0 --> {max([*per_week, 1])}',
        f"    bar [{', '.join(str(n) for n in per_week)}]",
        "```",
        "",
    ]

    yield lines
    sections = _Sections(snap, notes, lang, code or {}, tallies, done_days)
    for root in roots:
        sections.lines = lines = []
        sections.item(root.id)
        yield lines
    if orphans and not within:
        lines = [f"## {msg(lang, 'report.orphans')}", ""]
        for orphan in orphans:
            # A plain bullet, not a task: a report imported elsewhere ticks nothing that is not in the roadmap.
            state = STATUS_WORDS[lang][orphan.state.status]
            lines.append(f"- {orphan.id} {both_titles(orphan.title_zh, orphan.title_en, lang)} — {state}")
            if orphan.note:
                lines += ["", *_quote(orphan.note.text, "  ", 2), ""]
        lines.append("")
        yield lines


def _done_days(snap: Snapshot) -> dict[str, date]:
    """Each topic done, and the local day it was finished on: worked out once per stamp (topics done together share
    one), in one pass (a 10,000-topic roadmap has thousands)."""
    status = {state: state.status for state in set(snap.states.values())}  # a few distinct states
    finished = snap.finished
    done = [leaf for leaf, state in snap.states.items() if status[state] == "done" and leaf in finished]
    stamps = list({finished[leaf] for leaf in done})
    day_of = dict(zip(stamps, local_days(stamps), strict=True))
    return {leaf: day_of[finished[leaf]] for leaf in done}


def _ended(chunks: Iterable[list[str]]) -> Iterator[str]:
    """Chunks of lines as the text of all of them joined by newlines, its end stripped of newlines and given one:
    each chunk once the next holds anything but blank lines, and the last stripped."""
    held: list[str] = []
    for lines in chunks:
        if held and any(line.rstrip("\n") for line in lines):
            yield "\n".join(held) + "\n"
            held = []
        held += lines
    yield "\n".join(held).rstrip("\n") + "\n"


class _Sections:
    """The roadmap's part of the report, item by item. A report of a 10,000-topic roadmap writes a line a topic:
    a section's topics are written from their fields (`Outline.task_columns`) without building each one, in one
    loop, and what each state and each finished topic's day read as is worked out once, before it."""

    def __init__(
        self,
        snap: Snapshot,
        notes: dict[str, Note],
        lang: str,
        code: Mapping[str, RepoSummaryLike],
        tallies: Tallies,
        done_days: dict[str, date],
    ) -> None:
        self.notes, self.lang, self.code, self.tallies = notes, lang, code, tallies
        self.lines: list[str] = []  # where the lines go: the caller's to take
        self.outline = outline = snap.outline
        self.states = states = snap.states
        # A state's tick and the words after the title: a roadmap's leaves share a few states.
        self.marks = {state: self._marks(state) for state in {*states.values(), TODO}}
        # A finished topic's day as the report prints it, printed once per day.
        word = msg(lang, "report.done_on")
        printed = {day: f" ({word} {day.isoformat()})" for day in set(done_days.values())}
        self.done_on = {leaf: printed[day] for leaf, day in done_days.items()}
        self.note_word = msg(lang, "report.note")
        self.branches = outline.branches()

    def item(self, item_id: str) -> None:
        """The item's heading, its note, its topics as one task list with nothing between them (a blank line or
        a quote inside makes the list loose, which parts GFM's checkboxes from their text), then each topic's
        note under a heading of its own, then the item's sections. By id, with the fields it needs read from
        the outline's columns: a 10,000-topic roadmap has 1,100 chapters and sections to head."""
        lines, notes, outline, lang = self.lines, self.notes, self.outline, self.lang
        children = outline.children_of(item_id)
        if not children:
            self.topics([item_id], 2)
            return
        level = {"chapter": 2, "section": 3}.get(outline.kind_of(item_id), 4)
        t = self.tallies[item_id]
        (zh,), (en,), _todo, _papers = outline.task_columns([item_id])
        lines += [f"{'#' * level} {item_id} {both_titles(zh, en, lang)} ({t.done}/{t.counted})", ""]
        if item_id in notes:
            lines += _quote(notes[item_id].text, "", level)
            lines.append("")
        branches = self.branches
        topics = [child for child in children if child not in branches]
        if topics:
            self.topics(topics, min(level + 1, 6))
        for child in children:
            if child in branches:
                self.item(child)

    def topics(self, topics: list[str], level: int) -> None:
        """Topics, a line each, in one loop (a report of a 10,000-topic roadmap writes 10,000), from their fields
        as columns: no object made per topic. Then their notes, each under a heading of this `level`."""
        lines, states, marks, done_on = self.lines, self.states, self.marks, self.done_on
        lang, code, notes, hashes, word = self.lang, self.code, self.notes, "#" * level, self.note_word
        noted: list[str] = []  # the notes' lines, which follow the list
        columns = self.outline.task_columns(topics)
        for item_id, zh, en, upstream_todo, papers in zip(topics, *columns, strict=True):
            tick, after = marks[states.get(item_id, TODO)]
            titles = both_titles(zh, en, lang)
            lines.append(
                f"- [{tick}] {item_id} {titles}{done_on.get(item_id, '')}{after}{' · ToDo' if upstream_todo else ''}"
            )
            if papers or item_id in code:
                self.extras(item_id, papers)
            note = notes.get(item_id)
            if note is not None:
                noted += [f"{hashes} {item_id} {titles} — {word}", ""]
                noted += _quote(note.text, "", level)
                noted.append("")
        lines.append("")
        lines += noted

    def extras(self, item_id: str, papers: Sequence[tuple[str, str, int]]) -> None:
        """The lines under a topic's: its papers and its linked code."""
        for title, url, year in papers:
            self.lines.append(f"  - 📄 [{title} ({year})]({url})")
        repo = self.code.get(item_id)
        if repo is not None:
            latest = (
                f" — {repo.commits[0].date.date().isoformat()} {repo.commits[0].message}"
                if repo.commits
                else f" ({repo.state})"
            )
            self.lines.append(f"  - 💻 `{repo.path}`{latest}")

    def _marks(self, state: LeafState) -> tuple[str, str]:
        lang, status = self.lang, state.status
        words = f" ({STATUS_WORDS[lang][status]})" if status in ("doing", "skipped") else ""
        phases = " ".join(f"{PHASE_WORDS[lang][p]} {'✓' if state.phases[p] else '○'}" for p in PHASES)
        return ("x" if status == "done" else " "), f"{words} — {phases}"


def slug(text: str, limit: int = 50) -> str:
    """A file-name-safe ASCII slug: letters, digits and '-' only, so it can never name another folder."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return cleaned[:limit].strip("-") or "chapter"


@dataclass(frozen=True)
class NoteFile:
    name: str
    text: str


def note_files(snap: Snapshot, notes: dict[str, Note], today: date, orphans: Sequence[Orphaned] = ()) -> list[NoteFile]:
    """One markdown file per chapter that has notes: front matter, then every note under its item's heading; and
    `orphans.md` for the notes of ids no longer in the roadmap."""
    outline = snap.outline
    files: list[NoteFile] = []
    for chapter in outline.chapters:
        ids = [chapter.id, *outline.descendants(chapter.id)]
        with_notes = [i for i in ids if i in notes]
        if not with_notes:
            continue
        t = item_tally(outline, snap.states, chapter.id)
        updated = max(local_day(notes[i].at) for i in with_notes)
        front = {
            "id": chapter.id,
            "title_zh": chapter.title_zh,
            "title_en": chapter.title_en,
            "status": t.status,
            "progress": f"{t.done}/{t.counted}",
            "updated": updated.isoformat(),
            "exported": today.isoformat(),
        }
        finished = [snap.finished[leaf] for leaf in outline.leaves_under(chapter.id) if leaf in snap.finished]
        if t.status == "done" and finished:
            front["completed"] = local_day(max(finished)).isoformat()
        # JSON strings are valid YAML scalars: titles with colons or quotes stay safe.
        lines = ["---", *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()), "---", ""]
        lines.append(f"# {chapter.id} {_titles(chapter, 'zh')}")
        lines.append("")
        for item_id in with_notes:
            item = outline.items[item_id]
            if item_id != chapter.id:
                level = "##" if item.kind == "section" else "###"
                lines.append(f"{level} {item.id} {_titles(item, 'zh')}")
                lines.append("")
            lines.append(notes[item_id].text.rstrip("\n"))
            lines.append("")
        name = f"{int(chapter.id):02d}-{slug(chapter.title_en)}.md"
        files.append(NoteFile(name, "\n".join(lines)))
    noted = [orphan for orphan in orphans if orphan.note]
    if noted:
        front = {"title": "Orphaned notes", "exported": today.isoformat()}
        lines = ["---", *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()), "---", ""]
        lines += ["# Orphaned notes · 已不在路线图中的笔记", ""]
        for orphan in noted:
            assert orphan.note is not None
            titles = both_titles(orphan.title_zh, orphan.title_en, "zh")
            lines += [f"## {orphan.id} {titles}", "", orphan.note.text.rstrip()]
            lines.append("")
        files.append(NoteFile("orphans.md", "\n".join(lines)))
    return files
