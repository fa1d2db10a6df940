"""`curriculum diff` and `curriculum upgrade`: carrying a learner from the recorded edition of the roadmap to
the file's, never silently. The diff is worked out by the same functions the upgrade applies, so it predicts the
upgrade exactly; the upgrade is one batch (which `undo` takes back, with the edition) after a backup."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from llmlanding.domain.editions import Carried, Plan, carry, earlier_of, plan
from llmlanding.domain.history import Change
from llmlanding.domain.outline import Outline
from llmlanding.errors import UsageError
from llmlanding.settings import Settings, bundled_editions
from llmlanding.store import queries


@dataclass
class Preview:
    source: Path
    old: Outline
    new: Outline
    plan: Plan
    carried: Carried


def edition_file(settings: Settings, edition: str | None) -> Path:
    """The roadmap file to upgrade to: the bundled file of `edition` when one is named, else the active file."""
    if edition is None:
        return settings.curriculum
    bundled = bundled_editions()
    if edition not in bundled:
        known = ", ".join(sorted(bundled)) or "none"
        raise UsageError(
            f"no bundled edition '{edition}' (bundled: {known}); or give the file with --curriculum",
            key="no_edition",
            edition=edition,
            known=known,
        )
    return bundled[edition]


def _work(conn_values: dict[tuple[str, str], tuple[str | None, str]]) -> dict[tuple[str, str], str | None]:
    return {key: value for key, (value, _at) in conn_values.items()}


def _recorded(settings: Settings) -> tuple[Outline, dict[tuple[str, str], str | None], list[str]]:
    """The recorded edition's outline and the learner's work, read in one snapshot."""
    from llmlanding.services.tracking import ensure_ready
    from llmlanding.store.database import open_read

    ensure_ready(settings)
    conn = open_read(settings.db)
    assert conn is not None  # ensure_ready made it current
    try:
        conn.execute("BEGIN")
        old = queries.read_outline(conn, queries.read_meta(conn))
        aliases = queries.read_aliases(conn)
        values = _work(queries.read_values(conn, aliases))
        conn.execute("COMMIT")
    finally:
        conn.close()
    return old, values, list(aliases)


def preview(settings: Settings, edition: str | None = None) -> Preview:
    """What upgrading would do, read-only."""
    from llmlanding.roadmap.loader import load_outline

    source = edition_file(settings, edition)
    old, values, aliases = _recorded(settings)
    new = load_outline(source, earlier_of(old, aliases))
    the_plan = plan(old, new)
    return Preview(source, old, new, the_plan, carry(the_plan, old, new, values))


@dataclass
class Upgraded:
    preview: Preview
    backup: Path


def upgrade(settings: Settings, edition: str | None = None, new: Outline | None = None) -> Upgraded:
    """Carry the learner's work to the file's edition and make it the recorded one, as one batch, after a backup
    of the database. The file is parsed before the write lock (`new`, when a preview parsed it already); the
    plan is made again under it."""
    from llmlanding.roadmap.loader import load_outline
    from llmlanding.store.catalog import import_outline, outline_to_json, set_meta
    from llmlanding.store.database import backup
    from llmlanding.store.snapshot import file_hash
    from llmlanding.store.writer import HELD, connect, transaction, write_batch

    source = edition_file(settings, edition)
    recorded, _values, aliases = _recorded(settings)
    if new is None:
        new = load_outline(source, earlier_of(recorded, aliases))
    digest = file_hash(source) or ""
    plan(recorded, new)  # refuses, before the backup, a file that does not revise the recorded edition
    conn = connect(settings.db)
    try:
        saved = backup(conn, settings.db, "upgrade")
    finally:
        conn.close()
    with transaction(settings.db, settings.curriculum, roadmap=True) as tx:
        old = tx.snapshot().outline
        meta = queries.read_meta(tx.conn)
        values = _work(queries.read_values(tx.conn, queries.read_aliases(tx.conn)))
        the_plan = plan(old, new)
        carried = carry(the_plan, old, new, values)
        write_batch(tx, f"{UPGRADE} {old.edition} → {new.edition}", [Change(*c) for c in carried.changes])
        previous = outline_to_json(old, meta.get(queries.CURRICULUM_HASH, ""), meta.get(queries.CURRICULUM_PATH, ""))
        import_outline(tx.conn, new, digest, source)
        set_meta(tx.conn, queries.PREVIOUS_ROADMAP, previous)
        set_meta(tx.conn, queries.PREVIOUS_REDIRECTS, meta.get(queries.REDIRECTS, ""))
        set_meta(tx.conn, queries.REDIRECTS, redirects(meta.get(queries.REDIRECTS), the_plan, new))
    # The upgrade's own transaction may be the first to find the file on the new edition: nothing waits now.
    HELD[:] = [held for held in HELD if held.file != new.edition]
    return Upgraded(Preview(source, old, new, the_plan, carried), saved)


def redirects(earlier: str | None, the_plan: Plan, new: Outline) -> str:
    """Where each id that the new edition lacks went: this upgrade's moves, and the ids earlier upgrades moved,
    followed through this one. As JSON, for `cli.redirects`."""
    import json

    def onward(item_id: str) -> list[str]:
        if item_id in the_plan.targets:
            return the_plan.targets[item_id]
        return [item_id] if item_id in new.items else []

    ids = {}
    if earlier:
        for old_id, news in json.loads(earlier)["ids"].items():
            ids[old_id] = [t for n in news for t in onward(n)]
    ids.update({old_id: news for old_id, news in the_plan.targets.items() if old_id not in new.items})
    kept = {old_id: news for old_id, news in ids.items() if news and old_id not in new.items}
    return json.dumps({"edition": the_plan.new_edition, "ids": kept}, ensure_ascii=False)


UPGRADE = "upgrade"  # the first word of an upgrade's batch: what tells `undo` to restore the edition too


def restore_previous(conn: sqlite3.Connection) -> None:
    """After undoing an upgrade's batch, inside the same transaction: put back the edition it left, and keep
    the file's edition waiting for an upgrade again when that file is the home's own file, changed in place. An
    upgrade to a bundled edition named by `curriculum upgrade EDITION` left the home's file as it was: nothing
    waits then, as before the upgrade."""
    from llmlanding.store.catalog import import_outline, outline_from_json, set_meta

    meta = queries.read_meta(conn)
    saved = meta.get(queries.PREVIOUS_ROADMAP)
    if saved is None:
        return
    upgraded_hash, upgraded_edition = meta.get(queries.CURRICULUM_HASH, ""), meta.get(queries.ROADMAP_EDITION, "")
    upgraded_source = meta.get(queries.CURRICULUM_PATH, "")
    outline, digest, source = outline_from_json(saved)
    import_outline(conn, outline, digest, Path(source))
    if upgraded_source == source:
        set_meta(conn, queries.PENDING_HASH, upgraded_hash)
        set_meta(conn, queries.PENDING_EDITION, upgraded_edition)
        set_meta(conn, queries.PENDING_REVISES, outline.edition)
    else:
        pending = (queries.PENDING_HASH, queries.PENDING_EDITION, queries.PENDING_REVISES)
        conn.execute("DELETE FROM meta WHERE key IN (?, ?, ?)", pending)
    earlier = meta.get(queries.PREVIOUS_REDIRECTS)
    if earlier:
        set_meta(conn, queries.REDIRECTS, earlier)
    else:
        conn.execute("DELETE FROM meta WHERE key = ?", (queries.REDIRECTS,))
    gone = (queries.PREVIOUS_ROADMAP, queries.PREVIOUS_REDIRECTS, queries.CURRICULUM_STAT)
    conn.execute("DELETE FROM meta WHERE key IN (?, ?, ?)", gone)
