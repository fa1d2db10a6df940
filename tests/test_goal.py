"""`llmlanding goal`: a weekly target or a date to finish by, and where the learner stands against it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers import JSON, Run, dump, js

from llmlanding.domain.activity import Activity
from llmlanding.domain.goals import Goal, standing


def test_a_weekly_goal_counts_this_weeks_topics(run: Run) -> None:
    assert "No goal yet" in run("--lang", "en", "goal").stdout
    assert run("goal", "3/week").exit_code == 0
    goal: JSON = js(run, "goal")
    assert (goal["per_week"], goal["by"], goal["this_week"], goal["on_track"]) == (3, None, 0, False)
    run("done", "3.2.1", "3.2.2", "3.2.3")
    status: JSON = js(run, "status")
    assert status["activity"]["goal"]["this_week"] == 3 and status["activity"]["goal"]["on_track"] is True
    assert "✓ goal: 3 a week — 3 this week" in run("--lang", "en", "status").stdout


def test_a_date_goal_says_what_each_week_needs(run: Run) -> None:
    by = date.today() + timedelta(days=70)
    assert run("goal", "--by", by.isoformat()).exit_code == 0
    goal: JSON = js(run, "goal")
    remaining = js(run, "status")["path"]["total"] - js(run, "status")["path"]["done"]
    assert goal["by"] == by.isoformat() and goal["needed_per_week"] == round(remaining / 10, 2)
    assert goal["finish_at_pace"] is None and goal["on_track"] is False  # day one: no pace to judge by
    assert run("goal", "--clear").exit_code == 0 and js(run, "goal") is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x"], "a goal is a number of topics a week from 1 to 1000"),
        (["0"], "a goal is a number of topics a week from 1 to 1000"),
        (["--by", "2027-13-01"], "--by takes a date like 2027-06-30"),
        (["--by", "2001-01-01"], "is in the past"),
        (["3", "--by", "2099-01-01"], "give one of"),
    ],
)
def test_a_bad_goal_is_one_line_and_changes_nothing(
    run: Run, isolated_env: Path, args: list[str], message: str
) -> None:
    run("goal", "4")
    before = dump(isolated_env)
    result = run("goal", *args)
    assert result.exit_code == 2 and message in result.stderr and len(result.stderr.splitlines()) == 1
    assert dump(isolated_env) == before


def test_standing_against_a_date_follows_the_pace() -> None:
    today = date(2026, 11, 29)
    paced = Activity(0, 2, 2.0, 30, today + timedelta(weeks=5), today, [])
    goal = Goal(by=today + timedelta(weeks=6))
    assert standing(goal, paced, 10, today) == (goal, 2, round(10 / 6, 2), paced.finish, True)
    late = paced._replace(finish=today + timedelta(weeks=8))
    assert standing(goal, late, 10, today).on_track is False
    assert standing(Goal(by=today - timedelta(days=1)), paced, 7, today).needed_per_week == 7  # overdue: all
    assert Goal.parse(Goal(per_week=3).stored()) == Goal(per_week=3) and Goal.parse("week:zero") is None
