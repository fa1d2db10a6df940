"""Data from outside the home, poisoned on purpose: backups given to `import` and journal lines a peer pushes to
the shared remote. Each must fail safe: one clear line, the designed exit code, nothing stored from it, and every
later command still working."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers import JSON, Run, db_file, dump
from typer.testing import Result

from llmlanding.domain.eventcheck import batch_problems, event_problems, line_problems, stamp_problem
from llmlanding.domain.stamps import STAMP_FORMAT

NOW = datetime.now(UTC)


def stamp(moment: datetime) -> str:
    return moment.strftime(STAMP_FORMAT)


def good_event(**changes: object) -> dict[str, object]:
    event: dict[str, object] = {
        "id": "e" * 32,
        "batch": "b" * 32,
        "device": "desk-1a2b3c",
        "at": stamp(NOW - timedelta(hours=1)),
        "item": "1.1.1",
        "field": "status",
        "old": "todo",
        "new": "skipped",
    }
    return {**event, **changes}


# -- the schema itself


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"at": "zzzz"}, "at: 'zzzz' is not a time"),
        ({"at": "2024-99-99T00:00:00.000000Z"}, "at: '2024-99-99T00:00:00.000000Z' is not a real date"),
        ({"at": "9999-12-31T23:59:59.999999Z"}, "is in the future"),
        ({"at": "2999-01-01T00:00:00.000000Z"}, "is in the future"),
        ({"at": "1999-12-31T23:59:59.999999Z"}, "is before 2000"),
        ({"at": 1700000000}, "at: 1700000000 is not a time"),
        ({"item": "../../etc"}, "item: '../../etc' is not an item id"),
        ({"item": "1." + "1" * 80}, "is not an item id"),
        ({"device": "a/b"}, "device: 'a/b' is not a plain name"),
        ({"device": "a..b"}, "is not a plain name"),
        ({"device": "\x1b]0;pwned\x07"}, "device: ']0;pwned' is not a plain name"),
        ({"id": "x" * 200}, "id: "),
        ({"id": True}, "id: true is not text"),
        ({"new": "finished"}, "new: 'finished' is not one of todo, doing, done, skipped"),
        ({"field": "theory", "old": "0", "new": "2"}, "new: '2' is not one of 0, 1"),
        ({"field": "colour"}, "field: 'colour' is not one of"),
        ({"field": "note", "new": {"a": 1}}, "new: an object is not text or null"),
        ({"field": "repo", "new": "/x\n/y"}, "new: '/x /y' is not a repository's address or path"),
    ],
)
def test_the_schema_names_the_place_and_the_problem(changes: dict[str, object], problem: str) -> None:
    found = event_problems(good_event(**changes))
    assert len(found) == 1 and problem in found[0], found
    assert "\x1b" not in found[0] and "\x07" not in found[0]


def test_the_schema_takes_what_the_program_writes() -> None:
    assert event_problems(good_event()) == []
    assert event_problems(good_event(field="note", old=None, new="any text\n\twith 中文")) == []
    assert event_problems(good_event(field="repo", old=None, new="/home/ana/code/picogpt")) == []
    assert event_problems(good_event(item="42.7")) == []  # an item of an older edition: valid
    assert event_problems(good_event(at=stamp(NOW + timedelta(hours=23)))) == []
    assert batch_problems({"id": "b1", "device": "d", "at": stamp(NOW), "command": "done 3.2", "undoes": None}) == []
    assert event_problems(["not", "an", "event"]) == ["a list is not an object"]
    assert line_problems(good_event()) == ["learner: missing"]
    assert line_problems(good_event(learner="ana", command="done 1.1.1", undoes=None)) == []
    assert line_problems(good_event(learner="ana", edition="2024-12-28")) == []  # the edition its ids mean
    assert line_problems(good_event(learner="ana", edition=["2"])) == ["edition: a list is not text"]
    assert stamp_problem("2024-02-30T00:00:00.000000Z") is not None  # no 30th of February
    missing = event_problems({"id": "x"})
    assert "batch: missing" in missing and "at: missing" in missing


# -- poisoned backups


@pytest.fixture
def backup(run: Run, tmp_path: Path) -> dict[str, Any]:
    """A real backup of a home with a little progress and a note, to poison."""
    target = tmp_path / "clean.json"
    for args in (["done", "1.1.1"], ["note", "1.1.2", "-m", "a note"], ["start", "2"]):
        assert run("--home", str(tmp_path / "source"), *args).exit_code == 0
    assert run("--home", str(tmp_path / "source"), "export", "json", "-o", str(target)).exit_code == 0
    data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return data


def _event(data: dict[str, Any], index: int, **changes: object) -> None:
    data["events"][index].update(changes)


POISONS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "time 9999": (lambda d: _event(d, 0, at="9999-12-31T00:00:00.000000Z"), "events[0].at: "),
    "time 2024-99-99": (lambda d: _event(d, 1, at="2024-99-99T00:00:00.000000Z"), "events[1].at: "),
    "year 2999": (lambda d: d["batches"][0].update(at="2999-01-01T00:00:00.000000Z"), "batches[0].at: "),
    "note on ../../etc": (lambda d: _event(d, -1, item="../../etc"), ".item: '../../etc' is not an item id"),
    "status out of range": (lambda d: _event(d, 3, new="finished"), "events[3].new: 'finished'"),
    "phase out of range": (lambda d: _event(d, 0, new="yes"), "events[0].new: 'yes'"),
    "version true": (lambda d: d.update(version=True), "is backup version true"),
    "batch missing": (lambda d: d["batches"].pop(0), ".batch: "),
    "dict as text": (lambda d: _event(d, 0, device={"a": 1}), "events[0].device: an object is not text"),
    "key missing": (lambda d: d["events"][0].pop("field"), "events[0].field: missing"),
    "list as an event": (lambda d: d["events"].insert(2, ["x"]), "events[2]: a list is not an object"),
    "escape in a name": (lambda d: _event(d, 0, device="\x1b[2J"), "events[0].device: '[2J'"),
}


@pytest.mark.parametrize("case", sorted(POISONS))
def test_a_poisoned_backup_is_refused_whole(
    run: Run, tmp_path: Path, isolated_env: Path, backup: dict[str, Any], case: str
) -> None:
    poison, place = POISONS[case]
    run("done", "1.2")
    before = dump(isolated_env)
    poison(backup)
    bad = tmp_path / "poisoned.json"
    bad.write_text(json.dumps(backup), encoding="utf-8")
    result = run("import", str(bad))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and str(bad) in result.stderr and place in result.stderr
    assert "\x1b" not in result.stderr
    assert dump(isolated_env) == before
    for args in (["status"], ["done", "1.1.1"], ["note", "1.1.1", "-m", "still fine"], ["undo"]):
        assert run(*args).exit_code == 0, args


def test_deeply_nested_json_is_one_line(run: Run, tmp_path: Path, isolated_env: Path) -> None:
    run("done", "1.2")
    before = dump(isolated_env)
    bad = tmp_path / "deep.json"
    bad.write_text('{"format": "llmlanding-backup", "version": 1, "batches": ' + "[" * 100_000 + "]" * 100_000 + "}")
    result = run("import", str(bad))
    assert result.exit_code == 2 and result.stderr == f"error: {bad}: not a backup: its JSON is nested too deeply\n"
    assert dump(isolated_env) == before


def test_an_old_backup_without_quarantine_still_imports(
    run: Run, tmp_path: Path, isolated_env: Path, backup: dict[str, Any]
) -> None:
    assert backup.pop("quarantine") == []
    old = tmp_path / "old.json"
    old.write_text(json.dumps(backup), encoding="utf-8")
    assert run("import", str(old)).exit_code == 0
    shown: JSON = json.loads(run("show", "1.1.1", "--json").stdout)
    assert shown["status"] == "done"


def test_a_local_change_is_never_more_than_a_day_ahead(run: Run, isolated_env: Path) -> None:
    """Even after a change from far ahead reached the log (as old versions let an import do)."""
    import sqlite3
    from contextlib import closing

    run("done", "1.1.1")
    with closing(sqlite3.connect(db_file(isolated_env))) as conn, conn:
        conn.execute("UPDATE event SET at = '2999-01-01T00:00:00.000000Z'")
        conn.execute("UPDATE batch SET at = '2999-01-01T00:00:00.000000Z'")
    assert run("done", "1.2").exit_code == 0
    logged = json.loads(run("log", "-n", "5", "--json").stdout)
    newest = next(batch for batch in logged if batch["command"] == "done 1.2")
    assert stamp(NOW) < newest["at"] <= stamp(datetime.now(UTC) + timedelta(days=1))


def test_a_local_change_follows_a_change_from_a_clock_slightly_ahead(
    run: Run, tmp_path: Path, isolated_env: Path, backup: dict[str, Any]
) -> None:
    """Within the day allowed, local order stays the log's order: the new change comes after the imported one."""
    ahead = stamp(datetime.now(UTC) + timedelta(hours=5))
    for record in (*backup["batches"], *backup["events"]):
        record["at"] = ahead
    file = tmp_path / "ahead.json"
    file.write_text(json.dumps(backup), encoding="utf-8")
    assert run("import", str(file)).exit_code == 0
    assert run("reset", "1.1.1").exit_code == 0
    newest = json.loads(run("log", "-n", "1", "--json").stdout)[0]
    assert newest["command"] == "reset 1.1.1" and newest["at"] > ahead
    shown: JSON = json.loads(run("show", "1.1.1", "--json").stdout)
    assert shown["status"] == "todo"  # the local change is the latest, and wins


