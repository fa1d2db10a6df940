"""Pace and habit, from the log: the current streak, this week's and the 4-week pace, a 12-week calendar of
activity and an estimated finish date. No I/O: stamps in, numbers out; days are the learner's local days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from llmlanding.domain.stamps import local_day

HEATMAP_WEEKS = 12


@dataclass(frozen=True)
class Activity:
    streak: int  # days in a row with progress, up to today (or yesterday, if today has none yet)
    this_week: int  # topics finished in the last 7 days, today included
    pace: float  # topics finished per week over the last 28 days
    finish: date | None  # when the active path would be done at that pace
    first_day: date  # the heatmap's first day: a Monday, HEATMAP_WEEKS weeks back
    days: list[int]  # progress events per day from first_day to today


def measure(activity: list[str], finished: list[str], remaining: int, today: date) -> Activity:
    per_day: dict[date, int] = {}
    for stamp in activity:
        day = local_day(stamp)
        per_day[day] = per_day.get(day, 0) + 1
    streak = 0
    day = today if today in per_day else today - timedelta(days=1)
    while day in per_day:
        streak += 1
        day -= timedelta(days=1)
    done_days = [local_day(stamp) for stamp in finished]
    this_week = sum(1 for d in done_days if today - d < timedelta(days=7))
    last_4w = sum(1 for d in done_days if today - d < timedelta(days=28))
    pace = last_4w / 4
    finish = None
    if remaining == 0:
        finish = today
    elif pace > 0:
        finish = today + timedelta(days=round(remaining / pace * 7))
    first = today - timedelta(days=today.weekday()) - timedelta(weeks=HEATMAP_WEEKS - 1)
    days = [per_day.get(first + timedelta(days=n), 0) for n in range((today - first).days + 1)]
    return Activity(streak, this_week, pace, finish, first, days)
