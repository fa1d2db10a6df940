"""`llmlanding study`, driven as a learner would: keys pressed in Textual's Pilot on the headless app, and once as a
real process in a pseudo-terminal. What each key did is checked through the commands (`show --json`, `log`),
not through the app's own state."""

from __future__ import annotations

import asyncio
import html
import os
import re
import select
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import DATA, Run, js
from textual import events

from llmlanding.cli.env import Env
from llmlanding.cli.handlers.study import make_app
from llmlanding.study.app import StudyApp, StudyScreen, StudyTree

NOW = "2026-03-02T09:00:00+00:00"
SNAPSHOTS = {80: DATA / "study-80x24.svg", 60: DATA / "study-60x24.svg"}
REGENERATE = "LLMLANDING_REGENERATE_SNAPSHOTS"  # set to 1 to write the stored screens anew


@pytest.fixture(autouse=True)
def fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLMLANDING_NOW", NOW)
    monkeypatch.setenv("LLMLANDING_LANG", "en")


Pilot = Any  # textual.pilot.Pilot[None]; the test's steps take it as it comes


def drive(
    steps: Callable[[StudyApp, Pilot], Awaitable[None]], size: tuple[int, int] = (80, 24), env: Env | None = None
) -> StudyApp:
    """Run the app headless at `size` on this test's home (or `env`'s run) and take it through `steps`."""
    app = make_app(env or Env.resolve())

    async def session() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await steps(app, pilot)

    asyncio.run(session())
    return app


def screen(app: StudyApp) -> StudyScreen:
    found = next(s for s in app.screen_stack if isinstance(s, StudyScreen))
    return found


