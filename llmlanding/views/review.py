"""Spaced review as the learner reads it: the list of what is due, one topic to recall, what a rating did, and
the line `next` and the dashboard print when reviews are due."""

from __future__ import annotations

from datetime import date

from rich.console import Group, RenderableType
from rich.markdown import Markdown
from rich.text import Text

from llmlanding.views.shapes import ReviewCardJSON, ReviewListJSON
from llmlanding.views.words import RATING_WORDS, msg, other, pick

PAPER_MARK = "📄"


def _card_line(card: ReviewCardJSON, lang: str, *, dated: bool) -> Text:
    line = Text("  ")
    line.append(f"{card['id']}  ", style="cyan")
    paper = card["paper"]
    line.append(f"{PAPER_MARK} {paper['title']}" if paper else pick(card["title"], lang))
    if dated:
        line.append(f"  {card['due_day']}", style="dim")
    if card["ratings"]:
        line.append(f"  {msg(lang, 'review.ratings', n=card['ratings'])}", style="dim")
    return line


def review_list_view(data: ReviewListJSON, lang: str) -> RenderableType:
    if not data["in_review"]:
        return Text(msg(lang, "review.none"))
    parts: list[RenderableType] = [Text(msg(lang, "review.due_now", n=len(data["due"])), style="bold")]
    parts.extend(_card_line(card, lang, dated=False) for card in data["due"])
    if data["upcoming"]:
        parts.append(Text(f"\n{msg(lang, 'review.upcoming')}", style="bold"))
        parts.extend(_card_line(card, lang, dated=True) for card in data["upcoming"])
    parts.append(Text(f"\n{msg(lang, 'review.in_review', n=data['in_review'])}", style="dim"))
    return Group(*parts)


def nothing_due_view(data: ReviewListJSON, lang: str, *, finished: bool) -> Text:
    """After the last due review, or when none was due: when the next one comes."""
    if not data["in_review"]:
        return Text(msg(lang, "review.none"))
    if not data["upcoming"]:
        return Text(msg(lang, "review.stopped", n=len(data["due"])))
    first = data["upcoming"][0]
    return Text(
        msg(lang, "review.all_done" if finished else "review.nothing_due", id=first["id"], day=first["due_day"])
    )


def prompt_view(card: ReviewCardJSON, trail: str, i: int, n: int, lang: str) -> RenderableType:
    """The topic to recall: its titles and where it sits, before the note is shown."""
    head = Text()
    head.append(f"{msg(lang, 'review.heading', i=i, n=n)}: ", style="bold")
    head.append(f"{card['id']}  ", style="bold cyan")
    first, second = pick(card["title"], lang), pick(card["title"], other(lang))
    paper = card["paper"]
    if paper:  # a paper: its title, then the item it was read under
        head.append(f"{PAPER_MARK} {paper['title']} ({paper['year']})", style="bold")
        head.append(f"  {first}", style="italic")
    else:
        head.append(first, style="bold")
        if second != first:
            head.append(f"  {second}", style="italic")
    parts: list[RenderableType] = [head]
    if trail:
        parts.append(Text(f"{msg(lang, 'trail.in')}: {trail}", style="dim"))
    return Group(*parts)


def answer_view(item_id: str, note: str | None, papers: list[str], lang: str) -> RenderableType:
    """What the learner wrote, and the papers (for a paper's card, its address), to check the recall against."""
    parts: list[RenderableType] = [Text(msg(lang, "review.your_note"), style="bold underline")]
    parts.append(Markdown(note) if note else Text(msg(lang, "review.no_note", id=item_id), style="dim"))
    if papers:
        parts.append(Text(msg(lang, "refs.papers"), style="bold underline"))
        parts.extend(Text(f"  {n}. {title}") for n, title in enumerate(papers, start=1))
    return Group(*parts)


def rated_view(item_id: str, rating: int, due_day: str, today: date, left: int, lang: str) -> Text:
    days = (date.fromisoformat(due_day) - today).days
    line = Text("✓ ", style="green")
    line.append(msg(lang, "review.rated", id=item_id, rating=RATING_WORDS[lang][rating], day=due_day, days=days))
    line.append(f" · {msg(lang, 'review.left', n=left)}", style="dim")
    return line
