"""One source of truth between the two ways a command line is answered: the fast path's table is generated
from the typer tree and is fresh; on generated command lines the fast path either leaves the line to typer or
says exactly what typer says, with the same exit code; and completion offers what typer's completion offers."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from llmlanding.cli import complete, fast, tablegen
from llmlanding.cli.app import app

TABLE = fast.load_table()
# Commands the generated lines may run: everything that neither waits for a person (`note` without -m opens
# an editor) or a program (`mcp` serves a client on stdin), nor reaches outside the home (`sync` runs git), nor
# prints the clock (`export json` stamps the second it ran).
SAFE = sorted(key for key in TABLE if key and key.split()[0] not in ("sync", "note", "mcp") and key != "export json")
VALUES = ["3", "0", "1", "2", "²", "-1", "=3", "", "abc", "3.2", "3.2.1", "99.9", "1.1.1", "0.1", "quickstart"]
VALUES += ["book", "theory", "code", "attention", "lora", "-", "--", "--json", "--help", "-x", "out.md", "zh"]
ROOTS = [[], ["--lang", "en"], ["--lang=zh"], ["--lang", "fr"], ["--lang"], ["--bogus"], ["--version"], ["--help"]]


def test_the_table_is_generated_from_the_typer_tree() -> None:
    assert (Path(fast.__file__).with_name("table.py")).read_text(encoding="utf-8") == tablegen.render(), (
        "llmlanding/cli/table.py is stale: python -m llmlanding.cli.tablegen"
    )


def _words(key: str) -> st.SearchStrategy[list[str]]:
    entry = TABLE[key]
    flags = [flag for option in entry["options"] for flag in option["opts"]]
    token = st.sampled_from(VALUES) | st.sampled_from(flags or ["--json"])
    joined = st.builds(
        lambda f, v: f"{f}={v}" if f.startswith("--") else f + v,
        st.sampled_from(flags or ["-n"]),
        st.sampled_from(VALUES),
    )
    return st.lists(token | joined, max_size=4).map(lambda rest: [*key.split(), *rest])


def command_lines() -> st.SearchStrategy[list[str]]:
    body = st.sampled_from(SAFE).flatmap(_words) | st.lists(st.sampled_from(VALUES), max_size=2)
    return st.builds(lambda root, rest: [*root, *rest], st.sampled_from(ROOTS), body)


@contextlib.contextmanager
def _captured() -> Iterator[tuple[io.StringIO, io.StringIO]]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield out, err


@pytest.fixture
def homes(isolated_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    runner = CliRunner()
    for args in (["done", "3.2", "1.1.1"], ["start", "4.1"], ["note", "3.1", "-m", "attention, then LoRA"]):
        assert runner.invoke(app, args).exit_code == 0
    pristine = tmp_path / "pristine"
    shutil.copytree(isolated_env, pristine)
    work = tmp_path / "work"
    monkeypatch.delenv("DISPLAY", raising=False)  # `open` prints the address and opens nothing
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.chdir(tmp_path)
    return isolated_env, pristine, work


def _fresh(home: Path, pristine: Path, work: Path) -> None:
    """The same home and an empty working folder, so both paths start from the very same state."""
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(pristine, home)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    os.chdir(work)


@settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(argv=command_lines())
def test_the_fast_path_says_what_typer_says(homes: tuple[Path, Path, Path], argv: list[str]) -> None:
    home, pristine, work = homes
    _fresh(home, pristine, work)
    with _captured() as (out, err):
        code = fast.run(list(argv))
    _fresh(home, pristine, work)
    slow = CliRunner().invoke(app, argv)
    event("left to typer" if code is None else f"answered, exit {code}")
    if code is None:  # left to typer: only what typer itself refuses, or its help
        assert slow.exit_code == 2 or "--help" in argv, (argv, slow.exit_code, slow.stderr)
        assert "Traceback" not in slow.stderr
        return
    # CliRunner reads its output back with universal newlines, so the CRLF lines iCalendar requires come out of
    # it as LF; the fast path's capture keeps them as written.
    fast_out = out.getvalue().replace("\r\n", "\n")
    assert (code, fast_out, err.getvalue()) == (slow.exit_code, slow.stdout, slow.stderr), argv


COMPLETION_WORDS = ["", "3", "3.", "3.2", "-", "--", "--j", "--in", "--path", "--phase", "-n", "--lang", "z", "s"]


def completion_lines() -> st.SearchStrategy[list[str]]:
    keys = st.sampled_from(sorted(TABLE))
    prefix = keys.flatmap(_words)
    return st.builds(
        lambda root, rest, last: [*root, *rest, last],
        st.sampled_from(ROOTS[:3]),
        prefix,
        st.sampled_from(COMPLETION_WORDS),
    )


@settings(
    max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=completion_lines())
def test_completion_offers_what_typer_offers(homes: tuple[Path, Path, Path], words: list[str]) -> None:
    *args, incomplete = words
    line = " ".join(["llmlanding", *args, incomplete])
    cword = str(len(args) + 1)
    env = {"_LLMLANDING_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": cword}
    ours = complete.answer({**os.environ, **env})
    event("something offered" if ours and ours[0] else "nothing offered")
    assert ours is not None
    theirs = CliRunner().invoke(app, [], env=env, prog_name="llmlanding").stdout
    assert ours[0].split("\n") == theirs.rstrip("\n").split("\n"), line
