"""Spaced review as use cases: rate a topic (one batch that `undo` takes back), and the cards as they stand."""

from __future__ import annotations

from dataclasses import dataclass

from llmlanding.domain.history import Change
from llmlanding.domain.review import RATING_NAMES, REVIEW_FIELD, Card, due_limit
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


def rate(settings: Settings, item_id: str, rating: int, *, via: str = "") -> Rated:
    """Rate a topic in review as one batch. `via` names who asked when it was not the learner at the command
    line (the assistant); `log` shows it in the batch's command."""
    with transaction(settings.db, settings.curriculum, roadmap=True) as tx:
        item = tx.snapshot().outline.get(item_id)
        if item.children:
            raise UsageError(f"{item.id} is not a topic: only topics are reviewed (llmlanding review --list)")
        if cards.read_card(tx.conn, item.id) is None:
            raise UsageError(
                f"{item.id} is not in review yet: a topic enters review when its written summary is done "
                f"(llmlanding done {item.id} --phase summary)"
            )
        command = f"review {item.id} --rating {RATING_NAMES[rating - 1]}" + (f" ({via})" if via else "")
        write_batch(tx, command, [Change(item.id, REVIEW_FIELD, None, str(rating))])
        card = cards.read_card(tx.conn, item.id)
        left = cards.due_count(tx.conn, due_limit(today()))
    assert card is not None  # a rating never takes a topic out of review
    return Rated(item.id, rating, card, left)
