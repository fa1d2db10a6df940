"""Read-only commands over the roadmap: `list` and `show`."""

from __future__ import annotations

from typing import Annotated

import typer

from llmlanding.cli.commands.shared import JsonOption, complete_id, delegate


@delegate("browse.list_items")
def list_items(
    ctx: typer.Context,
    item_id: Annotated[
        str | None,
        typer.Argument(metavar="ID", help="Only this item and what is below it.", autocompletion=complete_id),
    ] = None,
    depth: Annotated[
        int | None,
        typer.Option("--depth", "-d", min=1, help="Levels to show: 1 = chapters only. [default: 2, or all below ID]"),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Show the roadmap as a tree: chapters, sections and topics."""


@delegate("browse.show_item")
def show_item(
    ctx: typer.Context,
    item_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="A chapter (3), section (3.2) or topic (3.2.1).", autocompletion=complete_id),
    ],
    as_json: JsonOption = False,
) -> None:
    """Show one item: both titles, where it sits, what it holds, its papers and links."""


@delegate("browse.orphans")
def orphans(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List the ids no longer in the roadmap that still hold your progress, notes or linked code."""
