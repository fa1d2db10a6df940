"""Where each topic of one edition of a roadmap lands in the next, read from the newer file's `revises:` map.

Not a test: run it by hand, `python bench/edition_map.py [OLD.yaml NEW.yaml]` (by default the two bundled
editions), and read every line: the old id and title beside the new id and title, `--` where the old item is
removed. The map is read by the very function `curriculum upgrade` uses (`domain.editions.destination`), as
docs/curriculum-format.md describes it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from llmlanding.domain.editions import destination
from llmlanding.roadmap.loader import load_curriculum, to_outline

ROOT = Path(__file__).resolve().parents[1]
OLD = ROOT / "curriculum" / "llmlanding.yaml"
NEW = ROOT / "curriculum" / "llmlanding-2024-12.yaml"

def side_by_side(old_path: Path, new_path: Path) -> list[str]:
    """One line per leaf of the old edition: old id and title, then where it lands and that item's title, as
    `llmlanding curriculum upgrade` would take it (llmlanding.domain.editions)."""
    old = to_outline(load_curriculum(old_path))
    new = to_outline(load_curriculum(new_path))
    if new.revises is None:
        raise SystemExit(f"{new_path} has no revises: block")
    lines = []
    for item_id, item in old.items.items():
        if item.children:
            continue
        targets = destination(item_id, new.revises.map, new)
        left = f"{item_id:<8} {item.title_zh}"
        if not targets:
            lines.append(f"{left}  ->  --")
            continue
        for target in targets:
            lines.append(f"{left}  ->  {target:<8} {new.items[target].title_zh}")
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
