"""Orphans: ids that leave the roadmap with the learner's work on them are listed, readable by their old id,
searchable, in the report and the notes export, and `move` gives their work to an item of the roadmap."""

from __future__ import annotations

import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest
from helpers import JSON, Run, db_file, dump, js

from llmlanding.store import queries
from llmlanding.store.snapshot import take


def drop_topic_one(roadmap: Path) -> None:
    """The roadmap loses topic 1.1.1 (主题一 · Topic one)."""
    text = roadmap.read_text(encoding="utf-8")
    start, end = text.index('          - id: "1.1.1"'), text.index('          - id: "1.1.2"')
    roadmap.write_text(text[:start] + text[end:], encoding="utf-8")


@pytest.fixture
def orphaned(run: Run, mini: Path) -> Path:
    """A home where 1.1.1 was done and noted, then the roadmap dropped it; section 1.2 has a note of its own."""
    for args in (
        ("done", "1.1.1"),
        ("note", "1.1.1", "-m", "attention, softmax and the rest"),
        ("note", "1.2", "-m", "mine"),
    ):
        assert run("--curriculum", str(mini), *args).exit_code == 0
    drop_topic_one(mini)
    return mini


def test_orphans_lists_what_each_old_id_still_holds(run: Run, orphaned: Path) -> None:
    found: JSON = js(run, "--curriculum", str(orphaned), "orphans")
    assert found == [
        {
            "id": "1.1.1",
            "title": {"zh": "主题一", "en": "Topic one"},
            "status": "done",
            "phases": {"theory": True, "practice": True, "summary": True},
            "note": found[0]["note"],
            "repo": None,
        }
    ]
    assert found[0]["note"].endswith("attention, softmax and the rest\n")
    listed = run("--curriculum", str(orphaned), "orphans").stdout
    assert "1.1.1  Topic one" in listed and "progress, note" in listed and "llmlanding move 1.1.1 NEW" in listed


def test_show_and_notes_read_an_orphan_by_its_old_id(run: Run, orphaned: Path) -> None:
    shown = run("--curriculum", str(orphaned), "show", "1.1.1")
    assert shown.exit_code == 0
    assert "Topic one" in shown.stdout and "no longer in the roadmap" in shown.stdout
    assert "attention, softmax" in shown.stdout
    assert js(run, "--curriculum", str(orphaned), "show", "1.1.1")["status"] == "done"
    note = run("--curriculum", str(orphaned), "notes", "1.1.1")
    assert note.exit_code == 0 and note.stdout.endswith("attention, softmax and the rest\n")
    assert run("--curriculum", str(orphaned), "show", "1.1.9").exit_code == 2  # holds nothing: unknown as before
    listed = run("--lang", "en", "--curriculum", str(orphaned), "notes").stdout.splitlines()
    assert [line.split()[:3] for line in listed if line.startswith("1.1.1")] == [["1.1.1", "Topic", "one"]]
    [as_json] = js(run, "--curriculum", str(orphaned), "notes", "1.1.1")
    assert as_json["title"]["en"] == "Topic one" and as_json["note"].endswith("attention, softmax and the rest\n")


def test_move_gives_the_work_to_an_item_and_undo_takes_it_back(run: Run, orphaned: Path) -> None:
    moved = run("--curriculum", str(orphaned), "move", "1.1.1", "1.2")
    assert moved.exit_code == 0, moved.stderr
    assert "1.1.1 Topic one → 1.2 Section two: progress, note" in moved.stdout
    section: JSON = js(run, "--curriculum", str(orphaned), "show", "1.2")
    assert section["status"] == "done"
    # Both notes kept: the moved one under a heading naming where it came from.
    assert section["note"].startswith("**") and "mine" in section["note"]
    assert "## 1.1.1 主题一 · Topic one" in section["note"] and "attention, softmax" in section["note"]
    assert js(run, "--curriculum", str(orphaned), "orphans") == []
    assert js(run, "--curriculum", str(orphaned), "log")[0]["command"] == "move 1.1.1 1.2"

    assert run("--curriculum", str(orphaned), "undo").exit_code == 0
    assert [o["id"] for o in js(run, "--curriculum", str(orphaned), "orphans")] == ["1.1.1"]
    section = js(run, "--curriculum", str(orphaned), "show", "1.2")
    assert section["status"] == "todo" and "attention" not in section["note"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("1.1.1", "9.9", "no item '9.9'"),
        ("1.1.2", "1.2", "1.1.2 is in the roadmap"),
        ("7.7.7", "1.2", "nothing is kept under '7.7.7'"),
        ("1.1.1", "1", "1 has topics; move progress onto one of them, e.g. 1.1.2"),
    ],
)
def test_a_move_that_cannot_be_is_one_line_and_changes_nothing(
    run: Run, orphaned: Path, isolated_env: Path, old: str, new: str, message: str
) -> None:
    run("--curriculum", str(orphaned), "status")  # the roadmap change is taken in before the snapshot of the data
    before = dump(isolated_env)
    result = run("--curriculum", str(orphaned), "move", old, new)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert dump(isolated_env) == before


