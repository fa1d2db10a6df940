"""Whether a new shell will find `llmlanding`: on its first run, a program that is not on PATH says how to put it
there (the README's install links it into ~/.local/bin, which stock Linux systems put on PATH)."""

from __future__ import annotations

import os

NAME = "llmlanding"
LOCAL_BIN = os.path.join("~", ".local", "bin")


def on_path(name: str = NAME, path: list[str] | None = None) -> bool:
    """Whether a shell with this PATH finds an executable `name`."""
    for folder in path if path is not None else os.get_exec_path():
        candidate = os.path.join(folder or ".", name)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return True
    return False


def path_hint(script: str, lang: str) -> str | None:
    """One line on how to reach `llmlanding` by its name, or None when the PATH already finds it."""
    if on_path():
        return None
    from llmlanding.views.words import msg

    local_bin = os.path.expanduser(LOCAL_BIN)
    if os.path.isfile(os.path.join(local_bin, NAME)):
        return msg(lang, "install.not_on_path", folder=LOCAL_BIN)
    return msg(lang, "install.link", script=os.path.abspath(script), folder=LOCAL_BIN)
