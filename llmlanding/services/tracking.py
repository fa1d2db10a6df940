"""Recording progress: tick items off, undo, choose a learning path, make the store ready.

Each call is one transaction: every id is checked before anything is written, a change that changes nothing
logs nothing, and the result carries the snapshot after the change for the caller to render. The store is read
once per call: the snapshot after is the one before with the changes applied in memory (`store.snapshot.advance`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from llmlanding.domain.goals import Goal
from llmlanding.domain.history import BatchView, Change
from llmlanding.domain.outline import PHASES
from llmlanding.domain.progress import COMMANDS, TODO, plan
from llmlanding.domain.snapshot import Orphaned, Snapshot
from llmlanding.errors import UsageError
from llmlanding.settings import Settings
from llmlanding.store import queries
from llmlanding.store.snapshot import advance
from llmlanding.store.writer import set_setting, transaction, write_batch


@dataclass
class Outcome:
    command: str
    requested: list[str]
    changes: list[Change]
    after: Snapshot
    undone: BatchView | None = None
    phase: str | None = None
    batch: str | None = None  # the id of the batch logged, None when nothing changed


def change(
    settings: Settings,
    command: str,
    item_ids: list[str],
    phase: str | None = None,
    label: str | None = None,
    minutes: int | None = None,
    via: str = "",
) -> Outcome:
    """`minutes`, the time spent (`--time`), is recorded on the one item given, in the same batch. `via` names who
    asked when it was not the learner at the command line (the assistant); `log` shows it in the batch's command
    (`done 3.2.1 --phase theory (assistant)`)."""
    if command not in COMMANDS:
        raise ValueError(command)
    if phase is not None and (command not in ("done", "reset") or phase not in PHASES):
        raise UsageError(
            f"--phase must be one of {', '.join(PHASES)} and goes with done",
            key="phase_with_done",
            phases=", ".join(PHASES),
        )
    if minutes is not None and len(item_ids) != 1:
        raise UsageError("--time goes with one item: the time spent on it", key="time_one_item")
    with transaction(settings.db, settings.curriculum, roadmap=True) as tx:
        before = tx.snapshot()
        items = before.outline.resolve(item_ids)  # an unknown id stops the whole call before any write
        leaves: dict[str, None] = {}
        for item in items:
            for leaf in before.outline.leaves_under(item.id):
                leaves.setdefault(leaf, None)
        changes: list[Change] = []
        for leaf in leaves:
            current = before.state(leaf).fields()
            for field, value in plan(command, before.state(leaf), phase).items():
                changes.append(Change(leaf, field, current[field], value))
        if minutes is not None:
            from llmlanding.domain.effort import TIME_FIELD

            changes.append(Change(items[0].id, TIME_FIELD, None, str(minutes)))
        after, batch = before, None
        if changes:
            words = [
                command,
                *item_ids,
                *(["--phase", phase] if phase else []),
                *(["--time", f"{minutes}m"] if minutes else []),
                *([f"({via})"] if via else []),
            ]
            written = write_batch(tx, label or " ".join(words), changes)
            after, batch = advance(tx.conn, before, changes, written.at, undo=False), written.id
    return Outcome(command, [item.id for item in items], changes, after, phase=phase, batch=batch)


def undo(settings: Settings) -> Outcome:
    """Revert this device's last batch that is not undone yet, by logging a compensating batch."""
    with transaction(settings.db, settings.curriculum, roadmap=True) as tx:
        before = tx.snapshot()
        batch = queries.last_undoable_batch(tx.conn, tx.device_id)
        if batch is None:
            return Outcome("undo", [], [], before)
        aliases = queries.read_aliases(tx.conn)
        involved = {aliases.get(event.item_id, event.item_id) for event in batch.events}
        values = queries.read_values(tx.conn, aliases, items=involved)
        defaults = TODO.fields()
        current: dict[tuple[str, str], str | None] = {}
        changes: list[Change] = []
        for event in reversed(batch.events):
            item_id = aliases.get(event.item_id, event.item_id)
            key = (item_id, event.field)
            if key not in current:
                current[key] = values[key][0] if key in values else defaults.get(event.field)
            if current[key] != event.old:
                changes.append(Change(item_id, event.field, current[key], event.old))
                current[key] = event.old
        written = write_batch(tx, f"undo {batch.command}", changes, undoes=batch.id)
        after = advance(tx.conn, before, changes, written.at, undo=True)
        if batch.command.split(" ", 1)[0] == "upgrade":  # the edition goes back with the work
            from llmlanding.services.upgrade import restore_previous
            from llmlanding.store.snapshot import take

            restore_previous(tx.conn)
            after = take(tx.conn)
    touched = list(dict.fromkeys(event.item_id for event in batch.events))
    return Outcome("undo", touched, changes, after, undone=batch)


