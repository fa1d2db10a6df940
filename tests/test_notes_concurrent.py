"""Paragraphs added to one note by ten processes at once are all kept: the note is read under the lock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_concurrent_paragraphs_are_all_kept(isolated_env: Path) -> None:
    env = {**os.environ, "LLMLANDING_HOME": str(isolated_env)}
    command = [sys.executable, "-m", "llmlanding"]
    assert subprocess.run([*command, "next"], env=env, capture_output=True, check=False).returncode == 0
    writers = [
        subprocess.Popen([*command, "note", "3.1", "-m", f"paragraph {n}"], env=env, stdout=subprocess.DEVNULL)
        for n in range(10)
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0] * 10
    note = subprocess.run([*command, "notes", "3.1"], env=env, capture_output=True, text=True, check=True).stdout
    assert sorted(line.split("paragraph ")[1] for line in note.splitlines() if "paragraph " in line) == [
        str(n) for n in range(10)
    ]
