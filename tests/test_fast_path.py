"""Every well-formed command line is answered without typer, and says exactly what typer says; the everyday
commands and completion import nothing heavy; Ctrl-C is one line and exit 130."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmlanding.cli import complete, fast
from llmlanding.cli.app import app

# textual too: only `study` may load it (tests/test_study.py runs that one); mcp only `llmlanding mcp`
HEAVY = ("typer", "click", "sqlmodel", "sqlalchemy", "yaml", "pydantic", "git", "fsrs", "textual", "mcp", "mcp_types")
NOT_ON_READS = ("sqlmodel", "sqlalchemy")

PROBE = """
import os, sys
from llmlanding.entry import main
try:
    main()
except SystemExit as exc:
    code = exc.code
heavy = sorted({m.split('.')[0] for m in sys.modules} & set(os.environ['HEAVY'].split(',')))
sys.stderr.write('HEAVY=' + ','.join(heavy) + '\\n')
"""


def _probe(args: list[str], home: Path, **env: str) -> tuple[str, str]:
    full = {**os.environ, "LLMLANDING_HOME": str(home), "HEAVY": ",".join(HEAVY), **env}
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=full, check=False)
    heavy = [line for line in result.stderr.splitlines() if line.startswith("HEAVY=")]
    return result.stdout, heavy[-1].removeprefix("HEAVY=")


def _typer(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def ready(isolated_env: Path) -> Path:
    for args in (["done", "3.2", "1.1.1"], ["start", "4.1"], ["note", "3.1", "-m", "attention, then more"]):
        assert _typer(*args)[0] == 0
    return isolated_env


@pytest.mark.parametrize(
    "args",
    [
        ["next"],
        ["status"],
        [],
        ["next", "--json"],
        ["--lang", "zh", "next", "-n", "3", "--in", "4"],
        ["list"],
        ["list", "3"],
        ["show", "3.2"],
        ["log"],
        ["search", "attention"],
        ["notes"],
        ["notes", "--json"],
        ["path"],
        ["export", "report", "-o", "-"],
        ["export", "json", "-o", "-"],
        ["--version"],
    ],
)
def test_everyday_reads_import_nothing_heavy(ready: Path, args: list[str]) -> None:
    stdout, heavy = _probe(args, ready)
    assert stdout
    assert heavy == ""


@pytest.mark.parametrize(
    "args",
    [["done", "3.3"], ["reset", "3.3"], ["start", "2.1"], ["note", "1.1.1", "-m", "x"], ["undo"], ["path", "book"]],
)
def test_everyday_writes_import_no_typer_or_orm(ready: Path, args: list[str]) -> None:
    stdout, heavy = _probe(args, ready)
    assert stdout
    # fsrs too: a topic enters review on its first interval, known without the scheduler (`domain.review`)
    assert not set(heavy.split(",")) & {"typer", "click", "fsrs", "textual", "mcp", *NOT_ON_READS}, heavy


@pytest.mark.parametrize("args", [["--help"], ["check"], ["export", "json", "-o", "-"], ["study"]])
def test_only_study_loads_textual(ready: Path, args: list[str]) -> None:
    """The typer tree whole (`--help`), commands typer runs, and `study` itself away from a terminal (refused
    before the app is built): none loads textual."""
    _stdout, heavy = _probe(args, ready)
    assert "textual" not in heavy.split(","), (args, heavy)


def test_a_fresh_home_is_answered_without_typer(isolated_env: Path) -> None:
    stdout, heavy = _probe(["next"], isolated_env)
    assert "1.1.1" in stdout
    assert "typer" not in heavy  # the database was made and the roadmap read, but typer was not needed
    assert (isolated_env / "llmlanding.db").is_file()


def test_version_needs_no_store(isolated_env: Path) -> None:
    stdout, heavy = _probe(["--version"], isolated_env)
    assert stdout.startswith("llmlanding ")
    assert heavy == ""
    assert not isolated_env.exists()  # nothing created just to say the version


def _fast(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int | None, str, str]:
    code = fast.run(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(
    "args",
    [
        ["next"],
        ["next", "--json"],
        ["next", "-n", "4"],
        ["next", "-n4", "--json"],
        ["next", "--count=2"],
        ["next", "--in", "0"],
        ["next", "--path", "quickstart", "--json"],
        ["status"],
        ["status", "--json"],
        [],
        ["--lang", "zh", "next"],
        ["--lang=zh", "status"],
        ["list", "--depth", "1"],
        ["list", "3", "--json"],
        ["show", "--json", "3.2"],
        ["log", "-n", "2"],
        ["log", "3.2", "--json"],
        ["search", "lora", "--json"],
        ["notes", "3.1"],
        ["open", "3.2.1", "--paper", "1"],
        ["path"],
        ["export", "report", "--in", "3"],
        ["--version"],
        ["--version", "next"],
    ],
)
def test_fast_path_says_what_typer_says(ready: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _fast(args, capsys)
    assert code == 0
    assert (code, out, err) == _typer(*args)
    assert out.strip()


@pytest.mark.parametrize(
    "args", [["done", "3.3"], ["done", "--phase", "theory", "3.3"], ["reset", "3.2"], ["skip", "0"]]
)
def test_writes_say_what_typer_says(
    ready: Path, tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    pristine = tmp_path / "pristine"
    shutil.copytree(ready, pristine)
    quick = _fast(args, capsys)
    shutil.rmtree(ready)
    shutil.copytree(pristine, ready)
    assert quick == (0, *_typer(*args)[1:]) and _typer("undo")[0] == 0


@pytest.mark.parametrize(
    "args",
    [["next", "--path", "nowhere"], ["next", "--in", "99.9"], ["next", "--path", "nowhere", "--json"], ["show", "99"]],
)
def test_fast_path_errors_match_typer(ready: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _fast(args, capsys)
    assert (code, out, err) == _typer(*args)
    assert code == 2 and out == "" and err.startswith("error: ")


@pytest.mark.parametrize(
    "args",
    [
        ["next", "--help"],
        ["next", "-n", "0"],
        ["next", "-n", "²"],  # a digit to str.isdigit, not to typer: once a traceback on the fast path
        ["next", "-n=3"],  # the value '=3' to typer, which refuses it
        ["next", "--bogus"],
        ["status", "-n", "2"],
        ["--json", "=x"],
        ["show"],
        ["show", "3.2", "3.3"],
        ["done"],
        ["done", "--phase", "cod", "3.2"],
        ["export"],
        ["bogus"],
        ["--lang"],
        ["--install-completion"],
    ],
)
def test_what_typer_refuses_falls_through(ready: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert fast.run(args) is None
    code, _out, err = _typer(*args)
    if "--help" not in args and "--install-completion" not in args:
        assert code == 2 and "Traceback" not in err


def test_a_changed_roadmap_is_reimported_on_the_fast_path(
    ready: Path, mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _fast(["--curriculum", str(mini), "next"], capsys)
    assert code == 0
    assert (code, out) == _typer("--curriculum", str(mini), "next")[:2]


def test_ctrl_c_is_one_line_and_130(isolated_env: Path, tmp_path: Path) -> None:
    editor = tmp_path / "slow-editor.py"
    # The editor, in the same process group, gets the Ctrl-C too; it leaves quietly, as editors do.
    editor.write_text(
        "import signal, sys, time\nsignal.signal(signal.SIGINT, lambda *_: sys.exit(1))\ntime.sleep(60)\n",
        encoding="utf-8",
    )
    env = {**os.environ, "LLMLANDING_HOME": str(isolated_env), "VISUAL": f"{sys.executable} {editor}"}
    assert subprocess.run([sys.executable, "-m", "llmlanding", "done", "1.1.1"], env=env, check=False).returncode == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "llmlanding", "note", "1.1.1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    time.sleep(2.0)  # in the editor by now
    os.killpg(proc.pid, signal.SIGINT)  # as the terminal sends Ctrl-C to the whole foreground group
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "Traceback" not in err
    assert err.strip() == "interrupted"


def test_ctrl_c_outside_a_handler_is_said_in_the_runs_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C that lands outside a command's handler (between modules loading and the command, or after it) is
    caught by the entry point: one line in the run's language once that is known, exit 130."""
    from llmlanding import entry
    from llmlanding.cli import output

    def interrupted_run(argv: list[str]) -> int:
        output.use_language("zh")  # the run's language, as Env.resolve sets it
        raise KeyboardInterrupt

    monkeypatch.setattr(entry, "run", interrupted_run)
    monkeypatch.setattr(sys, "argv", ["python -m llmlanding", "next"])
    try:
        with pytest.raises(SystemExit) as stopped:
            entry.main()
    finally:
        output.use_language("en")
    assert stopped.value.code == 130
    assert capsys.readouterr().err == "\n已中断\n"


