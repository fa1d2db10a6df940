"""`curriculum validate`: check a roadmap file."""

from __future__ import annotations

from pathlib import Path

from llmlanding.cli.env import Env
from llmlanding.cli.output import say
from llmlanding.views.words import msg


def validate(env: Env, *, path: Path | None) -> None:
    from llmlanding.roadmap.loader import load_outline
    from llmlanding.views.roadmap import counts_line

    target = path if path is not None else env.settings.curriculum
    outline = load_outline(target)
    say(msg(env.lang, "curriculum.ok", path=target, counts=counts_line(outline, env.lang)))
