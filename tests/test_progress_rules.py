"""The rules of progress, without any I/O."""

from __future__ import annotations

from llmlanding.domain.progress import TODO, LeafState, Tally, apply, pick_next, plan, tally


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
