"""`export calendar`: the study plan of the coming weeks as an iCalendar file (with the `icalendar` package,
imported here only). Each topic is an all-day event; its UID comes from the item, so importing a newer export
updates events instead of adding them twice, and DTSTAMP from the data (the newest change), so the same state
gives the same bytes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta

from llmlanding.domain.activity import measure
from llmlanding.domain.goals import Goal
from llmlanding.domain.papers import paper_field
from llmlanding.domain.plan import rate, spread, study_weekdays
from llmlanding.domain.progress import pick_next, tally
from llmlanding.domain.review import Card
from llmlanding.domain.snapshot import GOAL, Snapshot
from llmlanding.domain.stamps import local_day, utc


def calendar(
    snap: Snapshot,
    lang: str,
    phase_names: Mapping[str, str],
    weeks: int,
    today: date,
    newest: str | None,
    reviews: Sequence[Card] = (),
    review_label: str = "Review",
) -> bytes:
    """The plan as iCalendar bytes: the active path's topics in `next`'s order (those in progress first), at
    the rate of the goal or the pace, on the learner's study days, for `weeks` weeks from `today`. Each event
    says which phases are left (named by `phase_names`) and lists the topic's papers. The `reviews` that fall
    due in those weeks are events of their own on their due day (overdue ones today), titled `review_label`."""
    from icalendar import Calendar, Event

    outline = snap.outline
    leaves = outline.path_leaves(snap.active_path)
    picks = pick_next(leaves, snap.states, count=len(leaves))
    t = tally(leaves, snap.states)
    finished = [at for leaf, at in snap.finished.items() if snap.state(leaf).status == "done"]
    activity = measure(snap.activity, finished, t.todo + t.doing, today)
    per_week = rate(Goal.parse(snap.meta.get(GOAL)), activity, t.todo + t.doing, today)
    plan = spread([p.item_id for p in picks], per_week, study_weekdays(snap.activity), today, weeks)
    stamp = utc(newest) if newest else datetime.combine(today, datetime.min.time(), UTC)

    cal = Calendar()
    cal.add("prodid", "-//llmlanding//study plan//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", outline.title(lang))
    for day, item_id in plan:
        item = outline.items[item_id]
        state = snap.state(item_id)
        event = Event()
        event.add("uid", f"{item_id}.study@llmlanding")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", f"{item_id} {item.title(lang)}")
        lines = [" · ".join(f"{phase_names[p]} {'✓' if done else '○'}" for p, done in state.phases.items())]
        lines += [f"{paper.title} ({paper.year}) {paper.url}" for paper in item.papers]
        event.add("description", "\n".join(lines))
        cal.add_component(event)
    end = today + timedelta(weeks=weeks)
    for card in reviews:
        day = max(local_day(card.due), today)
        if card.item_id not in outline.items or day >= end:
            continue
        item = outline.items[card.item_id]
        event = Event()
        event.add("uid", f"{card.item_id}{'.' + card.paper if card.paper else ''}.review@llmlanding")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        titles = {paper_field(p.url): p.title for p in item.papers} if card.paper else {}
        name = titles.get(card.paper, item.title(lang))
        event.add("summary", f"{review_label}: {card.item_id} {name}")
        event.add("description", "llmlanding review")
        cal.add_component(event)
    return bytes(cal.to_ical())
