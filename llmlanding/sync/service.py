"""`sync`: the learner's journal, a git repository of text in the home, carried between machines.

The database stays outside the journal. Each machine appends its own events to its own file
(`events/<learner>@<device>.jsonl`), so two machines never edit the same file; notes and a README report are
regenerated from the database after every merge. Importing is by event id, so it is idempotent, and progress
merges by the latest change winning, with both events kept in the log.
"""

from __future__ import annotations

import getpass
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from llmlanding.errors import Sentences, UsageError
from llmlanding.settings import Settings, today
from llmlanding.store import queries
from llmlanding.views import reports

if TYPE_CHECKING:
    from llmlanding.sync.journal import SkippedLine

JOURNAL_DIR = "journal"


LEARNER = "learner"


AUTHOR_NAME = "author_name"


AUTHOR_EMAIL = "author_email"


Progress = Callable[[str], None]


def journal_path(settings: Settings) -> Path:
    """The journal of the run's roadmap: `journal` beside `llmlanding.db`, `journal-<id>` beside
    `roadmap-<id>.db`, so that a journal never mixes roadmaps."""
    name = settings.db.name.removesuffix(".db")
    if name.startswith("roadmap-"):
        return settings.home / f"{JOURNAL_DIR}-{name.removeprefix('roadmap-')}"
    return settings.home / JOURNAL_DIR


ROADMAP_FILE = "ROADMAP"  # the id of the roadmap whose progress the journal carries


def _same_roadmap(path: Path, ours: str | None) -> None:
    """Refuse a journal of another roadmap (one adopted from a remote that carries it): its events would land on
    this roadmap's items by id."""
    try:
        theirs = (path / ROADMAP_FILE).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError, UnicodeDecodeError):
        return
    if theirs and ours and theirs != ours:
        from llmlanding.domain.eventcheck import printable

        raise UsageError(
            f"{path} is the journal of roadmap '{printable(theirs[:64])}', not of '{ours}', the roadmap in use; "
            f"nothing was synced; sync it from that roadmap (`llmlanding curriculum use {printable(theirs[:64])}`), "
            f"or give this roadmap a remote of its own (remove {path} first)",
            key="journal_other_roadmap",
            path=path,
            theirs=printable(theirs[:64]),
            ours=ours,
        )


def learner_slug(name: str) -> str:
    slug = re.sub(r"\.{2,}", ".", re.sub(r"[^A-Za-z0-9._-]+", "-", name.strip())).strip("-.")
    return slug[:64] or "learner"  # a plain name as the event schema takes it: no '..', not too long


def _local_events(conn: sqlite3.Connection, device: str, learner: str, edition: str = "") -> list[dict[str, Any]]:
    """This device's events, each carrying its batch so another machine can rebuild the batch too, and the
    edition whose ids they use (the home's now: `record` writes them out before an upgrade changes it). A line
    keeps what it was first written with: the journal appends only ids it lacks."""
    return [
        {
            **({"edition": edition} if edition else {}),
            "id": i,
            "batch": b,
            "command": command,
            "undoes": undoes,
            "device": d,
            "learner": learner,
            "at": at,
            "item": item,
            "field": f,
            "old": old,
            "new": new,
        }
        for i, b, command, undoes, d, at, item, f, old, new in conn.execute(
            "SELECT e.id, e.batch_id, b.command, b.undoes, e.device_id, e.at, e.item_id, e.field, e.old, e.new "
            "FROM event e JOIN batch b ON b.id = e.batch_id WHERE e.device_id = ? ORDER BY e.seq",
            (device,),
        )
    ]


@dataclass
class SyncOutcome:
    remote: str | None
    edition: str = ""  # the edition this home is on
    appended: int = 0  # this device's events newly written into the journal
    imported: int = 0  # events from the learner's other machines brought into the database
    note_conflicts: list[str] = field(default_factory=list)
    held: int = 0  # other machines' events made on another edition, left in the journal
    held_editions: list[str] = field(default_factory=list)
    reached: bool = False
    pushed: bool = False
    problem: str | None = None  # why the remote could not be reached or pushed to
    refused: list[Refused] = field(default_factory=list)  # journal lines not taken, each with why


@dataclass(frozen=True)
class Refused:
    """A journal line sync did not take: where it is, whose file it is in, and why; all of it printable."""

    file: str
    line: int
    learner: str
    device: str
    why: str


def _refused(skipped: list[SkippedLine]) -> list[Refused]:
    from llmlanding.domain.eventcheck import printable

    found = []
    for line in skipped:
        learner, _, device = line.file.removeprefix("events/").removesuffix(".jsonl").partition("@")
        # The reasons are ours, their values made printable already: kept whole, to be said in any language.
        why = line.why if isinstance(line.why, Sentences) else printable(line.why)
        found.append(Refused(printable(line.file), line.line, printable(learner, 40), printable(device, 40), why))
    return found


