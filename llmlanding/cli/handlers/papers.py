"""The paper library: `papers`, `read`, `unread` and `export bibtex`."""

from __future__ import annotations

from llmlanding.cli.env import Env
from llmlanding.cli.output import print_json, say, show
from llmlanding.errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from llmlanding.views.shapes import LibraryPaperJSON


def papers(env: Env, *, item_id: str | None, unread: bool, read: bool, as_json: bool) -> None:
    data = papers_data(env, item_id, unread, read)
    if as_json:
        print_json(data)
        return
    from llmlanding.views.papers import papers_view

    show(papers_view(data, env.lang, filtered=unread or read))


def papers_data(env: Env, item_id: str | None, unread: bool, read: bool) -> list[LibraryPaperJSON]:
    """`papers [ID] --json`: the papers at or below the item, each once, limited to the unread or read ones."""
    from llmlanding.domain.papers import library
    from llmlanding.views.shapes import library_json

    if unread and read:
        raise UsageError("give --unread or --read, not both", key="unread_and_read")
    snap = env.snapshot()
    found = library(snap.outline, snap.read, item_id)
    if unread or read:
        found = [paper for paper in found if paper.read == read]
    return library_json(found)


def _mark(env: Env, item_id: str, paper: int | None, read: bool, review: bool = False) -> None:
    from llmlanding.services.tracking import mark_papers
    from llmlanding.views.papers import marked_view

    outcome = mark_papers(env.settings, item_id, paper, read, review)
    show(marked_view(outcome.papers, outcome.changed > 0, read, env.lang))


def read_paper(env: Env, *, item_id: str, paper: int | None, review: bool) -> None:
    _mark(env, item_id, paper, True, review)


def unread_paper(env: Env, *, item_id: str, paper: int | None) -> None:
    _mark(env, item_id, paper, False)


def export_bibtex(env: Env, *, output: str, within: str | None, read: bool, force: bool) -> None:
    from llmlanding.cli.files import write_output
    from llmlanding.domain.papers import bibtex, library
    from llmlanding.views.words import msg

    snap = env.snapshot()
    found = library(snap.outline, snap.read, within)
    if read:
        found = [paper for paper in found if paper.read]
    text = bibtex(found)
    written = write_output(output, force, lambda out: print(text, end="", file=out))
    if written is not None:
        say(msg(env.lang, "export.wrote_bibtex", n=len(found), path=written))
