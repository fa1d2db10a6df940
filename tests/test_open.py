"""`open` on any item, with $BROWSER wherever it is set, and errors that say what the item has."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from helpers import Run


@pytest.fixture
def browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$BROWSER as a script that notes each address it is given; no display, as over SSH."""
    opened = tmp_path / "opened.txt"
    script = tmp_path / "browser.py"
    script.write_text(f"import sys\nopen({str(opened)!r}, 'a').write(sys.argv[1] + '\\n')\n", encoding="utf-8")
    monkeypatch.setenv("BROWSER", f"{sys.executable} {script}")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    return opened


def test_browser_is_honoured_without_a_display(run: Run, browser: Path) -> None:
    result = run("open", "3.1.1")
    assert result.exit_code == 0 and result.stdout == "https://arxiv.org/abs/1706.03762\n"
    assert browser.read_text() == "https://arxiv.org/abs/1706.03762\n"


def test_browser_with_a_placeholder_and_a_fallback(
    run: Run, browser: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "browser.py"
    monkeypatch.setenv("BROWSER", f"no-such-browser-here:{sys.executable} {script} %s")
    assert run("open", "3.2", "--link", "2").exit_code == 0
    assert browser.read_text().count("\n") == 1


def test_a_chapter_opens_its_first_link(run: Run, browser: Path) -> None:
    result = run("open", "3")
    assert result.exit_code == 0 and result.stdout == "http://jalammar.github.io/illustrated-transformer/\n"
    assert run("open", "3", "--paper", "1").stdout == "https://arxiv.org/abs/1706.03762\n"
    assert browser.read_text().splitlines() == [
        "http://jalammar.github.io/illustrated-transformer/",
        "https://arxiv.org/abs/1706.03762",
    ]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["3.1.2", "--paper", "1"], "3.1.2 has no papers; it has 2 links: llmlanding open 3.1.2 --link N"),
        (["3.1.1", "--link", "1"], "3.1.1 has no links; it has 1 paper: llmlanding open 3.1.1 --paper N"),
        (["3.1.1", "--paper", "2"], "3.1.1 has one paper: --paper 1"),
        (["3.2", "--paper", "9"], "3.2 has 4 papers; --paper takes 1 to 4"),
        (["6.1"], "6.1 has no links or papers to open"),
    ],
)
def test_errors_say_what_the_item_has(run: Run, browser: Path, args: list[str], says: str) -> None:
    result = run("open", *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"error: {says}\n"
    assert not browser.exists()


def test_a_browser_that_cannot_run_is_one_line(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER", "no-such-browser-here")
    result = run("open", "3.1.1")
    assert result.exit_code == 1 and result.stdout == "https://arxiv.org/abs/1706.03762\n"
    assert (
        result.stderr
        == "error: $BROWSER is 'no-such-browser-here', which could not be run; the address is printed above\n"
    )


def test_a_chapter_at_a_terminal_lists_its_links_to_choose_from(
    run: Run, browser: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from llmlanding.cli.handlers import finding

    monkeypatch.setattr(finding, "on_terminal", lambda: True)
    chosen = run("--lang", "en", "open", "3", input="2\n")
    assert chosen.exit_code == 0
    lines = chosen.stdout.splitlines()
    assert lines[0] == "  1. 图解Transformer  http://jalammar.github.io/illustrated-transformer/"
    assert lines[-1].endswith("https://www.cnblogs.com/justLittleStar/p/17322172.html")
    assert "Open which (1-" in lines[-1]
    assert browser.read_text() == "https://www.cnblogs.com/justLittleStar/p/17322172.html\n"
    first = run("--lang", "en", "open", "3", input="\n")
    assert first.stdout.endswith("http://jalammar.github.io/illustrated-transformer/\n")
    wrong = run("--lang", "en", "open", "3", input="999\n")
    assert wrong.exit_code == 2 and wrong.stderr.startswith("error: 3 has ")
    assert browser.read_text().count("\n") == 2
