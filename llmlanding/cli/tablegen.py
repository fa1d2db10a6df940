"""Generates `cli/table.py`, the fast path's and the completer's view of the command line, from the typer
tree: every command's handler, options, arguments, value kinds, limits, choices, defaults and what completes
them. One source of truth: the typer signatures in `cli/commands/`.

Run `python -m llmlanding.cli.tablegen` after changing a command; tests/test_cli_parity.py fails when the file
is stale.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Any

import typer
import typer.main

from llmlanding.cli.commands.shared import (
    complete_edition,
    complete_id,
    complete_lang,
    complete_path_name,
    complete_roadmap_id,
)

TABLE = Path(__file__).with_name("table.py")
COMPLETERS: dict[object, str] = {
    complete_id: "id",
    complete_lang: "lang",
    complete_path_name: "path_name",
    complete_roadmap_id: "roadmap_id",
    complete_edition: "edition",
}
TYPER_ONLY = {"install_completion", "show_completion"}  # typer's own: answered by typer, never the fast path


def _kind(param: Any) -> dict[str, Any]:
    descriptor = param.type_descriptor
    annotation = descriptor.annotation
    if param.name in TYPER_ONLY:
        return {"kind": "typer"}
    if getattr(param, "is_flag", False):
        return {"kind": "flag"}
    if descriptor.choices:
        return {"kind": "choice", "choices": [c.value if isinstance(c, Enum) else c for c in descriptor.choices]}
    if descriptor.is_path:
        return {"kind": "path"}
    if annotation is int:
        return {"kind": "int", "min": getattr(param, "min", None), "max": getattr(param, "max", None)}
    if annotation is str or (descriptor.is_list and annotation == list[str]):
        return {"kind": "str"}
    raise TypeError(f"the fast path does not know how to read {param.name}: {annotation!r}")


def _default(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


def _param(param: Any) -> dict[str, Any]:
    info = param.type_descriptor.parameter_info
    entry: dict[str, Any] = {
        "name": param.name,
        **_kind(param),
        "nargs": param.nargs,
        "required": bool(param.required),
        "default": _default(param.default),
    }
    completer = COMPLETERS.get(getattr(info, "autocompletion", None))
    if completer is not None:
        entry["completes"] = completer
    if isinstance(param, typer.core.TyperOption):
        entry["opts"] = list(param.opts)
        entry["help"] = param.help or ""
        if param.is_eager:
            entry["eager"] = True
    return entry


def _command(command: Any, ctx: typer.Context) -> dict[str, Any]:
    callback = getattr(command, "callback", None)
    options = [_param(p) for p in command.params if isinstance(p, typer.core.TyperOption)]
    arguments = [_param(p) for p in command.params if isinstance(p, typer.core.TyperArgument)]
    entry: dict[str, Any] = {
        "handler": getattr(callback, "handler", None),
        "short_help": command.get_short_help_str(),  # as typer's completion shows it
        "options": options,
        "arguments": arguments,
    }
    if isinstance(command, typer.core.TyperGroup):
        entry["subcommands"] = [name for name in command.list_commands(ctx) if not command.commands[name].hidden]
        entry["invoke_without_command"] = bool(command.invoke_without_command)
        entry["no_args_is_help"] = bool(command.no_args_is_help)
    return entry


def table() -> dict[str, Any]:
    """Every command by its words (`""` is the program itself, `"export json"` a subcommand)."""
    from llmlanding.cli.app import app

    root = typer.main.get_command(app)
    found: dict[str, Any] = {}

    def walk(command: Any, words: list[str], parent: typer.Context | None) -> None:
        ctx = typer.Context(command, info_name=words[-1] if words else "llmlanding", parent=parent)
        found[" ".join(words)] = _command(command, ctx)
        if isinstance(command, typer.core.TyperGroup):
            for name in command.list_commands(ctx):
                walk(command.commands[name], [*words, name], ctx)

    walk(root, [], None)
    return found


HEADER = '''"""The command line as the fast path and completion read it. Generated from the typer tree by
`python -m llmlanding.cli.tablegen`: do not edit. A Python literal, because importing it costs less than reading
JSON (the json module alone loads `re`), and completion runs on every TAB."""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs an import on every TAB
if TYPE_CHECKING:
    from typing import Any

TABLE: dict[str, Any] = '''


def render() -> str:
    import pprint

    return HEADER + pprint.pformat(table(), indent=1, width=120, sort_dicts=False) + "\n"


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        sys.exit(0 if TABLE.read_text(encoding="utf-8") == render() else 1)
    TABLE.write_text(render(), encoding="utf-8")
