"""typer's side of id completion: the cases the fast path in `complete.py` leaves to typer."""

from __future__ import annotations

import typer

from llmlanding.cli.complete import candidates
from llmlanding.cli.state import state
from llmlanding.errors import LLMLandingError


def complete_id(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    try:
        app_state = state(ctx)
        outline = app_state.outline()
    except LLMLandingError:
        return []
    items = [(item.id, item.title(app_state.lang)) for item in outline.items.values()]
    return candidates(items, incomplete)
