"""The two bundled editions of the roadmap: the 2024-12-28 file is faithful to its README, its `revises:` map
carries every 2024-03-26 topic to the item with the same content (or drops it), and the 2024-03-26 file holds
only what its own sources (the blog copy and the README of the day before) give it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import ROOT, Run

from llmlanding.domain.editions import destination
from llmlanding.domain.outline import Outline
from llmlanding.roadmap.loader import load_curriculum, load_outline, to_outline
from llmlanding.roadmap.schema import Roadmap

OLD_FILE = ROOT / "curriculum" / "llmlanding.yaml"
NEW_FILE = ROOT / "curriculum" / "llmlanding-2024-12.yaml"
REFERENCE = Path("/work/shared/reference")
README_2024_03 = REFERENCE / "upstream-readme-2024-03-25.md"
README_2024_12 = REFERENCE / "upstream-readme-2024-12-28.md"
BLOG_COPY = REFERENCE / "000_1938519a1581b079.txt"

needs_sources = pytest.mark.skipif(not README_2024_12.is_file(), reason="the roadmap's sources are not on this machine")

# The seven links of the 2024-03-26 file that only the 2024-12-28 README has, and where that edition puts them
# ("resources" for the preface's reference projects).
MOVED_URLS = {
    "https://github.com/rasbt/LLMs-from-scratch": "resources",
    "https://zhuanlan.zhihu.com/p/697773502": "resources",  # LlamaFactory
    "https://github.com/karpathy/": "resources",
    "https://zhuanlan.zhihu.com/p/696057719": "6.2",  # PEFT survey
    "https://zhuanlan.zhihu.com/p/702629428": "6.2.1",  # LoRA explained
    "https://qwen.readthedocs.io/en/latest/framework/LlamaIndex.html": "8.2.2",
    "https://zhuanlan.zhihu.com/p/718307193": "12",  # Phi2-mini-Chinese, published after 2024-03-26
}
BLOG_HOME = "https://www.cnblogs.com/justLittleStar"

# Old id -> new id, each checked by reading both titles and what the item holds.
SAME_CONTENT = [
    ("0.3.2", "0.3.2"),  # 动手学强化学习
    ("1.1.3", "1.1.2"),  # Mistral / Mixtral-8X7B-MOE
    ("2.2.2", "2.2.2"),  # 建模思路
    ("3.1.3", "3.1.3"),  # Transformer代码详解和训练实战
    ("3.2.8", "3.2.7"),  # MiniGPT: the ToDo 3.2.7 is gone, so the rest move up
    ("3.2.9", "3.2.8"),  # NanoGPT code analysis
    ("3.2.11", "3.2.10"),  # 微调-文本摘要实战
    ("3.3.4", "3.3.3"),  # BERT pre-training with Hugging Face -> BERT预训练实战 (基于Transformers库)
    ("3.3.9", "3.3.7"),  # SimCSE-BERT
    ("3.3.10", "3.3.10"),  # RoBERTa
    ("4.1.3", "4.1.2"),  # 答案空间映射设计
    ("4.2.1", "4.1.3"),  # 上下文学习介绍
    ("4.3.2", "4.2.2"),  # 开源指令数据集
    ("5.2.1", "5.1.1"),  # Llama1
    ("5.2.3", "5.1.2"),  # Llama2 source -> Llama2 (with the same 'llama 2详解' article)
    ("6.2.3", "6.2.2"),  # QLoRA
    ("7.1.4", "7.1.3"),  # SentencePiece
    ("7.1.5", "7.1.4"),  # MinBPE
    ("9.3.1", "9.2.1"),  # vLLM
    ("9.4", "9.3"),  # 训练加速
    ("10.3.4", "10.1.4"),  # Actor-Critic
    ("11.1.6", "11.1.6"),  # PPO hands-on
    ("11.2.4", "11.2.3"),  # RLHF内部剖析
    ("11.2.9", "11.2.7"),  # 模型训练\生成\评估
    ("15.1", "13.1"),  # 多模态大模型调研
]

# Old leaves whose material the 2024-12-28 edition does not have, several of whose ids it reuses for other topics.
REMOVED = [
    "0.4.1",  # 苏剑林 (the new 0.4 is 数学基础)
    "1.1.1",  # LLM的发展历程与趋势 (the new 1.1.1 is the Llama 3 report)
    "1.2.1",
    "3.2.7",  # Transformers库GPT实现分析 (ToDo)
    "3.3.8",
    "3.3.11",  # ALBERT (the new 3.3.11 is DeBERTa)
    "3.4.1",
    "4.1.2",  # 提示模板设计 (the new 4.1.2 is the answer-space mapping)
    "5.1.1",  # Mistral (the new 5.1 is Llama)
    "6.2.2",  # ChatGLM3-6B微调 (the new 6.2.2 is QLoRA)
    "7.1.3",  # Unigram (the new 7.1.3 is SentencePiece)
    "8.2.2",  # 知识库问答实践 (the new 8.2.2 is LlamaIndex)
    "9.2.1",  # Llama.c (the new 9.2.1 is vLLM)
    "10.1",  # 强化学习概述 (the new 10.1 is the algorithms)
    "11.2.3",  # RLHF的流程 (the new 11.2.3 is RLHF内部剖析)
    "12.2.1",
    "13.4.1",  # Pile (the new 13 is multimodal models)
    "14.2.1",
    "16.2",
]


@pytest.fixture(scope="module")
def old() -> Outline:
    return load_outline(OLD_FILE)


@pytest.fixture(scope="module")
def new_roadmap() -> Roadmap:
    return load_curriculum(NEW_FILE)


@pytest.fixture(scope="module")
def new(new_roadmap: Roadmap) -> Outline:
    return to_outline(new_roadmap)


def _item_urls(outline: Outline) -> set[str]:
    papers = {paper.url for item in outline.items.values() for paper in item.papers}
    return papers | {link.url for item in outline.items.values() for link in item.links}


def _resource_urls(roadmap: Roadmap) -> set[str]:
    res = roadmap.resources
    return {link.url for group in (res.projects, res.books, res.courses, res.tutorials) for link in group}


def _readme_urls(text: str) -> set[str]:
    """The http(s) addresses of a markdown text, images left out; two addresses run together are two."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"<img [^>]*>", "", text)
    found = re.findall(r"https?://.+?(?=https?://|[\s)）<>\"'，。]|$)", text, flags=re.MULTILINE)
    return {url.rstrip(".,;:") for url in found}


