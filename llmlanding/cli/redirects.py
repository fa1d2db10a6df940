"""Old ids after an upgrade: an id the recorded edition no longer has, but which an upgrade mapped, names the item
it became. Looked up only when an id is unknown, so the everyday path pays nothing for it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from llmlanding.cli.env import Env
from llmlanding.errors import UnknownItemError, UsageError
from llmlanding.views.words import msg


def _redirects(env: Env) -> tuple[str, dict[str, list[str]]]:
    import json

    from llmlanding.store.queries import REDIRECTS

    saved = env.snapshot().meta.get(REDIRECTS)
    if not saved:
        return "", {}
    data = json.loads(saved)
    return str(data["edition"]), dict(data["ids"])


def _replace(values: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    def swap(value: Any) -> Any:
        if value == old:
            return new
        if isinstance(value, list):
            return [new if v == old else v for v in value]
        return value

    return {key: swap(value) for key, value in values.items()}


def call(handler: Callable[..., None], env: Env, values: dict[str, Any]) -> None:
    """Run a handler; when it names an unknown id that an upgrade mapped to one item, say so and run it again
    on that item (an unknown id stops a command before it changes anything)."""
    seen: set[str] = set()
    while True:
        try:
            handler(env, **values)
            return
        except UnknownItemError as exc:
            edition, ids = _redirects(env)
            news = ids.get(exc.item_id)
            if not news or exc.item_id in seen:
                raise
            if len(news) > 1:
                # Said in the run's language already: the redirect's own words, not an error's key.
                raise UsageError(
                    msg(env.lang, "redirect.split", old=exc.item_id, new=", ".join(news), edition=edition)
                ) from None
            seen.add(exc.item_id)
            sys.stderr.write(msg(env.lang, "redirect.moved", old=exc.item_id, new=news[0], edition=edition) + "\n")
            values = _replace(values, exc.item_id, news[0])
