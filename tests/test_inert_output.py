"""Nothing from data reaches the terminal as a control: escape sequences, bidi overrides and rich markup in
roadmap titles, learner names, notes and errors print as inert text, and `curriculum validate` refuses them in
a roadmap with FILE:LINE:COL."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from helpers import MINI, Run

from llmlanding.domain.controls import CONTROLS
from llmlanding.views.inert import inert

HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x1b[31m\u202eeve\x00\x9b\u2066"


def _controls(text: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in text if ord(c) in CONTROLS]


def test_inert_strips_every_control_but_tab_and_newline() -> None:
    assert inert("plain 中文 text") == "plain 中文 text"
    assert inert("a\tb\nc") == "a\tb\nc"
    assert inert(HOSTILE) == "]0;pwned[2J[31meve"
    assert inert("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u2067\u2068\u2069\x7f\x85") == ""


@pytest.fixture(autouse=True)
def no_git_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(cwd), "-c", "user.name=x", "-c", "user.email=x@x", *args], check=True)


def test_team_prints_a_peers_hostile_name_inert(run: Run, tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    peer = tmp_path / "peer"
    subprocess.run(["git", "clone", "-q", str(remote), str(peer)], check=True, capture_output=True)
    name = f"[bold]{HOSTILE}[/]"
    event = {
        "id": "e1",
        "batch": "b1",
        "command": "done 3.2.1",
        "undoes": None,
        "device": "pc",
        "learner": name,
        "at": "2026-11-20T10:00:00.000000Z",
        "item": "3.2.1",
        "field": "status",
        "old": None,
        "new": "done",
    }
    (peer / "events").mkdir()
    (peer / "events" / "eve@pc.jsonl").write_text(json.dumps(event) + "\n", encoding="utf-8")
    _git(peer, "add", "-A")
    _git(peer, "commit", "-q", "-m", "events from eve")
    _git(peer, "push", "-q", "origin", "HEAD:main")
    home = ["--home", str(tmp_path / "me"), "--lang", "en"]
    assert run(*home, "sync", "init", "--remote", str(remote), "--learner", "me").exit_code == 0
    result = run(*home, "team")
    assert result.exit_code == 0, result.stderr
    assert _controls(result.stdout) == []
    # The name breaks the one event schema, so the line is refused at the boundary: never shown as a learner...
    assert "pwned" not in result.stdout
    synced = run(*home, "sync")
    # ...and the refusal names the line with its escape sequences stripped and its markup printed, not applied.
    assert _controls(synced.stdout + synced.stderr) == []
    assert "skipped events/eve@pc.jsonl:1" in synced.stdout + synced.stderr
    assert "[bold]]0;pwned[2J[31meve[/]" in synced.stdout + synced.stderr


def test_practice_prints_a_hostile_commit_message_inert(run: Run, tmp_path: Path) -> None:
    repo = tmp_path / "code"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    _git(repo, "commit", "-q", "--allow-empty", "-m", f"[bold]{HOSTILE.replace(chr(0), '')}")
    for args in (["practice", "link", "3.2.4", str(repo)], ["practice"], ["show", "3.2.4"]):
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        assert _controls(result.stdout) == [] and "[bold]]0;pwned" in result.stdout, args


def _roadmap(tmp_path: Path, title: str) -> Path:
    text = MINI.read_text(encoding="utf-8").replace("{zh: 第一节, en: Section one}", f'{{zh: 第一节, en: "{title}"}}')
    path = tmp_path / "titled.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_markup_in_a_title_prints_literally(run: Run, tmp_path: Path) -> None:
    roadmap = _roadmap(tmp_path, "[red]Section[/red] one [/]")
    for args in (["list", "1"], ["show", "1.1"], ["next", "--in", "1.1"]):
        result = run("--curriculum", str(roadmap), "--lang", "en", *args)
        assert result.exit_code == 0, result.stderr
        assert "[red]Section[/red] one [/]" in result.stdout


@pytest.mark.parametrize("escaped", ["\\e]0;pwned\\a", "\\x1b[2J", "a\\0b", "\\u202eevil", "\\x9b31m"])
def test_validate_refuses_control_characters_in_titles(run: Run, tmp_path: Path, escaped: str) -> None:
    roadmap = _roadmap(tmp_path, f"Section {escaped}")
    line = next(n for n, text in enumerate(roadmap.read_text(encoding="utf-8").splitlines(), 1) if "Section " in text)
    result = run("curriculum", "validate", str(roadmap))
    assert result.exit_code == 2
    problem = result.stderr.splitlines()[1]
    assert problem.startswith(f"{roadmap}:{line}:") and "control characters are not allowed" in problem
    assert _controls(result.stderr) == []
    assert run("--curriculum", str(roadmap), "status").exit_code == 2  # never loaded either


def test_a_raw_control_character_is_reported_at_its_line(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "raw.yaml"
    lines = MINI.read_text(encoding="utf-8").splitlines()
    lines[20] = lines[20] + " # \x1b[2J"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("curriculum", "validate", str(path))
    assert result.exit_code == 2
    assert f"{path}:21:" in result.stderr and "U+001B" in result.stderr and _controls(result.stderr) == []


def test_a_value_that_does_not_construct_is_reported_at_its_line(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "date.yaml"
    path.write_text(MINI.read_text(encoding="utf-8").replace("year: 2017", "year: 2024-99-99"), encoding="utf-8")
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "2024-99-99" in text)
    result = run("curriculum", "validate", str(path))
    assert result.exit_code == 2 and f"{path}:{line}:" in result.stderr


def test_a_byte_that_is_not_utf8_is_reported_at_its_line(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(MINI.read_bytes().replace("{zh: 第一节, en: Section one}".encode(), b"{zh: x, en: Secci\xf3n}"))
    line = next(n for n, text in enumerate(path.read_bytes().splitlines(), 1) if b"Secci" in text)
    result = run("curriculum", "validate", str(path))
    assert result.exit_code == 2 and f"{path}:{line}:" in result.stderr and "not UTF-8" in result.stderr


def test_errors_quoting_input_and_notes_shown_are_inert(run: Run) -> None:
    result = run("show", f"9{HOSTILE}")
    assert result.exit_code == 2 and _controls(result.stderr) == [] and "no item" in result.stderr
    assert run("note", "1.1.1", "-m", f"see {HOSTILE}").exit_code == 0
    for args in (["notes"], ["show", "1.1.1"]):
        shown = run(*args)
        assert shown.exit_code == 0 and _controls(shown.stdout) == [] and "see " in shown.stdout
    assert HOSTILE in run("notes", "1.1.1").stdout  # piped, the note is exactly as written


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_an_empty_paragraph_is_refused(run: Run, text: str) -> None:
    result = run("note", "1.1.1", "-m", text)
    assert result.exit_code == 2
    assert result.stderr == "error: nothing to add to the note of 1.1.1: -m needs some text\n"
    assert run("notes").stdout.strip() == "No notes yet." or "1.1.1" not in run("notes").stdout


def _on_a_terminal(home: Path, *args: str) -> bytes:
    """What a command writes to stdout when stdout is a terminal (a pseudo-terminal here)."""
    import os
    import pty
    import sys

    leader, follower = pty.openpty()
    env = {**os.environ, "LLMLANDING_HOME": str(home)}
    proc = subprocess.Popen([sys.executable, "-m", "llmlanding", *args], env=env, stdout=follower)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    assert proc.wait(timeout=60) == 0
    return out


def test_raw_text_written_to_a_terminal_is_inert(run: Run, isolated_env: Path) -> None:
    assert run("note", "1.1.1", "-m", f"see {HOSTILE}").exit_code == 0
    for args in (["notes", "1.1.1"], ["export", "report", "-o", "-"], ["export", "json", "-o", "-"]):
        shown = _on_a_terminal(isolated_env, *args).decode("utf-8")
        assert "see " in shown and _controls(shown.replace("\r", "")) == [], args
