"""The paper library: `papers`, `read`/`unread` as undoable events that backups and the event schema carry, the
unread papers `next` and `show` name, the theory-phase notice, and `export bibtex` parsed back by bibtexparser."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
from helpers import JSON, MINI, Run, js

from llmlanding.domain.eventcheck import event_problems
from llmlanding.domain.papers import arxiv_id, bibtex, latex_escaped, library, paper_field
from llmlanding.roadmap.loader import load_outline

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "curriculum" / "llmlanding.yaml"
LLAMA = "https://arxiv.org/abs/2302.13971"  # listed under 1.1.2 (first) and 5.2.1


def _read_urls(run: Run, *before: str) -> set[str]:
    return {p["url"] for p in js(run, *before, "papers") if p["read"]}


# -- papers


def test_papers_lists_the_library_once_per_address(run: Run) -> None:
    outline = load_outline(BUNDLED)
    entries: JSON = js(run, "papers")
    listed = [p for item in outline.items.values() for p in item.papers]
    assert len(listed) == 66
    assert len(entries) == len({p.url for p in listed}) == len({e["url"] for e in entries})
    assert list(entries[0]) == ["title", "url", "year", "arxiv", "item", "number", "items", "read"]
    llama = next(e for e in entries if e["url"] == LLAMA)
    assert llama["item"] == "1.1.2" and llama["number"] == 1 and llama["items"] == ["1.1.2", "5.2.1"]
    assert llama["arxiv"] == "2302.13971" and llama["year"] == 2023 and llama["read"] is False
    for entry in entries:  # `number` is what `open ITEM --paper N` opens
        assert outline.items[entry["item"]].papers[entry["number"] - 1].url == entry["url"]


def test_papers_of_an_item_and_the_filters(run: Run) -> None:
    under = js(run, "papers", "1.1")
    assert [e["item"] for e in under] == ["1.1.2", "1.1.2", "1.1.3", "1.1.3", "1.1.4", "1.1.4", "1.1.4"]
    assert run("read", "1.1.3").exit_code == 0
    assert [e["item"] for e in js(run, "papers", "1.1", "--read")] == ["1.1.3", "1.1.3"]
    assert len(js(run, "papers", "1.1", "--unread")) == 5
    text = run("--lang", "en", "papers", "1.1").stdout
    assert "✓ 1.1.3 #1  Mistral 7B (2023)  arXiv:2310.06825  also in 5.1" in text
    assert "papers: 7 · read: 2" in text
    both = run("papers", "--read", "--unread")
    assert both.exit_code == 2 and "not both" in both.stderr
    assert run("papers", "99.9").exit_code == 2
    assert "No papers here." in run("--lang", "en", "papers", "1.1.1").stdout


# -- read, unread, undo


def test_read_one_paper_marks_it_under_every_topic_listing_it(run: Run) -> None:
    result = run("--lang", "en", "read", "5.2.1", "--paper", "1")
    assert result.exit_code == 0 and "read: LLaMA: Open and Efficient" in result.stdout
    assert _read_urls(run) == {LLAMA}
    assert [e["read"] for e in js(run, "papers", "1.1.2")] == [True, False]
    again = run("--lang", "en", "read", "1.1.2", "--paper", "1")
    assert "already read" in again.stdout
    assert run("--lang", "en", "unread", "1.1.2", "--paper", "1").exit_code == 0  # read under 5.2.1, cleared
    assert _read_urls(run) == set()
    assert run("undo").exit_code == 0
    assert _read_urls(run) == {LLAMA}
    assert run("undo").exit_code == 0
    assert _read_urls(run) == set()


def test_read_a_section_reads_every_paper_under_it(run: Run) -> None:
    assert run("read", "1.1").exit_code == 0
    assert all(e["read"] for e in js(run, "papers", "1.1"))
    assert len(_read_urls(run)) == 7
    assert run("unread", "1.1.4", "--paper", "3").exit_code == 0
    assert len(_read_urls(run)) == 6
    log = run("--lang", "en", "log").stdout
    assert "unread 1.1.4 --paper 3" in log and "read 1.1" in log
    assert "unread: Qwen Technical Report" in log and "7 papers read" in log  # one line a change
    assert "paper:" not in log


def test_read_refuses_what_is_not_there(run: Run) -> None:
    out_of_range = run("read", "1.1.2", "--paper", "3")
    assert out_of_range.exit_code == 2 and "--paper takes 1 to 2" in out_of_range.stderr
    none = run("read", "1.1.1")
    assert none.exit_code == 2 and "has no papers" in none.stderr
    assert run("read", "99.9").exit_code == 2


# -- backups, the event schema, check


def test_read_marks_survive_a_backup_into_a_fresh_home(run: Run, tmp_path: Path) -> None:
    assert run("read", "3.2.1").exit_code == 0
    assert run("read", "5.2.1").exit_code == 0
    backup = tmp_path / "backup.json"
    assert run("export", "json", "-o", str(backup)).exit_code == 0
    fresh = ["--home", str(tmp_path / "fresh")]
    assert run(*fresh, "import", str(backup)).exit_code == 0
    assert _read_urls(run, *fresh) == _read_urls(run) and LLAMA in _read_urls(run)
    assert len(_read_urls(run)) == len(js(run, "papers", "3.2.1")) + 1
    assert run(*fresh, "check").exit_code == 0
    assert run("check").exit_code == 0


def test_the_event_schema_takes_read_marks_and_nothing_like_them() -> None:
    event: dict[str, object] = {
        "id": "e" * 32,
        "batch": "b" * 32,
        "device": "desk-1a2b3c",
        "at": "2025-01-01T00:00:00.000000Z",
        "item": "1.1.2",
        "field": paper_field(LLAMA),
        "old": None,
        "new": "1",
    }
    assert event_problems(event) == []
    assert event_problems({**event, "old": "1", "new": None}) == []
    assert event_problems({**event, "new": "yes"}) != []
    assert event_problems({**event, "new": "0"}) != []
    assert event_problems({**event, "field": "paper:" + "A" * 16}) != []
    assert event_problems({**event, "field": "paper:" + "0" * 17}) != []
    assert event_problems({**event, "field": "paper:../../etc"}) != []


@pytest.mark.parametrize(
    ("poison", "place"),
    [
        ({"new": "read\x1b[2J"}, ".new: "),
        ({"field": "paper:DROP TABLE"}, ".field: "),
        ({"item": "../../etc"}, ".item: "),
    ],
)
def test_a_hostile_read_event_is_refused_by_import(
    run: Run, tmp_path: Path, isolated_env: Path, poison: dict[str, object], place: str
) -> None:
    source = ["--home", str(tmp_path / "source")]
    assert run(*source, "read", "1.1.2").exit_code == 0
    backup = tmp_path / "backup.json"
    assert run(*source, "export", "json", "-o", str(backup)).exit_code == 0
    data: dict[str, Any] = json.loads(backup.read_text(encoding="utf-8"))
    reads = [e for e in data["events"] if e["field"].startswith("paper:")]
    assert len(reads) == 2
    reads[0].update(poison)
    backup.write_text(json.dumps(data), encoding="utf-8")
    result = run("import", str(backup))
    assert result.exit_code == 2 and place in result.stderr and "\x1b" not in result.stderr
    assert _read_urls(run) == set()


# -- next, show, done --phase theory


def test_next_and_show_name_the_unread_papers(run: Run) -> None:
    assert run("done", "1.1.1").exit_code == 0
    text = run("--lang", "en", "next").stdout
    assert "1.1.2" in text and "Unread papers: 1, 2 of 2 · llmlanding read 1.1.2 --paper N" in text
    assert js(run, "next")["unread_papers"] == [1, 2]
    assert run("read", "5.2.1").exit_code == 0  # LLaMA, listed under 1.1.2 as paper 1
    assert js(run, "next")["unread_papers"] == [2]
    assert "Unread papers: 2 of 2" in run("--lang", "en", "next").stdout
    assert "未读论文：2（共 2 篇）" in run("--lang", "zh", "show", "1.1.2").stdout
    assert js(run, "show", "1.1.2")["unread_papers"] == [2]
    assert run("read", "1.1.2", "--paper", "2").exit_code == 0
    assert "Papers all read (2)" in run("--lang", "en", "show", "1.1.2").stdout
    assert js(run, "show", "1.1")["unread_papers"] == [3, 4, 5, 6, 7]  # a section numbers its topics' papers too
    assert "Unread papers" not in run("--lang", "en", "show", "1.1.1").stdout  # no papers, no line


def test_theory_done_with_unread_papers_says_so_and_still_records(run: Run) -> None:
    result = run("--lang", "en", "done", "1.1.3", "--phase", "theory")
    assert result.exit_code == 0
    notices = [line for line in result.stdout.splitlines() if line.startswith("Note:")]
    assert notices == ["Note: 1.1.3 has unread papers: 2 (llmlanding papers 1.1.3 --unread)"]
    assert js(run, "show", "1.1.3")["phases"]["theory"] is True
    assert run("read", "1.1.4").exit_code == 0
    quiet = run("--lang", "en", "done", "1.1.4", "--phase", "theory")
    assert quiet.exit_code == 0 and "Note:" not in quiet.stdout
    assert "Note:" not in run("--lang", "en", "done", "1.1.2", "--phase", "practice").stdout


# -- export bibtex


_SPECIALS = {r"\{": "{", r"\}": "}", r"\%": "%", r"\&": "&", r"\$": "$", r"\#": "#", r"\_": "_"}
_SPECIALS.update({r"\^{}": "^", r"\~{}": "~", r"\textbackslash{}": "\\"})


def _unlatex(value: str) -> str:
    """A title field as bibtexparser gives it (`{...}`, the protecting braces) back to text: the inverse of
    LaTeX's escapes for its ten specials, written here apart from the code under test."""
    assert value.startswith("{") and value.endswith("}")
    pattern = "|".join(re.escape(k) for k in sorted(_SPECIALS, key=len, reverse=True))
    return re.sub(pattern, lambda m: _SPECIALS[m.group(0)], value[1:-1])


