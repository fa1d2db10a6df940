"""Editions: a roadmap file of another edition never switches a home silently; `curriculum diff` shows what an
upgrade would do and `curriculum upgrade` does exactly that, carrying every piece of work to the item with the
same content or leaving it as an orphan, as one change that `undo` takes back with the edition."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import JSON, MINI_EDITION_1, MINI_EDITION_2, Run, js

from llmlanding.domain.editions import destination
from llmlanding.roadmap.loader import load_text, to_outline

OLD, NEW = MINI_EDITION_1, MINI_EDITION_2


@pytest.fixture
def roadmap(tmp_path: Path, run: Run) -> Path:
    """A home that worked on edition 1, whose roadmap file has just become edition 2."""
    path = tmp_path / "roadmap.yaml"
    path.write_text(OLD, encoding="utf-8")
    for args in (
        ("done", "1.1.1"),
        ("note", "1.1.1", "-m", "scaled dot-product"),
        ("start", "0.1"),
        ("note", "0.1", "-m", "watched the lectures"),
        ("done", "1.1.2", "--phase", "theory"),
        ("done", "1.2"),
        ("note", "1.2", "-m", "section two notes"),
        ("done", "2"),
    ):
        result = run("--curriculum", str(path), *args)
        assert result.exit_code == 0, result.stderr
    path.write_text(NEW, encoding="utf-8")
    return path


def states(run: Run, roadmap: Path, *ids: str) -> dict[str, str]:
    return {item_id: js(run, "--curriculum", str(roadmap), "show", item_id)["status"] for item_id in ids}


def test_a_new_edition_waits_and_every_command_keeps_the_recorded_one(run: Run, roadmap: Path) -> None:
    status = run("--curriculum", str(roadmap), "status")
    assert "The roadmap file is edition 2; your record is on edition 1" in status.stdout
    data: JSON = js(run, "--curriculum", str(roadmap), "status")
    assert data["roadmap"]["edition"] == "1" and data["roadmap"]["upgrade"] == "2"
    # Ids still mean edition 1's items: 1.1.1 is done, 2 is "Chapter two", and a tick lands on edition 1's 1.1.2.
    assert states(run, roadmap, "1.1.1", "1.2") == {"1.1.1": "done", "1.2": "done"}
    assert run("--curriculum", str(roadmap), "done", "1.1.2").exit_code == 0
    assert states(run, roadmap, "1.1.2") == {"1.1.2": "done"}


def test_the_first_run_on_a_new_edition_says_so_once(roadmap: Path) -> None:
    def llmlanding(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "llmlanding", "--lang", "en", "--curriculum", str(roadmap), *args]
        return subprocess.run(command, capture_output=True, text=True, check=True)

    first = llmlanding("next")
    assert first.stderr.splitlines() == [
        "! The roadmap file is edition 2; your record is on edition 1: `llmlanding curriculum diff` shows what an "
        "upgrade would do, `llmlanding curriculum upgrade` does it (undoable)"
    ]
    assert llmlanding("next").stderr == "" and llmlanding("start", "1.1.2").stderr == ""
    assert "The roadmap file is edition 2" in llmlanding("status").stdout  # where it stays until the upgrade


def test_an_upgrade_run_first_on_the_new_edition_leaves_nothing_said_waiting(roadmap: Path) -> None:
    """The upgrade's own transaction may be the first to find the file on the new edition; the notice that an
    upgrade waits would then follow the line saying it was done."""
    command = [sys.executable, "-m", "llmlanding", "--lang", "en", "--curriculum", str(roadmap)]
    done = subprocess.run([*command, "curriculum", "upgrade", "--yes"], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("Upgraded to edition 2") and done.stderr == ""


def test_diff_predicts_exactly_what_upgrade_does(run: Run, roadmap: Path) -> None:
    diff: JSON = js(run, "--curriculum", str(roadmap), "curriculum", "diff")
    assert (diff["from"], diff["to"]) == ("1", "2")
    items = diff["items"]
    assert {(m["old"], m["new"]) for m in items["moved"]} == {("1", "2"), ("1.1", "2.1"), ("2", "1")}
    assert items["merged"] == [{"old": ["0.1", "1.1.1"], "new": "2.1.1"}]
    assert items["split"] == [{"old": "1.1.2", "new": ["2.1.2", "2.1.3"]}]
    assert items["removed"] == ["1.2"] and items["added"] == ["2.2"] and items["kept"] == 1
    work = diff["work"]
    assert work["orphaned"] == ["1.2"]
    carried = {c["old"]: c["new"] for c in work["carried"]}
    assert carried == {"0.1": ["2.1.1"], "1.1.1": ["2.1.1"], "1.1.2": ["2.1.2", "2.1.3"], "2": ["1"]}

    done = run("--curriculum", str(roadmap), "curriculum", "upgrade", "--yes")
    assert done.exit_code == 0, done.stderr
    assert f"Upgraded to edition 2: {work['changes']} changes, a backup in" in done.stdout
    assert Path(done.stdout.split("a backup in ")[1].split(";")[0]).is_file()
    # Every piece of work where the diff said it would go, and nowhere else.
    assert states(run, roadmap, "2.1.1", "2.1.2", "2.1.3", "1", "2.2") == {
        "2.1.1": "done",
        "2.1.2": "doing",
        "2.1.3": "doing",
        "1": "done",
        "2.2": "todo",
    }
    topic = js(run, "--curriculum", str(roadmap), "show", "2.1.2")
    assert topic["phases"] == {"theory": True, "practice": False, "summary": False}
    merged_note = js(run, "--curriculum", str(roadmap), "show", "2.1.1")["note"]
    assert "## 0.1 视频课程 · Video courses" in merged_note and "watched the lectures" in merged_note
    assert "## 1.1.1 主题一 · Topic one" in merged_note and "scaled dot-product" in merged_note
    orphans: JSON = js(run, "--curriculum", str(roadmap), "orphans")
    assert [(o["id"], o["status"]) for o in orphans] == [("1.2", "done")]
    assert orphans[0]["note"].endswith("section two notes\n")
    status: JSON = js(run, "--curriculum", str(roadmap), "status")
    assert status["roadmap"]["edition"] == "2" and status["roadmap"]["upgrade"] is None


def test_undo_takes_an_upgrade_back_with_its_edition(run: Run, roadmap: Path) -> None:
    before = {i: js(run, "--curriculum", str(roadmap), "show", i) for i in ("1.1.1", "1.1.2", "0.1", "2")}
    assert run("--curriculum", str(roadmap), "curriculum", "upgrade", "--yes").exit_code == 0
    undone = run("--curriculum", str(roadmap), "undo")
    assert undone.exit_code == 0 and "Undid `upgrade 1 → 2`" in undone.stdout
    after = {i: js(run, "--curriculum", str(roadmap), "show", i) for i in before}
    assert after == before
    status: JSON = js(run, "--curriculum", str(roadmap), "status")
    assert status["roadmap"]["edition"] == "1" and status["roadmap"]["upgrade"] == "2"
    assert js(run, "--curriculum", str(roadmap), "orphans") == []


def test_upgrade_asks_first_and_no_changes_nothing(run: Run, roadmap: Path) -> None:
    refused = run("--curriculum", str(roadmap), "curriculum", "upgrade", input="n\n")
    assert refused.exit_code == 0 and "Upgrade? [y/N]" in refused.stdout and "Not upgraded." in refused.stdout
    assert js(run, "--curriculum", str(roadmap), "status")["roadmap"]["edition"] == "1"


def test_a_file_that_does_not_revise_the_recorded_edition_is_refused(run: Run, roadmap: Path) -> None:
    roadmap.write_text(NEW.replace('edition: "1"\n  map:', 'edition: "0"\n  map:'), encoding="utf-8")
    result = run("--curriculum", str(roadmap), "curriculum", "diff")
    assert result.exit_code == 2
    assert result.stderr == "error: the roadmap file (edition 2) revises edition 0, but this home is on edition 1\n"
    roadmap.write_text(NEW.replace('"0.1": "2.1.1"', '"0.9": "2.1.1"'), encoding="utf-8")
    for command in ("diff", "upgrade", "validate"):  # found where it is written, against the recorded edition
        result = run("--curriculum", str(roadmap), "curriculum", command, *(["--yes"] if command == "upgrade" else []))
        assert result.exit_code == 2
        assert result.stderr.splitlines()[1] == f"{roadmap}:12:12: '0.9' is not an id of edition 1"
    assert js(run, "--curriculum", str(roadmap), "status")["roadmap"]["edition"] == "1"


def test_renaming_from_an_id_the_recorded_roadmap_never_had_is_an_error(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "roadmap.yaml"
    path.write_text(OLD, encoding="utf-8")
    run("--curriculum", str(path), "done", "1.1.1")
    renamed = OLD.replace('- id: "1.1.1"\n', '- id: "1.1.1"\n            renamed_from: ["1.1.9"]\n', 1)
    assert renamed != OLD
    path.write_text(renamed, encoding="utf-8")
    result = run("--curriculum", str(path), "curriculum", "validate")
    assert result.exit_code == 2
    assert "'1.1.9' is not an id of the recorded roadmap, so nothing is renamed from it" in result.stderr
    fresh = run("--home", str(tmp_path / "elsewhere"), "curriculum", "validate", str(path))
    assert fresh.exit_code == 0, fresh.stderr  # a home that never recorded it cannot tell


@pytest.mark.parametrize(
    ("old_id", "expected"),
    [
        ("1", ["2"]),  # mapped
        ("1.1", ["2.1"]),  # by its mapped ancestor
        ("1.1.1", ["2.1.1"]),
        ("1.1.2", ["2.1.2", "2.1.3"]),  # its own mapping before its ancestor's
        ("1.2", []),  # removed
        ("0", ["0"]),  # unmapped, and still there
        ("0.1", ["2.1.1"]),
    ],
)
def test_where_each_old_id_goes(old_id: str, expected: list[str]) -> None:
    new = to_outline(load_text(NEW, "new.yaml"))
    assert new.revises is not None
    assert destination(old_id, new.revises.map, new) == expected


def test_after_an_upgrade_an_old_id_names_the_item_it_became(run: Run, roadmap: Path) -> None:
    assert run("--curriculum", str(roadmap), "curriculum", "upgrade", "--yes").exit_code == 0
    shown = run("--curriculum", str(roadmap), "show", "1.1.1", "--json")
    assert shown.exit_code == 0 and shown.stderr == "1.1.1 is 2.1.1 since edition 2\n"
    assert json.loads(shown.stdout)["id"] == "2.1.1"
    reset = run("--curriculum", str(roadmap), "reset", "0.1")  # acts on the new item
    assert reset.exit_code == 0 and "2.1.1 Topic one" in reset.stdout
    assert states(run, roadmap, "2.1.1") == {"2.1.1": "todo"}
    split = run("--curriculum", str(roadmap), "done", "1.1.2")
    assert split.exit_code == 2
    assert split.stderr == "error: 1.1.2 became 2.1.2, 2.1.3 in edition 2; give one of them\n"
    assert run("--curriculum", str(roadmap), "show", "1.2").exit_code == 0  # removed: read as the orphan it is
    run("--curriculum", str(roadmap), "undo")  # the reset
    run("--curriculum", str(roadmap), "undo")  # the upgrade: its redirects go with it
    again = run("--curriculum", str(roadmap), "show", "1.1.1", "--json")
    assert again.stderr == "" and json.loads(again.stdout)["id"] == "1.1.1"


def test_below_a_removed_or_split_item_nothing_keeps_its_number() -> None:
    new = to_outline(load_text(NEW, "new.yaml"))
    assert destination("2.1.1", {"2": []}, new) == []  # the new 2.1.1 is other content
    assert destination("2.1.1", {"2": ["1", "2"]}, new) == []
    assert destination("2.1.9", {"2": ["2"]}, new) == []  # carried by prefix, but no such item
    assert destination("2.1.1", {}, new) == ["2.1.1"]  # no mapped ancestor: the same id


def test_work_on_a_number_the_new_edition_reuses_stays_an_orphan_under_its_edition(run: Run, roadmap: Path) -> None:
    # The new edition gives chapter 1 (old chapter 2's content) a section numbered 1.2, a number that named
    # the removed "Section two": its work must not become the new 1.2's; nor can old chapter 2's progress sit
    # on chapter 1 once that has a section.
    reused = NEW.replace(
        '    title: {zh: 第二章, en: Chapter two}\n  - id: "2"',
        "    title: {zh: 第二章, en: Chapter two}\n    sections:\n"
        '      - {id: "1.2", title: {zh: 另一节, en: Another section}}\n  - id: "2"',
    )
    roadmap.write_text(reused, encoding="utf-8")
    diff: JSON = js(run, "--curriculum", str(roadmap), "curriculum", "diff")
    assert diff["work"]["orphaned"] == ["1.2@1", "2@1"]
    assert run("--curriculum", str(roadmap), "curriculum", "upgrade", "--yes").exit_code == 0
    orphans: JSON = js(run, "--curriculum", str(roadmap), "orphans")
    assert [(o["id"], o["title"]["en"], o["status"]) for o in orphans] == [
        ("1.2@1", "Section two", "done"),
        ("2@1", "Chapter two", "done"),
    ]
    assert orphans[0]["note"].endswith("section two notes\n")
    assert states(run, roadmap, "1.2", "1") == {"1.2": "todo", "1": "todo"}
    assert js(run, "--curriculum", str(roadmap), "show", "1.2")["note"] is None
    assert run("--curriculum", str(roadmap), "move", "1.2@1", "1.2").exit_code == 0  # the learner decides
    assert states(run, roadmap, "1.2") == {"1.2": "done"}


def test_yes_to_the_question_upgrades(run: Run, roadmap: Path) -> None:
    done = run("--curriculum", str(roadmap), "curriculum", "upgrade", input="y\n")
    assert done.exit_code == 0 and "Upgrade? [y/N]" in done.stdout and "Upgraded to edition 2" in done.stdout
    assert js(run, "--curriculum", str(roadmap), "status")["roadmap"]["edition"] == "2"
