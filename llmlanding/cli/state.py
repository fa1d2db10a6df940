"""What the root callback resolves once and every command reads: settings and the lazily loaded roadmap."""

from __future__ import annotations

from dataclasses import dataclass, field

import typer

from ..outline import Outline
from ..settings import Settings


@dataclass
class AppState:
    settings: Settings
    _outline: Outline | None = field(default=None, repr=False)

    @property
    def lang(self) -> str:
        return self.settings.lang

    def outline(self) -> Outline:
        if self._outline is None:
            from ..roadmap import load_outline

            self._outline = load_outline(self.settings.curriculum)
        return self._outline


def state(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):  # a command invoked on its own, as in some tests
        root.obj = AppState(Settings.resolve())
    return root.obj
