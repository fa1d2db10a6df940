"""Chinese all the way, for errors: under --lang zh every error of every area is said in Chinese, on typer's path
and on the fast path alike, with its exit code; under --lang en it reads exactly as before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import Run, db_file, js

# (command line, exit code, the whole of stderr under zh, how stderr starts under en)
CASES = [
    (
        ("next", "-n", "x"),
        2,
        "错误：'--count' / '-n' 的值无效：要写成整数",
        "Usage: llmlanding next",
    ),
    (("open", "1.1.1", "--paper", "9"), 2, "错误：1.1.1 没有论文", "error: 1.1.1 has no papers"),
    (("open", "1", "--link", "5"), 2, "错误：1 只有一个链接：--link 1", "error: 1 has one link: --link 1"),
    (
        ("review", "1.1.1", "--rating", "x"),
        2,
        "错误：评分只能是 again、hard、good 或 easy（1-4，或 a h g e），而不是 'x'",
        "error: a rating is again, hard, good or easy (1-4, or a h g e), not 'x'",
    ),
    (
        ("log", "--since", "soon"),
        2,
        "错误：--since 要写成日期，如 2026-11-20、today、yesterday、7d 或 2w，而不是 'soon'",
        "error: --since takes a date like 2026-11-20, today, yesterday, 7d or 2w; not 'soon'",
    ),
    (
        ("papers", "--read", "--unread"),
        2,
        "错误：--unread 和 --read 只能给一个",
        "error: give --unread or --read, not both",
    ),
    (
        ("search", " "),
        2,
        "错误：search 至少需要一个词，如 llmlanding search lora",
        "error: search needs at least one word, e.g. llmlanding search lora",
    ),
    (
        ("team",),
        2,
        "错误：还没有同步日志：用你们小组的仓库运行 `llmlanding sync init --remote URL`",
        "error: no journal yet: run `llmlanding sync init --remote URL` with your group's repository",
    ),
    (
        ("review", "1.1.1"),
        2,
        "错误：1.1.1 还不在复习中：主题的输出总结完成后才进入复习（llmlanding done 1.1.1 --phase summary）",
        "error: 1.1.1 is not in review yet: a topic enters review when its written summary is done",
    ),
]


@pytest.mark.parametrize(
    ("args", "code", "chinese", "english"), CASES, ids=lambda v: " ".join(v) if isinstance(v, tuple) else ""
)
def test_errors_of_every_area_are_chinese_under_zh(
    run: Run, args: tuple[str, ...], code: int, chinese: str, english: str
) -> None:
    zh = run("--lang", "zh", *args)
    assert zh.exit_code == code and zh.stderr.strip().splitlines()[-1] == chinese, zh.stderr
    en = run("--lang", "en", *args)
    assert en.exit_code == code and en.stderr.startswith(english) and "错误" not in en.stderr, en.stderr


def _fast(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LLMLANDING_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "llmlanding", *args], capture_output=True, text=True, env=env, check=False
    )


@pytest.mark.parametrize(
    "args", [("done", "99.9"), ("log", "--since", "soon"), ("next", "-n", "x"), ("open", "1", "--link", "5")]
)
def test_the_fast_path_says_the_same_chinese_as_typer(run: Run, isolated_env: Path, args: tuple[str, ...]) -> None:
    typer_path = run("--lang", "zh", *args)
    fast = _fast(isolated_env, "--lang", "zh", *args)
    assert fast.returncode == typer_path.exit_code == 2
    assert fast.stderr == typer_path.stderr and fast.stderr.startswith(("错误：", "用法：")), fast.stderr


def test_a_roadmaps_problems_are_chinese_line_by_line(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nfoo: 1\nanchor: &a 1\n", encoding="utf-8")
    zh = run("--lang", "zh", "curriculum", "validate", str(bad))
    assert zh.exit_code == 2
    assert zh.stderr.splitlines() == [f"错误：{bad} 有 1 处问题", f"{bad}:3:9: 不允许使用锚点（发现 '&a'）"]
    bad.write_text("title: x\nfoo: 1\n", encoding="utf-8")
    zh = run("--lang", "zh", "curriculum", "validate", str(bad))
    lines = zh.stderr.splitlines()
    assert lines[0] == f"错误：{bad} 有 6 处问题" and f"{bad}:1:1: 缺少键 'format'" in lines
    assert f"{bad}:2:1: 未知的键 'foo'" in lines
    en = run("--lang", "en", "curriculum", "validate", str(bad)).stderr.splitlines()
    assert en[0] == f"error: {bad} has 6 problems" and f"{bad}:2:1: unknown key 'foo'" in en


def test_a_roadmaps_wrong_shapes_are_said_in_words_not_pydantics(run: Run, tmp_path: Path, mini: Path) -> None:
    """A title that is not a mapping, chapters that are not a list, too few phases, a format that is not 1:
    pydantic's own sentences ("Input should be a valid list") are said as ours, in either language."""
    import yaml

    bad = tmp_path / "bad.yaml"
    cases: list[tuple[str, object, str, str]] = [("chapters", "x", "chapters 必须是列表", "chapters must be a list")]
    cases += [("format", 2, "format 只能是 1", "format must be 1")]
    cases += [("title", "x", "title 必须是键值映射", "title must be a mapping of keys")]
    cases += [("phases", [], "phases 至少要有 3 项", "phases must have at least 3 items")]
    for key, value, zh_words, en_words in cases:
        document = yaml.safe_load(mini.read_text(encoding="utf-8"))
        document[key] = value
        bad.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
        zh = run("--lang", "zh", "curriculum", "validate", str(bad))
        en = run("--lang", "en", "curriculum", "validate", str(bad))
        assert zh.exit_code == en.exit_code == 2
        assert any(line.endswith(zh_words) for line in zh.stderr.splitlines()), zh.stderr
        assert any(line.endswith(en_words) for line in en.stderr.splitlines()), en.stderr
        assert "Input should" not in zh.stderr + en.stderr


