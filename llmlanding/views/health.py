"""The report of `check [--repair]`: one line per part looked at, then one per problem. Returned, not printed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from llmlanding.views.words import msg

if TYPE_CHECKING:
    from llmlanding.views.outcomes import HealthLike


_SHOWN = 20  # problems listed per part; the rest are counted


def _part(ok: bool, text: str, problems: list[str]) -> list[Text]:
    lines = [Text(("✓ " if ok else "! ") + text, style="" if ok else "yellow")]
    lines += [Text(f"  {line}", style="yellow") for line in problems[:_SHOWN]]
    if len(problems) > _SHOWN:
        lines.append(Text(f"  … {len(problems) - _SHOWN}", style="yellow"))
    return lines


def check_view(found: HealthLike, lang: str) -> RenderableType:
    from llmlanding.views.errorwords import said as worded  # the problems found, in `lang`

    lines = _part(not found.sqlite, msg(lang, "check.sqlite"), list(found.sqlite))
    bad = [f"{row.kind} {row.row_id[:40]}: {worded(row.reason, lang)}" for row in found.bad]
    if found.repaired:
        lines += _part(True, msg(lang, "check.log", batches=found.batches, events=found.events), [])
        if bad:
            lines += _part(True, msg(lang, "check.quarantined", n=len(bad)), bad)
        lines += _part(True, msg(lang, "check.rebuilt"), [])
    else:
        counts = {"batches": found.batches, "events": found.events}
        said = msg(lang, "check.log_bad", n=len(bad), **counts) if bad else msg(lang, "check.log", **counts)
        lines += _part(not bad, said, bad)
        said = msg(lang, "check.caches_bad" if found.caches else "check.caches")
        lines += _part(not found.caches, said, [worded(line, lang) for line in found.caches])
    if found.quarantined:
        lines.append(Text("  " + msg(lang, "check.kept", n=found.quarantined), style="dim"))
    if found.journal_checked:
        said = msg(lang, "check.journal_bad" if found.journal else "check.journal")
        lines += _part(not found.journal, said, list(found.journal))
        if found.journal_refused:
            lines.append(Text("  " + msg(lang, "check.refused", n=len(found.journal_refused)), style="dim"))
            lines += [Text(f"  {worded(line, lang)}", style="dim") for line in found.journal_refused[:_SHOWN]]
    else:
        lines.append(Text("- " + msg(lang, "check.no_journal"), style="dim"))
    return Group(*lines)
