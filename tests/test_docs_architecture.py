"""docs/architecture.md describes the package as it is: every layer folder and every module in it is named in
the layers table, and every module the table names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "llmlanding"
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def _rows() -> dict[str, str]:
    """The layers table: folder -> the rest of its row."""
    found = {}
    for line in DOC.splitlines():
        match = re.match(r"^\| `llmlanding/(\w+)/` \|(.*)$", line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def test_every_layer_folder_is_in_the_table() -> None:
    folders = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert folders == set(_rows()), "docs/architecture.md's layers table and llmlanding/'s folders differ"


def test_every_module_is_named_and_every_named_module_exists() -> None:
    for folder, row in _rows().items():
        here = PACKAGE / folder
        modules = {p.name for p in here.glob("*.py") if p.name != "__init__.py"}
        modules |= {f"{p.parent.name}/" for p in here.glob("*/__init__.py")}
        named = set(re.findall(r"`([\w/]+(?:\.py|\.json|/))`", row))
        missing = sorted(m for m in modules if m not in named)
        assert not missing, f"docs/architecture.md does not name {missing} in {folder}/"
        ghosts = sorted(n for n in named if not (here / n).exists())
        assert not ghosts, f"docs/architecture.md names {ghosts} in {folder}/, which do not exist"
