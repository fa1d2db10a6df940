"""Recording and showing progress: start, done, skip, reset, undo, next, path, status, log, and the dashboard."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from llmlanding.cli.env import Env
from llmlanding.cli.output import print_json, show
from llmlanding.settings import today as clock_today
from llmlanding.views import screens

TYPE_CHECKING = False
if TYPE_CHECKING:
    from llmlanding.domain.goals import Goal
    from llmlanding.services.tracking import Outcome


def _record(env: Env, command: str, item_ids: list[str], phase: str | None = None, time: str | None = None) -> None:
    _recorded(env, command, item_ids, phase, time)


def _recorded(env: Env, command: str, item_ids: list[str], phase: str | None, time: str | None) -> Outcome:
    """Make the change, show what it did, and give its outcome."""
    from llmlanding.services.tracking import change
    from llmlanding.views.progress import change_view

    outcome = change(env.settings, command, item_ids, phase, minutes=_minutes(time))
    show(change_view(outcome, env.lang))
    return outcome


def _minutes(time: str | None) -> int | None:
    """The minutes of `--time`, or None without it."""
    if time is None:
        return None
    from llmlanding.domain.effort import parse_duration

    return parse_duration(time)


def start(env: Env, *, item_ids: list[str], time: str | None) -> None:
    _record(env, "start", item_ids, time=time)


def done(env: Env, *, item_ids: list[str], phase: str | None, time: str | None, no_edit: bool = False) -> None:
    if phase is not None:
        from llmlanding.domain.outline import PHASE_NAMES

        phase = PHASE_NAMES.get(phase, phase)  # `code`, `代码实践`: the names the screens use
    if phase == "summary" and not no_edit:
        from llmlanding.cli.handlers.notes import offer_notes

        offer_notes(env, _recorded(env, "done", item_ids, phase, time))
        return
    if phase != "theory":
        _record(env, "done", item_ids, phase, time)
        return
    from rich.console import Group

    from llmlanding.domain.papers import unread_of
    from llmlanding.services.tracking import change
    from llmlanding.views.papers import theory_notice
    from llmlanding.views.progress import change_view

    outcome = change(env.settings, "done", item_ids, phase, minutes=_minutes(time))
    outline = outcome.after.outline
    left = {
        item_id: len(unread_of(outline, outcome.after.read, outline.items[item_id])) for item_id in outcome.requested
    }
    notices = [theory_notice(item_id, n, env.lang) for item_id, n in left.items() if n]
    show(Group(change_view(outcome, env.lang), *notices))


def skip(env: Env, *, item_ids: list[str]) -> None:
    _record(env, "skip", item_ids)


def reset(env: Env, *, item_ids: list[str]) -> None:
    _record(env, "reset", item_ids)


def undo(env: Env) -> None:
    from llmlanding.services.tracking import undo as undo_last
    from llmlanding.views.progress import change_view

    show(change_view(undo_last(env.settings), env.lang))


def next_item(env: Env, *, count: int | None, within: str | None, path: str | None, as_json: bool) -> None:
    result = screens.next_screen(env.snapshot(), env.lang, count=count, within=within, path=path, as_json=as_json)
    print_json(result) if as_json else show(result)


def dashboard(env: Env) -> None:
    show(screens.dashboard_screen(env.snapshot(), env.lang))


def choose_path(env: Env, *, name: str | None) -> None:
    from llmlanding.views.progress import paths_view
    from llmlanding.views.shapes import paths_json

    if name:
        from llmlanding.services.tracking import choose_path as choose

        snap = choose(env.settings, name)
    else:
        snap = env.snapshot()
    show(paths_view(paths_json(snap), env.lang))


def status(env: Env, *, as_json: bool, svg: Path | None, force: bool) -> None:
    snap = env.snapshot(finished=True)  # the pace counts the topics finished
    result = screens.status_screen(snap, env.lang, as_json=as_json)
    if svg is not None:
        from llmlanding.cli.files import refuse_existing
        from llmlanding.services.files import write_atomic
        from llmlanding.views.progress import to_svg

        target = svg.expanduser()
        refuse_existing([target], force)
        view = result if not as_json else screens.status_screen(snap, env.lang)
        write_atomic(target, to_svg(view, "llmlanding status"))
    print_json(result) if as_json else show(result)


def log(
    env: Env, *, item_id: str | None, limit: int | None, since: str | None, until: str | None, as_json: bool
) -> None:
    from llmlanding.store.queries import read_batches

    window = _window(since, until)
    snap = env.snapshot()
    only: set[str] | None = None
    if item_id is not None:
        item = snap.outline.get(item_id)
        only = {item.id, *snap.outline.descendants(item.id), *item.renamed_from}
    if limit is None and since is None and until is None:
        limit = 20
    with env.reading() as conn:
        batches = read_batches(conn, only, limit, *window)
    if as_json:
        from llmlanding.views.shapes import batch_json

        print_json([batch_json(batch) for batch in batches])
        return
    from llmlanding.views.progress import log_view

    show(log_view(batches, snap.outline, env.lang))


def _window(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """`--since`/`--until` as stored stamps: from the first moment of `since`'s day to the end of `until`'s."""
    if since is None and until is None:
        return None, None
    from datetime import timedelta

    from llmlanding.domain.digest import parse_day
    from llmlanding.domain.stamps import EARLIEST, local_midnight
    from llmlanding.errors import UsageError

    today = clock_today()
    first = parse_day(since, "--since", today) if since is not None else None
    last = parse_day(until, "--until", today) if until is not None else None
    if first is not None and last is not None and last < first:
        raise UsageError(
            f"--until {until} is before --since {since}", key="until_before_since", until=until, since=since
        )
    # Days before any stored time, or past the calendar's end, bound nothing (and local time cannot reach them).
    start = None if first is None or first <= EARLIEST.date() else local_midnight(first)
    end = None if last is None or last.year >= 9999 else local_midnight(last + timedelta(days=1))
    return start, end


def week(env: Env, *, last: bool, output: str | None, force: bool) -> None:
    from datetime import timedelta

    from llmlanding.domain.digest import recap, week_of
    from llmlanding.domain.notes import first_line
    from llmlanding.domain.stamps import local_midnight
    from llmlanding.store.queries import read_aliases, read_batches, read_notes

    first, last_day = week_of(clock_today(), last)
    snap = env.snapshot()
    with env.reading() as conn:
        batches = read_batches(conn, None, None, local_midnight(first), local_midnight(last_day + timedelta(days=1)))
        summary = recap(batches, snap.outline, first, last_day)
        notes = read_notes(conn, read_aliases(conn)) if summary.notes else {}
    firsts = {item_id: first_line(notes[item_id].text) for item_id in summary.notes if item_id in notes}
    if output is None:
        from llmlanding.views.week import week_view

        show(week_view(summary, snap.outline, firsts, env.lang))
        return
    from llmlanding.cli.files import write_output
    from llmlanding.cli.output import say
    from llmlanding.views.week import week_markdown
    from llmlanding.views.words import msg

    text = week_markdown(summary, snap.outline, firsts, env.lang)
    written = write_output(output, force, lambda out: print(text, end="", file=out))
    if written is not None:
        say(msg(env.lang, "week.wrote", path=written))


def move(env: Env, *, old_id: str, new_id: str) -> None:
    from llmlanding.services.tracking import move as move_work
    from llmlanding.views.orphans import moved_view

    moved = move_work(env.settings, old_id, new_id)
    target = moved.after.outline.items[moved.target]
    show(moved_view(moved.orphan, target.id, target.title(env.lang), env.lang))


def goal(env: Env, *, target: str | None, by: str | None, clear: bool, as_json: bool) -> None:
    """Set, clear or show the learner's goal; shows where they stand against it."""
    from llmlanding.cli.output import say
    from llmlanding.errors import UsageError
    from llmlanding.views.shapes import activity_json
    from llmlanding.views.words import msg

    if (target is not None) + (by is not None) + clear > 1:
        raise UsageError("give one of: a number of topics a week, --by DATE, --clear", key="goal_one")
    snap = env.snapshot()
    today = clock_today()
    if clear or target is not None or by is not None:
        from llmlanding.services.tracking import set_goal

        snap = set_goal(env.settings, None if clear else _goal(target, by, today))
    data = activity_json(snap, today)["goal"]
    if as_json:
        print_json(data)
    elif data is None:
        say(msg(env.lang, "goal.cleared" if clear else "goal.none"))
    else:
        from llmlanding.views.progress import goal_line

        show(goal_line(data, env.lang))


def _goal(target: str | None, by: str | None, today: date) -> Goal:
    from llmlanding.domain.goals import Goal
    from llmlanding.errors import UsageError

    if by is not None:
        try:
            day = date.fromisoformat(by)
        except ValueError:
            raise UsageError(f"--by takes a date like 2027-06-30, not '{by}'", key="goal_date", by=by) from None
        if day < today:
            raise UsageError(f"--by {by} is in the past; give a date from today on", key="goal_past", by=by)
        return Goal(by=day)
    assert target is not None
    number = target.removesuffix("/week").removesuffix("/w")
    if not number.isdigit() or not 1 <= int(number) <= 1000:
        raise UsageError(
            f"a goal is a number of topics a week from 1 to 1000 (e.g. 3 or 3/week), not '{target}'",
            key="goal_number",
            target=target,
        )
    return Goal(per_week=int(number))
