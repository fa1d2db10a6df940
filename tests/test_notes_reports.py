"""Notes, reports, search, open and the JSON backup, as a learner uses them."""

from __future__ import annotations

import json
import os
import stat
import sys
from datetime import date
from pathlib import Path

import pytest
from helpers import MINI, Run, count, dump, js
from markdown_it import MarkdownIt
from markdown_it.token import Token

from llmlanding.cli.files import inside
from llmlanding.domain.activity import measure
from llmlanding.errors import UsageError

TRICKY = "# 总结\n\nGPT-1 用了 12 层 decoder。  \n\n```python\nprint('hi')  \n```\n\ttab and trailing space \n"


def fake_editor(tmp_path: Path, body: str) -> str:
    """An editor that replaces the file with `body` (python, so it runs anywhere the tests run)."""
    script = tmp_path / "fake-editor.py"
    script.write_text(
        f"import sys\nopen(sys.argv[1], 'w', encoding='utf-8', newline='').write({body!r})\n", encoding="utf-8"
    )
    return f"{sys.executable} {script}"


def test_note_with_message_appends_dated_paragraphs(run: Run) -> None:
    assert run("--lang", "en", "note", "3.2.1", "-m", "GPT-1 is a decoder").stdout.startswith("✎ 3.2.1 ")
    run("note", "3.2.1", "-m", "第二段  ")
    today = date.today().isoformat()
    text = run("notes", "3.2.1").stdout
    assert text == f"**{today}** GPT-1 is a decoder\n\n**{today}** 第二段  \n"


def test_note_in_the_editor_keeps_text_exactly(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, TRICKY))
    result = run("--lang", "en", "note", "3.2.1")
    assert result.exit_code == 0, result.stderr
    assert run("notes", "3.2.1").stdout == TRICKY
    assert js(run, "show", "3.2.1")["note"] == TRICKY
    shown = run("--lang", "en", "show", "3.2.1").stdout
    assert "Note" in shown and "GPT-1 用了 12 层 decoder。" in shown and "print('hi')" in shown
    assert [e["command"] for e in js(run, "log")] == ["note 3.2.1"]


def test_editor_is_prefilled_and_unchanged_edit_changes_nothing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_env: Path
) -> None:
    run("note", "3.1", "-m", "first")
    seen = tmp_path / "seen.txt"
    script = tmp_path / "peek.py"
    script.write_text(f"import shutil, sys\nshutil.copy(sys.argv[1], {str(seen)!r})\n", encoding="utf-8")
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    events = count(isolated_env, "event")
    result = run("--lang", "en", "note", "3.1")
    assert result.exit_code == 0 and "note unchanged" in result.stdout
    assert seen.read_text(encoding="utf-8") == run("notes", "3.1").stdout
    assert count(isolated_env, "event") == events


def test_emptied_edit_asks_before_deleting(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("note", "3.1", "-m", "keep me")
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, "  \n"))
    kept = run("--lang", "en", "note", "3.1", input="n\n")
    assert "Delete the note on 3.1?" in kept.stdout and "The note was not changed." in kept.stdout
    assert "keep me" in run("notes", "3.1").stdout
    gone = run("--lang", "en", "note", "3.1", input="y\n")
    assert "note deleted" in gone.stdout
    assert run("--lang", "en", "notes", "3.1").stdout == "3.1 has no note yet\n"
    run("undo")
    assert "keep me" in run("notes", "3.1").stdout


def test_no_editor_and_a_failing_editor(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_env: Path
) -> None:
    run("note", "3.1", "-m", "safe")
    before = dump(isolated_env)
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = run("note", "3.1")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "error: no editor found: set $EDITOR (e.g. export EDITOR=nano), or add text with -m 'your note'\n"
    )
    monkeypatch.setenv("PATH", os.defpath)
    monkeypatch.setenv("EDITOR", "no-such-editor-here")
    assert run("note", "3.1").exit_code == 2
    monkeypatch.setenv("EDITOR", f"{sys.executable} -c 'import sys; sys.exit(3)'")
    failed = run("note", "3.1")
    assert failed.exit_code == 1 and "exited with code 3; the note was not changed" in failed.stderr
    assert dump(isolated_env) == before


def test_notes_lists_items_with_notes(run: Run) -> None:
    assert "No notes yet" in run("--lang", "en", "notes").stdout
    run("note", "6.2.1", "-m", "low rank")
    run("note", "3", "-m", "chapter thoughts")
    listing = run("--lang", "en", "notes").stdout
    assert listing.index("3 ") < listing.index("6.2.1")
    assert "low rank" in listing and "LoRA" in listing


