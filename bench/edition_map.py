"""Where each topic of one edition of a roadmap lands in the next, read from the newer file's `revises:` map.

Not a test: run it by hand, `python bench/edition_map.py [OLD.yaml NEW.yaml]` (by default the two bundled
editions), and read every line: the old id and title beside the new id and title, `--` where the old item is
removed. tests/test_editions.py imports `revision_targets` to hold the bundled map to the same reading.

The map is applied as docs/curriculum-format.md describes it: one simultaneous renaming, in which an old id
listed in the map goes where the map says, an unlisted one follows its nearest listed ancestor by prefix
(`"5": "4"` makes 5.2.1 4.2.1; a removed ancestor removes it), and one with no listed ancestor keeps its id.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from llmlanding.roadmap.loader import load_curriculum, to_outline

ROOT = Path(__file__).resolve().parents[1]
OLD = ROOT / "curriculum" / "llmlanding.yaml"
NEW = ROOT / "curriculum" / "llmlanding-2024-12.yaml"

Target = str | list[str] | None


def _as_list(value: Target) -> list[str] | None:
    if value is None:
        return None
    return [value] if isinstance(value, str) else list(value)


def revision_targets(old_id: str, mapping: Mapping[str, Target]) -> list[str] | None:
    """The ids `old_id` becomes under `mapping`, or None when its item is removed."""
    if old_id in mapping:
        return _as_list(mapping[old_id])
    parts = old_id.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        ancestor = ".".join(parts[:cut])
        if ancestor in mapping:
            targets = _as_list(mapping[ancestor])
            if targets is None:
                return None
            suffix = old_id[len(ancestor) :]
            return [target + suffix for target in targets]
    return [old_id]


def side_by_side(old_path: Path, new_path: Path) -> list[str]:
    """One line per leaf of the old edition: old id and title, then where it lands and that item's title."""
    old = to_outline(load_curriculum(old_path))
    new_roadmap = load_curriculum(new_path)
    if new_roadmap.revises is None:
        raise SystemExit(f"{new_path} has no revises: block")
    new = to_outline(new_roadmap)
    mapping = new_roadmap.revises.map
    lines = []
    for item_id, item in old.items.items():
        if item.children:
            continue
        targets = revision_targets(item_id, mapping)
        left = f"{item_id:<8} {item.title_zh}"
        if targets is None:
            lines.append(f"{left}  ->  --")
            continue
        for target in targets:
            found = new.items.get(target)
            title = found.title_zh if found is not None else "!! NOT IN THE NEW EDITION"
            lines.append(f"{left}  ->  {target:<8} {title}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("old", nargs="?", type=Path, default=OLD)
    parser.add_argument("new", nargs="?", type=Path, default=NEW)
    args = parser.parse_args(argv)
    for line in side_by_side(args.old, args.new):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
