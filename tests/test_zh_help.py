"""Chinese all the way: under --lang zh (or LLMLANDING_LANG=zh, or a zh_* locale) the --help of every command,
typer's usage errors and the program's errors are Chinese; English runs stay English."""

from __future__ import annotations

import ast
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


# Raise sites whose message is a variable already said in the run's language (a view's sentence), not a key's.
SAID_ALREADY = {("cli/handlers/sharing.py", "failure")}


def _error_classes(trees: dict[str, ast.Module]) -> set[str]:
    """LLMLandingError and every class deriving from it, however deep, by name."""
    found = {"LLMLandingError"}
    while True:
        more = {
            node.name
            for tree in trees.values()
            for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef)
            and any(getattr(base, "id", getattr(base, "attr", None)) in found for base in node.bases)
        }
        if more <= found:
            return found
        found |= more


def _keys(node: ast.expr) -> list[str] | None:
    """The keys a `key=` can take: a string, or either side of a conditional; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _keys(node.body), _keys(node.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def _template(message: ast.expr, fields: dict[str, ast.expr], constants: dict[str, str]) -> str | None:
    """The English message as a words.py text: each `{expression}` of the f-string named by the field passed the
    same expression (or its str()); None when the message is not a string the test can read."""
    if isinstance(message, ast.Name) and message.id in constants:
        return constants[message.id].replace("{", "{{").replace("}", "}}")
    if isinstance(message, ast.Constant) and isinstance(message.value, str):
        return message.value.replace("{", "{{").replace("}", "}}")
    if not isinstance(message, ast.JoinedStr):
        return None
    names = {ast.dump(value): name for name, value in fields.items()}
    names |= {
        ast.dump(value.args[0]): name
        for name, value in fields.items()
        if isinstance(value, ast.Call) and getattr(value.func, "id", None) == "str" and value.args
    }
    text = ""
    for part in message.values:
        if isinstance(part, ast.Constant):
            text += str(part.value).replace("{", "{{").replace("}", "}}")
        elif isinstance(part, ast.FormattedValue) and part.conversion == -1 and part.format_spec is None:
            text += "{" + names.get(ast.dump(part.value), "?" + ast.unparse(part.value)) + "}"
        else:
            return None
    return text


def test_every_error_key_has_its_words() -> None:
    """Every error the program raises, and every detail line it words itself (`Sentence`: a roadmap file's
    problems), has a key whose words exist in both languages, is passed every field its words take, and (for
    one key and a readable message) says in English exactly what it prints today."""
    from string import Formatter

    from helpers import ROOT

    from llmlanding.views import errorwords
    from llmlanding.views.words import MESSAGES as VIEW_WORDS

    MESSAGES = VIEW_WORDS | errorwords.MESSAGES
    package = ROOT / "llmlanding"
    trees = {str(p.relative_to(package)): ast.parse(p.read_text(encoding="utf-8")) for p in package.rglob("*.py")}
    # UnknownItemError says itself in words.py by its own fields.
    prefixes = dict.fromkeys(_error_classes(trees) - {"UnknownItemError"}, "error") | {"Sentence": "problem"}
    gaps: list[str] = []
    checked = 0
    for name, tree in sorted(trees.items()):
        if name == "errors.py":  # the classes themselves, which pass a key on
            continue
        constants = {
            node.targets[0].id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        }
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or not call.args:
                continue
            prefix = prefixes.get(str(getattr(call.func, "id", getattr(call.func, "attr", ""))))
            if prefix is None:
                continue
            where = f"llmlanding/{name}:{call.lineno}"
            message = call.args[0]
            if isinstance(message, ast.Call) and getattr(message.func, "id", None) == "msg":
                continue  # said in the run's language already
            if isinstance(message, ast.Name) and (name, message.id) in SAID_ALREADY:
                continue
            checked += 1
            given = {kw.arg: kw.value for kw in call.keywords if kw.arg not in (None, "key", "details", "lead")}
            key = next((kw.value for kw in call.keywords if kw.arg == "key"), None)
            keys = None if key is None else _keys(key)
            if not keys:
                gaps.append(f"{where}: no key= (a string, or a conditional between strings)")
                continue
            for each in keys:
                words = MESSAGES.get(f"{prefix}.{each}")
                if words is None:
                    gaps.append(f"{where}: no {prefix}.{each} in llmlanding/views/words.py")
                    continue
                wanted = {field for _, field, _, _ in Formatter().parse(words["en"]) if field}
                if not wanted <= set(given) or (len(keys) == 1 and wanted != set(given)):
                    gaps.append(f"{where}: {prefix}.{each} takes {sorted(wanted)}, the call passes {sorted(given)}")
            english = _template(message, given, constants)
            said = MESSAGES.get(f"{prefix}.{keys[0]}", {}).get("en")
            if len(keys) == 1 and english is not None and said is not None and english != said:
                gaps.append(f"{where}: prints {english!r}, but {prefix}.{keys[0]} says {said!r}")
    assert checked > 130  # the walk finds the raise sites and the problems: a check on the check
    assert not gaps, "\n".join(gaps)


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
