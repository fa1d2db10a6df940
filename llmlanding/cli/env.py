"""What every command reads, resolved once per run: the settings (language, roadmap file, home) and, on first
use, the learner's data as a snapshot. Typer-free, so the fast path and the typer commands share it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from llmlanding.domain.snapshot import Snapshot
from llmlanding.settings import Settings


class Env:
    """One run's settings and, once asked for, its snapshot."""

    __slots__ = ("_snapshot", "settings")

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._snapshot: Snapshot | None = None

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

    def snapshot(self) -> Snapshot:
        """The learner's data as it is now. Creates the database, migrates it or re-imports a changed roadmap
        file first when needed; when it is up to date this only reads. In a home that cannot be written it reads
        what is there, with the roadmap as last stored."""
        if self._snapshot is None:
            from llmlanding.store.database import open_read, translate, writable
            from llmlanding.store.queries import read_meta
            from llmlanding.store.snapshot import roadmap_is_current, take

            db = self.settings.db
            conn = open_read(db)
            try:
                stale = conn is not None and not roadmap_is_current(read_meta(conn), self.settings.curriculum)
                if conn is None or (stale and writable(db.parent)):
                    if conn is not None:
                        conn.close()
                    from llmlanding.services.tracking import ensure_ready

                    ensure_ready(self.settings)
                    conn = open_read(db)
                assert conn is not None
                self._snapshot = take(conn, db=db)
            except sqlite3.Error as exc:
                raise translate(exc, db) from None
            finally:
                if conn is not None:
                    conn.close()
        return self._snapshot

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection to the up-to-date database, for queries beyond the snapshot."""
        from llmlanding.store.database import open_read, translate

        self.snapshot()
        conn = open_read(self.settings.db)
        assert conn is not None
        try:
            yield conn
        except sqlite3.Error as exc:
            raise translate(exc, self.settings.db) from None
        finally:
            conn.close()


def _text(value: object) -> str | None:
    # typer hands over Path objects, the fast path strings; Settings takes either as text.
    return None if value is None else str(value)
