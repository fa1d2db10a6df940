"""The fast path: `next`, `status` and the dashboard answered from SQLite before typer is imported.

A learner runs these many times a day. Here they cost the standard library's sqlite3 and rich, not typer,
pydantic, SQLModel, PyYAML or GitPython. Only the exact forms parsed below are taken; anything else, and any
case that needs a write (no database yet, a migration, a changed roadmap file), falls through to typer,
which answers the same way through the same `screens` functions.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

GLOBAL_OPTIONS = ("--lang", "--curriculum", "--home")


@dataclass
class Request:
    command: str | None  # None: the dashboard
    globals: dict[str, str] = field(default_factory=dict)
    count: int | None = None
    within: str | None = None
    path: str | None = None
    as_json: bool = False


def _value(args: list[str], index: int) -> tuple[str, str, int] | None:
    """(name, value, next index) for `--opt value` or `--opt=value`."""
    name, sep, value = args[index].partition("=")
    if sep:
        return name, value, index + 1
    if index + 1 >= len(args):
        return None
    return name, args[index + 1], index + 2


def parse(argv: list[str]) -> Request | None:
    index = 0
    found: dict[str, str] = {}
    while index < len(argv) and argv[index].startswith("-"):
        got = _value(argv, index)
        if got is None or got[0] not in GLOBAL_OPTIONS:
            return None
        found[got[0]] = got[1]
        index = got[2]
    rest = argv[index:]
    if not rest:
        return Request(None, found)
    request = Request(rest[0], found)
    if rest[0] not in ("next", "status"):
        return None
    index = 1
    while index < len(rest):
        arg = rest[index]
        if arg == "--json":
            request.as_json = True
            index += 1
            continue
        if request.command != "next":
            return None
        got = _value(rest, index)
        if got is None:
            return None
        name, value, index = got
        if name in ("-n", "--count"):
            if not value.isdigit() or int(value) < 1:
                return None
            request.count = int(value)
        elif name == "--in":
            request.within = value
        elif name == "--path":
            request.path = value
        else:
            return None
    return request


def run(argv: list[str]) -> int | None:
    """Answer the request and return the exit code, or None to fall through to typer."""
    request = parse(argv)
    if request is None:
        return None
    from llmlanding.errors import LLMLandingError
    from llmlanding.settings import Settings
    from llmlanding.store.database import open_read
    from llmlanding.store.snapshot import roadmap_is_current, take
    from llmlanding.views import screens

    try:
        settings = Settings.resolve(
            request.globals.get("--lang"), request.globals.get("--curriculum"), request.globals.get("--home")
        )
        conn = open_read(settings.home)
    except LLMLandingError:
        return None  # typer reports it, in the same words
    if conn is None:
        return None
    try:
        from llmlanding.store.queries import read_meta

        if not roadmap_is_current(read_meta(conn), settings.curriculum):
            return None
        snap = take(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()

    from llmlanding.cli.output import print_json, report_error, show

    try:
        if request.command == "next":
            result = screens.next_screen(
                snap,
                settings.lang,
                count=request.count,
                within=request.within,
                path=request.path,
                as_json=request.as_json,
            )
        elif request.command == "status":
            result = screens.status_screen(snap, settings.lang, as_json=request.as_json)
        else:
            result = screens.dashboard_screen(snap, settings.lang)
    except LLMLandingError as exc:
        report_error(exc)
        return int(exc.exit_code)
    if request.as_json:
        print_json(result)
    else:
        show(result)
    return 0
