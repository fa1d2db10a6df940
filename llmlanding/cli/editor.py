"""The note editor round trip: the learner's own $VISUAL/$EDITOR on a temporary file, text back byte for byte."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from llmlanding.errors import LLMLandingError, UsageError

FALLBACK_EDITORS = ("editor", "nano", "vim", "vi")


def find_editor(env: Mapping[str, str]) -> list[str]:
    """$VISUAL, else $EDITOR, else a common editor on PATH, as a command line (it may carry arguments)."""
    for var in ("VISUAL", "EDITOR"):
        value = env.get(var, "").strip()
        if value:
            words = shlex.split(value)
            if shutil.which(words[0], path=env.get("PATH")) is None:
                raise UsageError(
                    f"${var} is '{value}', but '{words[0]}' was not found; set it to an installed editor",
                    key="editor_not_found",
                    var=var,
                    value=value,
                    editor=words[0],
                )
            return words
    for name in FALLBACK_EDITORS:
        found = shutil.which(name, path=env.get("PATH"))
        if found:
            return [found]
    raise UsageError(
        "no editor found: set $EDITOR (e.g. export EDITOR=nano), or add text with -m 'your note'", key="no_editor"
    )


def edit(initial: str, env: Mapping[str, str], label: str) -> str:
    """Open the editor on `initial` and return what was saved, byte for byte (Chinese, code, trailing spaces)."""
    command = find_editor(env)
    handle, name = tempfile.mkstemp(prefix=f"llmlanding-{label}-", suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as fh:
            fh.write(initial)
        try:
            result = subprocess.run([*command, str(path)], env=dict(env), check=False)
        except OSError as exc:
            raise UsageError(
                f"could not run the editor '{command[0]}': {exc.strerror}",
                key="editor_failed",
                editor=command[0],
                reason=exc.strerror,
            ) from None
        if result.returncode != 0:
            raise LLMLandingError(
                f"the editor '{command[0]}' exited with code {result.returncode}; the note was not changed",
                key="editor_exit",
                editor=command[0],
                code=result.returncode,
            )
        with path.open(encoding="utf-8", newline="") as fh:
            return fh.read()
    except UnicodeDecodeError:
        raise UsageError("the edited note is not UTF-8 text; the note was not changed", key="editor_not_utf8") from None
    finally:
        path.unlink(missing_ok=True)