def test_the_new_edition_loads_with_the_readmes_13_chapters(new_roadmap: Roadmap, new: Outline) -> None:
    assert new_roadmap.id == "llmlanding" and new_roadmap.edition == "2024-12-28"
    assert [c.id for c in new.chapters] == [str(n) for n in range(14)]
    assert [c.id for c in new.chapters if c.optional] == ["0"]
    assert new.items["0"].title_zh == "基础知识"
    for item in new.items.values():
        assert item.children == [f"{item.id}.{n}" for n in range(1, len(item.children) + 1)], item.id


@needs_sources
def test_chapter_titles_are_the_readmes(new: Outline) -> None:
    readme = README_2024_12.read_text(encoding="utf-8")
    chapters = dict(re.findall(r"^##\s+第\s*(\d+)\s*章\s+(.+?)\s*$", readme, flags=re.MULTILINE))
    assert sorted(chapters, key=int) == [str(n) for n in range(1, 14)]
    for number, title in chapters.items():
        assert new.items[number].title_zh == title


def test_chapter_titles_of_the_new_edition(new: Outline) -> None:
    titles = [new.items[str(n)].title_zh for n in range(1, 14)]
    assert titles == [
        "技术报告", "ChatGPT背景与原理", "预训练语言模型", "提示学习与大型语言模型", "开源大型语言模型", "LLM微调",
        "大型语言模型预训练", "LLM应用", "LLM加速", "强化学习", "PPO算法与RLHF理论实战", "类ChatGPT实战", "多模态大模型",
    ]  # fmt: skip


@needs_sources
def test_every_address_of_the_readmes_chapters_is_in_the_new_edition(new: Outline) -> None:
    readme = README_2024_12.read_text(encoding="utf-8")
    chapters = readme.split("# 学习目录", 1)[1]
    urls = _readme_urls(chapters)
    # "GPT-4 Technical Report(http://openai.com)" names the publisher, not a page; the paper is on 3.2.1.
    assert "http://openai.com" in urls
    urls.discard("http://openai.com")
    assert "https://arxiv.org/abs/2303.08774" in {p.url for p in new.items["3.2.1"].papers}
    assert len(urls) >= 25
    assert urls - _item_urls(new) == set()