SHELLS = {
    "zsh": {"_TYPER_COMPLETE_ARGS": "llmlanding done 3."},
    "fish": {"_TYPER_COMPLETE_ARGS": "llmlanding done 3.", "_TYPER_COMPLETE_FISH_ACTION": "get-args"},
    "bash": {"COMP_WORDS": "llmlanding done 3.", "COMP_CWORD": "2"},
    "powershell": {"_TYPER_COMPLETE_ARGS": "llmlanding done 3.", "_TYPER_COMPLETE_WORD_TO_COMPLETE": "3."},
}


def _typer_complete(env: dict[str, str]) -> str:
    return CliRunner().invoke(app, [], env=env, prog_name="llmlanding").stdout


@pytest.mark.parametrize("shell", sorted(SHELLS))
def test_completion_offers_the_sections_of_a_chapter_like_typer(ready: Path, shell: str) -> None:
    env = {**SHELLS[shell], "_LLMLANDING_COMPLETE": f"complete_{shell}", "LLMLANDING_LANG": "en"}
    answered = complete.answer({**os.environ, **env})
    assert answered is not None
    text, code = answered
    assert code == 0
    for item_id in ("3.1", "3.2", "3.3", "3.4", "3.5"):
        assert item_id in text
    assert "3.2.1" not in text and "4.1" not in text
    assert _typer_complete(env).strip() == text.strip()


