"""`sync`, `practice` and `team`: the journal across machines, hands-on code repositories, a study group."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Group
from rich.text import Text

from llmlanding.cli.browse import JsonOption
from llmlanding.cli.completion import complete_id
from llmlanding.cli.output import console, print_json, show
from llmlanding.cli.state import state
from llmlanding.domain import team
from llmlanding.errors import UsageError
from llmlanding.services.practice import link_repo
from llmlanding.store import queries
from llmlanding.sync import service as sync_service
from llmlanding.views.progress import change_view
from llmlanding.views.sharing import practice_view, repo_json, repo_line, sync_status_view, sync_view, team_view

sync_app = typer.Typer(
    help="Sync your journal (progress and notes as text in git) with your other machines.",
    invoke_without_command=True,
)


@sync_app.callback()
def sync(
    ctx: typer.Context,
    status_only: Annotated[bool, typer.Option("--status", help="Show what is not synced yet, and the remote.")] = False,
) -> None:
    """Commit your changes to the journal, merge the remote's, import them, and push."""
    if ctx.invoked_subcommand is not None:
        return
    app_state = state(ctx)
    lang = app_state.lang
    if status_only:
        show(sync_status_view(sync_service.status(app_state.settings), lang))
        return
    out = console()
    with out.status("sync…") as spinner:
        outcome = sync_service.sync(app_state.settings, lambda step: spinner.update(f"sync: {step}…"))
    show(sync_view(outcome, lang))


@sync_app.command("init")
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
    app_state = state(ctx)
    path, name = sync_service.init(app_state.settings, remote, learner)
    lang = app_state.lang
    text = (
        f"日志在 {path}（学习者 {name}）；运行 llmlanding sync 同步"
        if lang == "zh"
        else (f"Journal ready at {path} (learner {name}); run `llmlanding sync` to sync")
    )
    show(Text(text))


practice_app = typer.Typer(help="Link your own code repositories to topics: the roadmap's hands-on phase (代码实践).")


@practice_app.callback(invoke_without_command=True)
def practice(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List the linked repositories with their latest commits."""
    if ctx.invoked_subcommand is not None:
        return
    app_state = state(ctx)
    snap = app_state.snapshot()
    with app_state.reading() as conn:
        repos = queries.read_repos(conn, queries.read_aliases(conn))
    from llmlanding.sync.repos import inspect_repo

    summaries = {item_id: inspect_repo(Path(path)) for item_id, path in repos.items()}
    if as_json:
        print_json([repo_json(item_id, s) for item_id, s in summaries.items()])
        return
    show(practice_view(summaries, snap.outline, app_state.lang))


@practice_app.command("link")
def practice_link(
    ctx: typer.Context,
    item_id: Annotated[str, typer.Argument(metavar="ID", help="The topic.", autocompletion=complete_id)],
    path: Annotated[Path, typer.Argument(metavar="PATH", help="A git repository on this machine.")],
) -> None:
    """Record a repository as a topic's hands-on code; if it has commits, the practice phase is done."""
    from llmlanding.sync.repos import inspect_repo

    app_state = state(ctx)
    repo = path.expanduser().resolve()
    summary = inspect_repo(repo)
    if summary.state in ("missing", "not-a-repo"):
        raise UsageError(f"{repo} is not a git repository" if summary.state == "not-a-repo" else f"no folder {repo}")
    outcome = link_repo(app_state.settings, item_id, str(repo), summary.state == "ok")
    show(Group(change_view(outcome, app_state.lang), repo_line(summary, app_state.lang)))


def team_board(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """A shared journal's board: every learner's progress per chapter, and what each is on now."""
    app_state = state(ctx)
    snap = app_state.snapshot()
    with app_state.reading() as conn:
        aliases = queries.read_aliases(conn)
    data = team.board(snap.outline, sync_service.team_events(app_state.settings), aliases, snap.active_path)
    if as_json:
        print_json(data)
        return
    show(team_view(data, snap.outline, app_state.lang))