def test_search_finds_an_orphan_by_its_note_and_its_title(run: Run, orphaned: Path) -> None:
    by_note: JSON = js(run, "--curriculum", str(orphaned), "search", "softmax")
    assert [(hit["id"], hit["kind"]) for hit in by_note] == [("1.1.1", "orphan")]
    by_title = run("--curriculum", str(orphaned), "search", "主题一")
    assert "1.1.1  Topic one  (no longer in the roadmap)" in by_title.stdout
    run("--curriculum", str(orphaned), "move", "1.1.1", "1.2")
    assert [hit["id"] for hit in js(run, "--curriculum", str(orphaned), "search", "softmax")] == ["1.2"]


def test_the_report_and_the_notes_export_keep_orphans_apart(run: Run, orphaned: Path, tmp_path: Path) -> None:
    report = run("--curriculum", str(orphaned), "export", "report").stdout
    section = report[report.index("## No longer in the roadmap") :]
    assert "- 1.1.1 Topic one · 主题一 — done" in section and "attention, softmax" in section
    assert "- [x] 1.1.1" not in report  # not a task: importing the report elsewhere ticks nothing
    out = tmp_path / "notes"
    assert run("--curriculum", str(orphaned), "export", "notes", "-o", str(out)).exit_code == 0
    orphans = (out / "orphans.md").read_text(encoding="utf-8")
    assert "## 1.1.1 主题一 · Topic one" in orphans and "attention, softmax" in orphans


def test_progress_on_a_section_that_gains_topics_is_an_orphan_until_moved(run: Run, mini: Path) -> None:
    assert run("--curriculum", str(mini), "done", "1.2").exit_code == 0  # a section without topics: a leaf
    assert run("--curriculum", str(mini), "note", "1.2", "-m", "section notes").exit_code == 0
    text = mini.read_text(encoding="utf-8")
    text = text.replace(
        "        title: {zh: 第二节, en: Section two}\n",
        "        title: {zh: 第二节, en: Section two}\n"
        '        topics:\n          - {id: "1.2.1", title: {zh: 新主题, en: New topic}}\n',
    )
    mini.write_text(text, encoding="utf-8")
    status: JSON = js(run, "--curriculum", str(mini), "status")
    assert [(o["id"], o["status"]) for o in status["orphans"]] == [("1.2", "done")]  # not lost, not hidden
    found: JSON = js(run, "--curriculum", str(mini), "orphans")
    assert [(o["id"], o["title"]["en"], o["status"], o["note"]) for o in found] == [
        ("1.2", "Section two", "done", None)  # its note is a section's, and stays where it is
    ]
    assert run("--curriculum", str(mini), "move", "1.2", "1.2.1").exit_code == 0
    assert js(run, "--curriculum", str(mini), "show", "1.2.1")["status"] == "done"
    assert js(run, "--curriculum", str(mini), "orphans") == []
    assert js(run, "--curriculum", str(mini), "show", "1.2")["note"].endswith("section notes\n")