def test_files_backups_and_the_database_are_chinese(run: Run, tmp_path: Path, isolated_env: Path) -> None:
    backup = tmp_path / "backup.json"
    backup.write_text('{"format": "something else"}', encoding="utf-8")
    zh = run("--lang", "zh", "import", str(backup))
    assert zh.exit_code == 2
    assert zh.stderr.strip() == f"错误：{backup} 不是 llmlanding 的备份（备份由 `llmlanding export json` 生成）"
    assert run("--lang", "en", "import", str(backup)).stderr.startswith(f"error: {backup} is not an llmlanding backup")
    folder = run("--lang", "zh", "curriculum", "import", str(tmp_path))
    assert folder.exit_code == 2 and folder.stderr.strip() == f"错误：无法读取 {tmp_path}：这是一个文件夹"
    english = run("--lang", "en", "curriculum", "import", str(tmp_path)).stderr.strip()
    assert english == f"error: cannot read {tmp_path}: Is a directory"
    sync = run("--lang", "zh", "sync")
    journal = isolated_env / "journal"
    assert (
        sync.exit_code == 1
        and sync.stderr.strip() == f"错误：{journal} 处没有同步日志；请先运行 `llmlanding sync init`"
    )
    db_file(isolated_env).write_bytes(b"")
    empty = _fast(isolated_env, "--lang", "zh", "status")
    assert empty.returncode == 1 and empty.stderr.startswith(
        f"错误：{db_file(isolated_env)} 是空文件（0 字节），没有任何进度"
    )
    assert _fast(isolated_env, "--lang", "en", "status").stderr.startswith(
        f"error: {db_file(isolated_env)} is empty (0 bytes)"
    )


def test_the_lines_import_cannot_tick_are_chinese(run: Run, tmp_path: Path) -> None:
    tasks = tmp_path / "tasks.md"
    tasks.write_text("- [x] 1.1.1 first\n- [x] nothing like a title\n- [x] 99.1 gone\n", encoding="utf-8")
    zh = run("--lang", "zh", "import", str(tasks))
    assert zh.exit_code == 0
    assert f"{tasks}:2: 没有标题为 'nothing like a title' 的条目；请在方框后写上条目编号" in zh.stdout
    assert f"{tasks}:3: 没有编号为 '99.1' 的条目" in zh.stdout
    en = run("--lang", "en", "import", str(tasks))
    assert f"{tasks}:2: no item titled 'nothing like a title'; put the id after the box" in en.stdout


def test_a_backups_problems_are_chinese_field_by_field(run: Run, tmp_path: Path) -> None:
    import json

    assert run("done", "1.1.1").exit_code == 0
    good = tmp_path / "good.json"
    assert run("export", "json", "-o", str(good)).exit_code == 0
    backup = json.loads(good.read_text(encoding="utf-8"))
    backup["events"][0]["at"] = "yesterday"
    del backup["batches"][0]["device"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(backup), encoding="utf-8")
    zh = run("--lang", "zh", "import", str(bad))
    assert zh.exit_code == 2
    assert zh.stderr.strip() == (
        f"错误：{bad}: batches[0].device: 缺失; "
        "events[0].at: 'yesterday' 不是形如 2024-05-01T09:30:00.000000Z 的时间；未导入任何内容"
    )
    en = run("--lang", "en", "import", str(bad))
    assert en.stderr.strip() == (
        f"error: {bad}: batches[0].device: missing; "
        "events[0].at: 'yesterday' is not a time like 2024-05-01T09:30:00.000000Z; nothing was imported"
    )


