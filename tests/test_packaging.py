"""The wheel carries the roadmap: an install from a fresh clone works from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("llmlanding-*.whl")
    return found


def test_wheel_contains_the_roadmap(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "llmlanding/curriculum/llmlanding.yaml" in names
    assert "llmlanding/curriculum/llmlanding-2024-12.yaml" in names  # the 2024-12-28 edition, not the default
    assert "llmlanding/study/study.tcss" in names  # the study screen's layout, read by Textual at run time
    assert not any(name.startswith("tests/") or "_parts" in name for name in names)


def test_installed_wheel_runs_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "LLMLANDING_LANG": "en"}
    where = subprocess.run(
        [sys.executable, "-c", "import llmlanding; print(llmlanding.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(site))
    result = subprocess.run(
        [sys.executable, "-m", "llmlanding", "list", "--depth", "1"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "0  Foundations  (optional)" in result.stdout
    assert "16  " in result.stdout
