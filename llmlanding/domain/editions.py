"""Upgrading from one edition of a roadmap to the next: where each old id goes, and what becomes of the learner's
work on it. No I/O: `plan` reads two outlines, `carry` the stored values, and both return plain values that
`curriculum diff` shows and `curriculum upgrade` writes.

A revision maps old ids to new ones as one simultaneous renaming (see docs/curriculum-format.md). An old id
goes where the map sends it. Else, under a mapped ancestor, it follows that ancestor: its own remaining numbers
appended to the ancestor's one new id (`"5": "4"` sends 5.2.1 to 4.2.1) when the id so made exists, and nowhere
(removed) when it does not, or when the ancestor was removed or split: under a mapped ancestor an id is never
guessed to keep its own number, which the new edition may have given to other content. Only an id with no
mapped ancestor keeps its id, when the new edition has it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from llmlanding.domain.notes import headed
from llmlanding.domain.outline import Outline
from llmlanding.domain.progress import FIELDS, TODO, LeafState
from llmlanding.errors import Sentence, UsageError


class Earlier(NamedTuple):
    """The edition a roadmap file is checked against, when it is known: its name and every id it had (the ids
    it was renamed from included), so that a mapping or a `renamed_from` naming an id it never had is an error."""

    edition: str
    ids: frozenset[str]


def earlier_of(outline: Outline, aliases: Iterable[str] = ()) -> Earlier:
    return Earlier(outline.edition, frozenset(outline.items) | frozenset(aliases))


class Revises(NamedTuple):
    """What a roadmap file says it revises: the earlier edition, and its ids' new ids (empty: removed)."""

    edition: str
    map: dict[str, list[str]]


class Plan(NamedTuple):
    """Where every item of the old edition goes, by kind of change. Lists hold old ids unless said otherwise."""

    old_edition: str
    new_edition: str
    targets: dict[str, list[str]]  # every old id -> its new ids (empty: removed)
    kept: list[str]  # same id, same place
    moved: list[tuple[str, str]]  # (old, new): renumbered, moved or renamed
    merged: list[tuple[list[str], str]]  # (olds, new): several old items became one
    split: list[tuple[str, list[str]]]  # (old, news): one old item became several
    removed: list[str]
    added: list[str]  # new ids nothing maps to


def _id_key(item_id: str) -> tuple[tuple[int, ...], str]:
    """Ids in roadmap order; an orphan's `1.1.1@edition` after `1.1.1`."""
    number, _, edition = item_id.partition("@")
    return tuple(int(part) if part.isdigit() else -1 for part in number.split(".")), edition


def destination(old_id: str, mapping: dict[str, list[str]], new: Outline) -> list[str]:
    """The new ids of one old id, by the rules in the module's docstring."""
    if old_id in mapping:
        return list(mapping[old_id])
    parts = old_id.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        ancestor = ".".join(parts[:cut])
        if ancestor in mapping:
            targets = mapping[ancestor]
            carried = ".".join([targets[0], *parts[cut:]]) if len(targets) == 1 else None
            return [carried] if carried is not None and carried in new.items else []
    return [old_id] if old_id in new.items else []


def plan(old: Outline, new: Outline) -> Plan:
    """What upgrading from `old` (the recorded edition) to `new` (the file) does to every item."""
    if new.id != old.id:
        raise UsageError(
            f"the roadmap file is roadmap '{new.id}', not '{old.id}', the one this home records; nothing was upgraded",
            key="upgrade_other_roadmap",
            new=new.id,
            old=old.id,
        )
    revises = new.revises
    if revises is None or not new.edition:
        raise UsageError(
            f"the roadmap file states no edition it revises, so it cannot upgrade edition '{old.edition}'",
            key="edition_no_revises",
            edition=old.edition,
        )
    if revises.edition != old.edition:
        recorded = old.edition or Sentence("(none)", key="no_edition")
        raise UsageError(
            f"the roadmap file (edition {new.edition}) revises edition {revises.edition}, "
            f"but this home is on edition {recorded}",
            key="edition_mismatch",
            new=new.edition,
            revises=revises.edition,
            old=recorded,
        )
    unknown = sorted((key for key in revises.map if key not in old.items), key=_id_key)
    if unknown:
        raise UsageError(
            f"the revision maps {', '.join(unknown[:5])}, which edition {old.edition} does not have; fix its map",
            key="edition_unknown_map",
            ids=", ".join(unknown[:5]),
            edition=old.edition,
        )
    targets = {old_id: destination(old_id, revises.map, new) for old_id in old.items}
    sources: dict[str, list[str]] = {}
    for old_id, news in targets.items():
        for new_id in news:
            sources.setdefault(new_id, []).append(old_id)
    kept: list[str] = []
    moved: list[tuple[str, str]] = []
    split: list[tuple[str, list[str]]] = []
    removed: list[str] = []
    for old_id, news in targets.items():
        if not news:
            removed.append(old_id)
        elif len(news) > 1:
            split.append((old_id, news))
        elif len(sources[news[0]]) == 1 and news[0] == old_id:
            kept.append(old_id)
        elif len(sources[news[0]]) == 1:
            moved.append((old_id, news[0]))
    merged = [(olds, new_id) for new_id, olds in sources.items() if len(olds) > 1]
    added = [new_id for new_id in new.items if new_id not in sources]
    return Plan(old.edition, new.edition, targets, kept, moved, merged, split, removed, added)