@dataclass
class Moved:
    orphan: Orphaned
    target: str
    changes: list[Change]
    after: Snapshot


def move(settings: Settings, old_id: str, new_id: str) -> Moved:
    """Give an orphan's work a new item, as one batch that `undo` takes back: its phases and mark join the item's
    (a phase done on either is done), its note is added to the item's under a heading naming the old item, its
    linked code goes along unless the item has its own; the old id is left with nothing. An orphan that is an
    item which has gained topics gives only its progress."""
    from llmlanding.domain.notes import joined
    from llmlanding.domain.progress import FIELDS, LeafState

    with transaction(settings.db, settings.curriculum, roadmap=True) as tx:
        before = tx.snapshot()
        target = before.outline.get(new_id)
        orphan = next((o for o in queries.read_orphans(tx.conn, before.outline) if o.id == old_id), None)
        if orphan is None and old_id in before.outline.items:
            raise UsageError(
                f"{old_id} is in the roadmap; move takes the work of an orphan (see `orphans`)",
                key="move_in_roadmap",
                id=old_id,
            )
        if orphan is None:
            raise UsageError(
                f"nothing is kept under '{old_id}'; `llmlanding orphans` lists the ids that hold work",
                key="move_nothing",
                id=old_id,
            )
        if orphan.state != TODO and not target.is_leaf:
            first = before.outline.leaves_under(target.id)[0]
            raise UsageError(
                f"{target.id} has topics; move progress onto one of them, e.g. {first}",
                key="move_to_topic",
                id=target.id,
                first=first,
            )
        aliases = queries.read_aliases(tx.conn)
        kept = queries.read_values(tx.conn, aliases, ("note", "repo"), items=[target.id])
        changes: list[Change] = []
        if orphan.state != TODO:
            now = before.state(target.id)
            merged = LeafState(
                theory=now.theory or orphan.state.theory,
                practice=now.practice or orphan.state.practice,
                summary=now.summary or orphan.state.summary,
                mark=now.mark if now.mark != "todo" else orphan.state.mark,
            )
            old_fields, new_fields, cleared = orphan.state.fields(), merged.fields(), TODO.fields()
            for name in FIELDS:
                if now.fields()[name] != new_fields[name]:
                    changes.append(Change(target.id, name, now.fields()[name], new_fields[name]))
                if old_fields[name] != cleared[name]:
                    changes.append(Change(old_id, name, old_fields[name], cleared[name]))
        if orphan.note is not None:
            existing = kept.get((target.id, "note"), (None, ""))[0]
            heading = (
                orphan.title_zh if orphan.title_zh == orphan.title_en else f"{orphan.title_zh} · {orphan.title_en}"
            )
            text = joined(existing, f"{old_id} {heading}", orphan.note.text)
            changes.append(Change(target.id, "note", existing, text))
            changes.append(Change(old_id, "note", orphan.note.text, None))
        if orphan.repo is not None:
            if kept.get((target.id, "repo"), (None, ""))[0] is None:
                changes.append(Change(target.id, "repo", None, orphan.repo))
            changes.append(Change(old_id, "repo", orphan.repo, None))
        written = write_batch(tx, f"move {old_id} {target.id}", changes)
        after = advance(tx.conn, before, changes, written.at, undo=False)
    return Moved(orphan, target.id, changes, after)