def _parse(text: str) -> list[dict[str, str]]:
    parser = bibtexparser.bparser.BibTexParser(common_strings=False)
    parser.ignore_nonstandard_types = False
    entries: list[dict[str, str]] = bibtexparser.loads(text, parser=parser).entries
    return entries


def test_bibtex_parses_back_to_the_roadmap(run: Run) -> None:
    result = run("export", "bibtex")
    assert result.exit_code == 0
    entries = _parse(result.stdout)
    papers = library(load_outline(BUNDLED), frozenset())
    assert len(entries) == len(papers) == 56
    assert len({e["ID"] for e in entries}) == len(entries)
    for entry, paper in zip(entries, papers, strict=True):
        assert _unlatex(entry["title"]) == paper.title
        assert entry["year"] == str(paper.year)
        assert entry["url"] == paper.url
        if paper.arxiv:
            assert entry["ENTRYTYPE"] == "article"
            assert entry["eprint"] == paper.arxiv and entry["archiveprefix"] == "arXiv"
            assert entry["ID"] == "arxiv" + paper.arxiv.replace(".", "")
        else:
            assert entry["ENTRYTYPE"] == "misc" and "eprint" not in entry
    assert run("export", "bibtex").stdout == result.stdout  # stable


def test_bibtex_escapes_specials_and_keeps_unicode() -> None:
    from llmlanding.domain.papers import Paper

    titles = [r"100% {braced} & $x$ #1 a_b ^ ~ \ back", "Über 中文 — ½", "Q-learning", "Q-learning"]
    papers = [Paper(t, f"https://example.org/{i}", 1992, "1", i + 1) for i, t in enumerate(titles)]
    entries = _parse(bibtex(papers))
    assert [_unlatex(e["title"]) for e in entries] == titles
    assert [e["ID"] for e in entries] == ["braced1992", "uber1992", "qlearning1992", "qlearning1992b"]
    assert latex_escaped("a\nb") == "a b"


