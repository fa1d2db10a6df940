"""Recording and reading progress from the command line, as a learner does it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import Run, count, dump, js


def test_fresh_home_next_suggests_the_first_topic_of_1_1(run: Run, isolated_env: Path) -> None:
    result = run("--lang", "en", "next")
    assert result.exit_code == 0
    assert result.stdout.startswith("Next: 1.1.1  ")
    assert "start with theory" in result.stdout
    data = js(run, "next")
    assert data["id"] == "1.1.1" and data["parents"][1]["id"] == "1.1"
    assert data["next_phase"] == "theory" and data["reason"] == "todo"
    assert data["scope"] == {
        "kind": "path",
        "id": "book",
        "title": {"zh": "按章节顺序", "en": "Book order"},
        "done": 0,
        "doing": 0,
        "skipped": 0,
        "todo": 153,
        "total": 153,
        "percent": 0.0,
    }
    assert (isolated_env / "llmlanding.db").is_file()


def test_done_a_section_marks_every_topic_and_says_what_changed(run: Run) -> None:
    result = run("--lang", "en", "done", "3.2")
    assert result.exit_code == 0
    assert result.stdout == "✓ 3.2 GPT — 11 topics done · chapter 3: 11/30\n"
    shown = js(run, "show", "3.2")
    assert shown["status"] == "done"
    assert shown["progress"] == {"done": 11, "total": 11, "skipped": 0}
    assert all(d["status"] == "done" and all(d["phases"].values()) for d in shown["descendants"])
    assert js(run, "show", "3.1")["status"] == "todo"


def test_repeating_a_change_is_a_no_op_not_an_event(run: Run, isolated_env: Path) -> None:
    run("done", "3.2")
    events, batches = count(isolated_env, "event"), count(isolated_env, "batch")
    again = run("--lang", "en", "done", "3.2")
    assert again.exit_code == 0
    assert "nothing changed" in again.stdout
    assert (count(isolated_env, "event"), count(isolated_env, "batch")) == (events, batches)


def test_several_ids_are_one_batch(run: Run, isolated_env: Path) -> None:
    result = run("--lang", "en", "done", "3.1", "3.2.1", "0.1.1")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("✓ 3.1 Transformer — 3 topics done")
    assert count(isolated_env, "batch") == 1
    undo = run("--lang", "en", "undo")
    assert "Undid `done 3.1 3.2.1 0.1.1`" in undo.stdout
    assert js(run, "status")["overall"]["done"] == 0 and js(run, "status")["optional"]["done"] == 0


@pytest.mark.parametrize("item_id", ["9.1", "3", "3.2.1"])
def test_undoing_a_note_says_it_was_undone_on_a_section_as_on_a_topic(run: Run, item_id: str) -> None:
    assert run("note", item_id, "-m", "a thought").exit_code == 0
    undone = run("--lang", "en", "undo").stdout.splitlines()
    assert undone[0] == f"↶ Undid `note {item_id}`"
    assert undone[1].startswith(f"↶ {item_id} ") and " — undone · chapter " in undone[1], undone
    assert "nothing changed" not in undone[1]
    assert js(run, "show", item_id)["note"] is None


def test_undo_restores_and_walks_further_back(run: Run) -> None:
    run("done", "3.2")
    run("done", "3.1.1", "--phase", "theory")
    run("skip", "4")
    assert js(run, "show", "4")["status"] == "skipped"
    assert run("--lang", "en", "undo").stdout.startswith("↶ Undid `skip 4`")
    assert js(run, "show", "4")["status"] == "todo"
    assert "Undid `done 3.1.1 --phase theory`" in run("--lang", "en", "undo").stdout
    assert js(run, "show", "3.1.1")["phases"] == {"theory": False, "practice": False, "summary": False}
    assert js(run, "show", "3.2")["status"] == "done"
    run("undo")
    assert js(run, "show", "3.2")["status"] == "todo"
    assert js(run, "show", "3.2")["progress"]["done"] == 0
    nothing = run("--lang", "en", "undo")
    assert nothing.exit_code == 0 and nothing.stdout == "Nothing to undo.\n"


def test_unknown_id_exits_2_and_writes_nothing_even_with_valid_ids(run: Run, isolated_env: Path) -> None:
    run("done", "1.1")
    before = dump(isolated_env)
    result = run("done", "3.1", "99.9")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no item '99.9'")
    assert len(result.stderr.splitlines()) == 1
    assert dump(isolated_env) == before


def test_done_99_9_on_a_fresh_home_changes_nothing(run: Run, isolated_env: Path) -> None:
    result = run("done", "99.9")
    assert result.exit_code == 2
    assert js(run, "status")["overall"]["done"] == 0
    assert count(isolated_env, "event") == 0


def test_phases_drive_next(run: Run) -> None:
    run("done", "1.1.1", "--phase", "theory")
    data = js(run, "next")
    assert data["id"] == "1.1.1" and data["reason"] == "doing" and data["next_phase"] == "practice"
    assert data["phases"] == {"theory": True, "practice": False, "summary": False}
    out = run("--lang", "en", "done", "1.1.1", "--phase", "practice").stdout
    assert out == "✓ 1.1.1 History and trends of LLMs — hands-on code done (then written summary) · chapter 1: 0/6\n"
    run("done", "1.1.1", "--phase", "summary")
    assert js(run, "show", "1.1.1")["status"] == "done"
    assert js(run, "next")["id"] == "1.1.2"
    bad = run("done", "1.1.1", "--phase", "dreaming")
    assert bad.exit_code == 2


def test_next_count_in_and_path(run: Run) -> None:
    run("start", "2.2")
    picks = js(run, "next", "-n", "3")
    assert [p["id"] for p in picks] == ["2.2.1", "2.2.2", "1.1.1"]
    assert [p["reason"] for p in picks] == ["doing", "doing", "todo"]
    assert js(run, "next", "--in", "7")["id"] == "7.1.1"
    assert js(run, "next", "--in", "0")["id"] == "0.1.1"  # optional chapter on request
    deep = js(run, "next", "--path", "deep", "-n", "3")  # a path that includes it
    assert [p["id"] for p in deep] == ["2.2.1", "2.2.2", "0.1.1"]
    assert all(not p["optional"] for p in js(run, "next", "-n", "200"))
    bad = run("next", "--path", "nowhere")
    assert bad.exit_code == 2 and bad.stderr == "error: no learning path 'nowhere' (paths: book, quickstart, deep)\n"
    assert run("next", "--in", "99").exit_code == 2


def test_when_all_is_done_next_says_so(run: Run, mini: Path) -> None:
    assert run("--curriculum", str(mini), "done", "1", "2").exit_code == 0
    result = run("--curriculum", str(mini), "--lang", "en", "next")
    assert result.exit_code == 0
    assert result.stdout.startswith("All done: every topic in path Book order is done or skipped (4/4)")
    assert json.loads(run("--curriculum", str(mini), "next", "--json").stdout) is None
    assert json.loads(run("--curriculum", str(mini), "next", "-n", "2", "--json").stdout) == []
    assert json.loads(run("--curriculum", str(mini), "next", "--in", "0", "--json").stdout)["id"] == "0.1"


def test_path_lists_and_remembers_the_choice(run: Run) -> None:
    listing = run("--lang", "en", "path").stdout
    assert "●  book" in listing and "quickstart" in listing and "deep" in listing
    chosen = run("--lang", "en", "path", "deep")
    assert chosen.exit_code == 0 and "●  deep" in chosen.stdout
    assert js(run, "next")["scope"]["id"] == "deep"
    assert js(run, "status")["path"]["id"] == "deep"
    bad = run("path", "nowhere")
    assert bad.exit_code == 2
    assert js(run, "status")["path"]["id"] == "deep"


def test_status_counts_optional_apart_and_leaves_skipped_out(run: Run) -> None:
    run("done", "3.2", "0.1")
    run("skip", "15")
    data = js(run, "status")
    assert data["overall"]["done"] == 11 and data["overall"]["skipped"] == 2
    assert data["overall"]["percent"] == round(100 * 11 / (153 - 2), 1)
    assert data["optional"]["done"] == 4 and data["optional"]["total"] == 12
    chapter3 = next(c for c in data["chapters"] if c["id"] == "3")
    assert (chapter3["done"], chapter3["total"], chapter3["status"]) == (11, 30, "doing")
    assert next(c for c in data["chapters"] if c["id"] == "15")["status"] == "skipped"
    view = run("--lang", "en", "status").stdout
    assert "Main roadmap" in view and "Optional" in view and " 3  Pre-trained language models" in view


def test_log_shows_history_newest_first_and_filters_by_item(run: Run) -> None:
    run("done", "3.2.1")
    run("start", "5.1")
    run("undo")
    entries = js(run, "log")
    assert [e["command"] for e in entries] == ["undo start 5.1", "start 5.1", "done 3.2.1"]
    assert entries[2]["changes"][0]["item"] == "3.2.1"
    only = js(run, "log", "3.2")
    assert [e["command"] for e in only] == ["done 3.2.1"]
    assert len(js(run, "log", "-n", "1")) == 1
    text = run("--lang", "en", "log").stdout
    assert "done 3.2.1" in text and "The GPT papers" in text


def test_dashboard_without_a_command(run: Run) -> None:
    run("start", "3.3.1")
    result = run("--lang", "en")
    assert result.exit_code == 0
    assert "Main roadmap" in result.stdout and "In progress" in result.stdout
    assert "Next: 3.3.1" in result.stdout


def test_list_and_show_carry_progress(run: Run) -> None:
    run("done", "3.2.1")
    run("done", "3.2.2", "--phase", "theory")
    items = {i["id"]: i for i in js(run, "list", "3.2")}
    assert items["3.2.1"]["status"] == "done"
    assert items["3.2.2"]["phases"] == {"theory": True, "practice": False, "summary": False}
    assert items["3.2"]["progress"] == {"done": 1, "total": 11, "skipped": 0}
    assert "phases" not in items["3.2"] and "progress" not in items["3.2.1"]
    tree = run("--lang", "en", "list", "3.2").stdout
    assert "✓ 3.2.1" in tree and "◐ 3.2.2" in tree and "1/11" in tree
    view = run("--lang", "en", "show", "3.2.2").stdout
    assert "◐ in progress · theory ✓ · hands-on code ○ · written summary ○" in view


@pytest.mark.parametrize("command", [["start", "1"], ["skip", "1"], ["reset", "1"]])
def test_each_write_command_prints_one_line_per_id(run: Run, command: list[str]) -> None:
    run("start", "1.1.1")
    result = run("--lang", "en", *command)
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1
    assert result.stdout.startswith(("▶ 1 ", "» 1 ", "↺ 1 "))
