"""`export report|notes|json` and `import FILE`: the learner's data out as markdown or JSON, and back in."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from llmlanding.cli.completion import complete_id
from llmlanding.cli.files import inside, refuse_existing, write_atomic, write_output
from llmlanding.cli.output import show
from llmlanding.cli.state import state
from llmlanding.domain.tasks import parse_tasks
from llmlanding.errors import UsageError
from llmlanding.services import backup, tracking
from llmlanding.services.merge import import_backup
from llmlanding.store.queries import read_aliases, read_notes, read_repos
from llmlanding.views import reports

export_app = typer.Typer(help="Write your progress and notes as markdown, or everything as JSON.", no_args_is_help=True)

ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite files that exist.")]
OutputOption = Annotated[str, typer.Option("--output", "-o", metavar="FILE|-", help="Where to write it; - is stdout.")]


def _said(lang: str, zh: str, en: str) -> None:
    show(Text(zh if lang == "zh" else en))


@export_app.command("report")
def export_report(
    ctx: typer.Context,
    output: OutputOption = "-",
    within: Annotated[
        str | None, typer.Option("--in", metavar="ID", help="Only this chapter or section.", autocompletion=complete_id)
    ] = None,
    force: ForceOption = False,
) -> None:
    """A markdown progress report: overall, per chapter, charts, and every topic as a task with its note."""
    app_state = state(ctx)
    snap = app_state.snapshot()
    with app_state.reading() as conn:
        aliases = read_aliases(conn)
        notes = read_notes(conn, aliases)
        repos = read_repos(conn, aliases)
    code = {}
    if repos:
        from llmlanding.sync.repos import inspect_repo

        code = {item_id: inspect_repo(Path(path)) for item_id, path in repos.items()}
    text = reports.report(snap, notes, app_state.lang, date.today(), within, code)
    written = write_output(output, text, force)
    if written is not None:
        _said(app_state.lang, f"已写入报告 {written}", f"Wrote the report to {written}")


@export_app.command("notes")
def export_notes(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="DIR", help="The folder to write into.")] = Path(
        "llmlanding-notes"
    ),
    force: ForceOption = False,
) -> None:
    """Every note as markdown, one file per chapter with front matter, ready for a blog or a vault."""
    app_state = state(ctx)
    snap = app_state.snapshot()
    with app_state.reading() as conn:
        notes = read_notes(conn, read_aliases(conn))
    files = reports.note_files(snap, notes, date.today())
    if not files:
        _said(app_state.lang, "还没有笔记可导出。", "No notes to export yet.")
        return
    folder = output.expanduser()
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file, not a folder")
    targets = [inside(folder, f.name) for f in files]
    refuse_existing(targets, force)
    for target, note_file in zip(targets, files, strict=True):
        write_atomic(target, note_file.text)
    _said(app_state.lang, f"已写入 {len(files)} 个文件到 {folder}", f"Wrote {len(files)} files to {folder}")


@export_app.command("json")
def export_json(
    ctx: typer.Context,
    output: OutputOption = "-",
    force: ForceOption = False,
) -> None:
    """A complete backup: every change ever logged (progress, phases, notes) and the active path."""
    app_state = state(ctx)
    with app_state.reading() as conn:
        if output == "-":  # streamed from the database, as write_output would write it but in flat memory
            backup.write_json(conn, sys.stdout)
            return
        written = Path(output).expanduser()
        if written.is_dir():
            raise UsageError(f"{written} is a folder; give a file name")
        refuse_existing([written], force)
        backup.save_json(conn, written)
    _said(app_state.lang, f"已备份到 {written}", f"Backed up to {written}")


def import_file(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(metavar="FILE", help="A backup (.json) or a markdown task list (.md).")],
) -> None:
    """Restore a JSON backup (merged by event id), or tick off the items of a markdown task list."""
    app_state = state(ctx)
    lang = app_state.lang
    try:
        text = source.expanduser().read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"no file {source}") from None
    except (IsADirectoryError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {source}: {exc}") from None
    if source.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        parsed = backup.parse_backup(text, str(source))
        done = import_backup(app_state.settings, parsed)
        path = f"; active path {done.active_path}" if done.active_path else ""
        _said(
            lang,
            f"已导入 {done.events} 条变更（{done.batches} 批）{path}",
            f"Imported {done.events} changes in {done.batches} batches{path}",
        )
        return
    tasks = parse_tasks(text, app_state.snapshot().outline)
    for number, why in tasks.unmatched:
        show(Text(f"{source}:{number}: {why}", style="yellow"))
    if not tasks.done:
        _said(lang, "没有找到勾选的条目。", "No ticked items found.")
        return
    outcome = tracking.change(app_state.settings, "done", tasks.done, label=f"import {source.name}")
    changed = len({c.item_id for c in outcome.changes})
    _said(
        lang,
        f"已标记完成 {changed} 个主题（{len(tasks.done)} 行勾选，{len(tasks.unmatched)} 行无法匹配）",
        f"Marked {changed} topics done ({len(tasks.done)} ticked lines, {len(tasks.unmatched)} not matched)",
    )