def test_a_refused_remote_and_a_foreign_database_say_why_in_chinese(run: Run, isolated_env: Path) -> None:
    remote = run("--lang", "zh", "sync", "init", "--remote", "http://example.org/r.git")
    assert remote.exit_code == 2
    assert remote.stderr.startswith("错误：拒绝远程地址 'http://example.org/r.git'：http:// 没有加密；请用 https://")
    english = run("--lang", "en", "sync", "init", "--remote", "http://example.org/r.git").stderr
    assert english.startswith("error: refusing remote 'http://example.org/r.git': http:// is not encrypted; use")
    assert run("status").exit_code == 0
    db_file(isolated_env).write_bytes(b"not a database at all, but long enough to look like a file " * 200)
    damaged = run("--lang", "zh", "status")
    assert damaged.exit_code == 1
    assert damaged.stderr.startswith(
        f"错误：{db_file(isolated_env)} 不是可用的 llmlanding 数据库（不是数据库文件）；它没有被改动"
    )
    assert "(file is not a database); it was left untouched" in run("--lang", "en", "status").stderr


PROBE = """
import sys
from llmlanding.entry import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("LOADED=" + str("llmlanding.views.errorwords" in sys.modules) + "\\n")
"""


def _loads_error_words(home: Path, *args: str) -> bool:
    env = {**os.environ, "LLMLANDING_HOME": str(home)}
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, check=False)
    return result.stderr.splitlines()[-1] == "LOADED=True"


def test_the_words_of_errors_are_loaded_only_for_an_error(run: Run, isolated_env: Path) -> None:
    assert run("done", "1.1.1").exit_code == 0
    for args in (["next"], ["status"], ["done", "1.1.2"], ["--lang", "zh", "log"], ["--lang", "zh", "list"]):
        assert not _loads_error_words(isolated_env, *args), args
    assert _loads_error_words(isolated_env, "--lang", "zh", "log", "--since", "soon")


def test_an_upgrade_to_another_roadmaps_edition_says_so_in_either_language(
    run: Run, tmp_path: Path, mini: Path
) -> None:
    """`curriculum upgrade 2024-12-28` names a bundled edition of the llmlanding roadmap: on a home of another
    roadmap it is refused as that, not as a mismatch of editions, and nothing changes."""
    assert run("--curriculum", str(mini), "done", "1.1.1").exit_code == 0
    zh = run("--lang", "zh", "--curriculum", str(mini), "curriculum", "upgrade", "2024-12-28", "--yes")
    assert zh.exit_code == 2
    assert zh.stderr.strip() == "错误：路线图文件属于路线图 'llmlanding'，不是这个数据目录记录的 'mini'；未做任何升级"
    en = run("--lang", "en", "--curriculum", str(mini), "curriculum", "upgrade", "2024-12-28", "--yes")
    assert en.exit_code == 2 and "is roadmap 'llmlanding', not 'mini'" in en.stderr
    assert js(run, "--curriculum", str(mini), "show", "1.1.1")["status"] == "done"


@pytest.mark.parametrize(
    ("text", "zh_words", "en_words"),
    [
        ("format: 1\ntitle: a: b\n", "这里不能再有“键: 值”", "mapping values are not allowed"),
        ("format: 1\nchapters:\n\t- id: 1\n", "不要用制表符", "found character that cannot start any token"),
        ('format: 1\ntitle: "abc\n', "文件意外结束", "found unexpected end of stream"),
        ("a:\n  - b\n c: d\n", "找不到应有的键", "did not find expected key"),
        ("a: [1, 2\n", "方括号没有闭合", "did not find expected ',' or ']'"),
        ("a: {b: 1\n", "花括号没有闭合（缺少 ',' 或 '}'）", "did not find expected ',' or '}'"),
    ],
)
def test_the_yaml_parsers_common_reasons_are_said_in_chinese(
    run: Run, tmp_path: Path, text: str, zh_words: str, en_words: str
) -> None:
    """A hand-written roadmap's usual YAML slips (a colon in a title, a tab, an open quote or bracket, a key out
    of line): under zh the parser's reason is said with what to look at; under en it is the parser's own."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    zh = run("--lang", "zh", "curriculum", "validate", str(bad)).stderr.splitlines()
    en = run("--lang", "en", "curriculum", "validate", str(bad)).stderr.splitlines()
    assert zh[1].startswith(f"{bad}:") and "YAML 格式有误：" in zh[1] and zh_words in zh[1]
    assert en[1].startswith(f"{bad}:") and "malformed YAML: " in en[1] and en_words in en[1]
