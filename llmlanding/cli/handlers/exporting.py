"""`export report|notes|json` and `import FILE`: the learner's data out as markdown or JSON, and back in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from llmlanding.cli.env import Env
from llmlanding.cli.output import say
from llmlanding.errors import UsageError
from llmlanding.settings import today
from llmlanding.store.queries import orphan_candidates, read_aliases, read_notes, read_orphans, read_repos
from llmlanding.views.words import msg


def export_report(env: Env, *, output: str, within: str | None, force: bool) -> None:
    from llmlanding.cli.files import write_output
    from llmlanding.views.reports import report_parts

    snap = env.snapshot(finished=True)
    with env.reading() as conn:
        aliases = read_aliases(conn)
        notes = read_notes(conn, aliases)
        repos = read_repos(conn, aliases)
        orphans = read_orphans(conn, snap.outline, among=orphan_candidates(snap, notes, repos))
    code = {}
    if repos:
        from llmlanding.sync.repos import inspect_repo

        code = {item_id: inspect_repo(Path(path)) for item_id, path in repos.items()}
    parts = report_parts(snap, notes, env.lang, today(), within, code, orphans)
    written = write_output(output, force, lambda out: out.writelines(parts))
    if written is not None:
        say(msg(env.lang, "export.wrote_report", path=written))


def export_calendar(env: Env, *, output: str, weeks: int, force: bool) -> None:
    from llmlanding.cli.files import write_output
    from llmlanding.services.calendar import calendar
    from llmlanding.store.cards import read_cards
    from llmlanding.views.words import PHASE_WORDS

    snap = env.snapshot()
    with env.reading() as conn:
        newest = conn.execute("SELECT max(at) FROM batch").fetchone()[0]
        reviews = read_cards(conn)
    label = msg(env.lang, "review.calendar")
    text = calendar(snap, env.lang, PHASE_WORDS[env.lang], weeks, today(), newest, reviews, label).decode("utf-8")
    written = write_output(output, force, lambda out: print(text, end="", file=out))
    if written is not None:
        say(msg(env.lang, "export.wrote_calendar", path=written, weeks=weeks))


def export_notes(env: Env, *, output: Path, force: bool) -> None:
    from llmlanding.cli.files import inside, refuse_existing
    from llmlanding.services.files import write_atomic
    from llmlanding.views.reports import note_files

    snap = env.snapshot()
    with env.reading() as conn:
        notes = read_notes(conn, read_aliases(conn))
        orphans = read_orphans(conn, snap.outline)
    files = note_files(snap, notes, today(), orphans)
    if not files:
        say(msg(env.lang, "export.no_notes"))
        return
    folder = output.expanduser()
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file, not a folder", key="not_a_folder", folder=folder)
    targets = [inside(folder, f.name) for f in files]
    refuse_existing(targets, force)
    for target, note_file in zip(targets, files, strict=True):
        write_atomic(target, note_file.text)
    say(msg(env.lang, "export.wrote_files", n=len(files), folder=folder))


def export_json(env: Env, *, output: str, force: bool) -> None:
    from llmlanding.cli.files import write_output
    from llmlanding.services import backup

    with env.reading() as conn:  # streamed from the database: flat memory however long the history
        written = write_output(output, force, lambda out: backup.write_json(conn, out))
    if written is not None:
        say(msg(env.lang, "export.backed_up", path=written))


Step = Callable[[str, int, int | None], None]  # a message id, and how far of how much (None: unknown)


@contextmanager
def _progress(lang: str) -> Iterator[Step]:
    """A progress bar on stderr while a backup is checked and merged, on a terminal only: piped or captured
    output stays clean."""
    import sys

    if not sys.stderr.isatty():
        yield lambda _what, _done, _total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=None)

        def step(what: str, done: int, total: int | None) -> None:
            said = msg(lang, what)
            new_stage = bar.tasks[0].description != said
            bar.update(task, description=said, completed=done, total=total, refresh=new_stage)

        yield step


def import_file(env: Env, *, source: Path) -> None:
    lang = env.lang
    try:
        text = source.expanduser().read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"no file {source}", key="no_file", path=source) from None
    except (IsADirectoryError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {source}: {exc}", key="cannot_read", path=source, reason=exc) from None
    if source.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        from llmlanding.services.backup import parse_backup
        from llmlanding.services.merge import import_backup

        with _progress(lang) as step:
            # Read and checked whole before the write lock is taken; the lock is held for the merge alone.
            backup = parse_backup(text, str(source), tick=lambda done, total: step("import.checking", done, total))
            step("import.merging", 0, None)
            done = import_backup(env.settings, backup)
        path = msg(lang, "import.active_path", path=done.active_path) if done.active_path else ""
        say(msg(lang, "import.imported", events=done.events, batches=done.batches, path=path))
        return
    from rich.text import Text

    from llmlanding.cli.output import show
    from llmlanding.domain.tasks import parse_tasks
    from llmlanding.services.tracking import change
    from llmlanding.views.errorwords import said

    tasks = parse_tasks(text, env.snapshot().outline)
    for number, why in tasks.unmatched:
        show(Text(f"{source}:{number}: {said(why, lang)}", style="yellow"))
    if not tasks.done:
        if tasks.unmatched:  # ticked lines, none of them an item: nothing was imported, and that is a failure
            from llmlanding.errors import LLMLandingError

            raise LLMLandingError(msg(lang, "import.none_matched", n=len(tasks.unmatched), source=source))
        say(msg(lang, "import.no_ticks"))
        return
    outcome = change(env.settings, "done", tasks.done, label=f"import {source.name}")
    changed = len({c.item_id for c in outcome.changes})
    say(msg(lang, "import.ticked", changed=changed, ticked=len(tasks.done), unmatched=len(tasks.unmatched)))
