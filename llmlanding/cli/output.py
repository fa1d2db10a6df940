"""Where commands write: one rich console for stdout, plain text for errors, JSON without colour, and the one
place that turns a failure or Ctrl-C into a line on stderr and an exit code."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment

from llmlanding.errors import ExitCode, LLMLandingError, format_error
from llmlanding.views.inert import inert, inert_segments


class InertConsole(Console):
    """A console that prints no control character from data: whatever a view is built of, its rendered text
    goes through `views.inert` before it is written."""

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        return inert_segments(super().render(renderable, options))


def console() -> Console:
    # Rich honours NO_COLOR and TERM=dumb and prints plain text when stdout is not a terminal.
    # Piped output is not wrapped at 80 columns, so that grep and diff see whole lines.
    plain = InertConsole(highlight=False)
    if not plain.is_terminal:
        return InertConsole(highlight=False, soft_wrap=True)
    return plain


# The line naming the run's roadmap, when the home knows more than one: printed once, above what a command shows
# (never above JSON or a file's contents). Set by `Env.resolve`.
BANNER: list[str] = []


def show(renderable: RenderableType) -> None:
    if BANNER:
        from rich.text import Text

        console().print(Text(BANNER.pop(), style="dim"))
    # Not cropped: a view that lets a row run past the edge (a long URL on its own line, `views/fit.py`) means it
    # to be whole; everything else is laid out within the width already.
    console().print(renderable, crop=False)


def say(text: str) -> None:
    """One plain line, printed as it is (no markup, no highlighting)."""
    from rich.text import Text

    show(Text(text))


def print_json(data: Any) -> None:
    import json  # only here: the json module costs every other command an import

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_text(text: str) -> None:
    """Text exactly as stored, for piping; to a terminal without its control characters."""
    sys.stdout.write(inert(text) if sys.stdout.isatty() else text)


_LANG = {"run": "en"}  # the run's language once its settings are resolved: errors are said in it


def use_language(lang: str) -> None:
    _LANG["run"] = lang


def report_error(exc: LLMLandingError) -> None:
    # Errors quote what the learner or a peer typed (an id, a URL, a file's line): inert before the terminal.
    lang = _LANG["run"]
    text = format_error(exc) if lang == "en" else _localized(exc, lang)
    sys.stderr.write(inert(text) + "\n")


def _localized(exc: LLMLandingError, lang: str) -> str:
    """The error in the run's language: its own words where errorwords.py (or words.py) has them, else as raised."""
    from llmlanding.errors import UnknownItemError
    from llmlanding.views import errorwords
    from llmlanding.views.words import MESSAGES, msg

    message = exc.message
    key = f"error.{exc.key}"
    words = errorwords.MESSAGES.get(key) or MESSAGES.get(key)
    if exc.key is not None and words is not None:
        message = words[lang].format(**_fields(exc.fields, lang))
    elif isinstance(exc, UnknownItemError):
        message = msg(lang, "error.unknown_item", id=exc.item_id)
        if exc.suggestions:
            message += msg(lang, "error.did_you_mean", ids=", ".join(exc.suggestions))
    return "\n".join([msg(lang, "error.prefix") + message, *(errorwords.said(line, lang) for line in exc.details)])


def _fields(fields: dict[str, object], lang: str) -> dict[str, object]:
    """An error's fields in `lang`: the system's reason for a failure where errorwords.py knows it, and a sentence
    of ours that a field quotes (a problem, or a validator's ValueError carrying one)."""
    from llmlanding.errors import Sentence
    from llmlanding.views.errorwords import OS_REASONS, said

    worded = dict(fields)
    for name, value in fields.items():
        if isinstance(value, str) and value in OS_REASONS[lang]:
            worded[name] = OS_REASONS[lang][value]
        elif isinstance(value, str):
            worded[name] = said(value, lang)
        elif isinstance(value, ValueError) and value.args and isinstance(value.args[0], Sentence):
            worded[name] = said(value.args[0], lang)
    return worded


def interrupted() -> str:
    """What Ctrl-C leaves on the screen, in the run's language."""
    from llmlanding.views.words import msg

    return msg(_LANG["run"], "run.interrupted")


def failure_code(exc: BaseException) -> int | None:
    """Report an error the learner can act on and return its exit code; None for anything else (a bug), which
    the caller lets propagate."""
    if isinstance(exc, LLMLandingError):
        report_error(exc)
        return int(exc.exit_code)
    if isinstance(exc, KeyboardInterrupt):
        sys.stderr.write("\n" + interrupted() + "\n")
        return int(ExitCode.INTERRUPTED)
    if isinstance(exc, OSError):  # a full disk, a folder without permission: the environment, not a bug
        report_error(environment_error(exc))
        return int(ExitCode.FAILURE)
    return None


def environment_error(exc: OSError) -> LLMLandingError:
    """An OS error as the one line the learner reads: what failed, and on which file."""
    where = f": {exc.filename}" if exc.filename else ""
    reason = exc.strerror or str(exc)
    return LLMLandingError(
        f"{exc.strerror or exc}{where}",
        key="os_error_at" if exc.filename else "os_error",
        reason=reason,
        path=where[2:],
    )


def on_terminal() -> bool:
    """Whether a learner is at the keyboard: a question can be asked, an editor opened."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def ask(prompt: str) -> str | None:
    """One line from the learner after `prompt`, without its newline; None at the end of input."""
    sys.stdout.write(prompt)
    sys.stdout.flush()
    answer = sys.stdin.readline()
    if not answer.endswith("\n"):  # end of input: say so on its own line, as a learner at a terminal sees it
        sys.stdout.write("\n")
        return answer or None
    return answer.removesuffix("\n")


def confirm(prompt: str) -> bool:
    """Ask a yes/no question on the terminal; no (the default) unless the learner types y or yes."""
    answer = ask(f"{prompt} [y/N]: ")
    return answer is not None and answer.strip().lower() in ("y", "yes")
