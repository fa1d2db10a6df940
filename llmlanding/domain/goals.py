"""A learner's goal (`llmlanding goal`): a weekly target or a date to finish by, and where they stand against
it. No I/O; loaded only when a goal is set or asked for."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from llmlanding.domain.activity import Activity


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
