"""`note` and `notes`: the learner's written summaries (输出总结), kept per item."""

from __future__ import annotations

from typing import Annotated

import typer

from llmlanding.cli.commands.shared import IdArgument, JsonOption, complete_id, delegate


@delegate("notes.note")
def note(
    ctx: typer.Context,
    item_id: IdArgument,
    text: Annotated[
        str | None,
        typer.Option("--message", "-m", metavar="TEXT", help="Append TEXT as a dated paragraph, without an editor."),
    ] = None,
) -> None:
    """Write the note on an item in $VISUAL/$EDITOR (markdown), or append a paragraph with -m."""


@delegate("notes.list_notes")
def list_notes(
    ctx: typer.Context,
    item_id: Annotated[
        str | None,
        typer.Argument(metavar="ID", help="Print this item's note as it is.", autocompletion=complete_id),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Print one item's note, or list the items that have notes."""