def test_completion_imports_nothing_heavy(ready: Path) -> None:
    for line, cword in (("llmlanding done 3.", "2"), ("llmlanding ", "1"), ("llmlanding next --", "2")):
        stdout, heavy = _probe([], ready, _LLMLANDING_COMPLETE="complete_bash", COMP_WORDS=line, COMP_CWORD=cword)
        assert stdout.strip()
        assert heavy == ""


def _fish(line: str) -> list[str]:
    env = {
        **os.environ,
        "_LLMLANDING_COMPLETE": "complete_fish",
        "_TYPER_COMPLETE_ARGS": line,
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
    }
    answered = complete.answer(env)
    assert answered is not None
    return [row.split("\t")[0] for row in answered[0].splitlines()]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "llmlanding show ",
            ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16"],
        ),
        ("llmlanding show 3.2.1", ["3.2.1", "3.2.10", "3.2.11"]),
        ("llmlanding show 3.2 ", []),  # show takes one id
        ("llmlanding next --in 6.", ["6.1", "6.2"]),
        ("llmlanding --lang zh reset 1", ["1", "10", "11", "12", "13", "14", "15", "16"]),
        ("llmlanding sh", ["show"]),
        ("llmlanding done --ph", ["--phase"]),
        (
            "llmlanding done --phase ",
            ["theory", "read", "practice", "code", "summary", "write", "原理学习", "代码实践", "输出总结"],
        ),
        ("llmlanding --lang ", ["zh", "en"]),
        ("llmlanding next --path ", ["book", "quickstart", "deep"]),
        ("llmlanding path ", ["book", "quickstart", "deep"]),
        ("llmlanding export ", ["report", "notes", "calendar", "json", "bibtex"]),
        ("llmlanding next --json --", ["--count", "--in", "--path", "--help"]),
        ("llmlanding --show-completion ne", ["next"]),  # typer's own options take no value
    ],
)
def test_completion_words(ready: Path, line: str, expected: list[str]) -> None:
    assert _fish(line) == expected


def test_completion_never_writes_and_honours_home_and_lang(
    ready: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "nowhere"
    env = {**os.environ, "_LLMLANDING_COMPLETE": "complete_bash", "COMP_WORDS": "llmlanding done ", "COMP_CWORD": "2"}
    first = complete.answer(env)
    assert first is not None and first[0].split()[:2] == ["0", "1"]
    monkeypatch.setenv("LLMLANDING_HOME", str(elsewhere))
    assert complete.answer(env) == ("", 0)
    assert not elsewhere.exists()
    monkeypatch.setenv("LLMLANDING_HOME", str(ready))
    line = f"llmlanding --home {elsewhere} done "
    assert complete.answer({**env, "COMP_WORDS": line, "COMP_CWORD": "4"}) == ("", 0)
    assert (
        _typer_complete({"_LLMLANDING_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": "4"}).strip() == ""
    )
    assert not elsewhere.exists()
    zh = f"llmlanding --home {ready} --lang zh done 1"
    answered = complete.answer({**os.environ, "_LLMLANDING_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": zh})
    assert answered is not None and "技术与需求分析" in answered[0]
