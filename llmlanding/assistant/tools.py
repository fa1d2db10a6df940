"""What each tool of the MCP server answers, as plain functions of a run's `Env`: the same functions the CLI
handlers call, returning the shapes `--json` prints (docs/json.md). Errors are the CLI's `LLMLandingError`s.
Nothing here knows of MCP, so the answers are the CLI's by construction."""

from __future__ import annotations

from llmlanding.cli.env import Env
from llmlanding.cli.handlers.browse import show_data
from llmlanding.cli.handlers.finding import search_data
from llmlanding.cli.handlers.notes import notes_data
from llmlanding.cli.handlers.papers import papers_data
from llmlanding.cli.handlers.review import list_data, rate_data
from llmlanding.errors import UsageError
from llmlanding.views import screens
from llmlanding.views.shapes import (
    BatchJSON,
    ItemJSON,
    LibraryPaperJSON,
    NextJSON,
    NoteJSON,
    OrphanedJSON,
    QuizJSON,
    RatedJSON,
    ReviewListJSON,
    SearchHitJSON,
    ShowJSON,
    StatusJSON,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from llmlanding.services.tracking import Outcome

VIA = "assistant"  # added to the logged command of every change made through the server, as `log` shows it
WRITES_OFF = "writes are off: the learner starts the server with `llmlanding mcp --allow-writes` to allow them"


def next_items(env: Env, count: int, within: str | None, path: str | None) -> list[NextJSON]:
    """`next -n COUNT [--in ID] [--path NAME] --json`."""
    picks: list[NextJSON] = screens.next_screen(
        env.snapshot(), env.lang, count=count, within=within, path=path, as_json=True
    )
    return picks


def status(env: Env) -> StatusJSON:
    """`status --json`."""
    data: StatusJSON = screens.status_screen(env.snapshot(), env.lang, as_json=True)
    return data


def show(env: Env, item_id: str) -> ShowJSON | OrphanedJSON:
    return show_data(env, item_id)


def search(env: Env, query: str, limit: int) -> list[SearchHitJSON]:
    return search_data(env, query, limit)


def notes(env: Env, item_id: str | None) -> list[NoteJSON]:
    return notes_data(env, item_id)


def papers(env: Env, item_id: str | None, unread: bool, read: bool) -> list[LibraryPaperJSON]:
    return papers_data(env, item_id, unread, read)


def due_reviews(env: Env) -> ReviewListJSON:
    """`review --list --json`."""
    return list_data(env)


def quiz_material(env: Env, item_id: str) -> QuizJSON:
    """An item's titles, the learner's notes on it and below it, and its papers."""
    from llmlanding.store.queries import read_aliases, read_notes
    from llmlanding.views.notes import quiz_json

    snap = env.snapshot()
    with env.reading() as conn:
        found = read_notes(conn, read_aliases(conn))
    return quiz_json(snap, item_id, found)


def outline(env: Env) -> list[ItemJSON]:
    """The whole roadmap with progress, as `list --depth 3 --json` prints it."""
    from llmlanding.views.shapes import list_json

    snap = env.snapshot()
    return list_json(snap.outline, snap.outline.subtree(None, 3), snap.states)


def mark_phase(env: Env, item_id: str, phase: str, *, allowed: bool) -> list[BatchJSON]:
    """`done ID --phase PHASE`, logged as made through the assistant: the batch written, as `log --json` shows it
    (none when the phase was done already)."""
    if not allowed:
        raise UsageError(WRITES_OFF, key="writes_off")
    from llmlanding.services.tracking import change

    return _logged(env, change(env.settings, "done", [item_id], phase, via=VIA))


def append_note(env: Env, item_id: str, text: str, *, allowed: bool) -> list[BatchJSON]:
    """`note ID -m TEXT`, logged as made through the assistant: the batch written, as `log --json` shows it."""
    if not allowed:
        raise UsageError(WRITES_OFF, key="writes_off")
    if not text.strip():
        raise UsageError(
            f"nothing to add to the note of {item_id}: the text is empty", key="note_empty_text", id=item_id
        )
    from llmlanding.domain.eventcheck import NOTE, value_problem

    too_long = value_problem(NOTE, text)  # what a backup or a journal would refuse later, refused now
    if too_long is not None:
        raise UsageError(
            f"not added to the note of {item_id}: {too_long}", key="note_not_added", id=item_id, reason=too_long
        )
    from llmlanding.services.notes import add_paragraph
    from llmlanding.settings import today

    return _logged(env, add_paragraph(env.settings, item_id, text, today(), via=VIA))


def rate_review(env: Env, item_id: str, paper: int | None, rating: str, *, allowed: bool) -> RatedJSON:
    """`review ID [--paper N] --rating RATING --json`, logged as made through the assistant."""
    if not allowed:
        raise UsageError(WRITES_OFF, key="writes_off")
    return rate_data(env, item_id, rating, paper=paper, via=VIA)


def _logged(env: Env, outcome: Outcome) -> list[BatchJSON]:
    """The batch an outcome wrote, read back from the log as `log --json` prints it."""
    if outcome.batch is None:
        return []
    from llmlanding.store.queries import read_batches
    from llmlanding.views.shapes import batch_json

    with env.reading() as conn:
        recent = read_batches(conn, {change.item_id for change in outcome.changes}, 20)
    return [batch_json(batch) for batch in recent if batch.id == outcome.batch]
