"""Writing a file so that a crash leaves either the old file or the new one, never half of one: a temporary file
beside it, written, flushed to disk, then renamed into place. The one place every file the program writes goes
through (reports, notes, pictures, backups)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


@contextmanager
def atomic_text(path: Path) -> Iterator[TextIO]:
    """A text handle whose content replaces `path` when the block ends without error; on error nothing changes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(temp, path.stat().st_mode & 0o7777 if path.exists() else _default_mode())
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, text: str) -> None:
    with atomic_text(path) as fh:
        fh.write(text)


def _default_mode() -> int:
    # mkstemp makes files private (0600); a report is an ordinary file, so honour the umask as open() would.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
