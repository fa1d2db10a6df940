"""`curriculum validate|import|list|add|use|diff|upgrade`: roadmap files, the home's roadmaps, editions."""

from __future__ import annotations

from pathlib import Path

from llmlanding.cli.env import Env
from llmlanding.cli.output import say
from llmlanding.views.words import msg

TYPE_CHECKING = False
if TYPE_CHECKING:
    from llmlanding.domain.editions import Earlier
    from llmlanding.domain.outline import Outline
    from llmlanding.roadmap.markdown import Converted
    from llmlanding.views.shapes import HomeRoadmapJSON, HomeRoadmapsJSON


def validate(env: Env, *, path: Path | None) -> None:
    from llmlanding.roadmap.loader import load_outline
    from llmlanding.views.roadmap import counts_line

    target = path if path is not None else env.settings.curriculum
    outline = load_outline(target)
    earlier = _earlier(env, outline)
    if earlier is not None:  # checked again against the edition it follows, now that it is known to be readable
        outline = load_outline(target, earlier)
    say(msg(env.lang, "curriculum.ok", path=target, counts=counts_line(outline, env.lang)))


def _earlier(env: Env, outline: Outline) -> Earlier | None:
    """The edition a roadmap file follows, when this program knows it: for a file that revises an edition, the
    bundled file of that edition or the one recorded in this home; for one that renames items without naming
    an edition, the roadmap recorded in this home. Only a roadmap of the same id counts."""
    from llmlanding.domain.editions import earlier_of
    from llmlanding.roadmap.loader import load_outline
    from llmlanding.settings import bundled_editions
    from llmlanding.store.database import open_read
    from llmlanding.store.queries import read_aliases, read_meta, read_outline

    wanted = outline.revises.edition if outline.revises is not None else None
    bundled = bundled_editions().get(wanted) if wanted is not None else None
    if bundled is not None:
        before = load_outline(bundled)
        if before.id == outline.id:
            return earlier_of(before)
    if wanted is None and not any(item.renamed_from for item in outline.items.values()):
        return None
    conn = open_read(env.settings.db) if env.settings.db.exists() else None
    if conn is None:
        return None
    try:
        recorded = read_outline(conn, read_meta(conn))
        aliases = read_aliases(conn)
    finally:
        conn.close()
    if recorded.id != outline.id or (wanted is not None and recorded.edition != wanted):
        return None
    return earlier_of(recorded, aliases)


MAX_MARKDOWN_BYTES = 8 * 1024 * 1024  # as much as a roadmap file may be


