"""Chinese all the way: under --lang zh (or LLMLANDING_LANG=zh, or a zh_* locale) the --help of every command,
typer's usage errors and the program's errors are Chinese; English runs stay English."""

from __future__ import annotations

import re

import pytest
import typer.main
from helpers import Run

from llmlanding.cli.app import app
from llmlanding.cli.zhhelp import missing

CJK = re.compile(r"[\u4e00-\u9fff]")


def _commands() -> list[list[str]]:
    found: list[list[str]] = [[]]

    def walk(command: object, words: list[str]) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            found.append([*words, name])
            walk(sub, [*words, name])

    walk(typer.main.get_command(app), [])
    return found


def test_every_help_sentence_has_its_chinese() -> None:
    gaps = missing(typer.main.get_command(app))
    listed = "\n".join(f"  llmlanding {path}: {text!r}" for path, text in gaps)
    assert not gaps, f"add the Chinese of these help texts to llmlanding/views/helptext.py:\n{listed}"


@pytest.mark.parametrize("words", _commands(), ids=lambda w: " ".join(w) or "llmlanding")
def test_every_commands_help_is_chinese_under_zh(run: Run, words: list[str]) -> None:
    result = run("--lang", "zh", *words, "--help")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("用法：llmlanding"), out
    description = out.split("\n\n")[1]
    assert CJK.search(description), description
    for english in ("Usage:", "Options:", "Arguments:", "Commands:", "Show this message", "[default:", "[required]"):
        assert english not in out, (english, out)
    for line in out.splitlines():  # every option's help is in Chinese, whatever it names in English
        if re.match(r"\s+-", line) and "  " in line.strip():
            assert CJK.search(line) or line.strip().startswith("-"), line


def test_english_help_stays_english(run: Run) -> None:
    out = run("--lang", "en", "done", "--help").stdout
    assert out.startswith("Usage: llmlanding done") and not CJK.search(out.split("Options:")[0].split("\n\n")[1])


@pytest.mark.parametrize("how", ["flag", "env", "locale"])
def test_chinese_from_flag_environment_or_locale(run: Run, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    args = ["--lang", "zh"] if how == "flag" else []
    if how == "env":
        monkeypatch.setenv("LLMLANDING_LANG", "zh")
    if how == "locale":
        monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert run(*args, "next", "--help").stdout.startswith("用法：")
    wrong = run(*args, "done", "--phase", "cod", "3")
    assert wrong.exit_code == 2
    assert "错误：" in wrong.stderr and "的值无效" in wrong.stderr and "Error" not in wrong.stderr
    typo = run(*args, "donee")
    assert "没有命令 'donee'" in typo.stderr and "运行 'llmlanding --help' 查看帮助。" in typo.stderr
    unknown = run(*args, "show", "99.9")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("错误：没有编号为 '99.9' 的条目（你是不是想找 9.4")


def test_errors_stay_english_under_en(run: Run) -> None:
    assert run("--lang", "en", "show", "99.9").stderr.startswith("error: no item '99.9' (did you mean 9.4")
    assert "Error: No such command 'donee'" in run("--lang", "en", "donee").stderr


def test_keyed_errors_are_said_in_chinese(run: Run) -> None:
    cases = [
        (("done", "1.1.1", "--time", "soon"), "错误：--time 要写成时长，如 45m、1h30m 或 2h，而不是 'soon'"),
        (("goal", "--by", "tomorrow"), "错误：--by 要写成日期，如 2027-06-30，而不是 'tomorrow'"),
        (("next", "--path", "nowhere"), "错误：没有名为 'nowhere' 的学习路径（已有：book, quickstart, deep）"),
    ]
    for args, chinese in cases:
        zh = run("--lang", "zh", *args)
        assert zh.exit_code == 2 and zh.stderr.strip() == chinese, zh.stderr
        en = run("--lang", "en", *args)
        assert en.exit_code == 2 and en.stderr.startswith("error: ") and "错误" not in en.stderr


def test_every_error_key_has_its_words() -> None:
    from helpers import ROOT

    from llmlanding.views.words import MESSAGES

    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "llmlanding").rglob("*.py"))
    keys = set(re.findall(r'\bkey="([a-z_]+)"', source)) | set(
        re.findall(r'key="[a-z_]+" if \w+ else "([a-z_]+)"', source)
    )
    assert keys and not [k for k in keys if f"error.{k}" not in MESSAGES]


@pytest.mark.parametrize("words", _commands(), ids=lambda w: " ".join(w) or "llmlanding")
def test_help_names_values_without_python_types(run: Run, words: list[str]) -> None:
    out = run("--lang", "en", *words, "--help").stdout
    assert not re.search(r"<(str|int|path|list\[\w+\]|int range|float)>", out), out


def test_roadmap_and_move_errors_are_said_in_chinese(run: Run) -> None:
    use = run("--lang", "zh", "curriculum", "use", "nope")
    assert use.exit_code == 2 and use.stderr.startswith("错误：这个数据目录里没有路线图 'nope'（已有：llmlanding）")
    move = run("--lang", "zh", "move", "3.2.1", "3.2.2")
    assert move.exit_code == 2 and move.stderr.startswith("错误：3.2.1 还在路线图中")
    missing_file = run("--lang", "zh", "curriculum", "import", "nowhere.md")
    assert missing_file.exit_code == 2 and missing_file.stderr.strip() == "错误：没有文件 nowhere.md"
    english = run("--lang", "en", "curriculum", "use", "nope")
    assert english.stderr.startswith("error: no roadmap 'nope' in this home (known: llmlanding)")
