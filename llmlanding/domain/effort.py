"""Time spent studying, for learners who record it (`done --time 45m`): reading a duration, and the field its
events use. Optional and never asked for."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from llmlanding.domain.outline import Outline
from llmlanding.domain.stamps import local_day
from llmlanding.errors import UsageError

TIME_FIELD = "time"  # an event's field for minutes spent: new is the minutes as text, old is null


MAX_MINUTES = 24 * 60  # one record is at most a day


def parse_duration(text: str) -> int:
    """Minutes from `45m`, `1h30m`, `2h` or `90` (minutes); one clear error for anything else."""
    spoken = text.strip().lower().replace(" ", "")
    hours, _, rest = spoken.partition("h") if "h" in spoken else ("0", "", spoken)
    minutes = rest.removesuffix("m") if rest else "0"
    if not (hours.isdigit() and minutes.isdigit()) or not spoken or spoken in ("h", "m"):
        raise UsageError(f"--time takes a duration like 45m, 1h30m or 2h, not '{text}'", key="time_format", text=text)
    total = int(hours) * 60 + int(minutes)
    if not 1 <= total <= MAX_MINUTES:
        raise UsageError(f"--time takes from 1 minute to 24 hours, not '{text}'", key="time_range", text=text)
    return total


class Spent(NamedTuple):
    """Minutes recorded: in the last 7 days (as `this_week` counts topics), in all, and per chapter."""

    this_week: int
    total: int
    chapters: dict[str, int]


def spent(records: list[tuple[str, int, str]], outline: Outline, today: date) -> Spent:
    """Add up the (item, minutes, stamp) records; an item no longer in the roadmap counts in the totals only."""
    this_week = total = 0
    chapters: dict[str, int] = {}
    for item_id, minutes, at in records:
        total += minutes
        if today - local_day(at) < timedelta(days=7):
            this_week += minutes
        chapter = item_id.split(".")[0]
        if item_id in outline.items and chapter in outline.items:
            chapters[chapter] = chapters.get(chapter, 0) + minutes
    return Spent(this_week, total, chapters)
