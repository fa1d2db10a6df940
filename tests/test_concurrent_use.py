"""First use of a home by many processes at once is race-free: none ever finds the database half made.
(Forty writers on a home that exists: tests/test_store_scale.py.)

`LLMLANDING_STRESS_ROUNDS` sets how many fresh homes the first-use test creates (1 in CI; run it with 30 or
more by hand to prove the race is gone)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from helpers import db_file

from llmlanding.roadmap.loader import load_outline
from llmlanding.settings import bundled_curriculum

ROUNDS = int(os.environ.get("LLMLANDING_STRESS_ROUNDS", "1"))
LEAVES = [item.id for item in load_outline(bundled_curriculum()).items.values() if item.is_leaf]


def _start(home: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "LLMLANDING_HOME": str(home), "LLMLANDING_LANG": "en"}
    return subprocess.Popen(
        [sys.executable, "-m", "llmlanding", *args], env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _finish(procs: list[subprocess.Popen[str]]) -> list[tuple[int, str]]:
    errors = [proc.communicate(timeout=120)[1] for proc in procs]
    return [(proc.returncode, err) for proc, err in zip(procs, errors, strict=True)]


def _query(home: Path, sql: str) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(f"file:{db_file(home)}?mode=ro", uri=True)) as conn:
        return [tuple(row) for row in conn.execute(sql)]


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_first_use_by_twenty_processes_at_once(tmp_path: Path, round_: int) -> None:
    home = tmp_path / f"fresh-{round_}"
    writes = LEAVES[:12]
    procs = [_start(home, "done", leaf) for leaf in writes]
    procs += [_start(home, *args) for args in (["next"], ["status"], ["list"], ["log"]) for _ in range(2)]
    results = _finish(procs)
    failures = [err for code, err in results if code != 0]
    assert failures == [], failures[0]
    assert _query(home, "SELECT count(*) FROM batch") == [(len(writes),)]
    done = _query(home, "SELECT item_id FROM progress WHERE field = 'status' AND value = 'done'")
    assert sorted(item for (item,) in done) == sorted(writes)
    assert sorted(p.name for p in home.iterdir() if p.name.startswith(".")) == []  # no file left aside
