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


class Goal(NamedTuple):
    """A learner's target: topics a week, or a date to be done by (one of the two)."""

    per_week: int | None = None
    by: date | None = None

    def stored(self) -> str:
        """The form kept in the store: `week:3` or `by:2027-03-01`."""
        return f"week:{self.per_week}" if self.per_week is not None else f"by:{self.by}"

    @classmethod
    def parse(cls, stored: str | None) -> Goal | None:
        """A goal from its stored form; None for none, or for a form this version does not read."""
        kind, _, value = (stored or "").partition(":")
        try:
            if kind == "week" and 1 <= int(value) <= 1000:
                return cls(per_week=int(value))
            if kind == "by":
                return cls(by=date.fromisoformat(value))
        except ValueError:
            return None
        return None


class Standing(NamedTuple):
    """How the learner stands against a goal this week."""

    goal: Goal
    this_week: int  # topics finished in the last 7 days
    needed_per_week: float  # what the goal asks for each week from now on
    finish_at_pace: date | None  # when the path would be done at the current pace (None: no pace yet)
    on_track: bool


def standing(goal: Goal, activity: Activity, remaining: int, today: date) -> Standing:
    """Where the learner stands against `goal`: a weekly target asks for itself; a date asks for what is left
    spread over the weeks until it (all of it, once the date has come)."""
    if goal.per_week is not None:
        needed = float(goal.per_week)
        on_track = activity.this_week >= goal.per_week
    else:
        assert goal.by is not None
        days_left = (goal.by - today).days
        needed = float(remaining) if days_left <= 0 else remaining / (days_left / 7)
        on_track = remaining == 0 or (activity.finish is not None and activity.finish <= goal.by)
    return Standing(goal, activity.this_week, round(needed, 2), activity.finish, on_track)
