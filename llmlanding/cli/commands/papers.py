"""The paper library: papers, read, unread (`export bibtex` is declared with the other exports)."""

from __future__ import annotations

from typing import Annotated

import typer

from llmlanding.cli.commands.shared import IdArgument, JsonOption, complete_id, delegate

PaperOption = Annotated[
    int | None,
    typer.Option(
        "--paper", metavar="N", min=1, help="Only its N-th paper (as numbered by show and open). [default: all]"
    ),
]


@delegate("papers.papers")
def papers(
    ctx: typer.Context,
    item_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            help="Only the papers at or below this item. [default: the whole roadmap]",
            autocompletion=complete_id,
        ),
    ] = None,
    unread: Annotated[bool, typer.Option("--unread", help="Only the papers not read yet.")] = False,
    read: Annotated[bool, typer.Option("--read", help="Only the papers read.")] = False,
    as_json: JsonOption = False,
) -> None:
    """The paper library: every paper once, with where it is listed, its year, arXiv id and read mark."""


@delegate("papers.read_paper")
def read_paper(
    ctx: typer.Context,
    item_id: IdArgument,
    paper: PaperOption = None,
    review: Annotated[
        bool, typer.Option("--review", help="Put the papers in spaced review too (llmlanding review).")
    ] = False,
) -> None:
    """Mark an item's papers read (all of them, or one with --paper); a paper listed elsewhere is read there too."""


@delegate("papers.unread_paper")
def unread_paper(ctx: typer.Context, item_id: IdArgument, paper: PaperOption = None) -> None:
    """Take back read marks: an item's papers, or one with --paper."""
