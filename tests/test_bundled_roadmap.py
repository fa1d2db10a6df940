"""The bundled roadmap is complete and faithful to the LLMLanding roadmap it is built from."""

from __future__ import annotations

import re

import pytest

from llmlanding.domain.outline import Outline
from llmlanding.roadmap.loader import load_curriculum, to_outline
from llmlanding.settings import bundled_curriculum

# Every chapter and section of the roadmap (blog edition of 2024-03-26), with the roadmap's own title.
ROADMAP_SECTIONS = {
    "0": "基础知识", "0.1": "视频课程", "0.2": "书籍", "0.3": "强化学习", "0.4": "博客",
    "1": "技术与需求分析", "1.1": "技术分析", "1.2": "市场需求分析",
    "2": "ChatGPT背景与原理", "2.1": "ChatGPT的工作原理", "2.2": "算法细节",
    "3": "预训练语言模型", "3.1": "Transformer", "3.2": "GPT", "3.3": "BERT", "3.4": "T5系列", "3.5": "UniLM",
    "4": "提示学习与大型语言模型", "4.1": "提示学习PromptLearning", "4.2": "上下文学习 ContextLearning",
    "4.3": "指令数据构建",
    "5": "开源大型语言模型", "5.1": "Mistral", "5.2": "Llama", "5.3": "ChatGLM",
    "6": "LLM微调", "6.1": "全量指令微调SFT", "6.2": "高效微调PEFT",
    "7": "大型语言模型预训练", "7.1": "预训练模型中的分词器", "7.2": "分布式训练", "7.3": "MOE混合专家模型",
    "8": "LLM应用", "8.1": "推理规划", "8.2": "综合应用框架", "8.3": "智能代理AI Agent",
    "9": "LLM加速", "9.1": "注意力优化", "9.2": "CPU推理加速", "9.3": "推理优化框架", "9.4": "训练加速",
    "10": "强化学习", "10.1": "强化学习概述", "10.2": "强化学习环境", "10.3": "强化学习算法",
    "11": "PPO算法与RLHF理论实战", "11.1": "近端策略优化算法PPO", "11.2": "基于人类反馈的强化学习RLHF",
    "12": "类ChatGPT实战", "12.1": "任务设计", "12.2": "数据准备",
    "13": "语言模型训练数据", "13.1": "数据来源", "13.2": "数据处理", "13.3": "数据影响分析",
    "13.4": "开源数据集合",
    "14": "大语言模型评估", "14.1": "模型评估概述", "14.2": "大语言模型评估体系", "14.3": "大语言模型评估方法",
    "14.4": "大语言模型评估实践",
    "15": "多模态大模型", "15.1": "多模态大模型调研", "15.2": "实战",
    "16": "大模型原生应用", "16.1": "落地调研", "16.2": "应用分析",
}  # fmt: skip


@pytest.fixture(scope="module")
def outline() -> Outline:
    return to_outline(load_curriculum(bundled_curriculum()))


def test_every_chapter_and_section_exists_with_its_chinese_title(outline: Outline) -> None:
    for item_id, title in ROADMAP_SECTIONS.items():
        assert item_id in outline.items, item_id
        assert outline.items[item_id].title_zh == title
    non_topics = {i for i, item in outline.items.items() if item.kind != "topic"}
    assert non_topics == set(ROADMAP_SECTIONS)


def test_chapters_are_0_to_16_and_only_0_is_optional(outline: Outline) -> None:
    assert [c.id for c in outline.chapters] == [str(n) for n in range(17)]
    assert [c.id for c in outline.chapters if c.optional] == ["0"]


def test_topics_are_numbered_in_order_under_their_section(outline: Outline) -> None:
    for item in outline.items.values():
        expected = [f"{item.id}.{n}" for n in range(1, len(item.children) + 1)]
        assert item.children == expected, item.id


