"""The `--json` shapes: plain dicts, documented in docs/json.md and kept stable. The rich views are rendered
from these same dicts, so what a learner reads and what a script reads cannot drift apart.

Each shape is a TypedDict, so mypy checks that the builders here write, and the views read, only keys the
documentation has. Adding a key is allowed; renaming or removing one is a breaking change. Key order is part of
the output (`json.dumps` keeps it), so each builder writes a shape's keys in the order documented.

No `from __future__ import annotations` here, on purpose: a TypedDict's string annotations are each compiled
into a ForwardRef when the class is made, about four times the cost of evaluated ones, and this module is
imported on every `next` and `status` (the classes take about 0.5 ms as they are).
"""

from datetime import date
from typing import NotRequired, TypedDict, cast

from llmlanding.domain.activity import Activity, measure
from llmlanding.domain.outline import Item, Outline
from llmlanding.domain.progress import TODO, LeafState, Pick, Tally, item_tally, main_leaves, optional_leaves, tally
from llmlanding.domain.snapshot import GOAL, Snapshot

TYPE_CHECKING = False
if TYPE_CHECKING:
    from llmlanding.domain.papers import Paper


def _unread_of(outline: Outline, read: frozenset[str], item: Item) -> list[tuple[int, str]]:
    """domain.papers.unread_of, imported where a shape lists unread papers (`next`, `show`), not on `status`."""
    from llmlanding.domain.papers import unread_of

    return unread_of(outline, read, item)


TYPE_CHECKING = False  # BatchView is for an annotation: its module costs `next` and `status` an import
if TYPE_CHECKING:
    from llmlanding.domain.history import BatchView
    from llmlanding.domain.review import Card


class TitleJSON(TypedDict):
    zh: str
    en: str


class DescriptionJSON(TypedDict):
    zh: str
    en: str | None  # the roadmap schema requires both, but `Item` types each as optional; kept as it comes


class PaperJSON(TypedDict):
    title: str
    url: str
    year: int


class LinkJSON(TypedDict):
    title: str
    url: str
    kind: str


class ProgressJSON(TypedDict):
    """A parent's leaves, counted: `progress` of an item, a chapter of a learner on the team board."""

    done: int
    total: int
    skipped: int


class TallyJSON(TypedDict):
    done: int
    doing: int
    skipped: int
    todo: int
    total: int
    percent: float  # done ÷ (total − skipped) × 100, one decimal


class ItemJSON(TypedDict):
    """A chapter, section or topic. The last three keys are there only when progress is asked for."""

    id: str
    kind: str
    title: TitleJSON
    parent: str | None
    children: list[str]
    papers: list[PaperJSON]
    links: list[LinkJSON]
    upstream_todo: bool
    optional: bool
    description: DescriptionJSON | None
    status: NotRequired[str]
    phases: NotRequired[dict[str, bool]]  # leaves only; keyed by the domain's PHASES
    progress: NotRequired[ProgressJSON]  # parents only


class ParentJSON(TypedDict):
    id: str
    title: TitleJSON


class CommitJSON(TypedDict):
    sha: str
    message: str
    date: str  # ISO 8601 with the author's offset


class RepoJSON(TypedDict):
    """`practice --json`, and `repo` of `show --json`."""

    item: str
    path: str
    state: str  # ok, empty, missing or not-a-repo
    commits: list[CommitJSON]  # newest first


class ShowJSON(ItemJSON):
    """`show ID --json`: the item, where it sits, all below it, its note and its linked repository."""

    parents: list[ParentJSON]
    descendants: list[ItemJSON]
    note: str | None
    repo: RepoJSON | None
    unread_papers: list[int]  # the numbers (as `open --paper` counts) of its papers not read yet


class LibraryPaperJSON(TypedDict):
    """An entry of `papers --json`: one paper, however many items list it."""

    title: str
    url: str
    year: int
    arxiv: str | None
    item: str  # the first item listing it
    number: int  # its number there, as `open ITEM --paper N` and `read ITEM --paper N` count
    items: list[str]  # every item listing it, in roadmap order
    read: bool


class ScopeJSON(TallyJSON):
    """What `next` chose from: a learning path or an item, and how far along it is."""

    kind: str  # path or item
    id: str
    title: TitleJSON