Values = dict[tuple[str, str], str | None]  # (item id, field) -> stored value, as `queries.read_values` gives


class Carried(NamedTuple):
    """The changes an upgrade writes, and what they do to the learner's work."""

    changes: list[tuple[str, str, str | None, str | None]]  # (item, field, old, new), as `history.Change`
    moves: list[tuple[str, list[str]]]  # (old id, the new ids its work goes to)
    orphaned: list[str]  # old ids whose work stays behind: removed, or progress onto an item that is not a topic


def _state(values: Values, item_id: str) -> LeafState:
    return LeafState.from_fields({name: values.get((item_id, name)) for name in FIELDS})


def _titles(outline: Outline, item_id: str) -> str:
    item = outline.items[item_id]
    return item.title_zh if item.title_zh == item.title_en else f"{item.title_zh} · {item.title_en}"


def orphan_id(old_id: str, edition: str, new: Outline) -> str:
    """The id an old item's left-over work is kept under: its own, unless the new edition gave that number to
    other content; then the id with its edition (`1.1.1@2024-03-26`), so that it never counts as that item's."""
    return old_id if old_id not in new.items else f"{old_id}{EDITION_MARK}{edition}"


EDITION_MARK = "@"


_WORK = (*FIELDS, "note", "repo")


def carry(the_plan: Plan, old: Outline, new: Outline, values: Values) -> Carried:
    """The changes that take the learner's work (phases and mark, note, linked code) from each old id to its
    new ids, all at once: every id ends holding what its sources held (a phase done on any source is done, the
    first mark that is not `todo` wins, notes are joined under headings naming the old items), and an old id
    that no new item keeps is emptied. Progress goes only onto topics; what goes nowhere (a removed item's work,
    progress mapped onto an item that is not a topic) stays as an orphan, under an id no new item has."""
    # Read marks of papers (`domain.papers`) stay where they are: a paper is read under whatever id holds its mark.
    holding = sorted({item_id for item_id, name in values if name in _WORK}, key=_id_key)
    moves: list[tuple[str, list[str]]] = []
    left: dict[str, tuple[str, ...]] = {}  # old id -> the fields of its work that go nowhere
    into: dict[str, list[str]] = {}  # new id -> the old ids whose work it takes
    for old_id in holding:
        news = the_plan.targets.get(old_id)
        if news is None:
            continue  # already an orphan before the upgrade: left as it is
        progress = _state(values, old_id) != TODO
        usable = [n for n in news if not progress or new.items[n].is_leaf]
        if not usable:
            left[old_id] = _WORK
        elif len(usable) < len(news):  # some targets are not topics: its progress stays behind
            left[old_id] = FIELDS
        if usable and usable != [old_id]:
            moves.append((old_id, usable))
        for new_id in usable:
            into.setdefault(new_id, []).append(old_id)
    desired: dict[tuple[str, str], str | None] = {}
    for new_id, olds in into.items():
        if olds == [new_id]:
            continue  # stays where it is
        states = [_state(values, o) for o in olds]
        merged = LeafState(
            theory=any(s.theory for s in states),
            practice=any(s.practice for s in states),
            summary=any(s.summary for s in states),
            mark=next((s.mark for s in states if s.mark != "todo"), "todo"),
        )
        for name, value in merged.fields().items():
            desired[(new_id, name)] = value
        notes = [(source, text) for source in olds if (text := values.get((source, "note")))]
        if len(notes) > 1:  # a merge: every note kept, each under a heading naming its old item
            desired[(new_id, "note")] = "\n".join(headed(f"{s} {_titles(old, s)}", text) for s, text in notes)
        else:
            desired[(new_id, "note")] = notes[0][1] if notes else None
        desired[(new_id, "repo")] = next((values[(o, "repo")] for o in olds if values.get((o, "repo"))), None)
    emptied: dict[str, str | None] = dict(TODO.fields())
    orphaned: list[str] = []
    for old_id in holding:
        if old_id not in the_plan.targets:
            continue
        keep = orphan_id(old_id, the_plan.old_edition, new) if old_id in left else None
        if keep is not None:
            orphaned.append(keep)
            if keep != old_id:  # its number now names other content: the work moves to the orphan's id
                for name in left[old_id]:
                    desired[(keep, name)] = values.get((old_id, name), emptied.get(name))
        if old_id in into:
            continue  # the id is a new item's: it holds what its sources give it
        for name in _WORK:  # nothing keeps this id: its work has gone to its new ids or to its orphan
            if keep != old_id or name not in left[old_id]:
                desired.setdefault((old_id, name), emptied.get(name))
    changes: list[tuple[str, str, str | None, str | None]] = []
    for (item_id, field), wanted in sorted(desired.items(), key=lambda kv: (_id_key(kv[0][0]), kv[0][1])):
        current = values.get((item_id, field), emptied.get(field))
        if current != wanted:
            changes.append((item_id, field, current, wanted))
    return Carried(changes, moves, orphaned)