def test_the_new_edition_has_its_papers_and_paths(new_roadmap: Roadmap, new: Outline) -> None:
    papers = {item_id: {p.url for p in item.papers} for item_id, item in new.items.items()}
    assert "https://arxiv.org/abs/2407.21783" in papers["1.1.1"]  # The Llama 3 Herd of Models
    assert "https://arxiv.org/abs/2404.06395" in papers["1.1.5"]  # MiniCPM
    assert "https://arxiv.org/abs/2402.14905" in papers["1.1.7"]  # MobileLLM
    assert "https://arxiv.org/abs/1706.03762" in papers["3.1.1"]
    assert "https://arxiv.org/abs/2106.09685" in papers["6.2.1"]  # LoRA
    assert "https://arxiv.org/abs/1707.06347" in papers["11.1.1"]  # PPO
    todo = {item.title_zh for item in new.items.values() if item.upstream_todo}
    assert todo == {"动手用C++实现GPT", "BERT结构和预训练代码实现"}
    assert new.paths["book"].items == [str(n) for n in range(1, 14)]
    assert new.paths["quickstart"].items[:2] == ["5.2", "5.1"]  # Qwen2 and Llama first
    assert new.paths["deep"].items[:2] == ["0", "3"]
    projects = [link.url for link in new_roadmap.resources.projects]
    assert len(projects) == 5 and "https://github.com/lyhue1991/torchkeras/" in projects


def test_the_default_roadmap_is_still_the_2024_03_26_edition() -> None:
    from llmlanding.settings import bundled_curriculum

    assert bundled_curriculum().name == "llmlanding.yaml"
    assert load_curriculum(bundled_curriculum()).edition == "2024-03-26"


def test_every_key_of_the_map_is_an_old_id(new_roadmap: Roadmap, old: Outline) -> None:
    assert new_roadmap.revises is not None and new_roadmap.revises.edition == "2024-03-26"
    assert set(new_roadmap.revises.map) - set(old.items) == set()


def test_every_old_leaf_lands_on_new_items_or_is_removed(new_roadmap: Roadmap, old: Outline, new: Outline) -> None:
    assert new_roadmap.revises is not None
    assert new.revises is not None
    mapping = new.revises.map
    leaves = [i for i, item in old.items.items() if item.is_leaf]
    assert len(leaves) == 165  # 156 topics and 9 sections without topics
    landed = 0
    for leaf in leaves:
        targets = destination(leaf, mapping, new)
        if not targets:
            continue
        landed += 1
        assert targets and all(t in new.items for t in targets), (leaf, targets)
    assert 70 <= landed < len(leaves)


@pytest.mark.parametrize(("before", "after"), SAME_CONTENT)
def test_hand_checked_topics_land_on_the_same_content(new: Outline, before: str, after: str) -> None:
    assert new.revises is not None
    assert destination(before, new.revises.map, new) == [after]


@pytest.mark.parametrize("before", REMOVED)
def test_topics_the_new_edition_lacks_are_removed(new: Outline, before: str) -> None:
    assert new.revises is not None
    assert destination(before, new.revises.map, new) == []


def test_the_seven_later_links_left_the_2024_03_26_edition_for_the_2024_12_28_one(
    old: Outline, new_roadmap: Roadmap, new: Outline
) -> None:
    old_urls = _item_urls(old) | _resource_urls(load_curriculum(OLD_FILE))
    for url, place in MOVED_URLS.items():
        assert url not in old_urls, url
        if place == "resources":
            assert url in _resource_urls(new_roadmap), url
        else:
            assert url in {link.url for link in new.items[place].links}, url


