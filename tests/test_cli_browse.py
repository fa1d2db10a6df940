"""`list` and `show` as a learner uses them: views, --json, --lang, --curriculum and unknown ids."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import MINI, Run


def test_list_shows_every_chapter_with_foundations_optional(run: Run) -> None:
    result = run("--lang", "en", "list", "--depth", "1")
    assert result.exit_code == 0
    lines = [line.lstrip("│├└─ ○✓◐»") for line in result.stdout.splitlines()]
    chapter_lines = [line for line in lines if line.split("  ")[0].isdigit()]
    assert [line.split("  ")[0] for line in chapter_lines] == [str(n) for n in range(17)]
    assert "0  Foundations  (optional)" in result.stdout
    assert "(optional)" not in "".join(line for line in chapter_lines if "Foundations" not in line)


def test_list_marks_upstream_todo_and_counts(run: Run) -> None:
    result = run("--lang", "zh", "list", "3.2")
    assert result.exit_code == 0
    assert "○ 3.2.5  动手用C++实现GPT  1 个链接  ToDo" in result.stdout
    assert "○ 3.2.1  GPT论文  4 篇论文" in result.stdout


def test_list_depth_and_subtree(run: Run) -> None:
    whole = run("list", "--json")
    ids = [item["id"] for item in json.loads(whole.stdout)]
    assert "3.2" in ids and "3.2.1" not in ids  # default depth 2
    one = json.loads(run("list", "6", "--json").stdout)
    assert [item["id"] for item in one][:3] == ["6", "6.1", "6.2"]
    assert "6.2.1" in [item["id"] for item in one]
    shallow = json.loads(run("list", "6", "--depth", "2", "--json").stdout)
    assert [item["id"] for item in shallow] == ["6", "6.1", "6.2"]


def test_list_json_shape(run: Run) -> None:
    data = json.loads(run("list", "3", "--json").stdout)
    first = data[0]
    assert set(first) >= {"id", "kind", "title", "children", "papers", "links", "upstream_todo", "optional"}
    assert first["kind"] == "chapter" and first["title"]["zh"] == "预训练语言模型"
    assert first["children"] == ["3.1", "3.2", "3.3", "3.4", "3.5"]
    topic = next(item for item in data if item["id"] == "3.2.5")
    assert topic["upstream_todo"] is True and topic["kind"] == "topic"
    assert topic["links"][0]["kind"] == "code"


def test_show_json_lists_gpt_papers_and_implementations(run: Run) -> None:
    result = run("show", "3.2", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["id"] == "3.2" and data["parents"][0]["id"] == "3"
    papers = {p["title"]: p for d in data["descendants"] for p in d["papers"]}
    assert papers["GPT-4 Technical Report"]["url"] == "https://arxiv.org/abs/2303.08774"
    assert papers["GPT-4 Technical Report"]["year"] == 2023
    assert len([t for t in papers if "GPT" in t or "Language" in t]) >= 4
    links = " ".join(link["title"] + " " + link["url"] for d in data["descendants"] for link in d["links"])
    assert "60行代码实现GPT" in links and "MiniGPT" in links and "NanoGPT" in links
    assert "https://www.cnblogs.com/justLittleStar/p/17925108.html" in links


def test_show_view_has_both_titles_parents_children_and_urls(run: Run) -> None:
    result = run("--lang", "en", "show", "3.2.4")
    assert result.exit_code == 0
    out = result.stdout
    assert "3.2.4  GPT inference in 60 lines of code (PicoGPT)" in out
    assert "In: 3 Pre-trained language models › 3.2 GPT" in out
    assert "https://www.cnblogs.com/justLittleStar/p/17925108.html" in out
    zh = run("--lang", "zh", "show", "3.2.5").stdout
    assert "ToDo" in zh and "所属: 3 预训练语言模型 › 3.2 GPT" in zh


@pytest.mark.parametrize("args", [["show", "99.9"], ["list", "99.9"], ["show", "99.9", "--json"]])
def test_unknown_id_is_one_line_with_close_matches(run: Run, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: no item '99.9'")
    assert "9.4" in result.stderr or "9.1" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_lang_flag_env_and_locale(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "LLM微调" in run("--lang", "zh", "list", "6").stdout
    assert "LLM fine-tuning" in run("--lang", "en", "list", "6").stdout
    monkeypatch.setenv("LLMLANDING_LANG", "zh")
    assert "LLM微调" in run("list", "6").stdout
    monkeypatch.delenv("LLMLANDING_LANG")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert "LLM微调" in run("list", "6").stdout
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert "LLM fine-tuning" in run("list", "6").stdout
    bad = run("--lang", "fr", "list")
    assert bad.exit_code == 2 and bad.stderr == "error: --lang must be zh or en, not 'fr'\n"


def test_curriculum_flag_and_env(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("--curriculum", str(MINI), "list", "--json")
    assert [item["id"] for item in json.loads(result.stdout)] == ["0", "0.1", "1", "1.1", "1.2", "2"]
    monkeypatch.setenv("LLMLANDING_CURRICULUM", str(MINI))
    assert "Mini roadmap" in run("--lang", "en", "list").stdout


def test_broken_curriculum_flag_gives_located_error(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nchapters: [\n", encoding="utf-8")
    result = run("--curriculum", str(bad), "list")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"error: {bad} has 1 problem"
    assert result.stderr.splitlines()[1].startswith(f"{bad}:3:1: malformed YAML")


def _subprocess(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **env}
    full_env.pop("NO_COLOR", None)
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "llmlanding", *args], capture_output=True, text=True, env=full_env, check=False
    )


def test_piped_output_is_plain_and_no_color_is_honoured() -> None:
    piped = _subprocess(["--lang", "en", "show", "3.2"])
    assert piped.returncode == 0
    assert "\x1b[" not in piped.stdout
    forced = _subprocess(["--lang", "en", "show", "3.2"], FORCE_COLOR="1", TERM="xterm-256color")
    assert "\x1b[" in forced.stdout  # a terminal gets colour and OSC 8 hyperlinks
    assert "\x1b]8;" in forced.stdout
    no_color = _subprocess(["--lang", "en", "show", "3.2"], FORCE_COLOR="1", NO_COLOR="1", TERM="xterm-256color")
    assert "\x1b[1m" in no_color.stdout or "\x1b[3" not in no_color.stdout
    assert "\x1b[36m" not in no_color.stdout  # no colours, whatever the styles


def test_errors_never_show_a_traceback_in_a_real_process() -> None:
    result = _subprocess(["show", "99.9"])
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: no item '99.9'")
