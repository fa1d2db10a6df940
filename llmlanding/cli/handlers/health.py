"""`check [--repair]`: the database, the log, the caches and the journal looked over, and mended if asked."""

from __future__ import annotations

from llmlanding.cli.env import Env
from llmlanding.cli.output import show
from llmlanding.errors import LLMLandingError
from llmlanding.views.words import msg


def check(env: Env, *, repair: bool) -> None:
    from llmlanding.services.health import check as look
    from llmlanding.sync.service import journal_problems
    from llmlanding.views.health import check_view

    found = look(env.settings, repair)
    journal = journal_problems(env.settings)
    if journal is not None:
        found.journal, found.journal_refused = journal
        found.journal_checked = True
    show(check_view(found, env.lang))
    if found.problems:
        raise LLMLandingError(msg(env.lang, "check.failed" if repair else "check.problems"))
