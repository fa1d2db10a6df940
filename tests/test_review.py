"""Spaced review: a topic whose written summary is done enters review, falls due on its first interval, and
moves forward with each rating; ratings are events (undone by `undo`, carried by `sync`), and every card is
rebuilt from them, so two machines agree. The clock is the program's own, set through LLMLANDING_NOW."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Card, Rating, Scheduler
from helpers import JSON, Run, as_made_by_version, bare_remote, db_file, js, machines

from llmlanding.domain.review import FIRST_INTERVAL, parse_rating
from llmlanding.errors import UsageError

DAY0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("LLMLANDING_NOW", DAY0.isoformat())
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/nonexistent/gitconfig")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


def on(monkeypatch: pytest.MonkeyPatch, days: float) -> None:
    monkeypatch.setenv("LLMLANDING_NOW", (DAY0 + timedelta(days=days)).isoformat())


def ids(cards: list[JSON]) -> list[str]:
    return [card["id"] for card in cards]


def test_the_first_interval_is_the_schedulers_own() -> None:
    """`done` schedules the first review without importing fsrs: the constant must be what fsrs gives."""
    scheduler = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    card, _ = scheduler.review_card(Card(card_id=1, due=DAY0), Rating.Good, review_datetime=DAY0)
    assert card.due - DAY0 == FIRST_INTERVAL


def test_a_summarised_topic_falls_due_on_its_first_interval_and_ratings_move_it(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("done", "3.2.1", "--phase", "theory")
    assert js(run, "review", "--list")["in_review"] == 0  # not summarised yet
    run("done", "3.2.1")
    listed: JSON = js(run, "review", "--list")
    assert listed["due"] == [] and ids(listed["upcoming"]) == ["3.2.1"]
    assert listed["upcoming"][0]["due_day"] == "2026-03-04"
    assert js(run, "status")["reviews_due"] == 0
    on(monkeypatch, 1)
    assert js(run, "review", "--list")["due"] == []
    on(monkeypatch, 2)
    assert ids(js(run, "review", "--list")["due"]) == ["3.2.1"]
    assert "1 reviews due — llmlanding review" in run("--lang", "en", "next").stdout
    assert js(run, "status")["reviews_due"] == 1
    rated: JSON = js(run, "review", "3.2.1", "--rating", "good")
    assert rated["rating"] == "good" and rated["left"] == 0 and rated["card"]["ratings"] == 1
    assert rated["card"]["due_day"] > "2026-03-08"  # further than the first interval
    assert js(run, "review", "--list")["due"] == []
    assert "reviews due" not in run("--lang", "en", "next").stdout
    easy_later = rated["card"]["due_day"]
    on(monkeypatch, 3)
    again: JSON = js(run, "review", "3.2.1", "--rating", "a")
    assert again["card"]["due_day"] < easy_later  # forgetting brings it back sooner


def test_undo_takes_back_a_rating(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    run("done", "3.2.1")
    on(monkeypatch, 2)
    before: JSON = js(run, "review", "--list")
    run("review", "3.2.1", "--rating", "easy")
    assert js(run, "review", "--list")["due"] == []
    undone = run("--lang", "en", "undo")
    assert "review 3.2.1 --rating easy" in undone.stdout
    assert js(run, "review", "--list") == before


def test_a_topic_leaves_review_when_its_summary_is_taken_back(run: Run) -> None:
    run("done", "3.2.1", "3.2.2")
    run("reset", "3.2.1")
    run("skip", "3.2.2")
    assert js(run, "review", "--list")["in_review"] == 0


def test_the_review_loop_rates_each_due_topic(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    run("done", "3.2.1", "3.2.2")
    run("note", "3.2.1", "-m", "GPT-1 pre-trains a decoder, then fine-tunes it.")
    on(monkeypatch, 2)
    result = run("--lang", "en", "review", input="\ngood\n\nx\n2\n")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Review 1 of 2: 3.2.1" in out and "GPT-1 pre-trains a decoder" in out  # the learner's own summary
    assert "a rating is again, hard, good or easy" in out  # `x` is asked again, not taken
    assert "3.2.1 rated good" in out and "3.2.2 rated hard" in out and "Reviews done for today" in out
    assert js(run, "review", "--list")["due"] == []
    assert [b["command"] for b in js(run, "log")[:2]] == ["review 3.2.2 --rating hard", "review 3.2.1 --rating good"]


def test_stopping_the_loop_keeps_the_rest_due(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    run("done", "3.2.1", "3.2.2")
    on(monkeypatch, 2)
    result = run("--lang", "en", "review", input="\ng\n\nq\n")
    assert "Stopped; 1 still due today." in result.stdout
    assert ids(js(run, "review", "--list")["due"]) == ["3.2.2"]
    nothing = run("--lang", "en", "review", "--list")
    assert "Due today (1)" in nothing.stdout


def test_nothing_due_says_when_the_next_one_is(run: Run) -> None:
    assert "Nothing in review yet" in run("--lang", "en", "review").stdout
    run("done", "3.2.1")
    assert "Nothing to review today. Next: 3.2.1 on 2026-03-04" in run("--lang", "en", "review").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "3.2.1", "--rating", "good"], "3.2.1 is not in review yet"),
        (["review", "3.2.9", "--rating", "good"], "3.2.9"),
        (["review", "3.2", "--rating", "good"], "3.2 is not a topic"),
        (["review", "--rating", "good"], "--rating needs the topic"),
        (["review", "3.2.2", "--rating", "perfect"], "a rating is again, hard, good or easy"),
        (["review", "--json"], "--json goes with --list or --rating"),
        (["review", "3.2.2", "--list"], "--list shows every card"),
    ],
)
def test_wrong_reviews_are_one_line_and_change_nothing(run: Run, args: list[str], message: str) -> None:
    run("done", "3.2.2")
    before = js(run, "log")
    result = run(*args)
    assert result.exit_code == 2 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert js(run, "log") == before


def test_ratings_by_letter_number_and_name() -> None:
    assert [parse_rating(x) for x in ("a", "2", "Good", " e ")] == [1, 2, 3, 4]
    with pytest.raises(UsageError):
        parse_rating("5")


def test_two_machines_that_review_different_topics_agree_after_sync(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = machines(run, tmp_path, bare_remote(tmp_path))
    a.ok("done", "3.2.1", "3.2.2")
    a.ok("sync")
    b.ok("sync")
    on(monkeypatch, 2)
    a.ok("review", "3.2.1", "--rating", "easy")
    on(monkeypatch, 2.5)
    b.ok("review", "3.2.2", "--rating", "hard")
    for machine in (a, b, a):
        machine.ok("sync")
    cards_a, cards_b = a.json("review", "--list"), b.json("review", "--list")
    assert cards_a == cards_b
    assert {c["id"]: c["ratings"] for c in cards_a["upcoming"]} == {"3.2.1": 1, "3.2.2": 1}


def test_a_journal_line_with_a_wrong_rating_is_refused(run: Run) -> None:
    from llmlanding.domain.eventcheck import event_problems

    event = {"id": "e" * 32, "batch": "b" * 32, "device": "d", "at": "2026-03-02T09:00:00.000000Z"}
    good = {**event, "item": "3.2.1", "field": "review", "old": None, "new": "3"}
    assert event_problems(good) == []
    assert event_problems({**good, "new": "9"})


def test_the_calendar_holds_the_reviews_that_fall_due(run: Run) -> None:
    from icalendar import Calendar

    run("done", "3.2.1")
    run("read", "3.2.1", "--paper", "1", "--review")
    text = run("export", "calendar", "-o", "-", "--weeks", "1").stdout
    events = {str(e.get("uid")): e for e in Calendar.from_ical(text).walk("VEVENT")}
    review = events["3.2.1.review@llmlanding"]
    assert review.decoded("dtstart").isoformat() == "2026-03-04"
    assert str(review.get("summary")) == "Review: 3.2.1 The GPT papers"
    (paper,) = [e for uid, e in events.items() if uid.startswith("3.2.1.paper:")]
    assert str(paper.get("summary")) == "Review: 3.2.1 Improving Language Understanding by Generative Pre-Training"
    assert text == run("export", "calendar", "-o", "-", "--weeks", "1").stdout  # stable


def test_an_older_database_puts_finished_summaries_in_review(run: Run, isolated_env: Path) -> None:
    run("done", "3.2.1")
    as_made_by_version(db_file(isolated_env), 7)  # as a home made before reviews existed
    assert ids(js(run, "review", "--list")["upcoming"]) == ["3.2.1"]
    assert any(p.name.endswith(".db") for p in (isolated_env / "backups").iterdir())


def test_a_paper_read_for_review_gets_a_card_of_its_own(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("read", "3.2.1", "--paper", "1").exit_code == 0
    assert js(run, "review", "--list")["in_review"] == 0  # read, not asked to review
    assert run("read", "3.2.1", "--paper", "2", "--review").exit_code == 0
    listed: JSON = js(run, "review", "--list")
    (card,) = listed["upcoming"]
    assert card["id"] == "3.2.1" and card["paper"]["title"] == "Language Models are Unsupervised Multitask Learners"
    assert card["due_day"] == "2026-03-04"
    assert js(run, "papers", "3.2.1")[1]["read"] is True  # --review reads it too
    on(monkeypatch, 2)
    assert "1 reviews due" in run("--lang", "en", "next").stdout
    looped = run("--lang", "en", "review", input="\ng\n")
    assert "📄 Language Models are Unsupervised Multitask Learners" in looped.stdout
    assert js(run, "log")[0]["command"] == "review 3.2.1 --paper 2 --rating good"
    rated: JSON = js(run, "review", "3.2.1", "--paper", "2", "--rating", "hard")
    assert rated["card"]["paper"]["title"].startswith("Language Models") and rated["card"]["ratings"] == 2
    missing = run("review", "3.2.1", "--paper", "1", "--rating", "good")
    assert missing.exit_code == 2 and "paper 1 of 3.2.1 is not in review" in missing.stderr
    assert run("unread", "3.2.1", "--paper", "2").exit_code == 0  # out of the library's reading, out of review
    assert js(run, "review", "--list")["in_review"] == 0
    run("undo")
    assert js(run, "review", "--list")["in_review"] == 1


def test_a_paper_review_event_is_checked_at_the_door() -> None:
    from llmlanding.domain.eventcheck import event_problems
    from llmlanding.domain.papers import paper_field

    field = "review:" + paper_field("https://arxiv.org/abs/1706.03762")
    event = {"id": "e" * 32, "batch": "b" * 32, "device": "d", "at": "2026-03-02T09:00:00.000000Z", "item": "3.2.1"}
    assert event_problems({**event, "field": field, "old": None, "new": "0"}) == []
    assert event_problems({**event, "field": field, "old": None, "new": "7"})
    assert event_problems({**event, "field": "review:paper:zz", "old": None, "new": "1"})
