"""`search` and `open`."""

from __future__ import annotations

from typing import Annotated

import typer

from llmlanding.cli.commands.shared import JsonOption, complete_id, delegate


@delegate("finding.search")
def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(metavar="QUERY...", help="Words to find (all must match).")],
    limit: Annotated[int, typer.Option("--count", "-n", min=1, help="How many items to show.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Find items by their titles (both languages), papers, links and notes."""


@delegate("finding.open_item")
def open_item(
    ctx: typer.Context,
    item_id: Annotated[
        str, typer.Argument(metavar="ID", help="The item whose link to open.", autocompletion=complete_id)
    ],
    paper: Annotated[
        int | None, typer.Option("--paper", metavar="N", help="Open its N-th paper (as numbered by show).")
    ] = None,
    link: Annotated[
        int | None, typer.Option("--link", metavar="N", help="Open its N-th link (as numbered by show).")
    ] = None,
) -> None:
    """Open an item's link in the browser (the first link by default) and print the address."""
