"""A settled roadmap file is recognised by its stat, so that reads need not hash it; any rewrite is still seen."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest
from helpers import MINI, Run, db_file

from llmlanding.store import snapshot
from llmlanding.store.queries import read_meta


def _aged(path: Path, seconds: float = 60.0) -> None:
    past = time.time() - seconds
    os.utime(path, (past, past))


def _meta(home: Path) -> dict[str, str]:
    with closing(sqlite3.connect(db_file(home))) as conn:
        return read_meta(conn)


def test_a_settled_roadmap_is_not_read_again(
    run: Run, tmp_path: Path, isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roadmap = tmp_path / "roadmap.yaml"
    shutil.copy(MINI, roadmap)
    _aged(roadmap)
    assert run("--curriculum", str(roadmap), "done", "1.1.1").exit_code == 0
    meta = _meta(isolated_env)
    assert snapshot.stat_unchanged(meta["curriculum_stat"], roadmap)

    def no_hashing(path: Path) -> str | None:
        raise AssertionError(f"{path} was hashed")

    monkeypatch.setattr(snapshot, "file_hash", no_hashing)
    assert snapshot.roadmap_is_current(meta, roadmap)


def test_a_rewritten_roadmap_is_seen_despite_the_recorded_stat(run: Run, tmp_path: Path, isolated_env: Path) -> None:
    roadmap = tmp_path / "roadmap.yaml"
    shutil.copy(MINI, roadmap)
    _aged(roadmap)
    assert run("--curriculum", str(roadmap), "done", "1.1.1").exit_code == 0
    roadmap.write_text(roadmap.read_text(encoding="utf-8").replace("Chapter two", "Chapter 2"), encoding="utf-8")
    assert not snapshot.roadmap_is_current(_meta(isolated_env), roadmap)
    assert "Chapter 2" in run("--curriculum", str(roadmap), "--lang", "en", "list").stdout


def test_a_fresh_file_is_hashed_and_its_stat_not_trusted(run: Run, tmp_path: Path, isolated_env: Path) -> None:
    roadmap = tmp_path / "roadmap.yaml"
    shutil.copy(MINI, roadmap)  # changed just now: a same-size rewrite in the same tick would keep its time
    assert run("--curriculum", str(roadmap), "done", "1.1.1").exit_code == 0
    assert "curriculum_stat" not in _meta(isolated_env)


@pytest.mark.parametrize("recorded", [None, "", "garbage", "1:2:x:4:/p", "1:2:3"])
def test_a_record_not_in_its_form_means_hashing(tmp_path: Path, recorded: str | None) -> None:
    roadmap = tmp_path / "roadmap.yaml"
    shutil.copy(MINI, roadmap)
    assert not snapshot.stat_unchanged(recorded, roadmap)