def import_markdown(env: Env, *, source: Path, output: str, force: bool, language: str | None, id: str | None) -> None:
    """Turn a markdown roadmap into a roadmap file, checked by the same loader as every roadmap before it is written."""
    from llmlanding.cli.files import write_output
    from llmlanding.cli.output import BANNER
    from llmlanding.domain.editions import earlier_of
    from llmlanding.errors import UsageError
    from llmlanding.roadmap.loader import load_text, to_outline
    from llmlanding.roadmap.markdown import convert, dump
    from llmlanding.roadmap.schema import _slug
    from llmlanding.views.roadmap import counts_line

    BANNER.clear()  # a file made from another file: the roadmap in use has no part in it, so none is named
    path = source.expanduser()
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_MARKDOWN_BYTES + 1)
    except FileNotFoundError:
        raise UsageError(f"no file {source}", key="no_file", path=source) from None
    except (IsADirectoryError, PermissionError) as exc:
        raise UsageError(
            f"cannot read {source}: {exc.strerror}", key="cannot_read", path=source, reason=exc.strerror
        ) from None
    if len(raw) > MAX_MARKDOWN_BYTES:
        raise UsageError(
            f"{source} is larger than {MAX_MARKDOWN_BYTES // (1024 * 1024)} MiB; is it a roadmap?",
            key="too_large",
            path=source,
            mib=MAX_MARKDOWN_BYTES // (1024 * 1024),
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UsageError(
            f"{source}:{line}: not UTF-8 text; save the file as UTF-8", key="not_utf8", path=source, line=line
        ) from None
    if id is not None:
        try:
            _slug(id)
        except ValueError as exc:
            raise UsageError(f"--id: {exc}", key="bad_id", reason=exc) from None
    converted = convert(text, name=path.name, lang=language, roadmap_id=id)
    if not converted.data["chapters"]:
        raise UsageError(
            f"{source} has no headings, list items or table rows to make a roadmap from",
            key="nothing_to_convert",
            path=source,
        )
    target = "<stdout>" if output == "-" else output
    outline = to_outline(load_text(dump(converted, path.name), target))  # a roadmap the loader refuses is never written
    previous = _previous(output, force, outline.id)
    revision = _revise(converted, outline, previous, output, env.lang)
    yaml_text = dump(converted, path.name)
    # Read again as it will be written: with its edition, and its revision checked against the file it replaces.
    outline = to_outline(load_text(yaml_text, target, earlier_of(previous) if previous else None))
    written = write_output(output, force, lambda out: print(yaml_text, end="", file=out))
    lang = env.lang
    report = say if written is not None else _to_stderr
    if written is not None:
        say(msg(lang, "curriculum.imported", source=source, path=written, counts=counts_line(outline, lang)))
    if revision is not None and previous is not None:
        moved, removed = revision
        say(
            msg(
                lang,
                "curriculum.imported_revision",
                path=output,
                edition=outline.edition,
                old=previous.edition,
                moved=moved,
                removed=removed,
            )
        )
    if converted.ticked:
        report(msg(lang, "curriculum.imported_ticks", n=converted.ticked, source=source))
    if converted.skipped_links:
        report(
            msg(lang, "curriculum.imported_skipped", n=len(converted.skipped_links), first=converted.skipped_links[0])
        )


def _previous(output: str, force: bool, roadmap_id: str) -> Outline | None:
    """The roadmap an import over `output` (with --force) replaces, when it is this roadmap: a home may hold
    progress on its ids. None for stdout, a new file, a file that is no roadmap or another roadmap's."""
    from llmlanding.errors import LLMLandingError
    from llmlanding.roadmap.loader import load_outline

    path = Path(output).expanduser()
    if output == "-" or not force or not path.is_file():
        return None
    try:
        previous = load_outline(path)
    except LLMLandingError:
        return None
    return previous if previous.id == roadmap_id else None


def _revise(
    converted: Converted, new: Outline, previous: Outline | None, output: str, lang: str
) -> tuple[int, int] | None:
    """Give the document its edition. Made again over the roadmap it made before, when items moved (ids are
    positions), it is a new edition that revises the old one and maps each old id to the same item's new one, so
    that no home's progress is given to another item: returns how many ids moved and how many items went."""
    from llmlanding.domain.editions import next_edition, renumbering, renumbers
    from llmlanding.errors import UsageError
    from llmlanding.roadmap.markdown import with_edition
    from llmlanding.settings import today

    if previous is None:
        with_edition(converted, today().isoformat())
        return None
    matched = renumbering(previous, new)
    if not renumbers(previous, new, matched):
        with_edition(converted, previous.edition or today().isoformat())
        return None
    if not previous.edition:
        reused = [old_id for old_id, target in matched.items() if target != old_id and old_id in new.items]
        if not reused:  # items only moved to numbers of their own: taken in place, their work kept as orphans
            with_edition(converted, today().isoformat())
            return None
        old_id, title = reused[0], new.items[reused[0]].title(lang)
        raise UsageError(
            f"{output} states no edition, and the new roadmap would give {old_id} "
            f"('{previous.items[old_id].title(lang)}') to '{title}', so progress on it would go to another item; "
            f'nothing was written: add `edition: "1"` to {output}, run `llmlanding --curriculum {output} status` '
            "once, and import again",
            key="import_renumbers",
            path=output,
            id=old_id,
            was=previous.items[old_id].title(lang),
            now=title,
        )
    with_edition(converted, next_edition(previous.edition, today().isoformat()), previous.edition, matched)
    moved = sum(1 for old_id, new_id in matched.items() if new_id is not None and new_id != old_id)
    return moved, sum(1 for new_id in matched.values() if new_id is None)


def _to_stderr(text: str) -> None:
    import sys

    print(text, file=sys.stderr)


def diff(env: Env, *, edition: str | None, as_json: bool) -> None:
    from llmlanding.cli.output import print_json, show
    from llmlanding.services.upgrade import preview
    from llmlanding.views.editions import diff_json, diff_view

    found = preview(env.settings, edition)
    if as_json:
        print_json(diff_json(found.plan, found.carried, str(found.source)))
        return
    show(diff_view(found.plan, found.carried, found.old, found.new, str(found.source), env.lang))


def upgrade(env: Env, *, edition: str | None, yes: bool) -> None:
    from llmlanding.cli.output import confirm, show
    from llmlanding.services.upgrade import preview, upgrade
    from llmlanding.views.editions import diff_view

    parsed = None
    if not yes:
        found = preview(env.settings, edition)
        show(diff_view(found.plan, found.carried, found.old, found.new, str(found.source), env.lang))
        if not confirm(msg(env.lang, "upgrade.confirm")):
            say(msg(env.lang, "upgrade.cancelled"))
            return
        parsed = found.new
    from llmlanding.sync.service import record

    record(env.settings)  # this edition's changes go into the journal as this edition's before it changes
    done = upgrade(env.settings, edition, parsed)
    changes = len(done.preview.carried.changes)
    say(msg(env.lang, "upgrade.done", new=done.preview.new.edition, changes=changes, backup=done.backup))


def list_roadmaps(env: Env, *, as_json: bool) -> None:
    from llmlanding.cli.output import print_json, show
    from llmlanding.views.roadmap import roadmaps_view

    data = roadmaps(env)
    if as_json:
        print_json(data)
        return
    show(roadmaps_view(data, env.lang))


def roadmaps(env: Env) -> HomeRoadmapsJSON:
    """The bundled roadmap and every registered one, each read from its own database (read-only; one never used
    yet from its file)."""
    from llmlanding.settings import (
        BUNDLED_ID,
        bundled_curriculum,
        bundled_editions,
        database_name,
        read_active,
        registry_rows,
    )

    home = env.settings.home
    rows = registry_rows(home)
    active = read_active(str(home)) or BUNDLED_ID
    if all(row[0] != BUNDLED_ID for row in rows):
        rows.insert(0, (BUNDLED_ID, database_name(BUNDLED_ID, {row[1] for row in rows}), ""))
    editions = list(bundled_editions())
    found: list[HomeRoadmapJSON] = []
    for roadmap_id, name, path in rows:
        bundled = roadmap_id == BUNDLED_ID and not path
        file = Path(path) if path else bundled_curriculum()
        found.append(_roadmap(home / name, file, roadmap_id, bundled, editions if bundled else [], active))
    return {"active": active, "roadmaps": found}


def _roadmap(db: Path, file: Path, roadmap_id: str, bundled: bool, editions: list[str], active: str) -> HomeRoadmapJSON:
    import sqlite3

    from llmlanding.domain.progress import main_leaves, tally
    from llmlanding.errors import LLMLandingError
    from llmlanding.store.database import open_read, translate
    from llmlanding.store.snapshot import take
    from llmlanding.views.shapes import tally_json

    outline = None
    states = {}
    try:
        conn = open_read(db)
    except LLMLandingError:
        conn = None
    if conn is not None:
        try:
            snap = take(conn)
            outline, states = snap.outline, snap.states
        except sqlite3.Error as exc:
            raise translate(exc, db) from None
        finally:
            conn.close()
    if outline is None or not outline.items:
        from llmlanding.roadmap.loader import load_outline

        try:
            outline = load_outline(file)
        except LLMLandingError:
            outline = None
    progress = tally_json(tally(main_leaves(outline), states)) if outline is not None else tally_json(tally([], {}))
    return {
        "id": roadmap_id,
        "title": {"zh": outline.title_zh, "en": outline.title_en} if outline is not None else {"zh": "", "en": ""},
        "edition": outline.edition if outline is not None else "",
        "editions": editions,
        "bundled": bundled,
        "file": str(file),
        "database": db.name,
        "active": roadmap_id == active,
        "progress": progress,
    }


def add(env: Env, *, path: Path, force: bool) -> None:
    """Register a roadmap file under its id, checked by the one loader first."""
    from llmlanding.roadmap.loader import load_outline
    from llmlanding.services.roadmaps import register
    from llmlanding.settings import BUNDLED_ID, bundled_editions, database_name, registry_rows

    outline = load_outline(path.expanduser())
    home = env.settings.home
    if path.expanduser().resolve() in {p.resolve() for p in bundled_editions().values()}:
        name = database_name(BUNDLED_ID, {row[1] for row in registry_rows(home) if row[0] != BUNDLED_ID})
    else:
        _roadmap_id, name, _file = register(home, outline.id, path, force=force)
    say(msg(env.lang, "roadmaps.added", id=outline.id, path=path, db=name))


def use(env: Env, *, roadmap_id: str) -> None:
    """Make a known roadmap the active one: later runs without --curriculum use it and its database."""
    from llmlanding.errors import UsageError
    from llmlanding.services.roadmaps import activate
    from llmlanding.views.words import pick

    data = roadmaps(env)
    known = {roadmap["id"]: roadmap for roadmap in data["roadmaps"]}
    if roadmap_id not in known:
        from llmlanding.domain.eventcheck import printable

        listed = ", ".join(sorted(known))
        shown = printable(roadmap_id[:64])
        raise UsageError(
            f"no roadmap '{shown}' in this home (known: {listed}); register one with `llmlanding curriculum add FILE`",
            key="no_roadmap",
            id=shown,
            known=listed,
        )
    activate(env.settings.home, roadmap_id)
    say(msg(env.lang, "roadmaps.used", id=roadmap_id, title=pick(known[roadmap_id]["title"], env.lang)))
