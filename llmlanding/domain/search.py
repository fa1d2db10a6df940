"""`search`: ranking what the index found. An index row comes in as a `SearchDoc`; hits go out best first."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from llmlanding.domain.outline import Outline
from llmlanding.errors import UsageError


@dataclass(frozen=True, slots=True)
class SearchDoc:
    item_id: str
    field: str
    position: int
    text: str
    rank: float


# How much a match counts, by where it is: a title names the item, a link only mentions it.
WEIGHTS = {"title_zh": 10.0, "title_en": 10.0, "note": 6.0, "paper": 4.0, "description": 3.0, "link": 2.0}
TITLES = ("title_zh", "title_en")
WHOLE = 2.0  # a whole word counts twice a part of one: `lora` is LoRA more than QLoRA
TRANSLATED = 0.8  # a match through GLOSSARY counts a little less than the words as typed


# Chinese terms of the field and the English words the roadmap names them by, so that a Chinese query finds an
# item titled only in English (注意力 finds "Attention Is All You Need"). `transformer` is under 注意力 because
# the Transformer is the architecture that paper built on attention: a learner asking for 注意力 wants it.
GLOSSARY: dict[str, tuple[str, ...]] = {
    "注意力": ("attention", "transformer"),
    "自注意力": ("self-attention", "attention"),
    "微调": ("fine-tuning", "finetuning", "fine-tune"),
    "量化": ("quantization", "quantisation", "quantized"),
    "预训练": ("pre-training", "pretraining", "pre-trained", "pretrained"),
    "强化学习": ("reinforcement learning", "rl"),
    "推理": ("inference", "reasoning"),
    "分词": ("tokenizer", "tokenization", "tokeniser"),
    "提示": ("prompt",),
    "对齐": ("alignment", "rlhf"),
    "检索增强": ("retrieval", "rag"),
    "蒸馏": ("distillation",),
    "多模态": ("multimodal", "multi-modal"),
    "位置编码": ("positional", "rope"),
    "混合专家": ("mixture of experts", "moe"),
    "智能体": ("agent",),
    "评估": ("evaluation", "benchmark"),
    "嵌入": ("embedding",),
    "并行": ("parallel", "parallelism"),
    "加速": ("acceleration", "speed"),
    "知识图谱": ("knowledge graph",),
    "扩散": ("diffusion",),
}


@dataclass
class Hit:
    item_id: str
    score: float
    matches: list[SearchDoc] = field(default_factory=list)
    in_title: bool = False  # every term is in one of its titles
    whole_title: bool = False  # ... as a whole word


def terms_of(query: str) -> list[str]:
    terms = [term for term in query.split() if term]
    if not terms:
        raise UsageError("search needs at least one word, e.g. llmlanding search lora", key="search_empty")
    return terms


def alternatives(term: str) -> tuple[str, ...]:
    """What a term matches: itself, and for a Chinese term the English words of GLOSSARY for it and for the
    terms it contains (注意力机制 holds 注意力)."""
    found = [term]
    for chinese, english in GLOSSARY.items():
        if chinese in term:
            found += [word for word in english if word not in found]
    return tuple(found)


def _word_char(char: str) -> bool:
    # A letter or digit of a spaced script; Chinese has no spaces, so any place in it is a word boundary.
    return char.isascii() and char.isalnum()


def whole_word(term: str, text: str) -> bool:
    """Whether `term` is in `text` (both lower case) with no letter or digit of a spaced script glued to it:
    `lora` in "lora (low-rank…)" and "和lora微调", not in "qlora"."""
    start = text.find(term)
    while start >= 0:
        end = start + len(term)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        glued = (_word_char(term[0]) and _word_char(before)) or (_word_char(term[-1]) and _word_char(after))
        if not glued:
            return True
        start = text.find(term, start + 1)
    return False


def doc_score(doc: SearchDoc, terms: list[str], groups: list[tuple[str, ...]]) -> tuple[float, bool, bool]:
    """(score, every term whole-word, every term as typed) of one matching row: weighted by its field, doubled
    for whole words, a little less through translation, more the more of the text the words fill."""
    text = doc.text.lower()
    whole = all(any(whole_word(alt.lower(), text) for alt in group) for group in groups)
    typed = all(term.lower() in text for term in terms)
    density = min(sum(len(term) for term in terms) / max(len(doc.text), 1), 1.0)
    factor = (WHOLE if whole else 1.0) * (1.0 if typed else TRANSLATED)
    return WEIGHTS.get(doc.field, 1.0) * factor * (1.0 + density) - doc.rank, whole, typed  # bm25: lower is better


def rank(docs: list[SearchDoc], outline: Outline, terms: list[str], orphans: Collection[str] = ()) -> list[Hit]:
    """One hit per item, best first, as a person would rank them: items whose title holds every word whole
    (LoRA for `lora`), then those whose title holds them at all (QLoRA), then the rest; within each, by the
    score of their matching rows (`doc_score`), then roadmap order. Ids no longer in the roadmap count only when
    they are among `orphans` (ids that still hold work), and rank after the roadmap's."""
    groups = [alternatives(term) for term in terms]
    hits: dict[str, Hit] = {}
    for doc in docs:
        if doc.item_id not in outline.items and doc.item_id not in orphans:
            continue
        hit = hits.setdefault(doc.item_id, Hit(doc.item_id, 0.0))
        score, whole, _typed = doc_score(doc, terms, groups)
        hit.score += score
        if doc.field in TITLES:
            hit.in_title = True
            hit.whole_title = hit.whole_title or whole
        hit.matches.append(doc)
    for hit in hits.values():
        hit.matches.sort(key=lambda d: (-WEIGHTS.get(d.field, 1.0), d.position))
    beyond = len(outline.items)
    return sorted(
        hits.values(),
        key=lambda h: (
            not h.whole_title,
            not h.in_title,
            -h.score,
            outline.items[h.item_id].position if h.item_id in outline.items else beyond,
        ),
    )