class NextJSON(ItemJSON):
    """`next --json`: a leaf with progress (so `status` and `phases` are always there), and why it was chosen."""

    parents: list[ParentJSON]
    next_phase: str | None
    reason: str  # doing or todo
    scope: ScopeJSON
    unread_papers: list[int]  # the numbers (as `open --paper` counts) of its papers not read yet


class RoadmapJSON(TypedDict):
    id: str
    title: TitleJSON
    edition: str  # the recorded edition: what the learner's ids refer to ("" when the file states none)
    upgrade: str | None  # the edition of a roadmap file waiting for `curriculum upgrade`, if any


class ActivePathJSON(TallyJSON):
    id: str
    title: TitleJSON


class ChapterJSON(TallyJSON):
    id: str
    title: TitleJSON
    optional: bool
    status: str


class OrphanJSON(TypedDict):
    id: str
    title: TitleJSON
    status: str


class OrphanedJSON(TypedDict):
    """`orphans --json` (a list of these), and `show OLD --json` for an id no longer in the roadmap: what it
    still holds."""

    id: str
    title: TitleJSON
    status: str
    phases: dict[str, bool]
    note: str | None
    repo: str | None


class MoveJSON(TypedDict):
    old: str
    new: str


class MergeJSON(TypedDict):
    old: list[str]
    new: str


class SplitJSON(TypedDict):
    old: str
    new: list[str]


class EditionItemsJSON(TypedDict):
    kept: int
    moved: list[MoveJSON]
    merged: list[MergeJSON]
    split: list[SplitJSON]
    removed: list[str]
    added: list[str]


class CarriedJSON(TypedDict):
    carried: list[SplitJSON]  # each old id with work on it, and the new ids the work goes to
    orphaned: list[str]  # old ids whose work stays behind, as orphans
    changes: int  # how many changes the upgrade's batch writes


EditionDiffJSON = TypedDict(
    "EditionDiffJSON",
    {"from": str, "to": str, "file": str, "items": EditionItemsJSON, "work": CarriedJSON},
)
"""`curriculum diff --json`, and what `curriculum upgrade` then does: `from` and `to` are the editions."""


class HeatmapJSON(TypedDict):
    first_day: str  # YYYY-MM-DD, a Monday
    counts: list[int]  # progress events per day from first_day to today


class GoalJSON(TypedDict):
    per_week: int | None  # the weekly target, or null for a date
    by: str | None  # YYYY-MM-DD, or null for a weekly target
    this_week: int  # topics finished in the last 7 days
    needed_per_week: float  # what the goal asks for each week from now on
    finish_at_pace: str | None  # YYYY-MM-DD at the current pace, or null without one
    on_track: bool


class TimeJSON(TypedDict):
    this_week: int  # minutes recorded in the last 7 days
    total: int  # minutes recorded in all
    chapters: dict[str, int]  # minutes per chapter id


class ActivityJSON(TypedDict):
    streak: int
    this_week: int
    pace_per_week: float | None  # null while there is less than a week of activity: too early to estimate
    active_days: int  # days from the first day of activity to today
    finish: str | None  # YYYY-MM-DD
    goal: GoalJSON | None
    time: TimeJSON | None  # null until time is recorded with --time
    heatmap: HeatmapJSON


class StatusJSON(TypedDict):
    """`status --json`."""

    roadmap: RoadmapJSON
    overall: TallyJSON
    optional: TallyJSON
    path: ActivePathJSON
    chapters: list[ChapterJSON]
    orphans: list[OrphanJSON]
    activity: NotRequired[ActivityJSON]  # always in `status --json`; the dashboard's summary goes without
    reviews_due: int  # topics due for review by the end of today (`llmlanding review`)


class ChangeJSON(TypedDict):
    event: str
    item: str
    field: str
    old: str | None
    new: str | None


class BatchJSON(TypedDict):
    """One entry of `log --json`."""

    batch: str
    at: str
    device: str
    command: str
    undoes: str | None
    changes: list[ChangeJSON]


class PathJSON(TallyJSON):
    """One learning path, as `path` lists them."""

    id: str
    title: TitleJSON
    active: bool
    items: list[str]


