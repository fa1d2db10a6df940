"""`--help` as a learner reads it: values named by their metavar, never by a Python type (`<list[str]>`), and
help and usage errors in the run's language: under zh, the Chinese of `views/helptext.py` takes the place
of the English help of every command and option before typer formats it, and the framework's own words (Usage,
Options, "No such option", …) are said in Chinese too. Only typer's path needs this: the fast path leaves
`--help` and every usage error to typer."""

from __future__ import annotations

import re
import sys
from typing import IO, Any

from llmlanding.views.helptext import FRAME_ZH, HELP_ZH

_FRAME = [(re.compile(pattern, re.M), chinese) for pattern, chinese in FRAME_ZH]


def help_lang(argv: list[str]) -> str:
    """The language a command line asks for: `--lang` before the command, else the environment's."""
    from llmlanding.cli.fast import load_table, scan
    from llmlanding.errors import LLMLandingError
    from llmlanding.settings import resolve_lang

    values, _positional, _stopped = scan(load_table()[""], argv, interspersed=False, convert=False)
    for flag in (values.get("lang"), None):
        try:
            return resolve_lang(flag)
        except LLMLandingError:  # a bad --lang is reported by the command; help goes on in the environment's
            continue
    return "en"


def frame(text: str) -> str:
    """The framework's words of a help screen or a usage error, in Chinese."""
    for pattern, chinese in _FRAME:
        text = pattern.sub(chinese, text)
    return text


def missing(command: Any, path: str = "") -> list[tuple[str, str]]:
    """(command, English sentence) for each help text of the tree that has no Chinese in HELP_ZH."""
    found = [(path, text) for text in _texts(command) if text not in HELP_ZH]
    for name, sub in getattr(command, "commands", {}).items():
        found.extend(missing(sub, f"{path} {name}".strip()))
    return found


def _texts(command: Any) -> list[str]:
    texts = [command.help] if command.help else []
    return texts + [param.help for param in command.params if getattr(param, "help", None)]


def localize(command: Any) -> None:
    """Put the Chinese help in place in this typer command tree (built afresh for each run); English stays where
    a sentence has none yet."""
    if command.help:
        command.help = HELP_ZH.get(command.help, command.help)
    if command.short_help:
        command.short_help = HELP_ZH.get(command.short_help, command.short_help)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = HELP_ZH.get(param.help, param.help)
    english = command.get_help
    command.get_help = lambda ctx: frame(english(ctx))
    for sub in getattr(command, "commands", {}).values():
        localize(sub)


def plain_types(command: Any) -> None:
    """Name each value as the learner writes it: an argument by its metavar alone (`ID...`, not `ID...
    <list[str]>`), a number option as `N`, a choice by its choices; in the whole tree (built afresh each run)."""
    for param in command.params:
        shown = getattr(param, "display_type_rich", None)
        if shown is None or getattr(param, "is_flag", False):
            continue
        param.display_type_rich = _plain_type(param, shown)
    for sub in getattr(command, "commands", {}).values():
        plain_types(sub)


def _plain_type(param: Any, shown: Any) -> Any:
    def display(ctx: Any) -> str | None:
        text = shown(ctx)
        if param.param_type_name == "argument":
            return None  # its metavar names it already
        if text and text.startswith("<") and "|" not in text:  # a Python type, not a list of choices
            return "N" if "int" in text else "VALUE"
        return text  # type: ignore[no-any-return]

    return display


class ZhStream:
    """stderr for a run under zh: typer's usage errors come out in Chinese."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(frame(text) if isinstance(text, str) else text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def run_localized(main: Any, args: list[str] | None, command: Any) -> Any:
    """Run typer's `main` (a bound method of the root command) with help and usage errors in the run's language."""
    argv = list(sys.argv[1:] if args is None else args)
    plain_types(command)
    if help_lang(argv) != "zh":
        return main()
    localize(command)
    stderr = sys.stderr
    sys.stderr = ZhStream(stderr)
    try:
        return main()
    finally:
        sys.stderr = stderr
