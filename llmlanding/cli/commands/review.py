"""Spaced review of finished topics: `review`."""

from __future__ import annotations

from typing import Annotated

import typer

from llmlanding.cli.commands.shared import JsonOption, complete_id, delegate


@delegate("review.review")
def review(
    ctx: typer.Context,
    item_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            help="Review this topic only, due or not. [default: every topic due today]",
            autocompletion=complete_id,
        ),
    ] = None,
    paper: Annotated[
        int | None,
        typer.Option(
            "--paper",
            metavar="N",
            min=1,
            help="With ID and --rating: rate its N-th paper (in review by read --review).",
        ),
    ] = None,
    rating: Annotated[
        str | None,
        typer.Option(
            "--rating",
            metavar="RATING",
            help="Rate ID without the loop: again, hard, good or easy (1-4, or a h g e).",
        ),
    ] = None,
    due_list: Annotated[
        bool, typer.Option("--list", help="List what is due today and what comes next, with dates.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Review what you finished: recall each topic due today, check it against your note, rate how well you
    remembered; the next review is scheduled from your ratings (FSRS)."""
