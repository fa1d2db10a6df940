"""What the root callback resolves once and every command reads: settings, the roadmap and the snapshot."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import typer

from llmlanding.domain.outline import Outline
from llmlanding.domain.snapshot import Snapshot
from llmlanding.settings import Settings


@dataclass
class AppState:
    settings: Settings
    _snapshot: Snapshot | None = field(default=None, repr=False)

    @property
    def lang(self) -> str:
        return self.settings.lang

    def snapshot(self) -> Snapshot:
        """The learner's data as it is now. Creates the database, migrates it or re-imports a changed roadmap
        file first when needed; when it is up to date this only reads."""
        if self._snapshot is None:
            from llmlanding.services.tracking import ensure_ready
            from llmlanding.store.database import open_read, translate
            from llmlanding.store.queries import read_meta
            from llmlanding.store.snapshot import roadmap_is_current, take

            home = self.settings.home
            conn = open_read(home)
            try:
                if conn is None or not roadmap_is_current(read_meta(conn), self.settings.curriculum):
                    if conn is not None:
                        conn.close()
                    ensure_ready(self.settings)
                    conn = open_read(home)
                assert conn is not None
                self._snapshot = take(conn)
            except sqlite3.Error as exc:
                raise translate(exc, home) from None
            finally:
                if conn is not None:
                    conn.close()
        return self._snapshot

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection to the up-to-date database, for queries beyond the snapshot."""
        from llmlanding.store.database import open_read, translate

        self.snapshot()
        conn = open_read(self.settings.home)
        assert conn is not None
        try:
            yield conn
        except sqlite3.Error as exc:
            raise translate(exc, self.settings.home) from None
        finally:
            conn.close()

    def outline(self) -> Outline:
        return self.snapshot().outline


def state(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):  # a command invoked on its own, as in some tests
        root.obj = AppState(Settings.resolve())
    return root.obj
