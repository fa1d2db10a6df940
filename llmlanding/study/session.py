"""The study screen's state without Textual: the snapshot it shows, kept current by each write's outcome, and
every change made through the same service functions the commands use (one key, one transaction).

The store is read whole only at the start and when another process has changed it: a kept read connection
answers `PRAGMA data_version`, which moves only when some other connection commits."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace

from rich.console import Group, RenderableType
from rich.text import Text

from llmlanding.domain.outline import Item
from llmlanding.domain.progress import pick_next
from llmlanding.domain.snapshot import Snapshot
from llmlanding.errors import UsageError
from llmlanding.settings import Settings, today
from llmlanding.store import cards, queries
from llmlanding.store.database import open_read, translate
from llmlanding.store.snapshot import take
from llmlanding.views.words import msg

TYPE_CHECKING = False
if TYPE_CHECKING:
    from llmlanding.services.tracking import Outcome
    from llmlanding.views.shapes import ReviewCardJSON, ReviewListJSON

Opener = Callable[[str], bool]  # opens an address in a browser; False when there is none to open it in


@dataclass
class Said:
    """What a key did, for the app's message line."""

    view: RenderableType
    changed: bool = True  # whether the snapshot changed, so the tree's marks need redrawing


class Session:
    def __init__(self, settings: Settings, lang: str, opener: Opener, snap: Snapshot | None = None) -> None:
        """`snap`, when given, is the one the run has just taken: not read a second time."""
        self.settings = settings
        self.lang = lang
        self.opener = opener
        self.conn = self._connect()
        self.seen = self._version()
        self.snap = snap or take(self.conn)
        self.notes = self._read_notes()

    # --- reading -------------------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        conn = open_read(self.settings.db)
        if conn is None:  # the caller made the store ready; a missing file now is the environment's doing
            raise UsageError(f"no database at {self.settings.db}", key="no_database", path=self.settings.db)
        return conn

    def _version(self) -> int:
        try:
            return int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as exc:
            raise translate(exc, self.settings.db) from None

    def _read_notes(self) -> dict[str, str]:
        found = queries.read_notes(self.conn, queries.read_aliases(self.conn))
        return {item_id: note.text for item_id, note in found.items()}

    def changed_elsewhere(self) -> bool:
        """Re-read the store when another process has written to it since; True when it had."""
        version = self._version()
        if version == self.seen:
            return False
        self.snap = take(self.conn)
        self.notes = self._read_notes()
        self.seen = self._version()
        return True

    def _after_write(self, after: Snapshot) -> None:
        """Keep the snapshot a write returned; count the reviews due again (one small query), and note the
        store's version so that this process's own write is not taken for another's."""
        self.snap = replace(after, due=cards.due_count(self.conn, _due_limit()), count_due=None)
        self.seen = self._version()

    def close(self) -> None:
        self.conn.close()

    @property
    def place(self) -> str | None:
        from llmlanding.services.places import STUDY_PLACE

        kept = self.snap.meta.get(STUDY_PLACE)
        return kept if kept in self.snap.outline.items else None

    def next_topic(self) -> str | None:
        """What `next` picks on the active path."""
        picks = pick_next(self.snap.outline.path_leaves(self.snap.active_path), self.snap.states, 1)
        return picks[0].item_id if picks else None

    def start_item(self) -> str:
        """Where the learner left off, else `next`'s topic, else the first item."""
        return self.place or self.next_topic() or next(iter(self.snap.outline.items))

    def roots(self) -> list[tuple[str, bool]]:
        """The tree's top level: the active path's items in its order, then the chapters it does not visit,
        as (id, on the path)."""
        outline = self.snap.outline
        path = outline.paths[self.snap.active_path]
        covered: set[str] = set()
        roots: list[tuple[str, bool]] = []
        for item_id in path.items:
            if item_id in outline.items and item_id not in covered:
                roots.append((item_id, True))
                covered.update([item_id, *outline.descendants(item_id)])
        for chapter in outline.chapters:
            if chapter.id not in covered and not set(outline.descendants(chapter.id)) & covered:
                roots.append((chapter.id, False))
        return roots

    def search(self, query: str) -> list[tuple[str, Text]]:
        """The items `search` would list for the query, best first, as (id, line)."""
        from llmlanding.domain.search import alternatives, rank
        from llmlanding.store.search_index import search_docs

        terms = query.split()
        if not terms:
            return []
        docs = search_docs(self.conn, [alternatives(term) for term in terms])
        hits = rank(docs, self.snap.outline, terms)[:20]
        found: list[tuple[str, Text]] = []
        for hit in hits:
            item = self.snap.outline.items.get(hit.item_id)
            if item is not None:
                line = Text(f"{item.id} ", style="cyan")
                line.append(item.title(self.lang))
                found.append((item.id, line))
        return found

    def item(self, item_id: str) -> Item:
        return self.snap.outline.get(item_id)

    # --- writing: each one service call, one transaction -----------------------------------------------------

    def toggle(self, item_id: str, phase: str) -> Said:
        from llmlanding.services.tracking import change

        done = self.snap.state(item_id).phases[phase] if self.item(item_id).is_leaf else False
        return self._record(change(self.settings, "reset" if done else "done", [item_id], phase))

    def record(self, command: str, item_id: str) -> Said:
        from llmlanding.services.tracking import change

        return self._record(change(self.settings, command, [item_id]))

    def undo(self) -> Said:
        from llmlanding.services.tracking import undo

        outcome = undo(self.settings)
        if outcome.undone is not None:
            self.notes = self._read_notes() if any(c.field == "note" for c in outcome.changes) else self.notes
        return self._record(outcome)

    def save_note(self, item_id: str, text: str | None) -> Said:
        from llmlanding.services.notes import set_note

        if text is not None and not text.strip():
            text = None  # an emptied note is no note
        outcome = set_note(self.settings, item_id, text)
        if outcome.changes:
            if text is None:
                self.notes.pop(item_id, None)
            else:
                self.notes[item_id] = text
        return self._record(outcome)

    def _record(self, outcome: Outcome) -> Said:
        from llmlanding.views.progress import change_view

        self._after_write(outcome.after)
        return Said(change_view(outcome, self.lang), changed=bool(outcome.changes))

    def mark_paper(self, item_id: str, number: int | None, review: bool = False) -> Said:
        """Mark the paper numbered `number` read, or unread when it is read already; with no number, the first
        paper not read yet. With `review` (`read ID --paper N --review`) the paper is read, never unread, and
        enters spaced review."""
        from llmlanding.domain.papers import paper_field, unread_of
        from llmlanding.domain.refs import refs_of
        from llmlanding.services.tracking import mark_papers
        from llmlanding.views.papers import marked_view

        item = self.item(item_id)
        read = True
        if number is None:
            if not refs_of(self.snap.outline, item).papers:
                raise UsageError(f"{item.id} has no papers", key="no_papers", id=item.id)
            unread = unread_of(self.snap.outline, self.snap.read, item)
            number = unread[0][0] if unread else None  # none left: `read ID` says they all are
        elif not review:
            read = paper_field(refs_of(self.snap.outline, item).papers[number - 1].url) not in self.snap.read
        marked = mark_papers(self.settings, item.id, number, read, review)
        self._after_write(marked.after)
        said: RenderableType = marked_view(marked.papers, bool(marked.changed), read, self.lang)
        if review and marked.changed:
            from llmlanding.domain.review import FIRST_INTERVAL

            words = msg(self.lang, "study.paper_in_review", days=FIRST_INTERVAL.days)
            said = Group(said, Text(words, style="magenta"))
        return Said(said, changed=bool(marked.changed))

    def open_ref(self, item_id: str, paper: int | None, link: int | None) -> Said:
        """Open an address as `open` does: the same choice and the same http(s) rule."""
        from llmlanding.domain.refs import choose_url

        url = choose_url(self.snap.outline, self.item(item_id), paper, link)
        key = "study.opened" if self.opener(url) else "study.no_browser"
        return Said(Text(msg(self.lang, key, url=url)), changed=False)

    def remember(self, item_id: str) -> None:
        from llmlanding.services.places import STUDY_PLACE, remember_place

        if self.snap.meta.get(STUDY_PLACE) != item_id:
            remember_place(self.settings, item_id)
            self.snap = replace(self.snap, meta={**self.snap.meta, STUDY_PLACE: item_id})
            self.seen = self._version()

    # --- review --------------------------------------------------------------------------------------------

    def due_cards(self) -> ReviewListJSON:
        """The topics in review, those due now first, as `llmlanding review --list` has them."""
        from llmlanding.views.shapes import review_list_json

        return review_list_json(self.snap, cards.read_cards(self.conn), today())

    def rate(self, card: ReviewCardJSON, rating: int) -> Said:
        """Rate a card as the review loop does: a topic's, or a paper's by its read-mark field."""
        from llmlanding.domain.papers import paper_field
        from llmlanding.domain.stamps import local_day
        from llmlanding.services.review import rate
        from llmlanding.views.review import rated_view

        item_id = card["id"]
        paper = card["paper"]
        rated = rate(self.settings, item_id, rating, paper_key=paper_field(paper["url"]) if paper else "")
        self.snap = replace(self.snap, due=rated.left, count_due=None)
        self.seen = self._version()
        due_day = local_day(rated.card.due).isoformat()
        return Said(rated_view(item_id, rating, due_day, today(), rated.left, self.lang), changed=False)


def _due_limit() -> str:
    from llmlanding.domain.review import due_limit

    return due_limit(today())
