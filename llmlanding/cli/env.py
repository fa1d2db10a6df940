"""What every command reads, resolved once per run: the settings (language, roadmap file, home) and, on first
use, the learner's data as a snapshot. Typer-free, so the fast path and the typer commands share it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from llmlanding.domain.outline import Outline
from llmlanding.domain.snapshot import Snapshot
from llmlanding.settings import Settings


class Env:
    """One run's settings and, once asked for, its snapshot."""

    __slots__ = ("_outline", "_ready", "_snapshot", "settings")

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._snapshot: Snapshot | None = None
        self._outline: Outline | None = None
        self._ready = False  # the database has been checked (and made) up to date in this run

    @classmethod
    def resolve(cls, lang: str | None = None, curriculum: object = None, home: object = None) -> Env:
        settings = Settings.resolve(lang, _text(curriculum), _text(home))
        from llmlanding.cli.output import BANNER, use_language

        use_language(settings.lang)  # errors are said in the run's language
        choice = settings.choice
        BANNER.clear()  # one run's, never the last run's in the same process (tests run many)
        if choice is not None and choice.known > 1 and choice.roadmap_id:
            from llmlanding.views.words import msg

            BANNER.append(msg(settings.lang, "roadmaps.banner", id=choice.roadmap_id))
        if choice is not None and (choice.implied or (choice.new and choice.roadmap_id is not None)):
            from llmlanding.services.roadmaps import remember

            remember(settings.home, choice)
        return cls(settings)

    @property
    def lang(self) -> str:
        return self.settings.lang

    def snapshot(self, finished: bool = False) -> Snapshot:
        """The learner's data as it is now. Creates the database, migrates it or re-imports a changed roadmap
        file first when needed; when it is up to date this only reads. In a home that cannot be written it reads
        what is there, with the roadmap as last stored. `finished`: the command will date finished topics, read
        with the states."""
        if self._snapshot is None:
            from llmlanding.store.snapshot import take

            with self.reading() as conn:
                self._snapshot = take(conn, db=self.settings.db, finished=finished)
        return self._snapshot

    def outline(self) -> Outline:
        """The roadmap as stored, without the learner's progress: for commands that show no progress (the
        notes list), which a roadmap of thousands of topics would otherwise make read every topic's state."""
        if self._snapshot is not None:
            return self._snapshot.outline
        if self._outline is None:
            from llmlanding.store.queries import read_meta, read_outline

            with self.reading() as conn:
                self._outline = read_outline(conn, read_meta(conn))
        return self._outline

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection to the up-to-date database (made so first, once a run), for queries beyond
        the snapshot."""
        from llmlanding.store.database import open_read, translate

        db = self.settings.db
        conn = None
        try:
            conn = open_read(db)
            if not self._ready:
                conn = self._made_current(conn)
                self._ready = True
            assert conn is not None
            yield conn
        except sqlite3.Error as exc:
            raise translate(exc, db) from None
        finally:
            if conn is not None:
                conn.close()

    def _made_current(self, conn: sqlite3.Connection | None) -> sqlite3.Connection | None:
        """`conn`, or a new connection once the database has been created, migrated or given the changed roadmap
        file; a home that cannot be written is read as it is."""
        from llmlanding.store.database import open_read, writable
        from llmlanding.store.queries import read_meta
        from llmlanding.store.snapshot import roadmap_is_current

        db = self.settings.db
        stale = conn is not None and not roadmap_is_current(read_meta(conn), self.settings.curriculum)
        if conn is not None and not (stale and writable(db.parent)):
            return conn
        if conn is not None:
            conn.close()
        from llmlanding.services.tracking import ensure_ready

        ensure_ready(self.settings)
        return open_read(db)


def _text(value: object) -> str | None:
    # typer hands over Path objects, the fast path strings; Settings takes either as text.
    return None if value is None else str(value)
