"""FSRS, the one place the scheduler library is used: a card replayed from its ratings. Imported only when an
item has ratings (rating, sync, import, undoing a rating), never by `done` or `next`.

Topics are reviewed over days, not minutes: no learning or relearning steps, so "again" also gives a day; no
fuzzing, so the same log always gives the same schedule on every machine. Times are aware UTC datetimes.
"""

from __future__ import annotations

from fsrs import Card, Rating, Scheduler

from llmlanding.domain.review import GOOD
from llmlanding.domain.stamps import STAMP_FORMAT, utc

SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def _card_id(item_id: str) -> int:
    # fsrs makes ids from the clock (and sleeps a millisecond to keep them apart); the id plays no part in the
    # schedule, so a fixed one keeps replays pure.
    return 1 + sum(ord(ch) for ch in item_id)


def replay(item_id: str, entered: str, ratings: list[tuple[str, int]]) -> str:
    """The due stamp of a card that entered review at `entered` (a first "good") and was rated since."""
    start = utc(entered)
    card = Card(card_id=_card_id(item_id), due=start)
    card, _ = SCHEDULER.review_card(card, Rating(GOOD), review_datetime=start)
    for at, rating in ratings:
        card, _ = SCHEDULER.review_card(card, Rating(rating), review_datetime=utc(at))
    return card.due.strftime(STAMP_FORMAT)