def _line_check() -> Callable[[dict[str, Any]], list[str]]:
    """The one schema of an event, applied to each journal line, against the clock as it is now."""
    from llmlanding.domain.eventcheck import line_problems
    from llmlanding.settings import now as clock

    now = clock()
    return lambda line: line_problems(line, now)


def _identity(meta: dict[str, str]) -> tuple[str, str, str]:
    from llmlanding.sync.journal import git_identity

    name, email = git_identity()
    learner = meta.get(LEARNER) or learner_slug(name or getpass.getuser())
    return learner, meta.get(AUTHOR_NAME) or name or learner, meta.get(AUTHOR_EMAIL) or email or f"{learner}@llmlanding"


@dataclass
class Initialised:
    path: Path
    learner: str
    unreachable: str | None = None  # why the remote could not be fetched from just now; None if it was, or none


def init(settings: Settings, remote: str | None, learner: str | None) -> Initialised:
    """Create or adopt the journal and remember who writes to it. A hostile remote is refused before git runs.
    A remote that cannot be reached now does not stop it: the journal is made, and the first sync merges."""
    from llmlanding.store.writer import set_setting, transaction
    from llmlanding.sync.journal import Journal, check_remote

    if remote is not None:
        check_remote(remote)
    with transaction(settings.db, settings.curriculum) as tx:
        meta = queries.read_meta(tx.conn)
        name = learner_slug(learner) if learner is not None else meta.get(LEARNER) or _identity(meta)[0]
        set_setting(tx, LEARNER, name)
    path = journal_path(settings)
    with Journal.init(path, remote) as journal:
        pulled = journal.initial_pull
    _same_roadmap(path, meta.get(queries.ROADMAP_ID))
    return Initialised(path, name, pulled.reason if pulled is not None and not pulled.reached else None)


def _write_text(journal: Any, settings: Settings, lang: str) -> None:
    """notes/<id>.md and README.md, regenerated from the database."""
    from llmlanding.store.database import open_read
    from llmlanding.store.snapshot import take

    conn = open_read(settings.db)
    assert conn is not None
    try:
        snap = take(conn)
        notes = queries.read_notes(conn, queries.read_aliases(conn))
    finally:
        conn.close()
    from llmlanding.domain.eventcheck import item_problem

    present = journal.read_notes()
    for item_id, note in notes.items():
        if item_problem(item_id) is not None:
            continue  # a row from before ids were checked at the door; `check --repair` sets it aside
        if present.get(item_id) != note.text:
            journal.write_note(item_id, note.text)
    for item_id in set(present) - set(notes):
        journal.write_note(item_id, None)
    journal.write_file("README.md", "".join(reports.report_parts(snap, notes, lang, today())))
    if snap.outline.id:
        journal.write_file(ROADMAP_FILE, snap.outline.id + "\n")


def _of_another_edition(line: dict[str, Any], edition: str) -> bool:
    """Whether a journal line was made on another edition than this home's (a line or a home without one, from
    before editions were named or on a roadmap without them, is taken as it is)."""
    return bool(edition and line.get("edition") and line["edition"] != edition)


def record(settings: Settings) -> int:
    """Write this device's changes into the journal, as `sync` does first but without the network, with the
    edition their ids mean now: `curriculum upgrade` runs it before it moves the home to another edition, so
    that no change made on this one goes out under the next one's name. Returns how many lines it wrote; none
    when sync is not set up."""
    from llmlanding.store.database import open_read, translate
    from llmlanding.sync.journal import Journal

    path = journal_path(settings)
    conn = open_read(settings.db) if path.is_dir() else None
    if conn is None:
        return 0
    try:
        meta = queries.read_meta(conn)
        learner, author, email = _identity(meta)
        device = meta.get(queries.DEVICE_ID)
        local = _local_events(conn, device, learner, meta.get(queries.ROADMAP_EDITION, "")) if device else []
    except sqlite3.Error as exc:
        raise translate(exc, settings.db) from None
    finally:
        conn.close()
    if not local or device is None:
        return 0
    sound = _line_check()
    with Journal.open(path) as journal:
        written = journal.append_events(learner, device, [e for e in local if not sound(e)])
        if written:
            journal.commit(f"llmlanding: {written} changes from {device}, before an upgrade", author, email)
    return written


