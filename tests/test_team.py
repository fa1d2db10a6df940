"""The study group's board, replayed from events as they stand in a shared journal."""

from __future__ import annotations

from llmlanding.domain.team import board
from llmlanding.roadmap.loader import load_outline
from llmlanding.settings import bundled_curriculum


def ev(
    n: int, learner: str, item: str, field: str, new: str, at: str = "2026-11-20T10:00:00.000000Z"
) -> dict[str, str | None]:
    return {
        "id": f"{learner}-{n}",
        "learner": learner,
        "device": f"{learner}-pc",
        "batch": "b",
        "at": at,
        "item": item,
        "field": field,
        "old": None,
        "new": new,
    }


def test_three_learners_side_by_side() -> None:
    outline = load_outline(bundled_curriculum())
    events = [ev(i, "ana", f"3.2.{i}", "status", "done") for i in range(1, 12)]
    events += [
        ev(i, "ana", f"3.2.{i}", phase, "1") for i in range(1, 12) for phase in ("theory", "practice", "summary")
    ]
    events += [ev(1, "bo", "6.1", "status", "doing"), ev(2, "bo", "6.1", "theory", "1")]
    events += [
        ev(1, "cy", "1.1.1", "status", "doing", at="2026-11-21T10:00:00.000000Z"),
        ev(2, "cy", "1.1.1", "status", "todo", at="2026-11-22T10:00:00.000000Z"),
    ]
    data = board(outline, events, {}, "book")
    by_name = {learner["name"]: learner for learner in data["learners"]}
    assert list(by_name) == ["ana", "bo", "cy"]
    assert by_name["ana"]["chapters"]["3"] == {"done": 11, "total": 30, "skipped": 0}
    assert by_name["ana"]["overall"]["done"] == 11
    assert by_name["bo"]["doing"] == ["6.1"] and by_name["bo"]["overall"]["done"] == 0
    assert by_name["cy"]["doing"] == [] and by_name["cy"]["next"] == "1.1.1"  # the later event wins
    assert by_name["cy"]["last_active"] == "2026-11-22T10:00:00.000000Z"
    assert by_name["ana"]["next"] == "1.1.1"
