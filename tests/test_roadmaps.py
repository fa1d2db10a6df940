"""Several roadmaps in one home: each its own database, so two roadmaps never see each other's progress;
`curriculum list/add/use`; a backup of another roadmap refused; an old home kept as it records; completion, `check`
and `export json` on the run's roadmap."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from helpers import JSON, MINI, Run, dump, js

from llmlanding.cli import complete
from llmlanding.settings import bundled_curriculum


@pytest.fixture
def custom(tmp_path: Path) -> Path:
    """A learner's own roadmap: the bundled one's topics under another id, so the ids are the same."""
    target = tmp_path / "custom.yaml"
    text = bundled_curriculum().read_text(encoding="utf-8")
    assert "\nid: llmlanding\n" in text
    target.write_text(text.replace("\nid: llmlanding\n", "\nid: custom\n", 1), encoding="utf-8")
    return target


def _status(run: Run, item_id: str, *flags: str) -> str:
    data: JSON = js(run, *flags, "show", item_id)
    return str(data["status"])


def test_two_roadmaps_keep_separate_progress_both_ways(run: Run, custom: Path, isolated_env: Path) -> None:
    assert run("--curriculum", str(custom), "done", "2.1.1").exit_code == 0
    assert _status(run, "2.1.1", "--curriculum", str(custom)) == "done"
    assert _status(run, "2.1.1") == "todo"  # the bundled roadmap's 2.1.1 is another topic
    assert run("done", "2.1.2").exit_code == 0
    assert _status(run, "2.1.2") == "done"
    assert _status(run, "2.1.2", "--curriculum", str(custom)) == "todo"
    assert (isolated_env / "llmlanding.db").is_file() and (isolated_env / "roadmap-custom.db").is_file()
    assert js(run, "status")["roadmap"]["id"] == "llmlanding"
    assert js(run, "--curriculum", str(custom), "status")["roadmap"]["id"] == "custom"


def test_screens_name_the_roadmap_once_a_home_knows_two(run: Run, custom: Path) -> None:
    assert not run("--lang", "en", "next").stdout.startswith("Roadmap")  # one roadmap: nothing to tell apart
    assert run("curriculum", "add", str(custom)).exit_code == 0
    assert run("--lang", "en", "next").stdout.startswith("Roadmap llmlanding\nNext: 1.1.1")
    ticked = run("--lang", "en", "--curriculum", str(custom), "done", "2.1.1").stdout
    assert ticked.startswith("Roadmap custom\n✓ 2.1.1")
    assert js(run, "next")["id"] == "1.1.1"  # JSON is left as it is


def test_the_environment_names_a_roadmap_as_the_flag_does(
    run: Run, custom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LLMLANDING_CURRICULUM", str(custom))
    assert run("done", "1.1.1").exit_code == 0
    monkeypatch.delenv("LLMLANDING_CURRICULUM")
    assert _status(run, "1.1.1") == "todo"
    assert _status(run, "1.1.1", "--curriculum", str(custom)) == "done"


def test_curriculum_add_list_use(run: Run, mini: Path, isolated_env: Path) -> None:
    run("done", "1.1.1")
    listed: JSON = js(run, "curriculum", "list")
    assert listed["active"] == "llmlanding"
    [bundled] = listed["roadmaps"]
    assert bundled["id"] == "llmlanding" and bundled["bundled"] and bundled["active"]
    assert bundled["editions"] == ["2024-03-26", "2024-12-28"] and bundled["edition"] == "2024-03-26"
    assert bundled["database"] == "llmlanding.db" and bundled["progress"]["done"] == 1

    added = run("curriculum", "add", str(mini))
    assert added.exit_code == 0 and "roadmap-mini.db" in added.stdout
    listed = js(run, "curriculum", "list")
    assert [r["id"] for r in listed["roadmaps"]] == ["llmlanding", "mini"]
    mini_row = listed["roadmaps"][1]
    assert not mini_row["active"] and not mini_row["bundled"] and mini_row["editions"] == []
    assert mini_row["file"] == str(mini.resolve()) and mini_row["progress"] == {
        "done": 0,
        "doing": 0,
        "skipped": 0,
        "todo": 4,
        "total": 4,
        "percent": 0.0,
    }
    assert not (isolated_env / "roadmap-mini.db").exists()  # listing reads, never creates

    used = run("curriculum", "use", "mini")
    assert used.exit_code == 0 and "mini" in used.stdout
    assert js(run, "status")["roadmap"]["id"] == "mini"  # remembered: no --curriculum needed
    assert run("done", "1.1.2").exit_code == 0
    listed = js(run, "curriculum", "list")
    assert listed["active"] == "mini"
    assert [(r["id"], r["active"], r["progress"]["done"]) for r in listed["roadmaps"]] == [
        ("llmlanding", False, 1),
        ("mini", True, 1),
    ]
    text = run("curriculum", "list").stdout
    assert "● mini" in text and "1/4 topics" in text and "1/153 topics" in text
    run("curriculum", "use", "llmlanding")
    assert js(run, "status")["roadmap"]["id"] == "llmlanding"


def test_curriculum_add_refuses_a_taken_id_and_bad_files(run: Run, mini: Path, tmp_path: Path) -> None:
    assert run("curriculum", "add", str(mini)).exit_code == 0
    assert run("curriculum", "add", str(mini)).exit_code == 0  # the same file again: nothing new
    other = tmp_path / "other" / "mini.yaml"
    other.parent.mkdir()
    shutil.copy(MINI, other)
    refused = run("curriculum", "add", str(other))
    assert refused.exit_code == 2 and "--force" in refused.stderr and len(refused.stderr.splitlines()) == 1
    assert js(run, "curriculum", "list")["roadmaps"][1]["file"] == str(mini.resolve())
    assert run("curriculum", "add", "--force", str(other)).exit_code == 0
    assert js(run, "curriculum", "list")["roadmaps"][1]["file"] == str(other.resolve())
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [\n", encoding="utf-8")
    assert run("curriculum", "add", str(broken)).exit_code == 2
    missing = run("curriculum", "use", "nothing")
    assert missing.exit_code == 2 and "curriculum add" in missing.stderr


def test_a_backup_of_another_roadmap_is_refused(run: Run, mini: Path, tmp_path: Path, isolated_env: Path) -> None:
    backup = tmp_path / "mini.json"
    assert run("--curriculum", str(mini), "done", "1.1.1").exit_code == 0
    assert run("--curriculum", str(mini), "export", "json", "-o", str(backup)).exit_code == 0
    assert json.loads(backup.read_text(encoding="utf-8"))["roadmap"]["id"] == "mini"
    run("status")
    before = (isolated_env / "llmlanding.db").read_bytes()
    refused = run("import", str(backup))
    assert refused.exit_code == 2
    [line] = refused.stderr.splitlines()
    assert "roadmap 'mini'" in line and "'llmlanding'" in line and "curriculum use mini" in line
    assert js(run, "status")["overall"]["done"] == 0
    assert (isolated_env / "llmlanding.db").read_bytes() == before
    bundled = tmp_path / "bundled.json"
    run("export", "json", "-o", str(bundled))
    assert run("--curriculum", str(mini), "import", str(bundled)).exit_code == 2
    assert run("--curriculum", str(mini), "import", str(backup)).exit_code == 0  # its own roadmap takes it


def test_an_old_home_recording_another_roadmap_keeps_its_progress(run: Run, mini: Path, isolated_env: Path) -> None:
    """Before roadmaps had databases of their own, `--curriculum mini.yaml` wrote into llmlanding.db."""
    assert run("--curriculum", str(mini), "done", "1.1.1").exit_code == 0
    (isolated_env / "roadmap-mini.db").rename(isolated_env / "llmlanding.db")
    for leftover in isolated_env.glob("roadmap-mini.db-*"):
        leftover.unlink()
    (isolated_env / "roadmaps.tsv").unlink()
    data: JSON = js(run, "--curriculum", str(mini), "status")
    assert data["roadmap"]["id"] == "mini" and data["overall"]["done"] == 1
    assert not (isolated_env / "roadmap-mini.db").exists()
    assert (isolated_env / "roadmaps.tsv").read_text(encoding="utf-8") == f"mini\tllmlanding.db\t{mini.resolve()}\n"
    bundled: JSON = js(run, "status")  # the bundled roadmap gets a database of its own beside it
    assert bundled["roadmap"]["id"] == "llmlanding" and bundled["overall"]["done"] == 0
    assert (isolated_env / "roadmap-llmlanding.db").is_file()
    assert js(run, "--curriculum", str(mini), "status")["overall"]["done"] == 1


def _complete(line: str) -> list[str]:
    words = line.split(" ")
    env = {**os.environ, "_LLMLANDING_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    answered = complete.answer(env)
    assert answered is not None
    return answered[0].split()


def test_completion_reads_the_active_roadmaps_database(run: Run, mini: Path, isolated_env: Path) -> None:
    run("status")
    assert "16" in _complete("llmlanding done ")
    run("curriculum", "add", str(mini))
    run("curriculum", "use", "mini")
    assert not (isolated_env / "roadmap-mini.db").exists()
    assert _complete("llmlanding done ") == []  # not used yet: nothing to offer, and nothing made
    assert not (isolated_env / "roadmap-mini.db").exists()
    run("status")
    assert _complete("llmlanding done ") == ["0", "1", "2"]


def test_check_and_export_act_on_the_runs_roadmap(run: Run, mini: Path, tmp_path: Path) -> None:
    run("done", "3.1.1")
    assert run("--curriculum", str(mini), "done", "1.1.1").exit_code == 0
    out = tmp_path / "out.json"
    assert run("--curriculum", str(mini), "export", "json", "-o", str(out)).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["roadmap"]["id"] == "mini" and {e["item"] for e in data["events"]} == {"1.1.1"}
    assert run("--curriculum", str(mini), "done", "1.1.2").exit_code == 0
    checked = run("--curriculum", str(mini), "check")
    assert checked.exit_code == 0 and "log: 2 batches" in checked.stdout
    checked = run("check")
    assert checked.exit_code == 0 and "log: 1 batches" in checked.stdout


def test_a_journal_per_roadmap(tmp_path: Path, mini: Path) -> None:
    from llmlanding.settings import Settings
    from llmlanding.sync.service import journal_path

    home = tmp_path / "home"
    assert journal_path(Settings.resolve(home=home)) == home / "journal"
    assert journal_path(Settings.resolve(curriculum=mini, home=home)) == home / "journal-mini"


def test_completion_and_listing_never_create_a_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nowhere = tmp_path / "nowhere"
    monkeypatch.setenv("LLMLANDING_HOME", str(nowhere))
    assert _complete("llmlanding done ") == []
    assert not nowhere.exists()


def test_registry_lines_are_plain_text(run: Run, mini: Path, isolated_env: Path) -> None:
    run("curriculum", "add", str(mini))
    run("curriculum", "use", "mini")
    assert (isolated_env / "active").read_text(encoding="utf-8") == "mini\n"
    assert (isolated_env / "roadmaps.tsv").read_text(encoding="utf-8") == f"mini\troadmap-mini.db\t{mini.resolve()}\n"
    run("status")
    with closing(sqlite3.connect(isolated_env / "roadmap-mini.db")) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'roadmap_id'").fetchone() == ("mini",)


def test_a_copy_of_the_bundled_roadmap_leaves_the_bundled_file_registered(
    run: Run, tmp_path: Path, isolated_env: Path
) -> None:
    copy = tmp_path / "copy.yaml"
    shutil.copy(bundled_curriculum(), copy)
    assert run("--curriculum", str(copy), "done", "1.1.1").exit_code == 0
    assert _status(run, "1.1.1") == "done"  # the same roadmap, the same database
    [bundled] = js(run, "curriculum", "list")["roadmaps"]
    assert bundled["bundled"] and bundled["file"] == str(bundled_curriculum())


def test_a_registry_line_naming_a_file_outside_the_home_is_ignored(
    run: Run, mini: Path, tmp_path: Path, isolated_env: Path
) -> None:
    isolated_env.mkdir()
    outside = tmp_path / "outside.db"
    (isolated_env / "roadmaps.tsv").write_text(
        f"mini\t../outside.db\t{mini}\nbad line\nmini\t{outside}\t{mini}\n", encoding="utf-8"
    )
    assert run("--curriculum", str(mini), "done", "1.1.1").exit_code == 0
    assert not outside.exists() and (isolated_env / "roadmap-mini.db").is_file()


def test_status_names_the_active_roadmap(run: Run, mini: Path) -> None:
    run("curriculum", "add", str(mini))
    run("curriculum", "use", "mini")
    assert run("status").stdout.splitlines()[0] == "Mini roadmap"
    assert run("--lang", "zh", "status").stdout.splitlines()[0] == "迷你路线图"


@pytest.mark.parametrize("command", [["next"], ["status"], ["list"], ["done", "1.1.1"]])
def test_a_roadmap_file_that_is_not_there_is_an_error_on_reads_too(
    run: Run, isolated_env: Path, tmp_path: Path, command: list[str]
) -> None:
    """A mistyped `--curriculum` on a home that has a database: every command says the file is missing (reads
    answered from the stored roadmap before), and the home is as it was."""
    assert run("done", "3.2").exit_code == 0
    before = dump(isolated_env)
    result = run("--lang", "en", "--curriculum", str(tmp_path / "nope.yaml"), *command)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"error: roadmap file not found: {tmp_path / 'nope.yaml'}\n"
    assert dump(isolated_env) == before
    assert js(run, "show", "3.2")["status"] == "done"