def choose_path(settings: Settings, path_id: str) -> Snapshot:
    with transaction(settings.db, settings.curriculum, roadmap=True) as tx:
        before = tx.snapshot()
        if path_id not in before.outline.paths:
            known = ", ".join(before.outline.paths)
            raise UsageError(f"no learning path '{path_id}' (paths: {known})", key="no_path", path=path_id, known=known)
        set_setting(tx, queries.ACTIVE_PATH, path_id)
        return replace(before, meta={**before.meta, queries.ACTIVE_PATH: path_id})


def set_goal(settings: Settings, goal: Goal | None) -> Snapshot:
    """Keep the learner's goal (a weekly target or a date), or drop it with None; remembered like the path."""
    from llmlanding.domain.snapshot import GOAL

    with transaction(settings.db, settings.curriculum, roadmap=True) as tx:
        before = tx.snapshot()
        meta = dict(before.meta)
        if goal is None:
            tx.conn.execute("DELETE FROM meta WHERE key = ?", (GOAL,))
            meta.pop(GOAL, None)
        else:
            set_setting(tx, GOAL, goal.stored())
            meta[GOAL] = goal.stored()
        return replace(before, meta=meta)


def ensure_ready(settings: Settings) -> None:
    """Create or migrate the database and import the roadmap if its file changed: what the read path needs
    before it can read. Writes no progress."""
    with transaction(settings.db, settings.curriculum):
        pass


@dataclass
class PapersMarked:
    """What `read` or `unread` did: the item, the papers it named and how many changed their mark."""

    item_id: str
    read: bool
    papers: list[str]  # the papers' titles, in the item's order
    changed: int
    after: Snapshot


def mark_papers(settings: Settings, item_id: str, paper: int | None, read: bool, review: bool = False) -> PapersMarked:
    """Mark papers read (`read`) or not (`unread`) as one batch that `undo` takes back: the paper numbered `paper`
    as `open` numbers the item's, else every paper at or below the item. A read mark is stored under the item
    it was read under; `unread` clears the paper's mark under every item that holds it, and takes it out of
    review. With `review`, the papers read enter spaced review too (`domain.review`), those not in it yet."""
    from llmlanding.domain.papers import READ, chosen, library, paper_field
    from llmlanding.domain.review import ENTER, paper_review_field

    with transaction(settings.db, settings.curriculum, roadmap=True) as tx:
        before = tx.snapshot()
        item = before.outline.get(item_id)
        urls = chosen(before.outline, item, paper)
        keys = list(dict.fromkeys(paper_field(url) for url in urls))
        changes: list[Change] = []
        reviewing = queries.read_paper_reviews(tx.conn, [paper_review_field(key) for key in keys])
        if read:
            changes = [Change(item.id, key, None, READ) for key in keys if key not in before.read]
            if review:
                held = {field for _holder, field, _value in reviewing}
                changes += [
                    Change(item.id, paper_review_field(key), None, ENTER)
                    for key in keys
                    if paper_review_field(key) not in held
                ]
        else:
            held_read = queries.read_paper_holders(tx.conn, keys)
            changes = [Change(holder, key, READ, None) for holder, key in held_read]
            changes += [Change(holder, field, value, None) for holder, field, value in reviewing]
        after = before
        if changes:
            words = ["read" if read else "unread", item.id, *(["--paper", str(paper)] if paper is not None else [])]
            words += ["--review"] if review and read else []
            written = write_batch(tx, " ".join(words), changes)
            after = advance(tx.conn, before, changes, written.at, undo=False)
    titles = {p.key: p.title for p in library(before.outline, frozenset())}
    changed = {c.field.removeprefix("review:") for c in changes}
    named = [titles.get(key, key) for key in keys]
    return PapersMarked(item.id, read, named, len(changed), after)
