"""`llmlanding curriculum import FILE.md`: a markdown roadmap becomes a roadmap file that the loader accepts,
with every link of the file, and the learner can study it at once."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import JSON, Run, js

REFERENCE = Path("/work/shared/reference")  # the upstream READMEs the bundled roadmap was written from

README = """\
# Deep Learning Roadmap

A roadmap kept by hand. The course site: https://course.example.edu/dl，and more.
![banner](https://example.com/banner.png)

## Foundations

### Linear algebra
- [x] Vectors and matrices: https://blog.example.com/vectors
- [ ] Eigenvalues
  - [3Blue1Brown](https://www.youtube.com/watch?v=PFDu9oVAE-g)
  - a deeper note
    - [SVD notebook](https://colab.research.google.com/drive/abc)

### Probability
Read [the book](https://book.example.org/probability) first.

## Transformers

### Attention
- Attention Is All You Need [paper](https://arxiv.org/abs/1706.03762)
- Implement attention in C++: ToDo
- See `https://not.a.link/in/code` and [the docs](docs/local.md)

### Models

| model | code |
| --- | --- |
| GPT-2 | [repo](https://github.com/openai/gpt-2) |
| BERT | [repo](https://github.com/google-research/bert) |

```
https://inside.a.code.block/
```

## Applications
- RAG
"""


def topics(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every item of a roadmap document by id."""
    found: dict[str, dict[str, Any]] = {}

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            found[item["id"]] = item
            walk(item.get("sections", []) + item.get("topics", []))

    walk(data["chapters"])
    return found


def urls(data: dict[str, Any]) -> set[str]:
    return {ref["url"] for item in topics(data).values() for ref in item.get("links", []) + item.get("papers", [])}


@pytest.fixture
def readme(tmp_path: Path) -> Path:
    path = tmp_path / "README.md"
    path.write_text(README, encoding="utf-8")
    return path


def test_headings_lists_and_tables_become_chapters_sections_and_topics(run: Run, readme: Path, tmp_path: Path) -> None:
    out = tmp_path / "roadmap.yaml"
    result = run("curriculum", "import", str(readme), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "4 chapters · 5 sections · 7 topics · 1 papers · 7 links" in result.stdout
    assert "1 boxes in the file are ticked" in result.stdout
    assert "1 links are not http(s) addresses and were left out: docs/local.md" in result.stdout
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["id"] == "deep-learning-roadmap" and data["title"] == {"en": "Deep Learning Roadmap"}
    items = topics(data)
    chapters = [(c["id"], c["title"]["en"], c.get("optional", False)) for c in data["chapters"]]
    assert chapters == [
        ("0", "Preface", True),  # the text before the first chapter, with its link
        ("1", "Foundations", False),
        ("2", "Transformers", False),
        ("3", "Applications", False),
    ]
    assert items["0"]["links"] == [
        {"title": "The course site", "url": "https://course.example.edu/dl", "kind": "course"}
    ]
    assert [items[i]["title"]["en"] for i in ("1.1", "1.1.1", "1.1.2", "1.2", "2.1.1", "2.2.1", "2.2.2", "3.1")] == [
        "Linear algebra",
        "Vectors and matrices",  # the box and the bare address are gone from the title
        "Eigenvalues",
        "Probability",
        "Attention Is All You Need paper",
        "GPT-2",
        "BERT",
        "RAG",  # a list under a chapter without sections: sections
    ]
    # Deeper than a topic folds into the topic: nothing nested is lost.
    assert [(link["url"], link["kind"]) for link in items["1.1.2"]["links"]] == [
        ("https://www.youtube.com/watch?v=PFDu9oVAE-g", "video"),
        ("https://colab.research.google.com/drive/abc", "notebook"),
    ]
    assert items["1.2"]["links"][0]["url"] == "https://book.example.org/probability"
    assert items["2.1.1"]["papers"] == [{"title": "paper", "year": 2017, "url": "https://arxiv.org/abs/1706.03762"}]
    assert items["2.1.2"]["upstream_todo"] is True
    assert items["2.2.1"]["links"] == [{"title": "repo", "url": "https://github.com/openai/gpt-2", "kind": "code"}]
    assert items["1.1.1"]["links"][0]["title"] == "Vectors and matrices"  # a bare address named by its words
    # Images and code are not study material.
    assert not {u for u in urls(data) if "banner" in u or "inside.a.code" in u or "not.a.link" in u}


def test_the_roadmap_made_is_one_the_learner_can_study(run: Run, readme: Path, tmp_path: Path) -> None:
    out = tmp_path / "roadmap.yaml"
    assert run("curriculum", "import", str(readme), "-o", str(out)).exit_code == 0
    checked = run("curriculum", "validate", str(out))
    assert checked.exit_code == 0, checked.stderr
    assert run("--curriculum", str(out), "done", "1.1.1").exit_code == 0
    status: JSON = js(run, "--curriculum", str(out), "status")
    assert status["overall"]["done"] == 1 and status["overall"]["total"] == 9  # chapter 0 is optional
    shown = run("--curriculum", str(out), "--lang", "zh", "show", "1.1.2")
    # One language: its title stands once, whichever language the learner reads in.
    assert shown.stdout.count("Eigenvalues") == 1


def test_language_is_guessed_from_the_titles_or_given(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "路线图.md"
    source.write_text("# 大模型路线图\n\n## 预训练\n- 分词器\n## 微调\n- LoRA 低秩适配\n## 对齐\n", encoding="utf-8")
    guessed = yaml.safe_load(run("curriculum", "import", str(source)).stdout)
    assert guessed["title"] == {"zh": "大模型路线图"} and guessed["id"] == "roadmap"
    given = yaml.safe_load(run("curriculum", "import", str(source), "--language", "en", "--id", "llm").stdout)
    assert given["title"] == {"en": "大模型路线图"} and given["id"] == "llm"


def test_a_file_of_lists_alone_makes_its_top_items_chapters(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "awesome.md"
    source.write_text("- Basics\n  - [Python](https://docs.python.org/3/)\n- Models\n  - GPT\n", encoding="utf-8")
    data = yaml.safe_load(run("curriculum", "import", str(source)).stdout)
    assert [(c["id"], c["title"]["en"]) for c in data["chapters"]] == [("1", "Basics"), ("2", "Models")]
    assert topics(data)["1.1"]["links"][0]["kind"] == "docs"


@pytest.mark.parametrize(
    ("content", "args", "expected"),
    [
        (None, [], "no file"),
        (b"\xff\xfe# broken", [], "README.md:1: not UTF-8 text"),
        (b"just a sentence, no headings or lists\n", [], "has no headings, list items or table rows"),
        (b"# T\n## A\n## B\n## C\n", ["--id", "Not A Slug"], "--id: 'Not A Slug' is not a slug"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    run: Run, tmp_path: Path, content: bytes | None, args: list[str], expected: str
) -> None:
    source = tmp_path / "README.md"
    if content is not None:
        source.write_bytes(content)
    out = tmp_path / "roadmap.yaml"
    result = run("curriculum", "import", str(source), "-o", str(out), *args)
    assert result.exit_code == 2
    assert expected in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_an_existing_roadmap_file_is_kept_without_force(run: Run, readme: Path, tmp_path: Path) -> None:
    out = tmp_path / "roadmap.yaml"
    out.write_text("mine\n", encoding="utf-8")
    refused = run("curriculum", "import", str(readme), "-o", str(out))
    assert refused.exit_code == 2 and "use --force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "mine\n"
    assert run("curriculum", "import", str(readme), "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Made from README.md")


def imported(run: Run, source: Path, tmp_path: Path) -> JSON:
    """The roadmap `curriculum import` makes of a real file, which must pass `curriculum validate`."""
    out = tmp_path / "roadmap.yaml"
    result = run("curriculum", "import", str(source), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert run("curriculum", "validate", str(out)).exit_code == 0
    data: JSON = yaml.safe_load(out.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("name", ["upstream-readme-2024-03-25.md", "upstream-readme-2024-12-28.md"])
def test_the_upstream_readmes_import_with_every_link(run: Run, tmp_path: Path, name: str) -> None:
    source = REFERENCE / name
    if not source.exists():
        pytest.skip(f"{source} is not on this machine")
    text = source.read_text(encoding="utf-8")
    data = imported(run, source, tmp_path)
    # Every address in the file, found here without markdown, but for images: each is a link of the roadmap.
    images = set(re.findall(r"!\[[^\]]*\]\((\S+?)\)", text)) | set(re.findall(r'<img[^>]*src="([^"]+)"', text))
    addresses = {url.rstrip(".,;:!?)>]") for url in re.findall(r"https?://[\x21-\x7e]+", text)} - images
    assert len(addresses) > 40
    assert addresses <= urls(data)
    chapter = next(c for c in data["chapters"] if c["title"]["zh"] == "第2章 ChatGPT背景与原理")
    assert chapter["sections"][0]["title"]["zh"].startswith("2.1")


def test_a_real_awesome_list_imports_with_its_tables_titled_by_their_papers(run: Run, tmp_path: Path) -> None:
    """Hannibal046/Awesome-LLM's README (CC0), as fetched: headings, long link lists, and tables of papers whose
    rows open with a date."""
    source = Path(__file__).parent / "data" / "awesome-llm.md"
    text = source.read_text(encoding="utf-8")
    data = imported(run, source, tmp_path)
    images = set(re.findall(r"!\[[^\]]*\]\((\S+?)\)", text))
    addresses = {url for url in re.findall(r"\]\((https?://[^)\s]+)\)", text)} - images
    assert len(addresses) > 300 and addresses <= urls(data)
    milestones = next(c for c in data["chapters"] if c["title"]["en"] == "Milestone Papers")
    titles = [s["title"]["en"] for s in milestones["sections"]]
    assert titles[:2] == ["Attention Is All You Need", "Improving Language Understanding by Generative Pre-Training"]
    assert not any(re.fullmatch(r"\d{4}-\d{2}", t) for t in titles)  # never the date the row opens with


def test_two_headings_a_level_make_the_chapters(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "small.md"
    source.write_text("# Title\n## One\n### A\n- a1\n## Two\n### B\n", encoding="utf-8")
    data = yaml.safe_load(run("curriculum", "import", str(source)).stdout)
    assert [(c["id"], c["title"]["en"]) for c in data["chapters"]] == [("1", "One"), ("2", "Two")]
    assert data["title"] == {"en": "Title"}


def test_the_ticked_boxes_of_the_file_are_imported_by_title(run: Run, readme: Path, tmp_path: Path) -> None:
    out = tmp_path / "roadmap.yaml"
    assert run("curriculum", "import", str(readme), "-o", str(out)).exit_code == 0
    result = run("--curriculum", str(out), "import", str(readme))
    assert result.exit_code == 0, result.stderr
    assert "Marked 1 topics done (1 ticked lines, 0 not matched)" in result.stdout
    assert js(run, "--curriculum", str(out), "show", "1.1.1")["status"] == "done"


def test_a_checklist_that_names_no_item_fails_and_says_why(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "dup.md"
    source.write_text("## A\n- Overview\n## B\n- Overview\n## C\n- Other\n", encoding="utf-8")
    out = tmp_path / "roadmap.yaml"
    assert run("curriculum", "import", str(source), "-o", str(out)).exit_code == 0
    ticks = tmp_path / "ticks.md"
    ticks.write_text("- [x] Overview\n- [x] **Missing** topic\n- [ ] Other\n", encoding="utf-8")
    result = run("--curriculum", str(out), "import", str(ticks))
    assert result.exit_code == 1
    assert f"{ticks}:1: 'overview' is the title of 1.1, 2.1; put the id after the box" in result.stdout
    assert f"{ticks}:2: no item titled 'missing topic'; put the id after the box" in result.stdout
    assert "none of the 2 ticked lines" in result.stderr
    assert js(run, "--curriculum", str(out), "status")["overall"]["done"] == 0


def _reimport(run: Run, source: Path, text: str, out: Path) -> Any:
    source.write_text(text, encoding="utf-8")
    return run("--lang", "en", "curriculum", "import", str(source), "-o", str(out), "--force")


def test_made_again_after_an_insert_it_is_a_new_edition_and_progress_stays_with_its_item(
    run: Run, readme: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ids are positions: an item added near the top renumbers the ones after it. Made again over the file it
    made before, the roadmap is a new edition revising that one, every old id mapped to the same item's new id,
    so that the home stays on its record and `curriculum upgrade` carries its progress to the right items."""
    monkeypatch.setenv("LLMLANDING_NOW", "2026-11-29T12:00:00+00:00")  # the edition is the day
    out = tmp_path / "roadmap.yaml"
    assert run("curriculum", "import", str(readme), "-o", str(out)).exit_code == 0
    first = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert first["edition"] == "2026-11-29" and "revises" not in first  # today, by the run's clock
    mine = ("--curriculum", str(out))
    assert run(*mine, "done", "1.1.1").exit_code == 0  # Vectors and matrices
    assert run(*mine, "note", "1.2", "-m", "read the book").exit_code == 0  # Probability
    assert js(run, *mine, "show", "1.1.1")["title"]["en"] == "Vectors and matrices"

    inserted = README.replace("### Linear algebra\n", "### Calculus\n- Limits\n\n### Linear algebra\n").replace(
        "- [x] Vectors and matrices", "- Scalars\n- [x] Vectors and matrices"
    )
    result = _reimport(run, readme, inserted, out)
    assert result.exit_code == 0, result.stderr
    assert "Items changed numbers" in result.stdout and "curriculum upgrade" in result.stdout
    second = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert second["edition"] == "2026-11-29.2" and second["revises"]["edition"] == "2026-11-29"
    mapping = second["revises"]["map"]
    assert mapping["1.1"] == "1.2" and mapping["1.1.1"] == "1.2.2" and mapping["1.2"] == "1.3"
    assert set(mapping) == set(topics(first)) | {c["id"] for c in first["chapters"]} | {
        s["id"] for c in first["chapters"] for s in c.get("sections", [])
    }  # every old id, so that nothing is left to the rules that guess

    # The home keeps meaning the old items until it upgrades: 1.1.1 is still the topic that was done.
    waiting = js(run, *mine, "status")["roadmap"]
    assert (waiting["edition"], waiting["upgrade"]) == ("2026-11-29", "2026-11-29.2")
    assert js(run, *mine, "show", "1.1.1")["title"]["en"] == "Vectors and matrices"
    assert run(*mine, "curriculum", "upgrade", "--yes").exit_code == 0
    moved = js(run, *mine, "show", "1.2.2")
    assert moved["title"]["en"] == "Vectors and matrices" and moved["status"] == "done"
    assert js(run, *mine, "show", "1.2.1")["status"] == "todo"  # Scalars, which took its old place in order
    assert (
        js(run, *mine, "show", "1.1.1")["title"]["en"] == "Limits"
        and js(run, *mine, "show", "1.1.1")["status"] == "todo"
    )
    assert "read the book" in js(run, *mine, "notes", "1.3")[0]["note"]  # the note followed Probability


def test_made_again_with_items_only_added_at_the_end_it_stays_the_same_edition(
    run: Run, readme: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LLMLANDING_NOW", "2026-11-29T12:00:00+00:00")  # the edition is the day
    out = tmp_path / "roadmap.yaml"
    assert run("curriculum", "import", str(readme), "-o", str(out)).exit_code == 0
    mine = ("--curriculum", str(out))
    assert run(*mine, "done", "2.1.1").exit_code == 0  # Attention Is All You Need
    result = _reimport(run, readme, README + "- Agents\n", out)
    assert result.exit_code == 0 and "Items changed numbers" not in result.stdout
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["edition"] == "2026-11-29" and "revises" not in data
    assert js(run, *mine, "status")["roadmap"]["upgrade"] is None  # taken in at once: nothing waits
    assert js(run, *mine, "show", "3.2")["title"]["en"] == "Agents"
    assert js(run, *mine, "show", "2.1.1")["status"] == "done"


def test_made_again_over_a_file_without_an_edition_it_refuses_to_renumber(
    run: Run, readme: Path, tmp_path: Path
) -> None:
    """A roadmap file without an edition cannot be revised: a home on it would take the new file in at once and
    give each id's progress to whatever item has the id now. Refused, the file as it was, and how to go on."""
    out = tmp_path / "roadmap.yaml"
    assert run("curriculum", "import", str(readme), "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    out.write_text(re.sub(r"(?m)^edition: .*\n", "", text), encoding="utf-8")  # as files made before editions
    before = out.read_text(encoding="utf-8")
    moved = README.replace("- [x] Vectors and matrices", "- Scalars\n- [x] Vectors and matrices")
    result = _reimport(run, readme, moved, out)
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert (
        "would give 1.1.1 ('Vectors and matrices') to 'Scalars'" in result.stderr
        and "nothing was written" in result.stderr
    )
    assert out.read_text(encoding="utf-8") == before
    zh = run("--lang", "zh", "curriculum", "import", str(readme), "-o", str(out), "--force")
    assert zh.exit_code == 2 and zh.stderr.startswith("错误：") and "没有版本号" in zh.stderr
