"""Notes where the method wants them: `done --phase summary` offers the note it calls for, an empty note is
refused, and the `notes` list cuts first lines on word boundaries."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from helpers import Run, dump, js
from hypothesis import example, given, settings
from hypothesis import strategies as st

from llmlanding.cli.handlers import notes as note_handlers
from llmlanding.domain.notes import first_line, shorten

TEMPLATE = "## Key ideas\n\n\n## What I built\n\n\n## Open questions\n\n\n"


def editor(tmp_path: Path, seen: Path, fill: str | None) -> str:
    """An editor that keeps what it was given in `seen`, then writes `fill` under "What I built" (or leaves
    the file as it was, for None)."""
    script = tmp_path / "editor.py"
    write = (
        f"open(sys.argv[1], 'w', encoding='utf-8').write(text.replace('## What I built\\n\\n', "
        f"'## What I built\\n\\n' + {fill!r} + '\\n'))\n"
        if fill is not None
        else ""
    )
    script.write_text(
        "import shutil, sys\n"
        f"shutil.copy(sys.argv[1], {str(seen)!r})\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n" + write,
        encoding="utf-8",
    )
    return f"{sys.executable} {script}"


def test_summary_without_a_note_says_how_to_write_one(run: Run) -> None:
    result = run("--lang", "en", "done", "3.2.1", "--phase", "summary")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == "No note yet on 3.2.1: write one with `llmlanding note 3.2.1`"
    several = run("--lang", "en", "done", "3.3", "--phase", "write").stdout.splitlines()
    assert several[1].startswith("No note yet on 3.3.1, 3.3.2, 3.3.3 (+")


def test_summary_on_a_terminal_opens_the_template_and_keeps_what_was_written(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(note_handlers, "on_terminal", lambda: True)
    seen = tmp_path / "seen.md"
    monkeypatch.setenv("EDITOR", editor(tmp_path, seen, "picoGPT in 60 lines of numpy"))
    result = run("--lang", "en", "done", "3.2.4", "--phase", "summary")
    assert result.exit_code == 0, result.stderr
    assert seen.read_text(encoding="utf-8") == TEMPLATE
    assert run("notes", "3.2.4").stdout == "## What I built\n\npicoGPT in 60 lines of numpy\n"
    assert "✎ 3.2.4 " in result.stdout
    assert js(run, "show", "3.2.4")["phases"]["summary"] is True


def test_the_template_saved_as_it_is_is_refused(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(note_handlers, "on_terminal", lambda: True)
    monkeypatch.setenv("EDITOR", editor(tmp_path, tmp_path / "seen.md", None))
    result = run("--lang", "en", "done", "3.2.4", "--phase", "summary")
    assert result.exit_code == 2
    assert result.stderr == "error: the note on 3.2.4 is empty; nothing was saved\n"
    assert js(run, "show", "3.2.4")["phases"]["summary"] is True  # the phase stays ticked
    assert [e["command"] for e in js(run, "log")] == ["done 3.2.4 --phase summary"]  # and nothing else written
    assert run("--lang", "en", "notes", "3.2.4").stdout == "3.2.4 has no note yet\n"


def test_no_edit_and_an_existing_note_offer_nothing(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(note_handlers, "on_terminal", lambda: True)
    seen = tmp_path / "seen.md"
    monkeypatch.setenv("EDITOR", editor(tmp_path, seen, "x"))
    quiet = run("--lang", "en", "done", "3.2.4", "--phase", "summary", "--no-edit")
    assert quiet.exit_code == 0 and len(quiet.stdout.splitlines()) == 1
    run("note", "3.2.5", "-m", "already written")
    noted = run("--lang", "en", "done", "3.2.5", "--phase", "summary")
    assert len(noted.stdout.splitlines()) == 1
    assert not seen.exists()


def test_an_empty_new_note_is_refused(run: Run, isolated_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("done", "1.1.1")
    before = dump(isolated_env)
    monkeypatch.setenv("EDITOR", f"{sys.executable} -c pass")  # saves what it was given: the template
    result = run("note", "3.1.1")
    assert result.exit_code == 2 and result.stderr == "error: the note on 3.1.1 is empty; nothing was saved\n"
    assert dump(isolated_env) == before


def test_a_note_longer_than_a_backup_carries_is_refused(run: Run, isolated_env: Path) -> None:
    """A note past the million characters a backup or a peer's journal line may hold would be saved here and
    then refused by every import and sync: it is refused when written, appended to or not."""
    from llmlanding.domain.notes import MAX_NOTE

    run("note", "3.1.1", "-m", "x" * (MAX_NOTE - 40))
    before = dump(isolated_env)
    whole = run("--lang", "en", "note", "3.2.1", "-m", "y" * (MAX_NOTE + 1))
    assert whole.exit_code == 2
    assert whole.stderr.startswith("error: the note on 3.2.1 would be 1,000,0") and whole.stderr.count("\n") == 1
    more = run("--lang", "zh", "note", "3.1.1", "-m", "a paragraph that does not fit any more")
    assert more.exit_code == 2 and more.stderr.startswith("错误：3.1.1 的笔记将有 1,000,0")
    assert dump(isolated_env) == before
    assert run("note", "3.1.1", "-m", "fits").exit_code == 0  # what fits is still saved


def test_notes_list_cuts_first_lines_between_words(run: Run) -> None:
    long = "Attention weighs every token against every other, and the softmax of scaled dot products decides"
    run("note", "3.1.1", "-m", long)
    run("note", "3.1.2", "-m", "short and whole")
    run("note", "3.1.3", "-m", "注意力机制让每个词都与其他所有词比较，缩放点积后经过 softmax 得到权重，再加权求和")
    rows = run("--lang", "en", "notes").stdout.splitlines()
    first = rows[0].split("  ")[-1]
    assert first == "Attention weighs every token against every other, and the…"
    assert long.startswith(first.removesuffix("…")) and long[len(first) - 1] == " "
    assert rows[1].endswith("short and whole")
    assert rows[2].endswith("…")


@pytest.mark.parametrize(
    ("text", "width", "cut"),
    [
        ("Llama: open weights, RMSNorm, SwiGLU and rotary embeddings", 40, "Llama: open weights, RMSNorm, SwiGLU…"),
        ("fits", 10, "fits"),
        ("Supercalifragilisticexpialidocious", 10, "Supercali…"),
        ("大模型的开源生态：Llama 家族的模型结构", 20, "大模型的开源生态：…"),
    ],
)
def test_shorten_keeps_words_whole(text: str, width: int, cut: str) -> None:
    assert shorten(text, width) == cut


def _columns(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _shortened(text: str, width: int) -> str:
    """The rule `shorten` follows, written the plain way: a character at a time."""
    if sum(map(_columns, text)) <= width:
        return text
    room, used, cut = width - 1, 0, 0
    for char in text:
        used += _columns(char)
        if used > room:
            break
        cut += 1
    head = text[:cut]

    def in_word(char: str) -> bool:
        return len(char) == 1 and (char.isalnum() or char in "_-'") and _columns(char) == 1

    if cut < len(text) and in_word(text[cut]) and in_word(head[-1:]):
        start = cut
        while start and in_word(head[start - 1]):
            start -= 1
        if sum(map(_columns, head[:start])) >= room // 2:
            head = head[:start]
    return head.rstrip(" ,;:.-—·") + "…"


@settings(max_examples=2000, deadline=None)
@given(
    text=st.text(st.sampled_from([*"ab Z9_-'.,;:—·é注意力，Ａ😀\u0301\x01\x02", "ß", "٣", "\u1100"]), max_size=90),
    width=st.integers(1, 70),
)
def test_shorten_marks_wide_characters_as_a_character_at_a_time_would(text: str, width: int) -> None:
    """`shorten` measures a line in C (str.translate over characters met before): the same cut as measuring one
    character at a time, the control characters it uses as marks included."""
    assert shorten(text, width) == _shortened(text, width)


@settings(max_examples=1000, deadline=None)
@given(
    text=st.lists(st.sampled_from([*"ab #*-0123456789 注", "\n", "\r", "\t", "\x85", "\u2028", "**2026-01-02** "])).map(
        "".join
    )
)
@example("# #")  # a line of heading marks alone has no words
@example("##\n**2026-01-02** words")
def test_a_notes_first_line_is_its_first_line_with_words(text: str) -> None:
    """One line or many: the first line with words, without its heading marks or the date `note -m` puts first."""
    line = next((line for line in text.splitlines() if line.strip().strip("#").strip()), "")
    line = line.strip().lstrip("#").strip()
    dated = line[:2] == "**" and line[12:15] == "** " and line[2:12].replace("-", "").isdigit()
    assert first_line(text) == (line[15:] if dated and line[15:].strip() else line)


def test_the_marks_in_a_note_are_measured_as_the_characters_they_are() -> None:
    """In a fresh interpreter, whose table knows no character yet: a note holding the very characters the table
    marks with is measured right the first time they are met among known ones."""
    code = (
        "from llmlanding.domain.notes import cells, shorten\n"
        "assert cells('é注') == 3\n"
        "assert cells('é\\x02注\\x01') == 5, cells('é\\x02注\\x01')\n"
        "assert shorten('注\\x02\\x02\\x02', 5) == '注\\x02\\x02\\x02'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


PROBE = """
import sys
from llmlanding.entry import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write('LOADED=' + ','.join(sorted(m for m in sys.modules if m.startswith('llmlanding'))) + '\\n')
"""


def _loaded(*args: str) -> set[str]:
    import os
    import subprocess

    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=dict(os.environ))
    line = next(line for line in result.stderr.splitlines() if line.startswith("LOADED="))
    return set(line.removeprefix("LOADED=").split(","))


def test_the_offer_costs_done_nothing_unless_it_is_summary(run: Run) -> None:
    run("next")  # the database, made
    plain = _loaded("done", "3.3")
    assert "llmlanding.cli.handlers.notes" not in plain and "llmlanding.domain.digest" not in plain
    assert "llmlanding.cli.handlers.notes" in _loaded("done", "3.2.1", "--phase", "summary")