def test_bibtex_of_an_item_and_of_the_read_papers(run: Run, tmp_path: Path) -> None:
    assert run("read", "1.1.2", "--paper", "2").exit_code == 0
    read = _parse(run("export", "bibtex", "--read").stdout)
    assert [e["eprint"] for e in read] == ["2307.09288"]
    within = _parse(run("export", "bibtex", "--in", "1.1").stdout)
    assert len(within) == 7
    target = tmp_path / "papers.bib"
    wrote = run("--lang", "en", "export", "bibtex", "-o", str(target))
    assert wrote.exit_code == 0 and "Wrote 56 papers as BibTeX" in wrote.stdout
    assert len(_parse(target.read_text(encoding="utf-8"))) == 56


def test_bibtex_refuses_to_overwrite_without_force(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "papers.bib"
    target.write_text("mine", encoding="utf-8")
    refused = run("export", "bibtex", "-o", str(target))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "mine"
    assert run("export", "bibtex", "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("@")


def test_arxiv_ids_from_addresses() -> None:
    assert arxiv_id("https://arxiv.org/abs/1706.03762") == "1706.03762"
    assert arxiv_id("https://arxiv.org/pdf/2307.09288v2.pdf") == "2307.09288"
    assert arxiv_id("http://arxiv.org/abs/hep-th/9901001") == "hep-th/9901001"
    assert arxiv_id("https://doi.org/10.1007/BF00992698") is None


def test_the_mini_roadmap_library(run: Run) -> None:
    entries = js(run, "--curriculum", str(MINI), "papers")
    assert [(e["item"], e["number"], e["arxiv"]) for e in entries] == [("1.1", 1, "1706.03762")]


def test_read_marks_keep_to_their_papers_across_an_upgrade(run: Run) -> None:
    from llmlanding.settings import bundled_editions

    bundled = bundled_editions()
    old, new = load_outline(bundled["2024-03-26"]), load_outline(bundled["2024-12-28"])
    assert run("read", "1").exit_code == 0 and run("read", "3").exit_code == 0
    read_before = _read_urls(run)
    assert read_before == {p.url for p in library(old, frozenset()) if p.item.split(".")[0] in ("1", "3")}
    diff = js(run, "curriculum", "diff", "2024-12-28")
    assert diff["work"]["orphaned"] == [] and diff["work"]["carried"] == []  # read marks are not work on ids
    assert run("curriculum", "upgrade", "2024-12-28", "--yes").exit_code == 0
    still = {p.url for p in library(new, frozenset())} & read_before
    assert still and _read_urls(run) == still
    assert js(run, "orphans") == []
    assert run("check").exit_code == 0