def test_a_merge_by_renamed_from_hides_no_note(run: Run, mini: Path, tmp_path: Path) -> None:
    for item_id, text in (("1.1.1", "first topic's summary"), ("1.1.2", "second topic's summary")):
        assert run("--curriculum", str(mini), "note", item_id, "-m", text).exit_code == 0
    drop_topic_one(mini)  # and 1.1.2 takes it in
    merged = mini.read_text(encoding="utf-8").replace(
        'id: "1.1.2"\n', 'id: "1.1.2"\n            renamed_from: ["1.1.1"]\n'
    )
    mini.write_text(merged, encoding="utf-8")
    note = js(run, "--curriculum", str(mini), "show", "1.1.2")["note"]
    assert note.startswith("**") and "second topic's summary" in note
    assert "## 1.1.1" in note and "first topic's summary" in note
    assert [hit["id"] for hit in js(run, "--curriculum", str(mini), "search", "first", "summary")] == ["1.1.2"]
    out = tmp_path / "notes"
    assert run("--curriculum", str(mini), "export", "notes", "-o", str(out)).exit_code == 0
    exported = "".join(f.read_text(encoding="utf-8") for f in out.iterdir())
    assert "first topic's summary" in exported and "second topic's summary" in exported
    # Editing the joined note keeps both, once each.
    assert run("--curriculum", str(mini), "note", "1.1.2", "-m", "more").exit_code == 0
    note = js(run, "--curriculum", str(mini), "show", "1.1.2")["note"]
    assert note.count("first topic's summary") == 1 and note.count("second topic's summary") == 1


def test_the_report_names_the_orphans_that_reading_every_id_with_progress_names(
    run: Run, mini: Path, isolated_env: Path, tmp_path: Path
) -> None:
    """`export report` takes its orphans' ids from what it has read (the snapshot's orphans, the ids outside
    the roadmap with a note or code) instead of every id with progress: the same orphans, of every kind."""
    text = mini.read_text(encoding="utf-8")
    third = '          - {id: "1.1.3", title: {zh: 主题三, en: Topic three}}\n'
    mini.write_text(text.replace("            upstream_todo: true\n", "            upstream_todo: true\n" + third))
    repo = tmp_path / "code"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    for args in (
        ("done", "1.1.1"),  # progress and a note
        ("note", "1.1.1", "-m", "kept"),
        ("note", "1.1.2", "-m", "a note alone"),
        ("practice", "link", "0.1", str(repo)),  # code alone
        ("note", "1.1.3", "-m", "renamed, not lost"),
        ("start", "1.2"),  # a section that gains a topic
        ("done", "2"),  # stays: no orphan
    ):
        assert run("--curriculum", str(mini), *args).exit_code == 0, args
    text = mini.read_text(encoding="utf-8")
    fourth = '          - {id: "1.1.4", title: {zh: 主题四, en: Topic four}, renamed_from: ["1.1.3"]}\n'
    text = text[: text.index('          - id: "1.1.1"')] + fourth + text[text.index('      - id: "1.2"') :]
    text = text.replace('    sections:\n      - id: "0.1"\n        title: {zh: 视频课程, en: Video courses}\n', "")
    text = text.replace(
        "        title: {zh: 第二节, en: Section two}\n",
        '        title: {zh: 第二节, en: Section two}\n        topics:\n          - {id: "1.2.1", title: {zh: 新, en: New}}\n',
    )
    mini.write_text(text, encoding="utf-8")
    report = run("--curriculum", str(mini), "export", "report").stdout
    section = report[report.index("## No longer in the roadmap") :]
    assert [line.split()[1] for line in section.splitlines() if line.startswith("- ")] == [
        "0.1",
        "1.1.1",
        "1.1.2",
        "1.2",
    ]
    with closing(sqlite3.connect(db_file(isolated_env))) as conn:
        snap = take(conn)
        aliases = queries.read_aliases(conn)
        candidates = queries.orphan_candidates(
            snap, queries.read_notes(conn, aliases), queries.read_repos(conn, aliases)
        )
        every = queries.read_orphans(conn, snap.outline)
        assert queries.read_orphans(conn, snap.outline, among=candidates) == every
    assert [(o.id, o.state.status, bool(o.note), bool(o.repo)) for o in every] == [
        ("0.1", "todo", False, True),
        ("1.1.1", "done", True, False),
        ("1.1.2", "todo", True, False),
        ("1.2", "doing", False, False),
    ]