class HomeRoadmapJSON(TypedDict):
    """One roadmap of the home, as `curriculum list` shows them."""

    id: str
    title: TitleJSON
    edition: str  # the edition recorded in its database, else its file's
    editions: list[str]  # the editions shipped with the program (the bundled roadmap), else []
    bundled: bool
    file: str
    database: str  # the database file's name in the home
    active: bool
    progress: TallyJSON  # the main roadmap's topics; all to do before its database exists


class HomeRoadmapsJSON(TypedDict):
    active: str
    roadmaps: list[HomeRoadmapJSON]


class LearnerTallyJSON(TypedDict):
    done: int
    total: int
    skipped: int
    percent: float


class LearnerJSON(TypedDict):
    name: str
    last_active: str | None
    overall: LearnerTallyJSON
    chapters: dict[str, ProgressJSON]  # chapter id -> its leaves
    doing: list[str]
    next: str | None


class TeamJSON(TypedDict):
    """`team --json`; built by `domain.team.board`."""

    path: str
    learners: list[LearnerJSON]


class MatchJSON(TypedDict):
    field: str  # title_zh, title_en, description, paper, link or note
    text: str


class SearchHitJSON(TypedDict):
    """One hit of `search --json` (`views/search.py`)."""

    id: str
    kind: str
    title: TitleJSON
    score: float
    matches: list[MatchJSON]


class NoteJSON(TypedDict):
    """One entry of `notes --json` (`views/notes.py`)."""

    id: str
    title: TitleJSON  # for an id no longer in the roadmap, the titles it had (its id, where it was never named)
    at: str  # when it was last saved (UTC stamp)
    note: str  # exactly as written


class QuizTopicJSON(TypedDict):
    id: str
    title: TitleJSON
    status: str
    note: str | None


class QuizJSON(TypedDict):
    """What an assistant quizzes a learner on one item from (`views/notes.py`): its titles and description, the
    learner's notes on it and below it, and its papers."""

    id: str
    kind: str
    title: TitleJSON
    parents: list[ParentJSON]
    description: DescriptionJSON | None
    status: str
    note: str | None
    topics: list[QuizTopicJSON]  # everything below the item, in roadmap order
    papers: list[LibraryPaperJSON]  # as `papers ID --json` lists them


def title(item: Item) -> TitleJSON:
    return {"zh": item.title_zh, "en": item.title_en}


def tally_json(t: Tally) -> TallyJSON:
    return {
        "done": t.done,
        "doing": t.doing,
        "skipped": t.skipped,
        "todo": t.todo,
        "total": t.total,
        "percent": round(t.percent, 1),
    }


def item_json(outline: Outline, item: Item, states: dict[str, LeafState] | None = None) -> ItemJSON:
    data: ItemJSON = {
        "id": item.id,
        "kind": item.kind,
        "title": title(item),
        "parent": item.parent,
        "children": list(item.children),
        "papers": [{"title": p.title, "url": p.url, "year": p.year} for p in item.papers],
        "links": [{"title": link.title, "url": link.url, "kind": link.kind} for link in item.links],
        "upstream_todo": item.upstream_todo,
        "optional": item.optional,
        "description": ({"zh": item.description_zh, "en": item.description_en} if item.description_zh else None),
    }
    if states is not None:
        if item.is_leaf:
            state = states.get(item.id, TODO)
            data["status"] = state.status
            data["phases"] = state.phases
        else:
            t = item_tally(outline, states, item.id)
            data["status"] = t.status
            data["progress"] = {"done": t.done, "total": t.total, "skipped": t.skipped}
    return data


def parents_json(outline: Outline, item: Item) -> list[ParentJSON]:
    return [{"id": parent.id, "title": title(parent)} for parent in outline.ancestors(item.id)]


def show_json(
    outline: Outline,
    item: Item,
    states: dict[str, LeafState] | None = None,
    *,
    note: str | None = None,
    repo: RepoJSON | None = None,
    read: frozenset[str] = frozenset(),
) -> ShowJSON:
    return {
        **item_json(outline, item, states),
        "parents": parents_json(outline, item),
        # Everything below the item with its own papers and links, so one call answers "what do I read for 3.2?"
        "descendants": [item_json(outline, outline.items[i], states) for i in outline.descendants(item.id)],
        "note": note,
        "repo": repo,
        "unread_papers": [number for number, _title in _unread_of(outline, read, item)],
    }


