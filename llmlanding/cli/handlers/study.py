"""`study`: the interactive screen. Textual is imported here, inside the function, and nowhere else in the CLI, so
that no other command pays for it."""

from __future__ import annotations

import os
import sys

from llmlanding.cli.env import Env
from llmlanding.errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from llmlanding.study.app import StudyApp


def study(env: Env) -> None:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "study needs a terminal; for scripts use next, show, done and the other commands", key="study_terminal"
        )
    make_app(env).run()


def make_app(env: Env) -> StudyApp:
    """The app on this run's settings, with the browser and the editor the commands use."""
    from llmlanding.cli.output import BANNER
    from llmlanding.study.app import StudyApp
    from llmlanding.study.session import Session

    snap = env.snapshot()  # makes the store ready first: created, migrated, a changed roadmap file imported
    banner = BANNER.pop() if BANNER else None  # the screen names the roadmap itself, when the home has several
    from llmlanding.cli.handlers.finding import browser, open_url

    session = Session(env.settings, env.lang, open_url, snap)
    app = StudyApp(session, editor=edit_outside, banner=banner)
    app.browser_in_terminal = bool(browser())  # opening an address hands the terminal to $BROWSER
    return app


def edit_outside(text: str, item_id: str) -> str:
    from llmlanding.cli.editor import edit

    return edit(text, os.environ, item_id)