def renumbering(old: Outline, new: Outline) -> dict[str, str | None]:
    """Which item of `new` each item of `old` is, for a roadmap made again from its source (`curriculum import`
    over the file it made before), where ids are positions and an item added or removed renumbers the ones after
    it. An item is the same item when it has the same kind and the same titles: under the same titles of its
    chapter and section first, then with the same first address, then when only one old and one new item have
    these titles at all. An old item no new one matches is None (removed: its work is kept as an orphan)."""

    def titles(item_id: str, outline: Outline) -> tuple[str, str]:
        item = outline.items[item_id]
        return item.title_zh, item.title_en

    def first_address(item_id: str, outline: Outline) -> str:
        item = outline.items[item_id]
        urls = [link.url for link in item.links] + [paper.url for paper in item.papers]
        return urls[0] if urls else ""

    def key(item_id: str, outline: Outline, level: int) -> tuple[object, ...]:
        kind = outline.items[item_id].kind
        if level == 0:
            trail = tuple(titles(a.id, outline) for a in outline.ancestors(item_id))
            return kind, trail, titles(item_id, outline)
        if level == 1:
            return kind, titles(item_id, outline), first_address(item_id, outline)
        return kind, titles(item_id, outline)

    found: dict[str, str | None] = {}
    left_old, left_new = list(old.items), list(new.items)
    for level in (0, 1, 2):
        candidates: dict[tuple[object, ...], list[str]] = {}
        for new_id in left_new:
            candidates.setdefault(key(new_id, new, level), []).append(new_id)
        olds: dict[tuple[object, ...], list[str]] = {}
        for old_id in left_old:
            olds.setdefault(key(old_id, old, level), []).append(old_id)
        for k, old_ids in olds.items():
            new_ids = candidates.get(k, [])
            if level == 1 and not k[-1]:
                continue  # no address to tell it by
            if level == 2 and (len(old_ids) > 1 or len(new_ids) > 1):
                continue  # titles alone are not enough where several items share them
            for old_id, new_id in zip(old_ids, new_ids, strict=False):
                found[old_id] = new_id
        taken = set(found.values())
        left_old = [i for i in left_old if i not in found]
        left_new = [i for i in left_new if i not in taken]
    return {old_id: found.get(old_id) for old_id in old.items}


def renumbers(old: Outline, new: Outline, matched: dict[str, str | None]) -> bool:
    """Whether taking `new` in place of `old` would give an id of `old` to another item, or leave an item's work
    behind under an id it no longer has: then ids alone cannot carry the learner's work across."""
    return any(target != old_id and (target is not None or old_id in new.items) for old_id, target in matched.items())


def next_edition(previous: str, today: str) -> str:
    """The edition a roadmap made again today takes after `previous`: today's date, or today's date numbered
    (`2026-11-29.2`) when `previous` is already today's."""
    if previous != today and not previous.startswith(f"{today}."):
        return today
    number = previous[len(today) + 1 :]
    return f"{today}.{int(number) + 1 if number.isdigit() else 2}"
