"""Spaced review of finished topics, as rules without I/O: the ratings, when a topic enters review, and the
first interval, which is known without running the scheduler (so that `done` need not import it).

A topic enters review when its written summary is done: that moment counts as a first review rated "good".
Each later rating is an event on field `review` of the topic (new: the rating 1–4; old: null); an undone
rating does not count. A card is rebuilt from those, so two machines with the same log agree on every card.

A paper enters review when the learner asks (`read ID --review`): an event on field `review:` + the paper's
read-mark field (`review:paper:<16 hex>`) of the item it was read under, new "0"; its ratings are events on the
same field, and a null value (`unread`) takes it out of review. One card per paper, whatever item holds it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from llmlanding.domain.stamps import local_midnight
from llmlanding.errors import UsageError

REVIEW_FIELD = "review"  # an event's field for a rating: new is "1".."4", old is null
RATING_VALUES = ("1", "2", "3", "4")
PAPER_REVIEW = "review:"  # + a paper's read-mark field: the field of a paper's review events
ENTER = "0"  # a paper's review event that puts it in review (a first "good", as a summary is for a topic)
RATING_NAMES = ("again", "hard", "good", "easy")  # as FSRS names them, 1 to 4
GOOD = 3

# The first interval after entering review ("good" with no earlier review), in days: what FSRS-6's default
# parameters give with no learning steps and no fuzzing. tests/test_review.py holds it against the scheduler.
FIRST_INTERVAL = timedelta(days=2)


def parse_rating(text: str) -> int:
    """1–4, again/hard/good/easy, or their first letters a/h/g/e."""
    spoken = text.strip().lower()
    for number, name in enumerate(RATING_NAMES, start=1):
        if spoken in (str(number), name, name[0]):
            return number
    raise UsageError(f"a rating is again, hard, good or easy (1-4, or a h g e), not '{text}'", key="rating", text=text)


def paper_review_field(paper: str) -> str:
    """The field of a paper's review events, from its read-mark field (`domain.papers.paper_field`)."""
    return PAPER_REVIEW + paper


def is_paper_review_field(name: str) -> bool:
    if not name.startswith(PAPER_REVIEW):  # most fields, at no import: a backup checks 200,000 of them
        return False
    from llmlanding.domain.papers import is_paper_field

    return is_paper_field(name[len(PAPER_REVIEW) :])


class Card(NamedTuple):
    """An item's place in review, or a paper's (`paper`: its read-mark field, "" for the item itself): when it
    is next due, when it was last reviewed (entering counts), and how many ratings the learner has given it."""

    item_id: str
    due: str  # a stored stamp
    last: str
    ratings: int
    paper: str = ""


def due_limit(today: date) -> str:
    """A card is due on the learner's local day of its due time: due means before the next local midnight."""
    return local_midnight(today + timedelta(days=1))