def list_json(outline: Outline, items: list[Item], states: dict[str, LeafState] | None = None) -> list[ItemJSON]:
    return [item_json(outline, item, states) for item in items]


def next_json(snap: Snapshot, pick: Pick, scope: ScopeJSON) -> NextJSON:
    item = snap.outline.items[pick.item_id]
    return {
        **item_json(snap.outline, item, snap.states),
        "parents": parents_json(snap.outline, item),
        "next_phase": snap.state(item.id).next_phase,
        "reason": pick.reason,
        "scope": scope,
        "unread_papers": [number for number, _title in _unread_of(snap.outline, snap.read, item)],
    }


def scope_json(snap: Snapshot, path_id: str | None, within: str | None, candidates: list[str]) -> ScopeJSON:
    """What `next` chose from: a learning path or an item, and how far along it is."""
    if within is not None:
        item = snap.outline.items[within]
        kind, ident, name = "item", within, title(item)
    else:
        assert path_id is not None
        path = snap.outline.paths[path_id]
        kind, ident, name = "path", path_id, {"zh": path.title_zh, "en": path.title_en}
    return {"kind": kind, "id": ident, "title": name, **tally_json(tally(candidates, snap.states))}


def goal_json(snap: Snapshot, activity: Activity, remaining: int, today: date) -> GoalJSON | None:
    if GOAL not in snap.meta:
        return None
    from llmlanding.domain.goals import Goal, standing  # only for a learner who set a goal

    goal = Goal.parse(snap.meta.get(GOAL))
    if goal is None:
        return None
    s = standing(goal, activity, remaining, today)
    return {
        "per_week": goal.per_week,
        "by": goal.by.isoformat() if goal.by else None,
        "this_week": s.this_week,
        "needed_per_week": s.needed_per_week,
        "finish_at_pace": s.finish_at_pace.isoformat() if s.finish_at_pace else None,
        "on_track": s.on_track,
    }


def time_json(snap: Snapshot, today: date) -> TimeJSON | None:
    if not snap.time:
        return None
    from llmlanding.domain.effort import spent

    s = spent(snap.time, snap.outline, today)
    return {"this_week": s.this_week, "total": s.total, "chapters": s.chapters}


def activity_json(snap: Snapshot, today: date) -> ActivityJSON:
    leaves = snap.outline.path_leaves(snap.active_path)
    t = tally(leaves, snap.states)
    done = {state for state in set(snap.states.values()) if state.status == "done"}  # a few distinct states
    finished = [at for leaf, at in snap.finished.items() if snap.states.get(leaf) in done]
    a = measure(snap.activity, finished, t.todo + t.doing, today)
    return {
        "streak": a.streak,
        "this_week": a.this_week,
        "pace_per_week": None if a.pace is None else round(a.pace, 2),
        "active_days": a.active_days,
        "finish": a.finish.isoformat() if a.finish else None,
        "goal": goal_json(snap, a, t.todo + t.doing, today),
        "time": time_json(snap, today),
        "heatmap": {"first_day": a.first_day.isoformat(), "counts": a.days},
    }


def status_json(snap: Snapshot, today: date | None = None, activity: bool = True) -> StatusJSON:
    """`status --json`; without `activity`, the summary the dashboard shows, and no activity counted."""
    outline = snap.outline
    path = outline.paths[snap.active_path]
    chapters: list[ChapterJSON] = []
    for chapter in outline.chapters:
        t = item_tally(outline, snap.states, chapter.id)
        chapters.append(
            {
                "id": chapter.id,
                "title": title(chapter),
                "optional": chapter.optional,
                "status": t.status,
                **tally_json(t),
            }
        )
    data: StatusJSON = {
        "roadmap": {
            "id": outline.id,
            "title": {"zh": outline.title_zh, "en": outline.title_en},
            "edition": outline.edition,
            "upgrade": snap.waiting_upgrade,
        },
        "overall": tally_json(tally(main_leaves(outline), snap.states)),
        "optional": tally_json(tally(optional_leaves(outline), snap.states)),
        "path": {
            "id": path.id,
            "title": {"zh": path.title_zh, "en": path.title_en},
            **tally_json(tally(outline.path_leaves(path.id), snap.states)),
        },
        "chapters": chapters,
        "orphans": [
            {"id": o.id, "title": {"zh": o.title_zh, "en": o.title_en}, "status": o.state.status} for o in snap.orphans
        ],
        "reviews_due": snap.reviews_due,
    }
    if not activity:
        return data
    # The activity goes before the reviews due, as documented: the key order is part of the output.
    ordered: dict[str, object] = dict(data)
    due = ordered.pop("reviews_due")
    ordered["activity"] = activity_json(snap, today or snap.today or date.today())
    ordered["reviews_due"] = due
    return cast(StatusJSON, ordered)


