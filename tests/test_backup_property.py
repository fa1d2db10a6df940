"""The JSON backup is lossless: whatever a learner did, export → import into an empty home gives the same
status, notes and history, and a second import changes nothing."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from helpers import MINI, Run, dump
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

IDS = ["0", "0.1", "1", "1.1", "1.1.1", "1.1.2", "1.2", "2"]
NOTE_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(str.strip)  # a note of only whitespace is refused

operation = st.one_of(
    st.tuples(
        st.sampled_from(["done", "start", "skip", "reset"]), st.lists(st.sampled_from(IDS), min_size=1, max_size=3)
    ),
    st.tuples(
        st.just("phase"),
        st.sampled_from(["1.1.1", "1.1.2", "1.2", "2"]),
        st.sampled_from(["theory", "practice", "summary"]),
    ),
    st.tuples(st.just("note"), st.sampled_from(IDS), NOTE_TEXT),
    st.tuples(st.just("undo")),
    st.tuples(st.just("path"), st.sampled_from(["book"])),
)
# What `operation` draws: a command and its ids, a phase or a note on an item, undo, or a path to follow.
Op = tuple[str, list[str]] | tuple[str, str, str] | tuple[str] | tuple[str, str]


def _apply(run: Run, home: str, op: Op) -> None:
    base = ["--curriculum", str(MINI), "--home", home]
    match op:
        case ("done" | "start" | "skip" | "reset" as command, list() as ids):
            result = run(*base, command, *ids)
        case ("phase", item, phase):
            result = run(*base, "done", item, "--phase", phase)
        case ("note", item, text):
            result = run(*base, "note", item, "-m", text)
        case ("undo",):
            result = run(*base, "undo")
        case ("path", str() as name):
            result = run(*base, "path", name)
    assert result.exit_code == 0, result.stderr


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(operation, max_size=6))
def test_export_import_round_trip(ops: list[Op]) -> None:
    run = Run()
    with tempfile.TemporaryDirectory() as temp:
        source, target = str(Path(temp, "a")), str(Path(temp, "b"))
        for op in ops:
            _apply(run, source, op)
        backup = Path(temp, "backup.json")
        common = ["--curriculum", str(MINI)]
        assert run(*common, "--home", source, "export", "json", "-o", str(backup)).exit_code == 0
        assert run(*common, "--home", target, "import", str(backup)).exit_code == 0

        def view(home: str) -> tuple[str, str, str, str]:
            args = [*common, "--home", home]
            return (
                run(*args, "status", "--json").stdout,
                run(*args, "list", "--depth", "3", "--json").stdout,
                run(*args, "log", "-n", "1000", "--json").stdout,
                "".join(run(*args, "notes", item).stdout for item in IDS),
            )

        assert view(target) == view(source)
        exported_again = json.loads(run(*common, "--home", target, "export", "json").stdout)
        assert exported_again["events"] == json.loads(backup.read_text(encoding="utf-8"))["events"]
        before = dump(Path(target))
        assert run(*common, "--home", target, "import", str(backup)).exit_code == 0
        assert dump(Path(target)) == before
