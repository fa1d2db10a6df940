"""Readable history: `log` one line per change, `--since`/`--until`, and `week`, the weekly recap."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import Run, js, on_terminal
from rich.cells import cell_len

DAYS = {
    "2026-11-16T09:00:00+00:00": ["done", "1.1.1", "--time", "45m"],
    "2026-11-17T09:00:00+00:00": ["done", "1.1.2", "--phase", "theory"],
    "2026-11-17T10:00:00+00:00": ["note", "1.1.2", "-m", "Llama: open weights, RMSNorm, SwiGLU and rotary embeddings"],
    "2026-11-18T10:00:00+00:00": ["note", "1.1.2", "-m", "second thought"],
    "2026-11-23T10:00:00+00:00": ["done", "3.2"],
    "2026-11-24T10:00:00+00:00": ["start", "2.1.1"],
}


@pytest.fixture
def history(run: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    """A learner's fortnight: a topic with time, a phase, a note written then extended, a section, a start."""
    for at, args in DAYS.items():
        monkeypatch.setenv("LLMLANDING_NOW", at)
        assert run("--lang", "en", *args).exit_code == 0
    monkeypatch.setenv("LLMLANDING_NOW", "2026-11-25T12:00:00+00:00")
    monkeypatch.setenv("TZ", "UTC")
    return run


def test_log_is_one_line_per_change_and_says_what_it_did(history: Run) -> None:
    lines = history("--lang", "en", "log").stdout.splitlines()
    assert len(lines) == len(DAYS)
    assert lines[0].split("  ")[-1].strip() == "in progress · Pre-training and prompt-learning stage"
    assert "11 topics done" in lines[1]
    assert "note +2 lines · Open-source LLM ecosystem: the Llama family" in lines[2]
    assert "new note, 1 line · " in lines[3]
    assert "theory ✓ · Open-source" in lines[4]
    assert "done, ⏱ 45 min · History and trends of LLMs" in lines[5]
    text = "\n".join(lines)
    assert "None" not in text and "RMSNorm" not in text  # a note's text is not dumped into the log


def test_since_and_until_pick_the_days(history: Run) -> None:
    assert [e["command"] for e in js(history, "log", "--since", "2026-11-23")] == ["start 2.1.1", "done 3.2"]
    assert [e["command"] for e in js(history, "log", "--until", "2026-11-16")] == ["done 1.1.1 --time 45m"]
    days = js(history, "log", "--since", "2026-11-17", "--until", "2026-11-18")
    assert len(days) == 3
    assert len(js(history, "log", "--since", "10d")) == len(DAYS)  # all of them, not the last 20 only
    assert js(history, "log", "--since", "today") == []


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--since", "last tuesday"], "--since takes a date like 2026-11-20"),
        (["--since", "2026-11-20", "--until", "2026-11-19"], "--until 2026-11-19 is before --since 2026-11-20"),
    ],
)
def test_a_bad_date_is_one_line_and_exit_2(history: Run, args: list[str], says: str) -> None:
    result = history("log", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {says}") and result.stderr.count("\n") == 1


def test_log_at_60_columns_keeps_one_row_per_change(history: Run, isolated_env: Path) -> None:
    shown = on_terminal("--lang", "en", "log", columns=60, env={"LLMLANDING_HOME": str(isolated_env)})
    rows = shown.splitlines()
    assert len(rows) == len(DAYS)
    assert all(cell_len(row) <= 60 for row in rows), rows
    assert rows[1].split() == ["2026-11-23", "10:00", "done", "3.2", "11", "topics", "done"]
    assert rows[0].endswith("…")  # the title, last, is what gives way
    assert rows[4].split()[2:6] == ["done", "1.1.2", "--ph…", "theory"]  # a long command gives way to what it did


def test_week_recaps_this_week_and_last(history: Run) -> None:
    this = history("--lang", "en", "week").stdout
    assert this.startswith("Week of 2026-11-23 – 2026-11-29\nFinished: 11 topics\n  ✓ 3.2.1 The GPT papers\n")
    assert "2.1.1" not in this  # started, not finished
    assert this.endswith("2 changes\n")
    last = history("--lang", "en", "week", "--last").stdout
    assert last == (
        "Week of 2026-11-16 – 2026-11-22\n"
        "Finished: 1 topic\n"
        "  ✓ 1.1.1 History and trends of LLMs\n"
        "Phases ticked\n"
        "  ○ 1.1.2 theory · Open-source LLM ecosystem: the Llama family\n"
        "Notes written\n"
        "  ✎ 1.1.2 Open-source LLM ecosystem: the Llama family — "
        "Llama: open weights, RMSNorm, SwiGLU and rotary embeddings\n"
        "⏱ 45 min · 4 changes\n"
    )


def test_week_counts_what_stayed_done_not_what_was_undone(history: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLMLANDING_NOW", "2026-11-25T13:00:00+00:00")
    history("done", "4.1.1")
    history("undo")
    shown = history("--lang", "en", "week").stdout
    assert "4.1.1" not in shown and "4 changes" in shown


def test_week_as_markdown_to_a_file_never_over_one(history: Run, tmp_path: Path) -> None:
    target = tmp_path / "week.md"
    result = history("--lang", "en", "week", "--last", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == f"Wrote the recap to {target}\n"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Week of 2026-11-16 – 2026-11-22\n\n## Finished: 1 topic\n\n- 1.1.1 History")
    assert "- **1.1.2 Open-source LLM ecosystem: the Llama family** — Llama: open weights" in text
    again = history("week", "-o", str(target))
    assert again.exit_code == 2 and "use --force" in again.stderr
    assert target.read_text(encoding="utf-8") == text
    assert history("week", "-o", str(target), "--force").exit_code == 0


def test_a_quiet_week_says_so(run: Run) -> None:
    assert run("--lang", "en", "week").stdout.endswith("Nothing recorded this week.\n")


def test_reviews_are_in_the_log_and_the_week(run: Run) -> None:
    run("done", "3.2.1")
    assert run("review", "3.2.1", "--rating", "good").exit_code == 0
    assert run("read", "3.2.1", "--paper", "1", "--review").exit_code == 0
    lines = run("--lang", "en", "log").stdout.splitlines()
    assert "reviewed: good · The GPT papers" in lines[1]
    assert ", 1 in review · The GPT papers" in lines[0]
    assert run("--lang", "en", "week").stdout.endswith("1 review · 3 changes\n")
