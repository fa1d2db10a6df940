"""`llmlanding export calendar`: the coming weeks' study plan as iCalendar, parsed back here with icalendar."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from helpers import Run, js
from icalendar import Calendar

from llmlanding.domain.plan import WEEKDAYS, spread, study_weekdays


def events(text: str) -> list[tuple[str, date, str]]:
    cal = Calendar.from_ical(text)
    return [(str(e["uid"]), e.decoded("dtstart"), str(e["summary"])) for e in cal.walk("VEVENT")]


def test_the_plan_follows_next_at_the_goals_rate(run: Run) -> None:
    run("goal", "4")
    run("start", "5.1.1")  # in progress: planned first, as `next` would pick it
    text = run("--lang", "en", "export", "calendar", "--weeks", "2").stdout
    planned = events(text)
    assert len(planned) == 8  # 4 a week for 2 weeks
    assert planned[0][0] == "5.1.1.study@llmlanding"
    assert [uid for uid, _day, _summary in planned[1:3]] == ["1.1.1.study@llmlanding", "1.1.2.study@llmlanding"]
    today = date.today()
    assert all(today <= day < today + timedelta(weeks=2) and day.weekday() in WEEKDAYS for _u, day, _s in planned)
    first_week = [day for _u, day, _s in planned if day < today + timedelta(weeks=1)]
    assert len(first_week) == 4
    next_topic = js(run, "next")
    assert planned[0][2].startswith(f"{next_topic['id']} ")


def test_the_same_state_exports_the_same_bytes_and_uids_stay(run: Run, tmp_path: Path) -> None:
    run("done", "1.1.1")
    first = tmp_path / "plan.ics"
    assert run("export", "calendar", "-o", str(first)).exit_code == 0
    again = run("export", "calendar").stdout
    assert first.read_text(encoding="utf-8") == again
    refused = run("export", "calendar", "-o", str(first))
    assert refused.exit_code == 2 and "use --force" in refused.stderr
    run("done", "1.1.2")
    later = events(run("export", "calendar").stdout)
    assert "1.1.2.study@llmlanding" not in {uid for uid, _d, _s in later}
    assert {uid for uid, _d, _s in later} & {uid for uid, _d, _s in events(again)}  # the rest keep their UIDs


def test_spreading_topics_over_the_study_days() -> None:
    monday = date(2026, 11, 30)
    plan = spread([f"t{n}" for n in range(20)], 3, WEEKDAYS, monday, 2)
    assert [(day.isoformat(), topic) for day, topic in plan] == [
        ("2026-11-30", "t0"),
        ("2026-12-01", "t1"),
        ("2026-12-02", "t2"),
        ("2026-12-07", "t3"),
        ("2026-12-08", "t4"),
        ("2026-12-09", "t5"),
    ]
    crowded = spread(["a", "b", "c", "d"], 7, (5, 6), monday, 1)  # weekends only: 4 on Saturday, 3 on Sunday
    assert [(d.weekday(), t) for d, t in crowded] == [(5, "a"), (5, "b"), (5, "c"), (5, "d")]
    weekend_learner = {
        monday - timedelta(days=n): 1 for n in range(1, 60) if (monday - timedelta(days=n)).weekday() >= 5
    }
    assert study_weekdays(weekend_learner) == (5, 6)
    assert study_weekdays({monday - timedelta(days=1): 3}) == WEEKDAYS  # one Sunday does not make a habit
