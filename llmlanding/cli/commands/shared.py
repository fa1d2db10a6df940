"""What several commands share, declared once: the options every printing command takes, the id argument and
its completion, and `delegate`, which gives a typer signature its handler."""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any, TypeVar

import typer

from llmlanding.cli.env import Env

F = TypeVar("F", bound=Callable[..., None])


def env_of(ctx: typer.Context) -> Env:
    """The run's Env, made by the root callback; made here from the root's options when a command is invoked
    without it (completion, or a test calling a command on its own)."""
    root = ctx.find_root()
    if not isinstance(root.obj, Env):
        params = root.params
        root.obj = Env.resolve(params.get("lang"), params.get("curriculum"), params.get("home"))
    return root.obj


def _plain(value: Any) -> Any:
    # The handlers take what the fast path gives them: text for choices, lists for variadic arguments.
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    return value


def delegate(target: str) -> Callable[[F], F]:
    """Run `cli.handlers.<module>.<function>` (named by `target`) with the command's parameters. The signature
    itself is only what typer reads: its body never runs."""

    def wrap(signature: F) -> F:
        @functools.wraps(signature)
        def command(**params: Any) -> None:
            ctx: typer.Context = params.pop("ctx")
            if ctx.invoked_subcommand is not None:  # a group's own callback, before one of its commands
                return
            module, name = target.rsplit(".", 1)
            handler = getattr(importlib.import_module(f"llmlanding.cli.handlers.{module}"), name)
            from llmlanding.cli.redirects import call

            call(handler, env_of(ctx), {key: _plain(value) for key, value in params.items()})

        command.handler = target  # type: ignore[attr-defined]  # read by cli/tablegen.py
        return command  # type: ignore[return-value]

    return wrap


def _root_settings(ctx: typer.Context) -> tuple[str | None, str | None]:
    params = ctx.find_root().params
    home, lang = params.get("home"), params.get("lang")
    return (None if home is None else str(home)), lang


def complete_id(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Item ids at the depth being typed, with titles; read-only, so a TAB never creates a database."""
    from llmlanding.cli.complete import item_candidates

    home, lang = _root_settings(ctx)
    return item_candidates(home, lang, incomplete)


def complete_lang(incomplete: str) -> list[str]:
    from llmlanding.settings import LANGS

    return [lang for lang in LANGS if lang.startswith(incomplete)]


def complete_path_name(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The learning paths of the roadmap in the database, with their titles."""
    from llmlanding.cli.complete import path_candidates

    home, lang = _root_settings(ctx)
    return path_candidates(home, lang, incomplete)


def complete_roadmap_id(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The roadmaps of the home, with their titles."""
    from llmlanding.cli.complete import roadmap_candidates

    home, lang = _root_settings(ctx)
    return roadmap_candidates(home, lang, incomplete)


def complete_edition(incomplete: str) -> list[str]:
    from llmlanding.settings import BUNDLED_EDITIONS

    return [edition for edition in BUNDLED_EDITIONS if edition.startswith(incomplete)]


JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (see docs/json.md) instead of a view.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite files that exist.")]
OutputOption = Annotated[str, typer.Option("--output", "-o", metavar="FILE|-", help="Where to write it; - is stdout.")]
IdsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="ID...",
        help="Chapters, sections or topics; a chapter or section means all its topics.",
        autocompletion=complete_id,
        show_default=False,
    ),
]
IdArgument = Annotated[
    str,
    typer.Argument(metavar="ID", help="A chapter (3), section (3.2) or topic (3.2.1).", autocompletion=complete_id),
]
WithinOption = Annotated[
    str | None,
    typer.Option("--in", metavar="ID", help="Only this chapter or section.", autocompletion=complete_id),
]
