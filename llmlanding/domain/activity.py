"""Pace and habit, from the log: the current streak, this week's and the 4-week pace, a 12-week calendar of
activity and an estimated finish date. No I/O: stamps (or counts per day) in, numbers out; days are the
learner's local days.

The store does not hand over every stamp ever logged: only the days `window_start` names onwards, and further
back only while the streak runs on (`streak_is_open`), already counted per day. `measure` gives the very same
numbers for those counts as for the whole list of stamps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import NamedTuple

from llmlanding.domain.stamps import local_day

HEATMAP_WEEKS = 12


PACE_DAYS = 28  # the pace is measured over the last four weeks


EARLIEST_PACE = 7  # days of activity before a pace (and a finish date) means anything


class Activity(NamedTuple):
    streak: int  # days in a row with progress, up to today (or yesterday, if today has none yet)
    this_week: int  # topics finished in the last 7 days, today included
    pace: float | None  # topics finished per week since the first day of activity, or over the last 28 days
    # once there are that many; None while there is less than a week of activity: too early to estimate
    active_days: int  # days from the first day of activity to today, today included (0: none yet)
    finish: date | None  # when the active path would be done at that pace
    first_day: date  # the heatmap's first day: a Monday, HEATMAP_WEEKS weeks back
    days: list[int]  # progress events per day from first_day to today


def heatmap_start(today: date) -> date:
    """The heatmap's first day: the Monday HEATMAP_WEEKS - 1 weeks before this week's."""
    return today - timedelta(days=today.weekday()) - timedelta(weeks=HEATMAP_WEEKS - 1)


def window_start(today: date) -> date:
    """The first day activity must be counted from for `measure`: the heatmap's (the streak may need more: see
    `streak_is_open`; the pace is measured from the finished stamps, not from activity)."""
    return heatmap_start(today)


def per_day(stamps: Iterable[str]) -> dict[date, int]:
    counts: dict[date, int] = {}
    for stamp in stamps:
        day = local_day(stamp)
        counts[day] = counts.get(day, 0) + 1
    return counts


def _streak_end(counts: Mapping[date, int], today: date) -> date:
    """The day before the streak's first: the latest day with no progress, walking back from today."""
    day = today if today in counts else today - timedelta(days=1)
    while day in counts:
        day -= timedelta(days=1)
    return day


def streak_is_open(counts: Mapping[date, int], today: date, since: date) -> bool:
    """True when the streak runs back to `since` or beyond, so days before `since` are needed to end it."""
    return _streak_end(counts, today) < since


def measure(activity: Iterable[str] | Mapping[date, int], finished: list[str], remaining: int, today: date) -> Activity:
    """`activity` is the stamps of progress events, or their counts per local day already."""
    counts = dict(activity) if isinstance(activity, Mapping) else per_day(activity)
    end = _streak_end(counts, today)
    streak = ((today if today in counts else today - timedelta(days=1)) - end).days
    # Only stamps of the last four weeks count; their UTC date is at most a day off their local one, so a text
    # comparison with a date two days earlier leaves out none of them, and saves dating every finished topic.
    earliest = (today - timedelta(days=PACE_DAYS + 2)).isoformat() if today.toordinal() > PACE_DAYS + 2 else ""
    done_days = [local_day(stamp) for stamp in finished if stamp >= earliest]
    this_week = sum(1 for d in done_days if today - d < timedelta(days=7))
    # The first day of activity: the earliest day counted, or the earliest finished topic (text order is time
    # order, so no stamp needs dating to find it). Counts reach back 12 weeks, far beyond the 4 weeks that matter.
    starts = [*(day for day in counts if day <= today), *([local_day(min(finished))] if finished else [])]
    active_days = (today - min(starts)).days + 1 if starts else 0
    pace: float | None = None
    if active_days >= EARLIEST_PACE:
        window = min(active_days, PACE_DAYS)
        pace = sum(1 for d in done_days if today - d < timedelta(days=window)) / (window / 7)
    finish = None
    if remaining == 0:
        finish = today
    elif pace:
        finish = today + timedelta(days=round(remaining / pace * 7))
    first = heatmap_start(today)
    days = [counts.get(first + timedelta(days=n), 0) for n in range((today - first).days + 1)]
    return Activity(streak, this_week, pace, active_days, finish, first, days)
