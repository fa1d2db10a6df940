"""Upgrading a learner of the bundled 2024-03-26 edition to the bundled 2024-12-28 one: every piece of work on
40 topics across all chapters and notes on 12 items lands on the item with the same content, or is listed as
an orphan; none lands on a different topic."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import pytest
from helpers import JSON, Run, js

from llmlanding.domain.outline import Item, Outline
from llmlanding.roadmap.loader import load_outline
from llmlanding.settings import bundled_editions

OLD, NEW = "2024-03-26", "2024-12-28"


def _plain(text: str) -> str:
    return re.sub(r"[\W\d_]+", "", text).lower()


def same_content(old: Item, new: Item) -> bool:
    """Titles that say the same thing, in either language: one contains the other, they are mostly alike, or
    they share a run of five letters or more ("基于HuggingFace的BERT预训练" and "BERT预训练实战")."""
    for a, b in ((old.title_zh, new.title_zh), (old.title_en, new.title_en)):
        x, y = _plain(a), _plain(b)
        if not x or not y:
            continue
        match = SequenceMatcher(None, x, y)
        if x in y or y in x or match.ratio() >= 0.6 or match.find_longest_match(0, len(x), 0, len(y)).size >= 5:
            return True
    return False


@pytest.fixture
def editions() -> tuple[Outline, Outline]:
    bundled = bundled_editions()
    return load_outline(bundled[OLD]), load_outline(bundled[NEW])


def worked_topics(old: Outline) -> list[str]:
    """40 topics spread over every chapter: each chapter's first, then every few others."""
    leaves = [leaf for chapter in old.chapters for leaf in old.leaves_under(chapter.id)]
    firsts = [old.leaves_under(chapter.id)[0] for chapter in old.chapters]
    step = max(len(leaves) // 40, 1)
    chosen = list(dict.fromkeys([*firsts, *leaves[::step]]))
    return sorted(chosen[:40], key=leaves.index)


def test_every_piece_of_work_lands_on_its_own_content_or_stays_an_orphan(
    run: Run, editions: tuple[Outline, Outline]
) -> None:
    old, new = editions
    topics = worked_topics(old)
    assert len(topics) == 40 and {old.items[t].id.split(".")[0] for t in topics} == {c.id for c in old.chapters}
    noted = topics[::4][:10] + [s.id for s in old.items.values() if s.kind == "section"][3:5]
    assert run("done", *topics[::2]).exit_code == 0
    assert run("start", *topics[1::2]).exit_code == 0
    for item_id in noted:
        assert run("note", item_id, "-m", f"my note on {item_id}").exit_code == 0

    upgraded = run("curriculum", "upgrade", NEW, "--yes")
    assert upgraded.exit_code == 0, upgraded.stderr
    status: JSON = js(run, "status")
    assert status["roadmap"]["edition"] == NEW
    orphans = {o["id"]: o for o in js(run, "orphans")}
    status_of = {item["id"]: item["status"] for item in js(run, "list", "--depth", "3")}

    def kept_as(old_id: str) -> str:
        """The id an old item's orphaned work is listed under: its own, or with its edition where the new
        edition reuses the number."""
        return old_id if old_id not in new.items else f"{old_id}@{OLD}"

    for old_id in topics:
        expected = "done" if topics.index(old_id) % 2 == 0 else "doing"
        if kept_as(old_id) in orphans:
            assert orphans[kept_as(old_id)]["status"] == expected
            continue
        holders = [
            item.id
            for item in new.items.values()
            if item.is_leaf and same_content(old.items[old_id], item) and status_of[item.id] in ("done", "doing")
        ]
        assert holders, f"the work on {old_id} {old.items[old_id].title_zh} is neither carried nor an orphan"
    # Nothing holds work that did not come from an item with the same content.
    for item in new.items.values():
        if item.is_leaf and status_of[item.id] != "todo":
            sources = [t for t in topics if kept_as(t) not in orphans and same_content(old.items[t], item)]
            assert sources, f"{item.id} {item.title_zh} holds work no item with its content had"
    exported = run("export", "report").stdout
    for old_id in noted:
        text = f"my note on {old_id}"
        if kept_as(old_id) in orphans:
            assert text in (orphans[kept_as(old_id)]["note"] or "")
            continue
        # Where the note went: the items with its content, read one by one (few), and no other item.
        alike = [i for i in new.items.values() if same_content(old.items[old_id], i)]
        found = [i.id for i in alike if text in (js(run, "show", i.id)["note"] or "")]
        assert found, f"the note on {old_id} is neither carried nor an orphan"
        assert exported.count(text) == len(found), f"the note on {old_id} also sits on an item of other content"


def test_undoing_an_upgrade_to_a_bundled_edition_leaves_the_home_as_it_was(run: Run) -> None:
    run("done", "3.2")
    before: JSON = js(run, "status")
    assert before["roadmap"] == {**before["roadmap"], "edition": OLD, "upgrade": None}
    assert run("curriculum", "upgrade", NEW, "--yes").exit_code == 0
    assert js(run, "status")["roadmap"]["edition"] == NEW
    assert run("undo").exit_code == 0
    after: JSON = js(run, "status")
    # The home's file never changed: nothing waits for an upgrade, as before it.
    assert after["roadmap"] == before["roadmap"] and after["overall"] == before["overall"]
    assert "curriculum upgrade" not in run("--lang", "en", "status").stdout
