"""The exceptions the core raises and the exit codes the CLI turns them into.

Kept free of heavy imports: the fast read path imports it too.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1  # the environment failed us: a locked, corrupt or empty database, a full disk
    USAGE = 2  # the user's input is wrong: an unknown id, a malformed roadmap, a file in the way
    UNSYNCED = 3  # `sync` committed locally but could not fetch from or push to the remote
    INTERRUPTED = 130  # Ctrl-C, as shells report a process ended by SIGINT


class LLMLandingError(Exception):
    """An error the user can act on: printed as one line, never as a traceback."""

    exit_code: ExitCode = ExitCode.FAILURE

    def __init__(
        self, message: str, *, details: list[str] | None = None, key: str | None = None, **fields: object
    ) -> None:
        super().__init__(message)
        self.message = message
        # Further lines, e.g. every problem of a roadmap file, printed after the message.
        self.details = details or []
        # The message's id in views/words.py (`error.<key>`) and its fields: how it is said in another language.
        self.key = key
        self.fields = fields


class UsageError(LLMLandingError):
    """The user's input is wrong."""

    exit_code = ExitCode.USAGE


class UnknownItemError(UsageError):
    def __init__(self, item_id: str, suggestions: list[str]) -> None:
        hint = f" (did you mean {', '.join(suggestions)}?)" if suggestions else ""
        super().__init__(f"no item '{item_id}'{hint}")
        self.item_id = item_id
        self.suggestions = suggestions


class CurriculumError(UsageError):
    """A roadmap file is missing, malformed or invalid; `details` holds FILE:LINE:COL lines."""


class UnsyncedError(LLMLandingError):
    """`sync` kept everything committed locally, but the remote could not be reached or pushed to."""

    exit_code = ExitCode.UNSYNCED


class StoreError(LLMLandingError):
    """The database cannot be used: locked, corrupt, foreign, or newer than this program."""


class Sentence(str):
    """A line as printed in English, carrying its id in views/errorwords.py (`problem.<key>`) and its fields, so that
    another language can say it: a detail line of an error, e.g. one problem of a roadmap file. `lead` (a
    FILE:LINE:COL place) comes first in every language. Being a str, it goes wherever the English text goes."""

    key: str
    lead: str
    fields: dict[str, object]

    def __new__(cls, text: str, *, key: str, lead: str = "", **fields: object) -> Sentence:
        said = super().__new__(cls, lead + text)
        said.key, said.lead, said.fields = key, lead, fields
        return said

    def placed(self, lead: str) -> Sentence:
        """The same sentence after `lead`, e.g. the FILE:LINE:COL or the field of the problem it names."""
        return Sentence(self[len(self.lead) :], key=self.key, lead=lead + self.lead, **self.fields)


class Sentences(str):
    """Lines or sentences on one line, `sep` between them and `tail` after, as printed in English; each part
    that is a `Sentence` is said in another language where it can be."""

    parts: tuple[str, ...]
    sep: str
    tail: str

    def __new__(cls, parts: list[str] | tuple[str, ...], sep: str = "; ", tail: str = "") -> Sentences:
        kept = tuple(parts)
        said = super().__new__(cls, sep.join(kept) + tail)
        said.parts, said.sep, said.tail = kept, sep, tail
        return said


def format_error(exc: LLMLandingError) -> str:
    """The text printed to stderr: `error: ...` and then any detail lines."""
    return "\n".join([f"error: {exc.message}", *exc.details])
