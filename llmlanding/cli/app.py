"""The typer application: global options, the command tree, and one place that turns errors into exits.

Typer answers `--help`, usage errors and what the fast path (`cli/fast.py`) leaves to it; both run the same
handlers. The fast path's tables are generated from this tree (`cli/tablegen.py`), so change a command here and
regenerate them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from llmlanding import __version__
from llmlanding.cli.commands import (
    assistant,
    browse,
    exporting,
    finding,
    health,
    notes,
    papers,
    progress,
    review,
    sharing,
    study,
)
from llmlanding.cli.commands.curriculum import curriculum_app
from llmlanding.cli.commands.shared import complete_lang
from llmlanding.cli.env import Env
from llmlanding.cli.output import failure_code
from llmlanding.errors import LLMLandingError, UsageError
from llmlanding.settings import ENV_CURRICULUM, ENV_HOME, ENV_LANG


class ReportingGroup(TyperGroup):
    """Every error a learner can act on, and Ctrl-C, becomes one line on stderr and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            try:
                return super().invoke(ctx)
            except typer.BadParameter as exc:
                raise _choice_error(exc) or exc from None
        except (LLMLandingError, OSError, KeyboardInterrupt) as exc:
            code = failure_code(exc)
            if code is None:
                raise
            raise typer.Exit(code) from None

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # in the order they were added: the order a learner meets them

    def main(self, args: Any = None, *more: Any, **extra: Any) -> Any:
        # Help and usage errors in the run's language (`cli/zhhelp.py`).
        from llmlanding.cli.zhhelp import run_localized

        return run_localized(lambda: super(ReportingGroup, self).main(args, *more, **extra), args, self)


def _choice_error(exc: typer.BadParameter) -> UsageError | None:
    """A value that is none of an option's choices (`--phase cod`) as one line naming them and the closest, in
    place of typer's usage block; None for any other bad parameter, which typer reports as it does."""
    import ast
    import difflib

    choices = getattr(getattr(exc.param, "type_descriptor", None), "choices", None)
    given, sep, _ = exc.message.removeprefix("Value error, ").partition(" is not one of ")
    if not choices or not sep or exc.param is None:
        return None
    try:
        value = ast.literal_eval(given)  # typer quotes the value as repr() does
    except (ValueError, SyntaxError):
        return None
    names = [str(getattr(choice, "value", choice)) for choice in choices]
    lowered = {name.lower(): name for name in names}
    close = difflib.get_close_matches(str(value).lower(), list(lowered), n=1, cutoff=0.5)
    option, listed = max(exc.param.opts, key=len), ", ".join(names)
    if close:
        meant = lowered[close[0]]
        return UsageError(
            f"{option} takes {listed}; not '{value}' (did you mean {meant}?)",
            key="choice_close",
            option=option,
            names=listed,
            value=value,
            meant=meant,
        )
    return UsageError(f"{option} takes {listed}; not '{value}'", key="choice", option=option, names=listed, value=value)


app = typer.Typer(
    name="llmlanding",
    cls=ReportingGroup,
    help="Track your way through the LLMLanding roadmap of large language models.",
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:  # not while completing: a TAB after --version offers what comes next
        typer.echo(f"llmlanding {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            envvar=ENV_LANG,
            metavar="zh|en",
            help="Language of titles and labels. [default: zh under a zh_* locale, else en]",
            show_default=False,
            autocompletion=complete_lang,
        ),
    ] = None,
    curriculum: Annotated[
        Path | None,
        typer.Option(
            "--curriculum",
            envvar=ENV_CURRICULUM,
            metavar="PATH",
            help="Use another roadmap file. [default: the bundled LLMLanding roadmap]",
            show_default=False,
        ),
    ] = None,
    home: Annotated[
        Path | None,
        typer.Option(
            "--home",
            envvar=ENV_HOME,
            metavar="PATH",
            help="Folder for your progress data. [default: the per-user app folder]",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Track your way through the LLMLanding roadmap of large language models."""
    try:
        ctx.obj = Env.resolve(lang, curriculum, home)
        if ctx.invoked_subcommand is None:  # `llmlanding` alone: the dashboard
            from llmlanding.cli.handlers.progress import dashboard

            dashboard(ctx.obj)
    except (LLMLandingError, OSError, KeyboardInterrupt) as exc:
        code = failure_code(exc)
        if code is None:
            raise
        raise typer.Exit(code) from None


app.command("next")(progress.next_item)
app.command("done")(progress.done)
app.command("start")(progress.start)
app.command("skip")(progress.skip)
app.command("reset")(progress.reset)
app.command("undo")(progress.undo)
app.command("status")(progress.status)
app.command("path")(progress.choose_path)
app.command("goal")(progress.goal)
app.command("log")(progress.log)
app.command("week")(progress.week)
app.command("note")(notes.note)
app.command("notes")(notes.list_notes)
app.command("search")(finding.search)
app.command("open")(finding.open_item)
app.command("list")(browse.list_items)
app.command("show")(browse.show_item)
app.command("orphans")(browse.orphans)
app.command("papers")(papers.papers)
app.command("read")(papers.read_paper)
app.command("unread")(papers.unread_paper)
app.command("move")(progress.move)
app.command("review")(review.review)
app.command("study")(study.study)
app.add_typer(exporting.export_app, name="export")
app.command("import")(exporting.import_file)
app.add_typer(sharing.sync_app, name="sync")
app.add_typer(sharing.practice_app, name="practice")
app.command("team")(sharing.team_board)
app.command("mcp")(assistant.mcp)
app.add_typer(curriculum_app, name="curriculum")
app.command("check")(health.check)