# -- poisoned journal lines


@pytest.fixture
def no_git_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


IDENTITY = ["-c", "user.name=peer", "-c", "user.email=peer@example.org"]


def push_lines(remote: Path, work: Path, files: dict[str, list[str]]) -> None:
    """What a hostile or broken peer does: clone the shared remote, append lines to event files, push."""
    subprocess.run(["git", "clone", "-q", "-b", "main", str(remote), str(work)], check=True, capture_output=True)
    for name, lines in files.items():
        target = work / "events" / name
        target.parent.mkdir(exist_ok=True)
        with target.open("a", encoding="utf-8") as handle:
            handle.write("".join(line + "\n" for line in lines))
    subprocess.run(["git", "-C", str(work), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(work), *IDENTITY, "commit", "-q", "-m", "poison"], check=True)
    subprocess.run(["git", "-C", str(work), "push", "-q", "origin", "HEAD:main"], check=True, capture_output=True)


def line(**changes: object) -> str:
    fields = good_event(device="desk-1a2b3c", learner="ana", command="skip 1.1.1", undoes=None)
    return json.dumps({**fields, **changes}, ensure_ascii=False)


def test_poisoned_journal_lines_are_skipped_reported_and_the_rest_imported(
    run: Run, tmp_path: Path, no_git_identity: None
) -> None:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    home = tmp_path / "laptop"

    def me(*args: str) -> Result:
        return run("--home", str(home), "--lang", "en", *args)

    assert me("sync", "init", "--remote", str(remote), "--learner", "ana").exit_code == 0
    assert me("done", "1.2").exit_code == 0
    assert me("sync").exit_code == 0
    n = iter(range(10, 99))

    def new_id() -> str:
        return f"{next(n):02d}" * 16

    bad = [
        line(id=new_id(), at="zzzz"),
        json.dumps({k: v for k, v in json.loads(line(id=new_id())).items() if k != "batch"}),
        line(id=new_id(), new={"a": 1}),
        line(id=new_id(), item="../../etc", field="note", old=None, new="owned"),
        line(id=new_id(), device="\x1b]0;pwned\x07\x1b[2J"),
        line(id=new_id(), at="9999-12-31T23:59:59.999999Z"),
        line(id=new_id(), at="2024-99-99T00:00:00.000000Z"),
        line(id=new_id(), new="finished"),
        line(id=new_id(), edition=["2024-12-28"]),
        "not json at all",
        "[1, 2, 3]",
        '{"id": "' + "x" * 9_000_000 + '"}',
    ]
    good = line(id=new_id(), batch="c" * 32)
    # Sound, but made on an edition this home is not on, whose name tries to colour the terminal: it waits.
    other = line(id=new_id(), batch="d" * 32, item="1.1.2", edition="2\x1b[31m")
    push_lines(remote, tmp_path / "peer", {"ana@desk-1a2b3c.jsonl": [*bad[:5], good, other, *bad[5:]]})
    push_lines(remote, tmp_path / "peer2", {"ana\x1b[31m@x.jsonl": [bad[0]]})

    result = me("sync")
    assert result.exit_code == 0, result.stderr
    said = result.stdout.splitlines()
    skipped = [text for text in said if text.startswith("! skipped ")]
    assert len(skipped) == len(bad) + 1, said
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    first = "! skipped events/ana@desk-1a2b3c.jsonl:1 (learner ana, device desk-1a2b3c), which breaks the format: "
    assert f"{first}at: 'zzzz' is not a time like 2024-05-01T09:30:00.000000Z" in skipped
    assert any(
        text.endswith("jsonl:2 (learner ana, device desk-1a2b3c), which breaks the format: batch: missing")
        for text in skipped
    )
    assert "events/ana[31m@x.jsonl:1" in result.stdout
    assert "1 imported" in said[0]
    assert any(text.startswith("! 1 changes from your other machines were made on edition 2[31m") for text in said)
    assert json.loads(me("show", "1.1.2", "--json").stdout)["status"] == "todo"  # the held line was not applied
    shown: JSON = json.loads(me("show", "1.1.1", "--json").stdout)
    assert shown["status"] == "skipped"  # the good line was imported
    assert not (home / "journal" / "etc.md").exists() and not (tmp_path / "etc.md").exists()
    for args in (["status"], ["done", "2"], ["note", "1.2", "-m", "fine"], ["undo"], ["sync"], ["check"]):
        after = me(*args)
        assert after.exit_code == 0, (args, after.stdout, after.stderr)
    assert me("team").exit_code == 0


