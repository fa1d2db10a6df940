"""Search ranks like a person: whole words and titles first, and Chinese queries find items named in English."""

from __future__ import annotations

import pytest
from helpers import Run, js

from llmlanding.domain.search import alternatives, whole_word


def _ids(run: Run, *query: str) -> list[str]:
    return [hit["id"] for hit in js(run, "search", *query)]


def test_a_whole_word_in_a_title_comes_before_a_part_of_one(run: Run) -> None:
    found = _ids(run, "lora")
    assert found[0] == "6.2.1"  # LoRA
    assert found.index("6.2.1") < found.index("6.2.3") and found.index("6.2.1") < found.index("6.2.4")


def test_the_paper_that_is_all_attention_comes_first(run: Run) -> None:
    found = _ids(run, "attention")
    assert found[0] == "3.1.1"  # "Attention Is All You Need", before FlashAttention and PagedAttention
    assert found.index("9.1") < found.index("9.1.1")  # a whole word before a part of one


@pytest.mark.parametrize(
    ("query", "expected"), [("注意力", {"3.1", "3.1.1", "9.1"}), ("强化学习", {"10", "10.1", "11.2"})]
)
def test_chinese_queries_find_items_named_in_english(run: Run, query: str, expected: set[str]) -> None:
    assert expected <= set(_ids(run, query))


def test_a_chinese_title_match_still_leads(run: Run) -> None:
    assert _ids(run, "微调")[0] == "6"  # LLM微调
    assert _ids(run, "注意力")[:2] == ["9.1.3", "9.1"]  # 块稀疏注意力, 注意力优化: the words as typed, in a title


def test_notes_are_found_and_a_view_highlights_the_translation(run: Run) -> None:
    run("note", "4.1.1", "-m", "the attention maps of a prompt")
    assert "4.1.1" in _ids(run, "注意力")
    shown = run("--lang", "en", "search", "注意力").stdout
    assert "4.1.1" in shown


@pytest.mark.parametrize(
    ("term", "text", "whole"),
    [
        ("lora", "lora (low-rank adaptation)", True),
        ("lora", "qlora", False),
        ("lora", "lora和qlora微调的调参心得", True),
        ("attention", "flashattention-2", False),
        ("attention", "the paper: attention is all you need", True),
        ("注意力", "块稀疏注意力", True),
    ],
)
def test_whole_word(term: str, text: str, whole: bool) -> None:
    assert whole_word(term, text) is whole


def test_alternatives_of_a_chinese_term() -> None:
    assert alternatives("lora") == ("lora",)
    assert alternatives("注意力") == ("注意力", "attention", "transformer")
    assert alternatives("注意力机制")[1:] == ("attention", "transformer")
