"""`sync`, `practice` and `team`: the journal across machines, hands-on code repositories, a study group."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from llmlanding.cli.commands.shared import JsonOption, complete_id, delegate

sync_app = typer.Typer(
    help="Sync your journal (progress and notes as text in git) with your other machines.",
    invoke_without_command=True,
)


@sync_app.callback()
@delegate("sharing.sync")
def sync(
    ctx: typer.Context,
    status_only: Annotated[bool, typer.Option("--status", help="Show what is not synced yet, and the remote.")] = False,
) -> None:
    """Commit your changes to the journal, merge the remote's, import them, and push."""


@sync_app.command("init")
@delegate("sharing.sync_init")
def sync_init(
    ctx: typer.Context,
    remote: Annotated[
        str | None,
        typer.Option("--remote", metavar="URL", help="https://, ssh:// or user@host:path URL, or a local repository."),
    ] = None,
    learner: Annotated[
        str | None, typer.Option("--learner", metavar="NAME", help="Your name in a shared journal. [default: git's]")
    ] = None,
) -> None:
    """Create (or adopt) the journal repository in your home, optionally with a remote."""


practice_app = typer.Typer(help="Link your own code repositories to topics: the roadmap's hands-on phase (代码实践).")


@practice_app.callback(invoke_without_command=True)
@delegate("sharing.practice")
def practice(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List the linked repositories with their latest commits."""


@practice_app.command("link")
@delegate("sharing.practice_link")
def practice_link(
    ctx: typer.Context,
    item_id: Annotated[str, typer.Argument(metavar="ID", help="The topic.", autocompletion=complete_id)],
    path: Annotated[Path, typer.Argument(metavar="PATH", help="A git repository on this machine.")],
) -> None:
    """Record a repository as a topic's hands-on code; if it has commits, the practice phase is done."""


@delegate("sharing.team_board")
def team_board(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """A shared journal's board: every learner's progress per chapter, and what each is on now."""
