"""The one schema of a batch and an event as they are exchanged: in a backup (`services/backup.py`), in a line of
the journal (`sync/journal.py`) and as stored. Every way in (sync, import, check) holds data to it before the
store sees it, so that nothing a file or a peer brings can stop this home from working.

Each check returns the problems it found, as `place: why` lines with any value quoted inert (no control
characters, cut short), and an empty list when the value is sound. Only the standard library: `sync`, `import`
and `check` import this module, never the everyday commands.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from functools import lru_cache

from llmlanding.domain.controls import CONTROLS, control_characters
from llmlanding.domain.effort import MAX_MINUTES, TIME_FIELD
from llmlanding.domain.notes import MAX_NOTE
from llmlanding.domain.outline import PHASES
from llmlanding.domain.papers import READ, is_paper_field
from llmlanding.domain.progress import FIELDS as LEAF_FIELDS
from llmlanding.domain.progress import STATUSES
from llmlanding.domain.review import ENTER, RATING_VALUES, REVIEW_FIELD, is_paper_review_field
from llmlanding.domain.stamps import AHEAD, EARLIEST
from llmlanding.errors import Sentence

MAX_TOKEN = 128


MAX_ITEM_ID = 64


MAX_TEXT = 4096  # a command label, a repository


NOTE = "note"


REPO = "repo"


FIELDS = (*LEAF_FIELDS, NOTE, REPO, TIME_FIELD, REVIEW_FIELD)


_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z")


_TOKEN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._:+-]*")


# An item id, or an orphan's kept with the edition it had it in (`1.2@2024-03-26`: see domain.editions.orphan_id).
_ITEM_ID = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,9})*(?:@[0-9A-Za-z][0-9A-Za-z.-]{0,39})?")


_VALUES: dict[str, tuple[str | None, ...]] = {
    **{phase: ("0", "1", None) for phase in PHASES},
    "status": (*STATUSES, None),
    REVIEW_FIELD: (*RATING_VALUES, None),
}


def printable(text: str, limit: int = 80) -> str:
    """Text as it may be shown on one line: control characters (C0 but tab and newline, C1, bidi overrides)
    stripped, newlines and tabs as spaces, cut to `limit` characters."""
    plain = text.translate(CONTROLS).replace("\n", " ").replace("\t", " ")
    return plain if len(plain) <= limit else plain[: limit - 1] + "…"


def _shown(value: object) -> str:
    if isinstance(value, str):
        return f"'{printable(value, 40)}'"
    if value is None or isinstance(value, bool | int | float):
        return "null" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
    if isinstance(value, list):
        return Sentence("a list", key="a_list")
    return Sentence("an object", key="an_object") if isinstance(value, dict) else Sentence("a value", key="a_value")


def stamp_problem(value: object, now: datetime | None = None) -> Sentence | None:
    """Why a value is not a stored time (`YYYY-MM-DDTHH:MM:SS.ffffffZ`, a real date in [2000-01-01, now + 1
    day]), or None."""
    if not isinstance(value, str):
        return Sentence(f"{_shown(value)} is not a time", key="not_time", value=_shown(value))
    moment = _moment(value)
    if isinstance(moment, str):
        return moment
    if moment < EARLIEST:
        return Sentence(f"{_shown(value)} is before 2000", key="before_2000", value=_shown(value))
    if moment > (now or datetime.now(UTC)) + AHEAD:
        return Sentence(f"{_shown(value)} is in the future", key="future", value=_shown(value))
    return None


@lru_cache(maxsize=4096)  # the events of one batch share its time: a large backup reads each time once
def _moment(value: str) -> datetime | Sentence:
    """The time a stamp names, or why it names none."""
    if not _STAMP.fullmatch(value):
        return Sentence(
            f"{_shown(value)} is not a time like 2024-05-01T09:30:00.000000Z", key="not_stamp", value=_shown(value)
        )
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return Sentence(f"{_shown(value)} is not a real date and time", key="not_real_time", value=_shown(value))


def token_problem(value: object) -> Sentence | None:
    """Why a value is not an id, device or learner name: a short token of letters, digits and `._:+-`, no path
    separator, no `..`."""
    if not isinstance(value, str):
        return Sentence(f"{_shown(value)} is not text", key="not_text_value", value=_shown(value))
    if not value or len(value) > MAX_TOKEN or not _TOKEN.fullmatch(value) or ".." in value:
        return Sentence(
            f"{_shown(value)} is not a plain name (letters, digits, '._:+-', at most {MAX_TOKEN})",
            key="not_token",
            value=_shown(value),
            most=MAX_TOKEN,
        )
    return None


def item_problem(value: object) -> Sentence | None:
    """Why a value is not an item id (digits separated by dots: 3, 3.2, 3.2.1, or an orphan's 3.2.1@2024-03-26).
    Membership in the roadmap is not asked: a change to an item of an older edition stays valid."""
    if not isinstance(value, str):
        return Sentence(f"{_shown(value)} is not text", key="not_text_value", value=_shown(value))
    if len(value) > MAX_ITEM_ID or not _ITEM_ID.fullmatch(value):
        return Sentence(f"{_shown(value)} is not an item id like 3.2.1", key="not_item_id", value=_shown(value))
    return None


def value_problem(field: str, value: object) -> Sentence | None:
    """Why a value cannot be the old or new value of `field` (a known field), or None."""
    allowed = _VALUES.get(field)  # the common fields first: a backup checks 200,000 values
    if allowed is None:
        if is_paper_field(field):
            allowed = (READ, None)
        elif is_paper_review_field(field):
            allowed = (ENTER, *RATING_VALUES, None)
    if allowed is not None:
        if value in allowed and (value is None or isinstance(value, str)):
            return None
        listed = ", ".join(v for v in allowed if v is not None)
        return Sentence(
            f"{_shown(value)} is not one of {listed} (or null)", key="not_one_of", value=_shown(value), listed=listed
        )
    if value is None:
        return None
    if not isinstance(value, str):
        return Sentence(f"{_shown(value)} is not text or null", key="not_text_or_null", value=_shown(value))
    if field == NOTE:
        if len(value) <= MAX_NOTE:
            return None
        return Sentence(
            f"a note of {len(value)} characters (at most {MAX_NOTE})", key="note_long", n=len(value), most=MAX_NOTE
        )
    if field == TIME_FIELD:
        if value.isdigit() and 1 <= int(value) <= MAX_MINUTES:
            return None
        return Sentence(
            f"{_shown(value)} is not a number of minutes from 1 to {MAX_MINUTES}",
            key="not_minutes",
            value=_shown(value),
            most=MAX_MINUTES,
        )
    if not value or len(value) > MAX_TEXT or control_characters(value) or "\n" in value:
        return Sentence(f"{_shown(value)} is not a repository's address or path", key="not_repo", value=_shown(value))
    return None


def _text_problem(value: object) -> Sentence | None:
    if not isinstance(value, str):
        return Sentence(f"{_shown(value)} is not text", key="not_text_value", value=_shown(value))
    if len(value) > MAX_TEXT:
        return Sentence(
            f"a text of {len(value)} characters (at most {MAX_TEXT})", key="text_long", n=len(value), most=MAX_TEXT
        )
    return None


def edition_problem(value: object) -> Sentence | None:
    """What is wrong with the edition a journal line or a backup says its ids mean, if anything: it is text."""
    return _text_problem(value)


Rule = Callable[[object], Sentence | None]


def _check(record: Mapping[str, object], rules: tuple[tuple[str, Rule], ...], problems: list[str]) -> None:
    for key, rule in rules:
        if key not in record:
            problems.append(Sentence("missing", key="missing", lead=f"{key}: "))
            continue
        why = rule(record[key])
        if why is not None:
            problems.append(why.placed(f"{key}: "))


def _at(record: Mapping[str, object], now: datetime | None, problems: list[str]) -> None:
    if "at" not in record:
        problems.append(Sentence("missing", key="missing", lead="at: "))
        return
    why = stamp_problem(record["at"], now)
    if why is not None:
        problems.append(why.placed("at: "))


def batch_problems(batch: object, now: datetime | None = None) -> list[str]:
    """A batch as a backup holds it: id, device, at, command, undoes."""
    if not isinstance(batch, dict):
        return [Sentence(f"{_shown(batch)} is not an object", key="not_object", value=_shown(batch))]
    problems: list[str] = []
    _check(batch, _BATCH_RULES, problems)
    _at(batch, now, problems)
    if batch.get("undoes") is not None:
        why = token_problem(batch["undoes"])
        if why is not None:
            problems.append(why.placed("undoes: "))
    return problems


def event_problems(event: object, now: datetime | None = None) -> list[str]:
    """An event as a backup holds it: id, batch, device, at, item, field, old, new."""
    if not isinstance(event, dict):
        return [Sentence(f"{_shown(event)} is not an object", key="not_object", value=_shown(event))]
    problems: list[str] = []
    _check(event, _EVENT_RULES, problems)
    _at(event, now, problems)
    field = event.get("field")
    if isinstance(field, str) and (field in FIELDS or is_paper_field(field) or is_paper_review_field(field)):
        for key in ("old", "new"):
            why = value_problem(field, event.get(key))
            if why is not None:
                problems.append(why.placed(f"{key}: "))
    return problems


def line_problems(line: object, now: datetime | None = None) -> list[str]:
    """A line of the journal: an event carrying its batch's command and undoes, and its learner."""
    problems = event_problems(line, now)
    if not isinstance(line, dict):
        return problems
    _check(line, (("learner", token_problem),), problems)
    if line.get("command") is not None:
        why = _text_problem(line["command"])
        if why is not None:
            problems.append(why.placed("command: "))
    if line.get("undoes") is not None:
        why = token_problem(line["undoes"])
        if why is not None:
            problems.append(why.placed("undoes: "))
    if line.get("edition") is not None:  # the edition its ids mean; lines from before editions have none
        why = edition_problem(line["edition"])
        if why is not None:
            problems.append(why.placed("edition: "))
    return problems


def _field_problem(value: object) -> Sentence | None:
    if isinstance(value, str) and (value in FIELDS or is_paper_field(value) or is_paper_review_field(value)):
        return None
    return Sentence(
        f"{_shown(value)} is not one of {', '.join(FIELDS)}, or paper: or review:paper: and 16 hex digits",
        key="not_field",
        value=_shown(value),
        fields=", ".join(FIELDS),
    )


_BATCH_RULES: tuple[tuple[str, Rule], ...] = (
    ("id", token_problem),
    ("device", token_problem),
    ("command", _text_problem),
)


_EVENT_RULES: tuple[tuple[str, Rule], ...] = (
    ("id", token_problem),
    ("batch", token_problem),
    ("device", token_problem),
    ("item", item_problem),
    ("field", _field_problem),
)
