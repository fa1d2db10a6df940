"""What an upgrade from one edition of the roadmap to the next does: `curriculum diff` and `curriculum upgrade`,
as text and as JSON. No I/O."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from llmlanding.domain.editions import Carried, Plan
from llmlanding.domain.outline import Outline
from llmlanding.views.shapes import EditionDiffJSON
from llmlanding.views.words import msg

SHOWN = 12  # ids listed per kind of change; the rest are counted


def diff_json(the_plan: Plan, carried: Carried, source: str) -> EditionDiffJSON:
    return {
        "from": the_plan.old_edition,
        "to": the_plan.new_edition,
        "file": source,
        "items": {
            "kept": len(the_plan.kept),
            "moved": [{"old": old, "new": new} for old, new in the_plan.moved],
            "merged": [{"old": olds, "new": new} for olds, new in the_plan.merged],
            "split": [{"old": old, "new": news} for old, news in the_plan.split],
            "removed": the_plan.removed,
            "added": the_plan.added,
        },
        "work": {
            "carried": [{"old": old, "new": news} for old, news in carried.moves],
            "orphaned": carried.orphaned,
            "changes": len(carried.changes),
        },
    }


def _listed(label: str, entries: list[str]) -> list[Text]:
    if not entries:
        return []
    more = f" … +{len(entries) - SHOWN}" if len(entries) > SHOWN else ""
    return [Text(f"  {label}: ", style="bold").append(", ".join(entries[:SHOWN]) + more, style="")]


def _title(outline: Outline, item_id: str, lang: str) -> str:
    item = outline.items.get(item_id)
    return f"{item_id} {item.title(lang)}" if item else item_id


def diff_view(the_plan: Plan, carried: Carried, old: Outline, new: Outline, source: str, lang: str) -> RenderableType:
    counts = {
        "kept": len(the_plan.kept),
        "moved": len(the_plan.moved),
        "merged": len(the_plan.merged),
        "split": len(the_plan.split),
        "removed": len(the_plan.removed),
        "added": len(the_plan.added),
    }
    parts: list[RenderableType] = [
        Text(msg(lang, "upgrade.head", old=the_plan.old_edition, new=the_plan.new_edition, file=source), style="bold"),
        Text("  " + " · ".join(msg(lang, f"upgrade.{kind}", n=n) for kind, n in counts.items())),
    ]
    parts += _listed(msg(lang, "upgrade.moved_list"), [f"{o} → {n}" for o, n in the_plan.moved])
    parts += _listed(msg(lang, "upgrade.merged_list"), [f"{' + '.join(o)} → {n}" for o, n in the_plan.merged])
    parts += _listed(msg(lang, "upgrade.split_list"), [f"{o} → {', '.join(n)}" for o, n in the_plan.split])
    parts += _listed(msg(lang, "upgrade.removed_list"), the_plan.removed)
    parts += _listed(msg(lang, "upgrade.added_list"), the_plan.added)
    parts.append(Text(f"\n{msg(lang, 'upgrade.work')}", style="bold underline"))
    if not carried.moves and not carried.orphaned:
        parts.append(Text(f"  {msg(lang, 'upgrade.work_stays')}"))
    for old_id, news in carried.moves:
        line = Text(f"  {_title(old, old_id, lang)} → ")
        line.append(", ".join(_title(new, n, lang) for n in news), style="cyan")
        parts.append(line)
    if carried.orphaned:
        parts.append(Text(f"  {msg(lang, 'upgrade.orphaned', ids=', '.join(carried.orphaned))}", style="yellow"))
    return Group(*parts)
