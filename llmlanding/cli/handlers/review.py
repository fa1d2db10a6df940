"""`review`: the loop over what is due, the list, and one rating without the loop."""

from __future__ import annotations

from llmlanding.cli.env import Env
from llmlanding.cli.output import ask, print_json, say, show
from llmlanding.errors import UsageError
from llmlanding.settings import today
from llmlanding.views.shapes import RatedJSON, ReviewCardJSON, ReviewListJSON
from llmlanding.views.words import msg


def list_data(env: Env) -> ReviewListJSON:
    """`review --list --json`: what is due today and what comes next."""
    from llmlanding.store.cards import read_cards
    from llmlanding.views.shapes import review_list_json

    snap = env.snapshot()
    with env.reading() as conn:
        cards = read_cards(conn)
    return review_list_json(snap, cards, today())


def review(
    env: Env, *, item_id: str | None, paper: int | None, rating: str | None, due_list: bool, as_json: bool
) -> None:
    if due_list and (item_id is not None or rating is not None or paper is not None):
        raise UsageError("--list shows every card: give it without ID, --paper or --rating", key="review_list_alone")
    if paper is not None and (item_id is None or rating is None):
        raise UsageError(
            "--paper goes with an ID and --rating: llmlanding review ID --paper N --rating good",
            key="review_paper_needs",
        )
    if rating is not None:
        if item_id is None:
            raise UsageError(
                "--rating needs the topic it rates: llmlanding review ID --rating good", key="review_rating_needs"
            )
        _rate_one(env, item_id, paper, rating, as_json)
        return
    if due_list:
        data = list_data(env)
        if as_json:
            print_json(data)
        else:
            from llmlanding.views.review import review_list_view

            show(review_list_view(data, env.lang))
        return
    if as_json:
        raise UsageError("--json goes with --list or --rating: the review loop asks you questions", key="review_json")
    _loop(env, item_id)


def _rate_one(env: Env, item_id: str, paper: int | None, rating: str, as_json: bool) -> None:
    data = rate_data(env, item_id, rating, paper=paper)
    if as_json:
        print_json(data)
        return
    from llmlanding.domain.review import parse_rating
    from llmlanding.views.review import rated_view

    number = parse_rating(data["rating"])
    show(rated_view(data["id"], number, data["card"]["due_day"], today(), data["left"], env.lang))


def rate_data(env: Env, item_id: str, rating: str, *, paper: int | None = None, via: str = "") -> RatedJSON:
    """`review ID [--paper N] --rating R --json`: rate a topic in review, or its N-th paper (`via` names who
    asked, as `log` shows it)."""
    from llmlanding.domain.review import RATING_NAMES, parse_rating
    from llmlanding.services.review import rate
    from llmlanding.views.shapes import review_card_json

    number = parse_rating(rating)
    rated = rate(env.settings, item_id, number, paper=paper, via=via)
    card = review_card_json(env.snapshot(), rated.card)
    return {"id": rated.item_id, "rating": RATING_NAMES[number - 1], "card": card, "left": rated.left}


def _loop(env: Env, item_id: str | None) -> None:
    from llmlanding.domain.review import parse_rating
    from llmlanding.domain.stamps import local_day
    from llmlanding.services.review import rate
    from llmlanding.store.queries import read_aliases, read_notes
    from llmlanding.views.review import answer_view, nothing_due_view, prompt_view, rated_view

    data = list_data(env)
    snap = env.snapshot()
    queue: list[ReviewCardJSON] = data["due"]
    if item_id is not None:
        wanted = snap.outline.get(item_id).id
        queue = [c for c in _every_card(env) if c["id"] == wanted and not c["paper"]]
        if not queue:
            raise UsageError(
                f"{wanted} is not in review yet: a topic enters review when its written summary is done "
                f"(llmlanding done {wanted} --phase summary)",
                key="not_in_review",
                id=wanted,
            )
    if not queue:
        show(nothing_due_view(data, env.lang, finished=False))
        return
    with env.reading() as conn:
        notes = read_notes(conn, read_aliases(conn))
    lang = env.lang
    for i, card in enumerate(queue, start=1):
        item = snap.outline.items[card["id"]]
        trail = " › ".join(f"{p.id} {p.title(lang)}" for p in snap.outline.ancestors(item.id))
        show(prompt_view(card, trail, i, len(queue), lang))
        if ask(msg(lang, "review.recall") + " ") is None:
            return _stopped(env, len(queue) - i + 1)
        note = notes.get(item.id)
        paper = card["paper"]
        refs = [f"{paper['title']}  {paper['url']}"] if paper else [p.title for p in item.papers]
        show(answer_view(item.id, note.text if note else None, refs, lang))
        number = None
        while number is None:
            answer = ask(msg(lang, "review.ask"))
            if answer is None or answer.strip().lower() in ("q", "quit"):
                return _stopped(env, len(queue) - i + 1)
            try:
                number = parse_rating(answer)
            except UsageError as exc:
                say(str(exc))
        rated = rate(env.settings, item.id, number, paper_key=_key(card))
        show(rated_view(item.id, number, local_day(rated.card.due).isoformat(), today(), rated.left, lang))
        say("")
    show(nothing_due_view(_fresh_list(env), lang, finished=True))


def _key(card: ReviewCardJSON) -> str:
    """The read-mark field of a paper's card, "" for a topic's."""
    from llmlanding.domain.papers import paper_field

    return paper_field(card["paper"]["url"]) if card["paper"] else ""


def _every_card(env: Env) -> list[ReviewCardJSON]:
    from llmlanding.store.cards import read_cards
    from llmlanding.views.shapes import review_card_json

    snap = env.snapshot()
    with env.reading() as conn:
        return [review_card_json(snap, card) for card in read_cards(conn) if card.item_id in snap.outline.items]


def _fresh_list(env: Env) -> ReviewListJSON:
    return list_data(Env(env.settings))  # the ratings just given are in the store, not in this run's snapshot


def _stopped(env: Env, left: int) -> None:
    say(msg(env.lang, "review.stopped", n=left))