def batch_json(batch: "BatchView") -> BatchJSON:
    return {
        "batch": batch.id,
        "at": batch.at,
        "device": batch.device_id,
        "command": batch.command,
        "undoes": batch.undoes,
        "changes": [
            {"event": e.id, "item": e.item_id, "field": e.field, "old": e.old, "new": e.new} for e in batch.events
        ],
    }


def paths_json(snap: Snapshot) -> list[PathJSON]:
    found: list[PathJSON] = []
    for path in snap.outline.paths.values():
        leaves = snap.outline.path_leaves(path.id)
        found.append(
            {
                "id": path.id,
                "title": {"zh": path.title_zh, "en": path.title_en},
                "active": path.id == snap.active_path,
                "items": list(path.items),
                **tally_json(tally(leaves, snap.states)),
            }
        )
    return found


def library_json(papers: "list[Paper]") -> list[LibraryPaperJSON]:
    return [
        {
            "title": p.title,
            "url": p.url,
            "year": p.year,
            "arxiv": p.arxiv,
            "item": p.item,
            "number": p.number,
            "items": list(p.items),
            "read": p.read,
        }
        for p in papers
    ]


class ReviewPaperJSON(TypedDict):
    title: str
    year: int
    url: str


class ReviewCardJSON(TypedDict):
    """A topic in spaced review, or a paper (`paper`, under the item it was read under): when it falls due (a
    stamp, and the learner's local day of it)."""

    id: str
    title: TitleJSON
    paper: ReviewPaperJSON | None
    due: str
    due_day: str
    last: str  # the last review; entering review counts as one
    ratings: int  # ratings given since the topic entered review


class ReviewListJSON(TypedDict):
    """`review --list --json`: what is due by the end of today, and the next ones to come, soonest first."""

    today: str
    due: list[ReviewCardJSON]
    upcoming: list[ReviewCardJSON]
    in_review: int


class RatedJSON(TypedDict):
    """`review ID --rating R --json`: the rating given and the card after it."""

    id: str
    rating: str  # again, hard, good or easy
    card: ReviewCardJSON
    left: int  # reviews still due today


def review_card_json(snap: Snapshot, card: "Card") -> ReviewCardJSON:
    from llmlanding.domain.stamps import local_day

    item = snap.outline.items[card.item_id]
    paper: ReviewPaperJSON | None = None
    if card.paper:
        from llmlanding.domain.papers import paper_field

        found = next(
            (p for i in snap.outline.items.values() for p in i.papers if paper_field(p.url) == card.paper), None
        )
        title = found.title if found else card.paper
        paper = {"title": title, "year": found.year if found else 0, "url": found.url if found else ""}
    return {
        "id": card.item_id,
        "title": {"zh": item.title_zh, "en": item.title_en},
        "paper": paper,
        "due": card.due,
        "due_day": local_day(card.due).isoformat(),
        "last": card.last,
        "ratings": card.ratings,
    }


def review_list_json(snap: Snapshot, cards: "list[Card]", today: date, upcoming: int = 10) -> ReviewListJSON:
    from llmlanding.domain.review import due_limit

    limit = due_limit(today)
    known = [card for card in cards if card.item_id in snap.outline.items]
    return {
        "today": today.isoformat(),
        "due": [review_card_json(snap, c) for c in known if c.due < limit],
        "upcoming": [review_card_json(snap, c) for c in known if c.due >= limit][:upcoming],
        "in_review": len(known),
    }
