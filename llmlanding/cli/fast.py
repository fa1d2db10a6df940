"""The fast path: every command a learner types with valid arguments, answered without typer.

Importing typer costs more than the whole of `next`, so the command line is parsed here, by the rules typer
applies, from `table.py`, which `cli/tablegen.py` generates from the typer tree: the same commands, options,
arguments, value kinds, limits and defaults. Whatever this parser is not sure of — `--help`, a usage error, a
value typer might read differently, a group's options before its subcommand — falls through to typer, which
reports it in its own words. Both paths then run the same handler (`cli/handlers/`), so they say the same.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing and dataclasses cost an import each on every run
if TYPE_CHECKING:
    from typing import Any

    Entry = dict[str, Any]

_INT = frozenset("0123456789")


def load_table() -> dict[str, Entry]:
    from llmlanding.cli.table import TABLE

    return TABLE


def _convert(param: Entry, raw: str) -> tuple[bool, Any]:
    """(True, value) as typer would read it, or (False, None) when unsure: typer then decides, and reports."""
    kind = param["kind"]
    if kind == "str":
        return True, raw
    if kind == "choice":
        return (True, raw) if raw in param["choices"] else (False, None)
    if kind == "path":
        if not raw:
            return False, None
        from pathlib import Path

        return True, Path(raw)
    if kind == "int":
        # Only plain ASCII digits: typer (through pydantic) reads more ('+3', ' 3', other scripts' digits), and
        # such rare spellings are left to it rather than guessed at here.
        if not raw or not set(raw) <= _INT or (raw[0] == "0" and raw != "0"):
            return False, None
        value = int(raw)
        low, high = param.get("min"), param.get("max")
        if (low is not None and value < low) or (high is not None and value > high):
            return False, None
        return True, value
    return False, None  # typer's own options


def _options_by_flag(entry: Entry) -> dict[str, Entry]:
    return {flag: option for option in entry["options"] for flag in option["opts"]}


def _take_option(
    flags: dict[str, Entry], args: list[str], index: int, values: dict[str, Any], convert: bool = True
) -> int | None:
    """Read the option at `args[index]` into `values` (its text as it is, unless `convert`); the index after it,
    or None where typer's parser would stop: an unknown option, a missing value, a value it would refuse."""
    token = args[index]
    if token.startswith("--"):
        name, sep, attached = token.partition("=")
        option = flags.get(name)
        if option is None or (option["kind"] == "typer" and convert):
            return None  # unknown, or typer's own (--install-completion): typer answers it
        if option["kind"] in ("flag", "typer"):
            if sep:
                return None
            values[option["name"]] = True
            return index + 1
        raw = attached if sep else None
        after = index + 1
    else:
        option = flags.get(token[:2])
        if option is not None and option["kind"] == "flag":
            if len(token) == 2:
                values[option["name"]] = True  # `-y`, as typer reads it
                return index + 1
            if not convert:  # completing `-y3`: typer reads `-y`, then stops at `-3`, counting `-y` given
                for char in token[1:]:
                    flag = flags.get(f"-{char}")
                    if flag is None or flag["kind"] != "flag":
                        break
                    values[flag["name"]] = True
            return None
        if option is None or option["kind"] == "flag":
            return None
        raw = token[2:] or None  # `-n3` is `-n 3` to typer too (and `-n=3` is the value '=3')
        after = index + 1
    if raw is None:
        if after >= len(args):
            return None
        raw = args[after]  # typer takes the next word as the value, even one that starts with '-'
        after += 1
    ok, value = _convert(option, raw) if convert else (True, raw)
    if not ok:
        return None
    values[option["name"]] = value
    return after


def scan(
    entry: Entry, words: list[str], *, interspersed: bool, convert: bool = True
) -> tuple[dict[str, Any], list[str], bool]:
    """(the options' values, the positional words, whether it stopped early) for one command's words, as typer's
    parser reads them: options anywhere for a command (`interspersed`), only before the subcommand for a group,
    and everything after `--` positional."""
    flags = _options_by_flag(entry)
    values: dict[str, Any] = {}
    positional: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word == "--":
            positional.extend(words[index + 1 :])
            break
        if word.startswith("-") and word != "-":
            after = _take_option(flags, words, index, values, convert)
            if after is None:
                return values, positional, True
            index = after
            continue
        if not interspersed:
            positional.extend(words[index:])
            break
        positional.append(word)
        index += 1
    return values, positional, False


def _arguments(entry: Entry, words: list[str], values: dict[str, Any]) -> bool:
    """Give the positional words to the command's arguments as typer does; False when they do not fit."""
    rest = list(words)
    for argument in entry["arguments"]:
        if argument["nargs"] == -1:
            taken, rest = rest, []
            if argument["required"] and not taken:
                return False
            converted = []
            for raw in taken:
                ok, value = _convert(argument, raw)
                if not ok:
                    return False
                converted.append(value)
            values[argument["name"]] = converted
        elif rest:
            ok, value = _convert(argument, rest.pop(0))
            if not ok:
                return False
            values[argument["name"]] = value
        elif argument["required"]:
            return False
    return not rest


def _defaults(entry: Entry) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for param in (*entry["options"], *entry["arguments"]):
        default = param["default"]
        if param["kind"] == "path" and default is not None:
            from pathlib import Path

            default = Path(default)
        found[param["name"]] = [] if param["nargs"] == -1 and default is None else default
    return found


def parse(argv: list[str], table: dict[str, Entry]) -> tuple[str, dict[str, Any], dict[str, Any]] | None:
    """(handler, root values, command values) for a command line typer would run, else None."""
    settings, words, stopped = scan(table[""], argv, interspersed=False)
    if stopped:
        return None
    if settings.pop("version", False):
        return "version", settings, {}
    if not words:
        return "progress.dashboard", settings, {}
    key, entry = "", table[""]
    while "subcommands" in entry:
        if not words or words[0] not in entry["subcommands"]:
            return None
        key = f"{key} {words[0]}".strip()
        entry = table[key]
        words = words[1:]
        if "subcommands" in entry:
            group_values, words, stopped = scan(entry, words, interspersed=False)
            if stopped or (words and group_values):
                return None  # a group's options before its subcommand: rare, left to typer
            if not words:  # a group run on its own (`sync`, `practice`): its callback is the command
                values = {**_defaults(entry), **group_values}
                return (entry["handler"], settings, values) if entry["invoke_without_command"] else None
    given, positional, stopped = scan(entry, words, interspersed=True)
    if stopped or not _arguments(entry, positional, given) or entry["handler"] is None:
        return None
    return entry["handler"], settings, {**_defaults(entry), **given}


def run(argv: list[str]) -> int | None:
    """Answer the command line and return the exit code, or None to let typer answer it."""
    parsed = parse(argv, load_table())
    if parsed is None:
        return None
    target, settings, values = parsed
    if target == "version":
        import sys

        from llmlanding import __version__

        sys.stdout.write(f"llmlanding {__version__}\n")
        return 0
    import importlib

    from llmlanding.cli.output import failure_code

    try:
        from llmlanding.cli.env import Env

        env = Env.resolve(settings.get("lang"), settings.get("curriculum"), settings.get("home"))
        module, name = target.rsplit(".", 1)
        handler = getattr(importlib.import_module(f"llmlanding.cli.handlers.{module}"), name)
        from llmlanding.cli.redirects import call

        call(handler, env, values)
    except BaseException as exc:
        code = failure_code(exc)
        if code is None:
            raise
        return code
    return 0