def _report(run: Run, tmp_path: Path) -> tuple[str, list[Token]]:
    target = tmp_path / "r.md"
    result = run("--lang", "en", "export", "report", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    return text, MarkdownIt("commonmark").parse(text)


def test_report_ticks_what_is_done_and_quotes_notes(run: Run, tmp_path: Path) -> None:
    run("done", "3.2")
    run("note", "3.2.1", "-m", "decoder only")
    run("done", "6.2.1", "--phase", "theory")
    text, tokens = _report(run, tmp_path)
    tasks: dict[str, str] = {}
    for index, token in enumerate(tokens):
        if token.type == "list_item_open":
            inline = tokens[index + 2]
            if inline.type == "inline" and inline.content[:4] in ("[x] ", "[ ] "):
                item_id = inline.content[4:].split()[0]
                assert item_id not in tasks, f"{item_id} listed twice"
                tasks[item_id] = inline.content[1]
    status = js(run, "list", "--depth", "3")
    leaves = {i["id"]: i["status"] for i in status if not i["children"]}
    assert set(tasks) == set(leaves)  # one task-list item per leaf
    assert {i for i, tick in tasks.items() if tick == "x"} == {i for i, s in leaves.items() if s == "done"}
    assert f"- [x] 3.2.1 The GPT papers · GPT论文 (done {date.today().isoformat()})" in text
    assert "hands-on code ○" in text.split("- [ ] 6.2.1", 1)[1].splitlines()[0]
    note_at = text.index("#### 3.2.1 The GPT papers · GPT论文 — note\n\n> **")  # after the section's tasks
    assert text.index("- [x] 3.2.11") < note_at and "decoder only" in text[note_at : note_at + 200]
    fences = [t.info for t in tokens if t.type == "fence"]
    assert fences.count("mermaid") == 2
    assert "pie showData" in text and "xychart-beta" in text
    assert "| 3 | Pre-trained language models · 预训练语言模型 | 11/30 |" in text
    assert "📄 [GPT-4 Technical Report (2023)](https://arxiv.org/abs/2303.08774)" in text


def test_report_refuses_to_overwrite_without_force(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    target.write_bytes(b"precious\x00bytes")
    result = run("export", "report", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"error: {target} already exists; use --force to overwrite\n"
    assert target.read_bytes() == b"precious\x00bytes"
    assert run("export", "report", "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert stat.S_IMODE(target.stat().st_mode) != 0o600 or os.umask(0o022) == 0o177


@pytest.mark.parametrize("kind", ["json", "report", "bibtex", "calendar"])
def test_an_export_into_a_folder_that_does_not_exist_is_refused(run: Run, tmp_path: Path, kind: str) -> None:
    target = tmp_path / "no-such-folder" / "out.txt"
    result = run("export", kind, "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"error: no folder {target.parent}; create it first, or give another path\n"
    assert not target.parent.exists()
    zh = run("--lang", "zh", "export", kind, "-o", str(target))
    assert zh.stderr.startswith(f"错误：没有文件夹 {target.parent}")


def test_report_to_stdout_and_for_one_chapter(run: Run) -> None:
    out = run("--lang", "en", "export", "report", "--in", "6").stdout
    assert out.startswith("# LLM Landing: large language models from theory to practice — LLM fine-tuning")
    assert "- [ ] 6.2.1 " in out and "3.2.1" not in out


def test_a_report_of_an_unknown_item_is_refused_before_anything_is_written(run: Run, tmp_path: Path) -> None:
    """The report is made and written a chapter at a time; an id the roadmap lacks is still refused first: one
    line, exit 2, nothing on stdout, a file given with --force left as it was."""
    piped = run("--lang", "en", "export", "report", "--in", "99.9")
    assert piped.exit_code == 2 and piped.stdout == ""
    assert piped.stderr.startswith("error: no item '99.9'") and piped.stderr.count("\n") == 1
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "report.md"
    target.write_text("mine", encoding="utf-8")
    into = run("--lang", "en", "export", "report", "--in", "99.9", "-o", str(target), "--force")
    assert into.exit_code == 2 and into.stderr == piped.stderr
    assert target.read_text(encoding="utf-8") == "mine" and [p.name for p in folder.iterdir()] == ["report.md"]


def test_export_notes_writes_one_file_per_chapter_with_front_matter(run: Run, tmp_path: Path) -> None:
    run("note", "3.2.1", "-m", "GPT")
    run("note", "3", "-m", "chapter")
    run("note", "6.2", "-m", "PEFT: LoRA")
    out = tmp_path / "vault"
    result = run("export", "notes", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["03-pre-trained-language-models.md", "06-llm-fine-tuning.md"]
    text = (out / names[0]).read_text(encoding="utf-8")
    front, body = text.split("---\n")[1], text.split("---\n", 2)[2]
    fields = dict(line.split(": ", 1) for line in front.strip().splitlines())
    assert json.loads(fields["id"]) == "3" and json.loads(fields["title_zh"]) == "预训练语言模型"
    assert json.loads(fields["status"]) == "todo"
    assert "### 3.2.1 GPT论文 · The GPT papers" in body and body.index("chapter") < body.index("GPT\n")
    again = run("export", "notes", "-o", str(out))
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert run("export", "notes", "-o", str(out), "--force").exit_code == 0


def test_a_hostile_title_cannot_escape_the_notes_folder(run: Run, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(
        MINI.read_text(encoding="utf-8").replace("en: Chapter one", 'en: "../../../etc/evil/x"'), encoding="utf-8"
    )
    run("--curriculum", str(hostile), "note", "1.1.1", "-m", "hi")
    out = tmp_path / "notes"
    assert run("--curriculum", str(hostile), "export", "notes", "-o", str(out)).exit_code == 0
    assert [p.name for p in out.iterdir()] == ["01-etc-evil-x.md"]
    assert not (tmp_path / "etc").exists()
    with pytest.raises(UsageError):
        inside(out, "../x.md")
    with pytest.raises(UsageError):
        inside(out, "..")


def test_search_finds_chinese_and_english_with_notes(run: Run) -> None:
    found = [h["id"] for h in js(run, "search", "微调")]
    assert found[0] == "6" and "6.1" in found and "6.2" in found
    lora = js(run, "search", "lora")
    ids = [h["id"] for h in lora]
    assert "6.2.1" in ids and "6.2.3" in ids  # LoRA and QLoRA
    assert any(m["field"] == "paper" and "2106.09685" in m["text"] for h in lora for m in h["matches"])
    assert js(run, "search", "LoRA")[0]["id"] == js(run, "search", "lora")[0]["id"]
    assert js(run, "search", "xylophone") == []
    run("note", "4.2.1", "-m", "zebrafish analogy")
    assert [h["id"] for h in js(run, "search", "zebrafish")] == ["4.2.1"]
    assert "zebrafish" in run("--lang", "en", "search", "zebrafish").stdout
    run("undo")
    assert js(run, "search", "zebrafish") == []
    assert run("search", "").exit_code == 2


def test_open_prints_and_opens_only_with_a_display(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url))
    monkeypatch.delenv("BROWSER", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    result = run("open", "3.2")
    assert result.stdout == "http://jalammar.github.io/illustrated-gpt2/\n"
    assert opened == []
    monkeypatch.setenv("DISPLAY", ":0")
    assert run("open", "3.2", "--paper", "4").stdout == "https://arxiv.org/abs/2303.08774\n"
    assert opened == ["https://arxiv.org/abs/2303.08774"]
    bad = run("open", "3.2", "--paper", "9")
    assert bad.exit_code == 2 and bad.stderr == "error: 3.2 has 4 papers; --paper takes 1 to 4\n"
    assert run("open", "6.1").exit_code == 2  # nothing to open


def test_json_backup_round_trip_into_an_empty_home(run: Run, tmp_path: Path) -> None:
    run("done", "3.2")
    run("done", "6.2.1", "--phase", "practice")
    run("skip", "15")
    run("note", "3.2.1", "-m", "笔记 with `code`")
    run("path", "quickstart")
    run("undo")
    backup = tmp_path / "b.json"
    assert run("export", "json", "-o", str(backup)).exit_code == 0
    other = tmp_path / "other"
    first = run("--home", str(other), "import", str(backup))
    assert first.exit_code == 0 and "active path quickstart" in first.stdout
    assert js(run, "--home", str(other), "status") == js(run, "status")
    assert run("--home", str(other), "notes", "3.2.1").stdout == run("notes", "3.2.1").stdout
    assert js(run, "--home", str(other), "log") == js(run, "log")
    before = dump(other)
    second = run("--lang", "en", "--home", str(other), "import", str(backup))
    assert second.stdout == "Imported 0 changes in 0 batches\n"
    assert dump(other) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{nope", "not valid JSON"),
        ('{"format": "something-else"}', "is not an llmlanding backup"),
        ('{"format": "llmlanding-backup", "version": 9}', "is backup version 9"),
        (
            '{"format": "llmlanding-backup", "version": 1, "batches": [], "events": [{"id": 1}]}',
            "events[0].id: 1 is not text",
        ),
    ],
)
def test_bad_backups_are_refused_with_nothing_written(
    run: Run, tmp_path: Path, isolated_env: Path, content: str, message: str
) -> None:
    run("done", "1.1")
    before = dump(isolated_env)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = run("import", str(bad))
    assert result.exit_code == 2 and message in result.stderr and len(result.stderr.splitlines()) == 1
    assert dump(isolated_env) == before


def test_import_a_markdown_task_list(run: Run, tmp_path: Path) -> None:
    tasks = tmp_path / "ticked.md"
    tasks.write_text(
        "# my copy\n- [x] 3.2.1 GPT papers\n- [X] 3.2.2\n- [ ] 3.2.3 not yet\n- [x] 99.9 typo\n- [x] no id\n",
        encoding="utf-8",
    )
    result = run("--lang", "en", "import", str(tasks))
    assert result.exit_code == 0
    assert (
        f"{tasks}:5: no item '99.9'" in result.stdout
        and f"{tasks}:6: no item titled 'no id'; put the id after the box" in result.stdout
    )
    assert "Marked 2 topics done (2 ticked lines, 2 not matched)" in result.stdout
    assert js(run, "show", "3.2.1")["status"] == "done" and js(run, "show", "3.2.3")["status"] == "todo"
    assert js(run, "log")[0]["command"] == "import ticked.md"


def test_a_report_imported_elsewhere_reproduces_what_is_done(run: Run, tmp_path: Path) -> None:
    run("done", "3.2", "7.1.2", "0.2")
    report = tmp_path / "r.md"
    run("export", "report", "-o", str(report))
    other = tmp_path / "other"
    assert run("--home", str(other), "import", str(report)).exit_code == 0

    def done(home: Path) -> set[str]:
        return {
            i["id"]
            for i in js(run, "--home", str(home), "list", "--depth", "3")
            if i.get("status") == "done" and not i["children"]
        }

    assert done(other) == done(Path(os.environ["LLMLANDING_HOME"]))


def test_status_has_streak_pace_calendar_and_finish(run: Run, tmp_path: Path) -> None:
    run("done", "3.2")
    data = js(run, "status")["activity"]
    assert data["streak"] == 1 and data["this_week"] == 11
    # Day one: no pace and no finish date yet, rather than 11 topics "a week over 4 weeks".
    assert data["pace_per_week"] is None and data["finish"] is None and data["active_days"] == 1
    assert data["heatmap"]["counts"][-1] == 44 and sum(data["heatmap"]["counts"]) == 44
    view = run("--lang", "en", "status").stdout
    assert "streak: 1 day" in view and "11 topics this week" in view
    assert "too early to estimate a pace: 1 days of activity so far (a week is needed)" in view
    svg = tmp_path / "status.svg"
    assert run("status", "--svg", str(svg)).exit_code == 0
    assert svg.read_text(encoding="utf-8").startswith("<svg")
    again = run("status", "--svg", str(svg))
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_activity_rules() -> None:
    today = date(2026, 11, 28)

    def stamp(day: int) -> str:
        return f"2026-11-{day:02d}T12:00:00.000000Z"

    a = measure([stamp(28), stamp(27), stamp(27), stamp(25)], [stamp(27), stamp(10), stamp(1)], 10, today)
    assert a.streak == 2 and a.this_week == 1 and a.pace == 0.75
    assert a.finish is not None and (a.finish - today).days == round(10 / 0.75 * 7)
    assert a.first_day.weekday() == 0 and len(a.days) == (today - a.first_day).days + 1
    assert measure([stamp(27)], [], 5, today).streak == 1  # yesterday still counts until today ends
    assert measure([stamp(26)], [], 5, today).streak == 0
    assert measure([], [], 0, today).finish == today
    # Under a week of activity: too early; then the pace counts from the first day until there are four weeks.
    early = measure([stamp(25)], [stamp(25), stamp(26)], 10, today)
    assert early.pace is None and early.finish is None and early.active_days == 4
    young = measure([stamp(18)], [stamp(18), stamp(20), stamp(27)], 10, today)
    assert young.active_days == 11 and young.pace == 3 / (11 / 7)
    assert measure([], [], 3, today).finish is None


def test_notes_json_lists_the_notes_in_roadmap_order_exactly_as_written(run: Run) -> None:
    run("note", "3.2.1", "-m", "GPT-1 is a decoder")
    run("note", "1.1.1", "-m", TRICKY)
    notes = js(run, "notes")
    assert [note["id"] for note in notes] == ["1.1.1", "3.2.1"]
    assert notes[1]["title"] == {"zh": "GPT论文", "en": "The GPT papers"}
    assert notes[1]["note"] == run("notes", "3.2.1").stdout
    assert notes[0]["note"].endswith(TRICKY + "\n")
    assert notes[1]["at"].endswith("Z")
    assert js(run, "notes", "3.2.1") == [notes[1]]
    assert js(run, "notes", "3.2.2") == []
    assert run("notes", "9.9", "--json").exit_code == 2