@needs_sources
def test_every_link_of_the_2024_03_26_edition_comes_from_its_own_sources(old: Outline) -> None:
    readme = README_2024_03.read_text(encoding="utf-8")
    blog = BLOG_COPY.read_text(encoding="utf-8")
    links = {link.url for item in old.items.values() for link in item.links} | _resource_urls(load_curriculum(OLD_FILE))
    named_only = {"https://spaces.ac.cn/"}  # the blog copy names 苏剑林 科学空间 without its address

    def in_blog(url: str) -> bool:
        # The blog copy cuts each address to its first 23 characters after the scheme and "www.".
        core = re.sub(r"^https?://(www\.)?", "", url)
        return url in blog or (len(core) >= 23 and core[:23] in blog)

    strays = {url for url in links if url not in readme and not in_blog(url)} - named_only
    assert strays == set()


def test_the_authors_blog_home_is_in_the_2024_03_26_edition(old: Outline) -> None:
    assert BLOG_HOME in {link.url for link in old.items["0"].links}


def test_3_2_4_and_5_2_4_say_the_same_in_both_languages(old: Outline) -> None:
    picogpt = old.items["3.2.4"]
    assert picogpt.description_zh is not None and picogpt.description_en is not None
    assert re.findall(r"\d+M", picogpt.description_zh) == re.findall(r"\d+M", picogpt.description_en) == ["128M"]
    assert "6B" in old.items["5.2.4"].title_zh and "6B" in old.items["5.2.4"].title_en


def test_16_2_keeps_the_blogs_reflections(old: Outline) -> None:
    zh = old.items["16.2"].description_zh or ""
    for point in ("7B、13B", "稀缺", "稳定", "需求持续", "不能越老越吃香", "壁垒", "迁移到稳定或有前景的行业",
                  "不断提升自己的学习效率", "计算机系统知识", "数学", "想学习大语言模型(LLM)应该从哪个开源模型开始"):  # fmt: skip
        assert point in zh, point
    en = old.items["16.2"].description_en or ""
    for point in ("scarcity", "stability", "lasting demand", "with age", "barrier", "how fast you learn", "Zhihu"):
        assert point in en, point


@pytest.mark.parametrize("roadmap", [OLD_FILE, NEW_FILE], ids=["2024-03-26", "2024-12-28"])
def test_the_format_doc_gives_each_editions_counts_as_validate_does(run: Run, roadmap: Path) -> None:
    result = run("curriculum", "validate", str(roadmap))
    assert result.exit_code == 0, result.stderr
    counts = result.stdout.split(" — ", 1)[1].strip()
    doc = " ".join((ROOT / "docs" / "curriculum-format.md").read_text(encoding="utf-8").split())
    assert f"({counts})" in doc or f"; {counts})" in doc, counts


def _made_from(markdown: str) -> Outline:
    """The roadmap `curriculum import` makes of `markdown`."""
    from llmlanding.roadmap.loader import load_text
    from llmlanding.roadmap.markdown import convert, dump

    return to_outline(load_text(dump(convert(markdown, name="r.md"), "r.md"), "r.md"))


def test_renumbering_finds_each_item_where_it_went() -> None:
    from llmlanding.domain.editions import renumbering, renumbers

    old = _made_from("# R\n\n## A\n### S\n- one\n- two\n\n## B\n### S\n- one\n- three\n")
    assert renumbering(old, old) == {i: i for i in old.items} and not renumbers(old, old, renumbering(old, old))
    # A chapter added first, a topic added in A's section, B's "three" gone: each old item is found by its titles
    # under its own chapter, though both sections are called S and both chapters have a "one".
    new = _made_from("# R\n\n## Z\n### S\n- zero\n\n## A\n### S\n- new\n- one\n- two\n\n## B\n### S\n- one\n")
    found = renumbering(old, new)
    assert found == {"1": "2", "1.1": "2.1", "1.1.1": "2.1.2", "1.1.2": "2.1.3", "2": "3", "2.1": "3.1"} | {
        "2.1.1": "3.1.1",
        "2.1.2": None,
    }
    assert renumbers(old, new, found)


def test_renumbering_leaves_an_item_it_cannot_tell_apart_behind() -> None:
    from llmlanding.domain.editions import renumbering

    old = _made_from("# R\n\n## A\n### S\n- same\n- same\n")
    # Both "same" topics moved to a new section: under other titles, with no address, two of a kind cannot be told.
    new = _made_from("# R\n\n## A\n### T\n- same\n- same\n")
    found = renumbering(old, new)
    assert found["1.1.1"] is None and found["1.1.2"] is None and found["1"] == "1"