# -- SIGKILL during an import


def _big_backup(path: Path, batches: int, per_batch: int) -> int:
    day = datetime.now(UTC) - timedelta(days=30)
    items = [f"{c}.{s}.{t}" for c in range(1, 9) for s in range(1, 9) for t in range(1, 9)]
    data: dict[str, Any] = {
        "format": "llmlanding-backup",
        "version": 1,
        "active_path": None,
        "batches": [],
        "events": [],
    }
    for b in range(batches):
        at = stamp(day + timedelta(seconds=b))
        data["batches"].append({"id": f"b{b:031d}", "device": "old-pc", "at": at, "command": "done", "undoes": None})
        for e in range(per_batch):
            item = items[(b * per_batch + e) % len(items)]
            event = {"id": f"e{b:015d}{e:016d}", "batch": f"b{b:031d}", "device": "old-pc", "at": at}
            data["events"].append({**event, "item": item, "field": "status", "old": None, "new": "done"})
    path.write_text(json.dumps(data), encoding="utf-8")
    return batches * per_batch


def test_sigkill_during_an_import_leaves_all_or_nothing(run: Run, tmp_path: Path, isolated_env: Path) -> None:
    import signal
    import sqlite3
    import time
    from contextlib import closing

    assert run("done", "1.2").exit_code == 0
    total = _big_backup(tmp_path / "big.json", 2000, 10)
    with closing(sqlite3.connect(db_file(isolated_env))) as conn:
        before = conn.execute("SELECT count(*) FROM event").fetchone()[0]
    outcomes = set()
    env = {**os.environ, "LLMLANDING_HOME": str(isolated_env)}
    for delay in (0.3, 0.6, 0.9, 1.2, 1.6):
        process = subprocess.Popen(
            [sys.executable, "-m", "llmlanding", "import", str(tmp_path / "big.json")],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        with closing(sqlite3.connect(db_file(isolated_env))) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            count = conn.execute("SELECT count(*) FROM event").fetchone()[0]
        assert count in (before, before + total)
        outcomes.add(count)
        if count == before + total:
            break
    assert run("check").exit_code == 0


def test_a_large_import_shows_progress_on_a_terminal_only(run: Run, tmp_path: Path, isolated_env: Path) -> None:
    import pty

    total = _big_backup(tmp_path / "big.json", 3000, 5)
    quiet = run("--home", str(tmp_path / "piped"), "--lang", "en", "import", str(tmp_path / "big.json"))
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert quiet.stdout == f"Imported {total} changes in 3000 batches\n"
    leader, follower = pty.openpty()
    shown: list[bytes] = []

    def drain() -> None:  # read while it writes: a full terminal buffer would stop the import
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                return
            if not chunk:
                return
            shown.append(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    env = {**os.environ, "LLMLANDING_HOME": str(isolated_env), "LLMLANDING_LANG": "en", "TERM": "xterm"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "llmlanding", "import", str(tmp_path / "big.json")],
            env=env,
            stderr=follower,
            stdout=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(follower)
        reader.join(timeout=10)
        os.close(leader)
    assert done.returncode == 0 and done.stdout == quiet.stdout
    assert b"checking the backup" in b"".join(shown) and b"merging into this home" in b"".join(shown)


def test_names_this_program_makes_fit_the_schema() -> None:
    from llmlanding.domain.eventcheck import token_problem
    from llmlanding.sync.service import learner_slug

    for name in ("Ana Lee", "a..b", "../../etc", "x" * 300, "李雷", ".hidden", "-x-"):
        assert token_problem(learner_slug(name)) is None, name