def text_of(app: StudyApp, widget: str) -> str:
    """What one of the screen's lines shows, as plain text."""
    from rich.console import Console
    from textual.widgets import Static

    console = Console(width=200, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(screen(app).query_one(widget, Static).content)
    return console.export_text()


def said(app: StudyApp) -> str:
    """The message line: what the last key did."""
    return text_of(app, "#said")


def phases(run: Run, item_id: str) -> dict[str, Any]:
    data = js(run, "show", item_id)
    return {"status": data["status"], **data["phases"]}


def test_move_fold_tick_skip_and_undo(run: Run) -> None:
    async def steps(app: StudyApp, pilot: Pilot) -> None:
        study = screen(app)
        assert study.selected == "1.1.1"  # a fresh home opens on next's topic
        await pilot.press("t", "p")
        await pilot.press("t")  # theory toggled off again
        await pilot.press("j")
        assert study.selected == "1.1.2"
        await pilot.press("s", "d")
        await pilot.press("j", "x")
        assert study.selected == "1.1.3"
        await pilot.press("h")  # on a topic: up to its section; then fold it
        assert study.selected == "1.1"
        await pilot.press("h", "j")
        assert study.selected == "1.2"
        await pilot.press("k", "l", "j")  # unfold 1.1 again and step into it
        assert study.selected == "1.1.1"
        await pilot.press("n")  # the next topic: 1.1.1 is in progress
        assert study.selected == "1.1.1"
        await pilot.press("g", *"1.1.3", "enter", "u")  # jump, and undo the skip
        assert study.selected == "1.1.3"
        assert "Undid `skip 1.1.3`" in said(app)

    drive(steps)
    assert phases(run, "1.1.1") == {"status": "doing", "theory": False, "practice": True, "summary": False}
    assert phases(run, "1.1.2")["status"] == "done"
    assert phases(run, "1.1.3")["status"] == "todo"
    commands = [batch["command"] for batch in js(run, "log")]
    # each key one batch, through the commands' own functions: the log reads as if typed
    assert commands[:3] == ["undo skip 1.1.3", "skip 1.1.3", "done 1.1.2"]
    assert commands[-3:] == ["reset 1.1.1 --phase theory", "done 1.1.1 --phase practice", "done 1.1.1 --phase theory"]


def test_note_open_read_search_goto_and_a_bad_id(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("BROWSER", raising=False)

    def browser(url: str, *args: object, **kwargs: object) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr("webbrowser.open", browser)

    async def steps(app: StudyApp, pilot: Pilot) -> None:
        study = screen(app)
        await pilot.press("g", *"1.1.3", "enter")
        await pilot.press("e", *"# Mixtral", "enter", *"eight experts, two a token", "ctrl+s")
        await pilot.press("enter", "down")  # into the papers and links; the second paper
        await pilot.press("r", "o")
        await pilot.press("down", "r")  # the link: no read mark to give
        assert "a link has no read mark" in said(app)
        await pilot.press("escape", "o")  # back in the tree: `open 1.1.3` opens its first link
        await pilot.press("slash", *"lora", "enter")
        assert study.selected == js(run, "search", "lora")[0]["id"]
        await pilot.press("g", *"9.9.9", "enter")
        assert "unknown" in said(app).lower() or "9.9.9" in said(app)
        await pilot.press("e", *"never saved", "escape")
        await pilot.press("E")  # the headless screen cannot hand the terminal to an editor: one line says so
        assert "e edits here" in said(app)

    drive(steps)
    item = js(run, "show", "1.1.3")
    assert item["note"] == "# Mixtral\neight experts, two a token"
    papers = item["papers"]
    assert item["unread_papers"] == [1]
    links = item["links"]
    assert opened == [papers[1]["url"], links[0]["url"]]  # the browser was replaced: nothing launched


def test_resume_where_left_and_see_a_change_from_another_process(run: Run) -> None:
    async def leave(app: StudyApp, pilot: Pilot) -> None:
        await pilot.press("g", *"4.1.2", "enter", "q")

    drive(leave)

    async def come_back(app: StudyApp, pilot: Pilot) -> None:
        study = screen(app)
        assert study.selected == "4.1.2"
        assert "○ 4.1.2   0%" in str(study.nodes["4.1.2"].label)
        done = subprocess.run(
            [sys.executable, "-m", "llmlanding", "done", "4.1.2"], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        app.post_message(events.AppFocus())
        await pilot.pause()
        assert "● 4.1.2 100%" in str(study.nodes["4.1.2"].label)
        assert "elsewhere" in said(app)
        assert run("path", "quickstart").exit_code == 0  # another path: the tree takes its order
        app.post_message(events.AppFocus())
        await pilot.pause()
        tree = study.query_one(StudyTree)
        assert [node.data for node in tree.root.children][:3] == ["1", "5.2", "5.3"]
        assert study.selected == "4.1.2"
        await pilot.press("g", *"4.2.1", "enter")
        study.poll()  # what the timer does every two seconds: the place is kept without `q`
        app.exit()

    drive(come_back)

    async def once_more(app: StudyApp, pilot: Pilot) -> None:
        assert screen(app).selected == "4.2.1"

    drive(once_more)


def test_review_due_topics_and_papers_in_the_app(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("done", "2.1.1").exit_code == 0
    assert run("read", "1.1.2", "--paper", "1", "--review").exit_code == 0
    monkeypatch.setenv("LLMLANDING_NOW", "2026-03-20T09:00:00+00:00")  # their first interval has passed
    assert len(js(run, "review", "--list")["due"]) == 2

    async def steps(app: StudyApp, pilot: Pilot) -> None:
        assert "2 reviews due" in text_of(app, "#bar")
        await pilot.press("R", "3")  # no rating before the note is shown
        await pilot.press("space", "3", "space", "e")
        await pilot.pause()
        assert "reviews due" not in text_of(app, "#bar")

    drive(steps)
    assert not js(run, "review", "--list")["due"]
    commands = {batch["command"] for batch in js(run, "log")[:2]}
    assert commands == {"review 2.1.1 --rating good", "review 1.1.2 --paper 1 --rating easy"} or commands == {
        "review 2.1.1 --rating easy",
        "review 1.1.2 --paper 1 --rating good",
    }


def test_another_roadmap_is_studied_and_named(run: Run, mini: Path) -> None:
    """--curriculum (the active roadmap) is honoured, and once the home knows two roadmaps the screen names the
    run's, as every command's first line does. Markup in the roadmap's text shows as written."""
    text = mini.read_text(encoding="utf-8")
    mini.write_text(text.replace("en: Book order}", 'en: "[red]Book[/red] order [/]"}'), encoding="utf-8")
    assert run("next").exit_code == 0  # the bundled roadmap in use first
    assert run("curriculum", "add", str(mini)).exit_code == 0

    async def steps(app: StudyApp, pilot: Pilot) -> None:
        study = screen(app)
        tree = study.query_one(StudyTree)
        assert str(tree.border_subtitle) == "Roadmap mini"
        shown = html.unescape(app.export_screenshot()).replace("\xa0", " ")
        assert "Path: [red]Book[/red] order" in shown  # the roadmap's text as written, never markup
        assert [node.data for node in tree.root.children] == ["1", "2", "0"]  # mini's chapters, not the bundled 16
        await pilot.press("n", "d")

    drive(steps, env=Env.resolve(curriculum=str(mini)))
    assert js(run, "--curriculum", str(mini), "show", "1.1.1")["status"] == "done"
    assert js(run, "show", "1.1.1")["status"] == "todo"  # the bundled roadmap's store is untouched


@pytest.mark.parametrize("width", sorted(SNAPSHOTS))
def test_the_screen_as_stored(run: Run, width: int) -> None:
    """The main screen at 80x24, and at 60 columns with the item under the tree. Regenerate with
    LLMLANDING_REGENERATE_SNAPSHOTS=1 after a deliberate change, and look at the pictures."""
    assert run("done", "1.1.1").exit_code == 0
    assert run("done", "1.1.2", "--phase", "theory").exit_code == 0
    shots: list[str] = []

    async def steps(app: StudyApp, pilot: Pilot) -> None:
        await pilot.press("j")
        shots.append(app.export_screenshot(title="llmlanding study"))

    drive(steps, size=(width, 24))
    shown = html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", shots[0]))).replace("\xa0", " ")
    assert "? all keys · q quit" in shown  # how to leave stays on the bar, however narrow: the tally gives way
    stored = SNAPSHOTS[width]
    if os.environ.get(REGENERATE) == "1":
        stored.write_text(shots[0], encoding="utf-8")
    assert shots[0] == stored.read_text(encoding="utf-8"), f"the screen changed; {REGENERATE}=1 writes it anew"


def test_a_real_terminal(run: Run, tmp_path: Path) -> None:
    """`llmlanding study` in a pseudo-terminal: n, t, q, then `show --json` finds the theory phase stored; and E
    hands the terminal to $EDITOR and takes it back."""
    import pty
    import struct
    import termios
    from fcntl import ioctl

    main, child = pty.openpty()
    ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    editor = tmp_path / "editor.sh"
    editor.write_text("#!/bin/sh\nprintf 'written outside\\n' >> \"$1\"\n", encoding="utf-8")
    editor.chmod(0o755)
    env = {**os.environ, "TERM": "xterm-256color", "EDITOR": str(editor)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "llmlanding", "study"], stdin=child, stdout=child, stderr=child, env=env, close_fds=True
    )
    os.close(child)
    seen = b""

    def read_until(marker: bytes, limit: float = 30.0) -> None:
        nonlocal seen
        end = time.monotonic() + limit
        while marker not in seen and time.monotonic() < end:
            ready, _, _ = select.select([main], [], [], 0.2)
            if ready:
                try:
                    seen += os.read(main, 65536)
                except OSError:
                    break
        assert marker in seen, seen[-2000:]

    try:
        read_until(b"quit")  # the bottom bar is drawn: the app takes keys
        for key in (b"n", b"t"):
            os.write(main, key)
        read_until(b"theory done")
        os.write(main, b"E")
        read_until(b"written outside")  # the note, back on the screen after the editor
        os.write(main, b"q")
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)
    assert proc.returncode == 0
    assert phases(run, "1.1.1")["theory"] is True
    assert js(run, "show", "1.1.1")["note"] == "written outside\n"


def test_v_reads_the_selected_paper_into_review(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """`v` in the papers of an item is `read ID --paper N --review`: read, and due in two days; `v` again on a
    paper in review changes nothing and never unreads it."""

    async def steps(app: StudyApp, pilot: Pilot) -> None:
        await pilot.press("g", *"1.1.3", "enter")
        await pilot.press("enter", "down", "v")  # the second paper
        assert "in spaced review: first due in 2 days" in said(app)
        await pilot.press("v")
        assert "spaced review" not in said(app)

    drive(steps)
    assert js(run, "show", "1.1.3")["unread_papers"] == [1]
    assert js(run, "review", "--list")["due"] == []  # not due today
    monkeypatch.setenv("LLMLANDING_NOW", "2026-03-20T09:00:00+00:00")
    due = js(run, "review", "--list")["due"]
    paper = js(run, "show", "1.1.3")["papers"][1]
    assert [(card["id"], (card["paper"] or {}).get("title")) for card in due] == [("1.1.3", paper["title"])]
