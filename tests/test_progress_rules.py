"""The rules of progress, without any I/O."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from llmlanding.domain.outline import CompactItems, Item, Outline, item_row, subtree_ends
from llmlanding.domain.progress import (
    TODO,
    LeafState,
    Tallies,
    Tally,
    apply,
    item_tally,
    pick_next,
    plan,
    tally,
)


def test_done_ticks_every_phase_and_repeating_changes_nothing() -> None:
    changes = plan("done", TODO)
    assert changes == {"theory": "1", "practice": "1", "summary": "1", "status": "done"}
    after = apply(TODO, changes)
    assert after.status == "done"
    assert plan("done", after) == {}


def test_phases_one_at_a_time() -> None:
    state = apply(TODO, plan("done", TODO, "theory"))
    assert state.status == "doing" and state.next_phase == "practice"
    state = apply(state, plan("done", state, "practice"))
    assert state.next_phase == "summary"
    state = apply(state, plan("done", state, "summary"))
    assert state.status == "done" and state.mark == "done" and state.next_phase is None


def test_start_skip_reset() -> None:
    started = apply(TODO, plan("start", TODO))
    assert started.status == "doing"
    assert plan("start", started) == {}
    done = apply(TODO, plan("done", TODO))
    assert plan("start", done) == {}  # starting a finished topic does not undo it
    skipped = apply(done, plan("skip", done))
    assert skipped.status == "skipped"
    assert apply(skipped, plan("reset", skipped)) == TODO


def test_percent_leaves_skipped_out() -> None:
    states = {"a": apply(TODO, plan("done", TODO)), "b": apply(TODO, plan("skip", TODO))}
    t = tally(["a", "b", "c", "d"], states)
    assert (t.done, t.skipped, t.todo, t.counted) == (1, 1, 2, 3)
    assert round(t.percent, 1) == 33.3
    assert Tally(total=2, done=0, skipped=2).status == "skipped"
    assert tally(["a", "b"], states).status == "done"


def test_next_prefers_what_is_in_progress_then_the_first_not_started() -> None:
    states = {"b": LeafState(theory=True, mark="doing"), "a": apply(TODO, plan("done", TODO))}
    picks = pick_next(["a", "b", "c", "d"], states, 3)
    assert [(p.item_id, p.reason) for p in picks] == [("b", "doing"), ("c", "todo"), ("d", "todo")]
    assert pick_next(["a"], states) == []


def test_stored_fields_round_trip() -> None:
    state = LeafState(theory=True, practice=False, summary=True, mark="doing")
    assert LeafState.from_fields(dict(state.fields())) == state
    assert LeafState.from_fields({"status": "bogus"}) == TODO


# A roadmap's shape: each item a list of its children's shapes (a leaf has none).
Shape = list["Shape"]
SHAPES: st.SearchStrategy[Shape] = st.recursive(
    st.just([]), lambda children: st.lists(children, max_size=4), max_leaves=30
)
STATES = st.builds(
    LeafState, st.booleans(), st.booleans(), st.booleans(), st.sampled_from(["todo", "doing", "done", "skipped"])
)


def _outline(chapters: list[Shape]) -> Outline:
    """Items in pre-order, as the loader and the store give them."""
    items: dict[str, Item] = {}

    def add(item_id: str, parent: str | None, shape: Shape) -> None:
        item = items[item_id] = Item(item_id, "topic", item_id, item_id, parent, len(items))
        for number, child in enumerate(shape, 1):
            item.children.append(f"{item_id}.{number}")
            add(f"{item_id}.{number}", item_id, child)

    for number, chapter in enumerate(chapters, 1):
        add(str(number), None, chapter)
    return Outline("t", "t", "t", items, {}, "book")


@given(st.lists(SHAPES, min_size=1, max_size=5), st.data())
def test_every_items_tally_from_one_pass_is_what_counting_its_leaves_gives(
    chapters: list[Shape], data: st.DataObject
) -> None:
    outline = _outline(chapters)
    # States on some of the roadmap's ids (its branches' too, as an item that gained topics keeps its own) and
    # on ids it does not have.
    ids = st.sampled_from([*outline.items, "9.9", "0"])
    states = data.draw(st.dictionaries(ids, STATES))
    rows = [item_row(item) for item in outline.items.values()]
    compact = [CompactItems(rows, subtree_ends(rows)), CompactItems(rows)]  # with the subtrees' ends, and without
    for items in [outline.items, *compact]:
        other = Outline("t", "t", "t", items, {}, "book")
        tallies = Tallies(other, states)
        for item_id in outline.items:
            assert tallies[item_id] == item_tally(outline, states, item_id), item_id
        leaves, _span = other.leaf_spans()
        assert leaves == [leaf for chapter in outline.chapters for leaf in outline.leaves_under(chapter.id)]
