"""`sync`, `practice` and `team`: the journal across machines, hands-on code repositories, a study group."""

from __future__ import annotations

from pathlib import Path

from llmlanding.cli.env import Env
from llmlanding.cli.output import print_json, say, show
from llmlanding.errors import UnsyncedError, UsageError
from llmlanding.views.words import msg


def sync(env: Env, *, status_only: bool) -> None:
    from llmlanding.sync import service
    from llmlanding.views.sharing import sync_failure, sync_status_view, sync_view

    if status_only:
        show(sync_status_view(service.status(env.settings), env.lang))
        return
    from llmlanding.cli.output import console
    from llmlanding.views.words import SYNC_STEPS

    steps = SYNC_STEPS[env.lang]
    with console().status(msg(env.lang, "sync.working")) as spinner:
        outcome = service.sync(
            env.settings, lambda step: spinner.update(msg(env.lang, "sync.step", step=steps.get(step, step)))
        )
    show(sync_view(outcome, env.lang))
    failure = sync_failure(outcome, env.lang)
    if failure is not None:
        raise UnsyncedError(failure)


def sync_init(env: Env, *, remote: str | None, learner: str | None) -> None:
    from llmlanding.sync import service

    done = service.init(env.settings, remote, learner)
    say(msg(env.lang, "sync.journal_ready", path=done.path, name=done.learner))
    if done.unreachable is not None:
        from rich.text import Text

        show(Text(msg(env.lang, "sync.journal_offline", reason=done.unreachable), style="yellow"))


def practice(env: Env, *, as_json: bool) -> None:
    from llmlanding.store.queries import read_aliases, read_repos
    from llmlanding.sync.repos import inspect_repo

    snap = env.snapshot()
    with env.reading() as conn:
        repos = read_repos(conn, read_aliases(conn))
    summaries = {item_id: inspect_repo(Path(path)) for item_id, path in repos.items()}
    if as_json:
        from llmlanding.views.sharing import repo_json

        print_json([repo_json(item_id, s) for item_id, s in summaries.items()])
        return
    from llmlanding.views.sharing import practice_view

    show(practice_view(summaries, snap.outline, env.lang))


def practice_link(env: Env, *, item_id: str, path: Path) -> None:
    from rich.console import Group

    from llmlanding.services.practice import link_repo
    from llmlanding.sync.repos import inspect_repo
    from llmlanding.views.progress import change_view
    from llmlanding.views.sharing import repo_line

    repo = path.expanduser().resolve()
    summary = inspect_repo(repo)
    if summary.state in ("missing", "not-a-repo"):
        raise UsageError(
            f"{repo} is not a git repository" if summary.state == "not-a-repo" else f"no folder {repo}",
            key="not_a_repo" if summary.state == "not-a-repo" else "no_repo_folder",
            path=repo,
        )
    outcome = link_repo(env.settings, item_id, str(repo), summary.state == "ok")
    show(Group(change_view(outcome, env.lang), repo_line(summary, env.lang)))


def team_board(env: Env, *, as_json: bool) -> None:
    from llmlanding.domain.team import board
    from llmlanding.store.queries import read_aliases
    from llmlanding.sync.service import team_events

    snap = env.snapshot()
    with env.reading() as conn:
        aliases = read_aliases(conn)
    data = board(snap.outline, team_events(env.settings), aliases, snap.active_path)
    if as_json:
        print_json(data)
        return
    from llmlanding.views.sharing import team_view

    show(team_view(data, snap.outline, env.lang))
