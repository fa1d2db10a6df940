"""Where the learner asked a command to write: never over an existing file without --force, never outside the
folder given, stdout for '-'. The writing itself is `services.files`, all or nothing."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from llmlanding.errors import UsageError
from llmlanding.services.files import atomic_text


def refuse_existing(paths: list[Path], force: bool) -> None:
    """Check every target before writing any, so a refusal writes nothing at all."""
    if force:
        return
    existing = [p for p in paths if p.exists()]
    if existing:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise UsageError(
            f"{existing[0]} already exists{more}; use --force to overwrite",
            key="exists_more" if more else "exists",
            path=existing[0],
            more=len(existing) - 1,
        )


def write_output(target: str, force: bool, write: Callable[[TextIO], None]) -> Path | None:
    """Let `write` fill a file path, or stdout for '-'; returns the path written, or None for stdout. The file is
    replaced only once `write` has finished."""
    if target == "-":
        if sys.stdout.isatty():  # a terminal gets the text without its control characters
            from io import StringIO

            from llmlanding.cli.output import write_text

            buffer = StringIO()
            write(buffer)
            write_text(buffer.getvalue())
        else:
            write(sys.stdout)
        return None
    path = Path(target).expanduser()
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give a file name", key="is_folder", path=path)
    if not path.parent.is_dir():  # a typo in a folder's name should not become a new folder
        raise UsageError(
            f"no folder {path.parent}; create it first, or give another path", key="no_folder", folder=path.parent
        )
    refuse_existing([path], force)
    with atomic_text(path) as fh:
        write(fh)
    return path


def inside(folder: Path, name: str) -> Path:
    """folder/name, refusing any name that would land outside the folder."""
    candidate = (folder / name).resolve()
    if candidate.parent != folder.resolve() or name in ("", ".", ".."):
        raise UsageError(f"refusing to write '{name}' outside {folder}", key="outside_folder", name=name, folder=folder)
    return candidate