def test_every_url_is_absolute_http_and_not_truncated(outline: Outline) -> None:
    roadmap = load_curriculum(bundled_curriculum())
    urls = [p.url for i in outline.items.values() for p in i.papers]
    urls += [link.url for i in outline.items.values() for link in i.links]
    resources = roadmap.resources
    urls += [
        link.url
        for group in (resources.projects, resources.books, resources.courses, resources.tutorials)
        for link in group
    ]
    assert len(urls) > 100
    for url in urls:
        assert re.match(r"^https?://[^/\s]+\.[^/\s]+(/|$)", url), url
        assert "…" not in url and not url.endswith("...")
        assert "justLittleS/" not in url and not url.endswith("justLittleS")


def test_gpt_section_has_its_papers_and_implementations(outline: Outline) -> None:
    below = [outline.items[i] for i in outline.descendants("3.2")]
    papers = {p.title: p.url for item in below for p in item.papers}
    assert papers["Improving Language Understanding by Generative Pre-Training"].startswith("https://cdn.openai.com/")
    assert papers["Language Models are Unsupervised Multitask Learners"].startswith("https://cdn.openai.com/")
    assert papers["Language Models are Few-Shot Learners"] == "https://arxiv.org/abs/2005.14165"
    assert papers["GPT-4 Technical Report"] == "https://arxiv.org/abs/2303.08774"
    link_titles = " ".join(link.title for item in below for link in item.links)
    for name in ("60行代码实现GPT", "MiniGPT", "NanoGPT"):
        assert name in link_titles


@pytest.mark.parametrize(
    ("item_id", "paper"),
    [
        ("3.1", "https://arxiv.org/abs/1706.03762"),  # Attention Is All You Need
        ("11.1", "https://arxiv.org/abs/1707.06347"),  # PPO
        ("11.2", "https://arxiv.org/abs/2203.02155"),  # InstructGPT
        ("8.1", "https://arxiv.org/abs/2201.11903"),  # chain-of-thought
        ("8.1", "https://arxiv.org/abs/2205.10625"),  # least-to-most
        ("6.2", "https://arxiv.org/abs/2106.09685"),  # LoRA
        ("6.2", "https://arxiv.org/abs/2305.14314"),  # QLoRA
        ("9.1", "https://arxiv.org/abs/2205.14135"),  # FlashAttention
        ("3.3", "https://arxiv.org/abs/1810.04805"),  # BERT
        ("7.1", "https://arxiv.org/abs/1808.06226"),  # SentencePiece
    ],
)
def test_named_papers_sit_on_their_items(outline: Outline, item_id: str, paper: str) -> None:
    scope = [item_id, *outline.descendants(item_id)]
    assert paper in {p.url for i in scope for p in outline.items[i].papers}


def test_upstream_todo_markers(outline: Outline) -> None:
    todo = {item.title_zh for item in outline.items.values() if item.upstream_todo}
    for marker in (
        "动手用C++实现GPT",
        "Transformers库GPT实现分析",
        "BERT结构和预训练代码实现",
        "莎士比亚数据训练",
    ):
        assert any(marker in title for title in todo), marker


def test_learning_method_and_paths(outline: Outline) -> None:
    roadmap = load_curriculum(bundled_curriculum())
    assert [(p.id, p.title.zh) for p in roadmap.phases] == [
        ("theory", "原理学习"),
        ("practice", "代码实践"),
        ("summary", "输出总结"),
    ]
    assert set(outline.paths) == {"book", "quickstart", "deep"}
    assert outline.default_path == "book"
    assert outline.paths["book"].items == [str(n) for n in range(1, 17)]
    book = outline.path_leaves("book")
    assert book[0] == outline.leaves_under("1")[0]
    assert not any(outline.items[leaf].optional for leaf in book)
    assert outline.path_leaves("quickstart")[0] == outline.leaves_under("1")[0]
    assert "3.2.1" in outline.path_leaves("deep")
    assert len(roadmap.resources.goals) >= 4
    assert roadmap.resources.projects and roadmap.resources.books
    assert roadmap.resources.courses and roadmap.resources.tutorials
