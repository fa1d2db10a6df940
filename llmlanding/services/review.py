"""Spaced review as use cases: rate a topic (one batch that `undo` takes back), and the cards as they stand."""

from __future__ import annotations

from dataclasses import dataclass

from llmlanding.domain.history import Change
from llmlanding.domain.papers import chosen, paper_field
from llmlanding.domain.refs import refs_of
from llmlanding.domain.review import RATING_NAMES, REVIEW_FIELD, Card, due_limit, paper_review_field
from llmlanding.errors import UsageError
from llmlanding.settings import Settings, today
from llmlanding.store import cards
from llmlanding.store.writer import transaction, write_batch


@dataclass
class Rated:
    """What `review ID --rating R` did: the card after the rating and how many reviews are still due today."""

    item_id: str
    rating: int
    card: Card
    left: int


def rate(
    settings: Settings, item_id: str, rating: int, *, paper: int | None = None, paper_key: str = "", via: str = ""
) -> Rated:
    """Rate a topic in review as one batch, or with `paper` its N-th paper (as `open` numbers them) put in review
    with `read --review`. `via` names who asked when it was not the learner at the command line (the
    assistant); `log` shows it in the batch's command. `paper_key` names the paper by its read-mark field
    instead (the review loop, which has its card)."""
    with transaction(settings.db, settings.curriculum, roadmap=True) as tx:
        outline = tx.snapshot().outline
        item = outline.get(item_id)
        words = ["review", item.id, *(["--paper", str(paper)] if paper is not None else [])]
        if paper is not None or paper_key:
            key = paper_key or paper_field(chosen(outline, item, paper)[0])
            numbers = [n for n, p in enumerate(refs_of(outline, item).papers, start=1) if paper_field(p.url) == key]
            words = ["review", item.id, *(["--paper", str(numbers[0])] if numbers else [])]
            card = cards.read_card(tx.conn, item.id, key)
            if card is None:
                raise UsageError(
                    f"paper {paper} of {item.id} is not in review: llmlanding read {item.id} --paper {paper} --review",
                    key="paper_not_in_review",
                    paper=paper,
                    id=item.id,
                )
            change = Change(card.item_id, paper_review_field(key), None, str(rating))
        else:
            if item.children:
                raise UsageError(
                    f"{item.id} is not a topic: only topics are reviewed (llmlanding review --list)",
                    key="review_not_topic",
                    id=item.id,
                )
            card = cards.read_card(tx.conn, item.id)
            if card is None:
                raise UsageError(
                    f"{item.id} is not in review yet: a topic enters review when its written summary is done "
                    f"(llmlanding done {item.id} --phase summary)",
                    key="not_in_review",
                    id=item.id,
                )
            change = Change(item.id, REVIEW_FIELD, None, str(rating))
        command = " ".join([*words, "--rating", RATING_NAMES[rating - 1]]) + (f" ({via})" if via else "")
        write_batch(tx, command, [change])
        after = cards.read_card(tx.conn, card.item_id, card.paper)
        left = cards.due_count(tx.conn, due_limit(today()))
    assert after is not None  # a rating never takes a card out of review
    return Rated(item.id, rating, after, left)