def sync(settings: Settings, progress: Progress | None = None) -> SyncOutcome:
    from llmlanding.domain.history import Batch, Event
    from llmlanding.services.merge import merge_log
    from llmlanding.store.writer import transaction
    from llmlanding.sync.journal import Journal

    say = progress or (lambda _step: None)
    path = journal_path(settings)
    with transaction(settings.db, settings.curriculum) as tx:
        meta = queries.read_meta(tx.conn)
        learner, author, email = _identity(meta)
        edition = meta.get(queries.ROADMAP_EDITION, "")
        local = _local_events(tx.conn, tx.device_id, learner, edition)
        device = tx.device_id
    _same_roadmap(path, meta.get(queries.ROADMAP_ID))
    with Journal.open(path) as journal:
        outcome = SyncOutcome(remote=journal.status().remote, edition=edition)
        say("writing")
        sound = _line_check()  # a row that got in before the door was checked is not passed on to others
        outcome.appended = journal.append_events(learner, device, [e for e in local if not sound(e)])
        _write_text(journal, settings, settings.lang)
        journal.commit(f"llmlanding: {outcome.appended} changes from {device}", author, email)
        say("fetching")
        pulled = journal.pull()
        outcome.reached = pulled.reached
        outcome.problem = pulled.reason
        say("importing")
        lines = journal.read_events(_line_check())
        outcome.refused = _refused(journal.skipped)
        incoming = [e for e in lines if e["learner"] == learner and e["device"] != device]
        # Ids mean their edition's items: a line made on another edition waits in the journal until this home
        # is on that edition (its own upgrade carries its work; the other machine's upgrade carries theirs).
        held = [e for e in incoming if _of_another_edition(e, edition)]
        outcome.held = len(held)
        outcome.held_editions = sorted({str(e["edition"]) for e in held})
        incoming = [e for e in incoming if not _of_another_edition(e, edition)]
        batches = {
            e["batch"]: Batch(e["batch"], e["device"], e["at"], e.get("command") or "?", e.get("undoes"))
            for e in incoming
        }
        events = [
            Event(e["id"], e["batch"], e["device"], e["at"], e["item"], e["field"], e.get("old"), e.get("new"))
            for e in incoming
        ]
        with transaction(settings.db, settings.curriculum) as tx:
            merged = merge_log(tx, list(batches.values()), events)
            mine = _local_events(tx.conn, tx.device_id, learner, edition)
        outcome.imported = merged.events
        outcome.note_conflicts = merged.note_conflicts
        journal.append_events(learner, device, [e for e in mine if not sound(e)])  # merges of conflicting notes
        _write_text(journal, settings, settings.lang)
        journal.commit(f"llmlanding: merged on {device}", author, email)
        if outcome.remote is not None and pulled.reached:
            say("pushing")
            pushed = journal.push()
            outcome.pushed = pushed.pushed
            outcome.problem = pushed.reason
    return outcome


def team_events(settings: Settings) -> list[dict[str, Any]]:
    from llmlanding.sync.journal import Journal

    path = journal_path(settings)
    if not path.is_dir():
        raise UsageError(
            "no journal yet: run `llmlanding sync init --remote URL` with your group's repository", key="no_journal"
        )
    with Journal.open(path) as journal:
        return journal.read_events(_line_check())


def journal_problems(settings: Settings) -> tuple[list[str], list[str]] | None:
    """What `check` says of the journal: None when sync is not set up; else what is wrong with the repository
    (unreadable, or what git fsck finds) and the lines sync refuses (which another machine wrote, so they are
    reported, not held against this home), one line each."""
    from llmlanding.sync.journal import Journal

    path = journal_path(settings)
    if not path.exists():
        return None
    try:
        with Journal.open(path) as journal:
            found = journal.problems()
            journal.read_events(_line_check())
            refused = _refused(journal.skipped)
    except Exception as exc:  # a journal git cannot read fails in many ways: each is one line of the report
        from llmlanding.domain.eventcheck import printable

        return [printable(getattr(exc, "message", None) or str(exc), 200)], []
    return found, [Sentences([f"{r.file}:{r.line}: ", r.why], sep="") for r in refused]


def status(settings: Settings) -> dict[str, Any]:
    """What `sync --status` shows: the journal, its remote, and what has not gone out yet."""
    from llmlanding.store.database import open_read
    from llmlanding.sync.journal import Journal

    path = journal_path(settings)
    conn = open_read(settings.db)
    meta = queries.read_meta(conn) if conn is not None else {}
    with Journal.open(path) as journal:
        learner = meta.get(LEARNER) or "?"
        written = {e["id"] for e in journal.read_events()}
        local = _local_events(conn, meta.get(queries.DEVICE_ID, ""), learner) if conn is not None else []
        info = journal.status()
    if conn is not None:
        conn.close()
    return {
        "path": path,
        "remote": info.remote,
        "learner": learner,
        "unsynced": len([e for e in local if e["id"] not in written]),
        "unpushed": info.unpushed,
        "uncommitted": info.uncommitted,
    }
