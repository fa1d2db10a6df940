"""Writing files the learner asked for: never over an existing file without --force, always through a temp
file renamed into place, so a crash leaves either the old file or the new one, never half of one."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from llmlanding.errors import UsageError


def refuse_existing(paths: list[Path], force: bool) -> None:
    """Check every target before writing any, so a refusal writes nothing at all."""
    if force:
        return
    existing = [p for p in paths if p.exists()]
    if existing:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise UsageError(f"{existing[0]} already exists{more}; use --force to overwrite")


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(temp, path.stat().st_mode & 0o7777 if path.exists() else _default_mode())
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_output(target: str, text: str, force: bool) -> Path | None:
    """Write to a file path, or to stdout for '-'; returns the path written, or None for stdout."""
    if target == "-":
        sys.stdout.write(text)
        return None
    path = Path(target).expanduser()
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give a file name")
    refuse_existing([path], force)
    write_atomic(path, text)
    return path


def inside(folder: Path, name: str) -> Path:
    """folder/name, refusing any name that would land outside the folder."""
    candidate = (folder / name).resolve()
    if candidate.parent != folder.resolve() or name in ("", ".", ".."):
        raise UsageError(f"refusing to write '{name}' outside {folder}")
    return candidate


def _default_mode() -> int:
    # mkstemp makes files private (0600); a report is an ordinary file, so honour the umask as open() would.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
