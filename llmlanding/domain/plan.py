"""A study plan: the topics still to do, spread over the coming weeks at a weekly rate, on the days of the week
the learner studies. No I/O; `export calendar` writes it as iCalendar events."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from math import ceil

from llmlanding.domain.activity import Activity
from llmlanding.domain.goals import Goal

WEEKDAYS = (0, 1, 2, 3, 4)  # Monday to Friday: the days a plan uses until the learner's own days are known


DEFAULT_PER_WEEK = 3  # topics a week without a goal or a pace to go by


TRUSTED_DAYS = 7  # days with progress before they say which days of the week the learner studies on


def study_weekdays(counts: Mapping[date, int]) -> tuple[int, ...]:
    """The days of the week (0 is Monday) the learner has studied on, from the days with progress; Monday to
    Friday until there are TRUSTED_DAYS of them (one Sunday's work does not make every week a Sunday)."""
    studied = [day for day, n in counts.items() if n]
    if len(studied) < TRUSTED_DAYS:
        return WEEKDAYS
    return tuple(sorted({day.weekday() for day in studied}))


def rate(goal: Goal | None, activity: Activity, remaining: int, today: date) -> int:
    """Topics a week to plan for: the goal's (a date's, what is left spread over the weeks until it), else the
    pace, else DEFAULT_PER_WEEK; never less than one."""
    if goal is not None and goal.per_week is not None:
        return goal.per_week
    if goal is not None and goal.by is not None:
        weeks = max((goal.by - today).days / 7, 1 / 7)
        return max(ceil(remaining / weeks), 1)
    if activity.pace:
        return max(ceil(activity.pace), 1)
    return DEFAULT_PER_WEEK


def spread(
    topics: list[str], per_week: int, weekdays: tuple[int, ...], start: date, weeks: int
) -> list[tuple[date, str]]:
    """`topics` in order, `per_week` of them in each 7 days from `start`, shared out over that week's study days
    (the earlier days taking one more when they do not divide evenly), for `weeks` weeks or until none are left."""
    planned: list[tuple[date, str]] = []
    queue = iter(topics)
    for week in range(weeks):
        first = start + timedelta(weeks=week)
        days = [first + timedelta(days=n) for n in range(7) if (first + timedelta(days=n)).weekday() in weekdays]
        share, extra = divmod(per_week, len(days))
        for index, day in enumerate(days):
            for _ in range(share + (1 if index < extra else 0)):
                topic = next(queue, None)
                if topic is None:
                    return planned
                planned.append((day, topic))
    return planned
