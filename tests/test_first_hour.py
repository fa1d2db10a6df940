"""The first hour: a fresh home's dashboard teaches how to begin, and stops once there is progress."""

from __future__ import annotations

from helpers import Run

BEGIN = (
    "New here? `llmlanding next` says what to study now, and why.",
    "Read it, then tick that phase off: `llmlanding done 1.1.1 --phase theory`.",
    "`llmlanding study 1.1.1` to work through it; `llmlanding note 1.1.1` to write what you learned.",
)


def test_a_fresh_dashboard_says_how_to_begin_in_three_lines(run: Run) -> None:
    result = run("--lang", "en")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-3:] == list(BEGIN)
    zh = run("--lang", "zh").stdout.splitlines()
    assert zh[-3][:4] == "第一次用" and "llmlanding done 1.1.1 --phase theory" in zh[-2]


def test_the_hint_goes_once_there_is_progress(run: Run) -> None:
    assert run("done", "1.1.1", "--phase", "theory").exit_code == 0
    result = run("--lang", "en")
    assert result.exit_code == 0
    assert not any(line in result.stdout for line in BEGIN)
    assert run("undo").exit_code == 0
    assert BEGIN[0] in run("--lang", "en").stdout
    assert run("skip", "0.1").exit_code == 0  # skipping is a choice made too: the learner has begun
    assert BEGIN[0] not in run("--lang", "en").stdout
