"""Growth stays flat and the shortcuts that keep it flat give the very answers the long way gives: the activity
window, the progress read, the snapshot after a write worked out in memory, the search rows refreshed one item at
a time, the streamed backup; and many processes writing at once all get their turn."""

from __future__ import annotations

import functools
import io
import json
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers import MINI, Run, db_file
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from llmlanding.domain.activity import measure
from llmlanding.domain.history import Batch, Event
from llmlanding.domain.progress import FIELDS, LeafState
from llmlanding.domain.stamps import STAMP_FORMAT
from llmlanding.services import backup, notes, tracking
from llmlanding.settings import Settings
from llmlanding.store import leaf_states, queries
from llmlanding.store.migrations import MIGRATIONS, apply_one
from llmlanding.store.search_index import rebuild
from llmlanding.store.snapshot import take
from llmlanding.store.writer import Tx, add_batches, apply_events, transaction

# The activity query as it was before the window: every stamp, for `measure` to count.
EVERY_STAMP = (
    "SELECT e.at FROM event e JOIN batch b ON b.id = e.batch_id WHERE b.undoes IS NULL AND ("
    "(e.field IN ('theory', 'practice', 'summary') AND e.new = '1') "
    "OR (e.field = 'status' AND e.new IN ('doing', 'done')) OR (e.field = 'note' AND e.new IS NOT NULL))"
)


def memory_store() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    for migration in MIGRATIONS:
        apply_one(conn, migration)
    return conn


def write_log(conn: sqlite3.Connection, log: list[tuple[Batch, list[Event]]]) -> None:
    conn.execute("BEGIN IMMEDIATE")
    tx = Tx(conn, "here")
    add_batches(tx, [batch for batch, _ in log])
    apply_events(tx, [event for _, events in log for event in events])
    conn.execute("COMMIT")


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(STAMP_FORMAT)


# --- activity ----------------------------------------------------------------------------------------------------

ZONES = ["UTC", "Asia/Shanghai", "America/Sao_Paulo", "Asia/Kathmandu", "Pacific/Chatham", "Asia/Beirut"]
# Days near the end of SQLite's 'localtime' range, and before its start, take the Python path.
TODAYS = [date(2026, 11, 28), date(2026, 3, 30), date(2026, 10, 26), date(2038, 2, 1), date(1970, 2, 20)]

change = st.tuples(
    st.sampled_from(["theory", "practice", "summary", "status", "note", "repo"]),
    st.sampled_from(["1", "0", "doing", "done", "todo", "skipped", "text", None]),
)
day_of_activity = st.tuples(
    st.integers(min_value=-2, max_value=400),  # days before today
    st.sampled_from([(0, 0, 0, 0), (23, 59, 59, 999999), (0, 30, 0, 1), (12, 0, 0, 0), (3, 0, 0, 0)]),
    st.lists(change, min_size=1, max_size=3),
    st.booleans(),  # an undo batch
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Beirut skips its midnight on 2026-03-29: 00:00 that day does not exist, and the day starts at 01:00.
@example(zone_name="Asia/Beirut", today=date(2026, 3, 30), streak=1, streak_ends_yesterday=True, scattered=[])
@given(
    zone_name=st.sampled_from(ZONES),
    today=st.sampled_from(TODAYS),
    streak=st.integers(min_value=0, max_value=300),
    streak_ends_yesterday=st.booleans(),
    scattered=st.lists(day_of_activity, max_size=25),
)
def test_the_activity_window_measures_as_every_stamp_does(
    zone: Callable[[str], None],
    zone_name: str,
    today: date,
    streak: int,
    streak_ends_yesterday: bool,
    scattered: list[tuple[int, tuple[int, int, int, int], list[tuple[str, str | None]], bool]],
) -> None:
    zone(zone_name)
    log: list[tuple[Batch, list[Event]]] = []

    def add(day: date, clock: tuple[int, int, int, int], changes: list[tuple[str, str | None]], undo: bool) -> None:
        at = stamp(datetime(day.year, day.month, day.day, *clock))
        batch = Batch(f"b{len(log)}", "here", at, "x", "b0" if undo else None)
        events = [
            Event(f"e{len(log)}-{n}", batch.id, "here", at, "1.1", f, None, v) for n, (f, v) in enumerate(changes)
        ]
        log.append((batch, events))

    last = today - timedelta(days=1 if streak_ends_yesterday else 0)
    for back in range(streak):
        add(last - timedelta(days=back), (23, 59, 59, 999999) if back % 2 else (0, 0, 0, 0), [("theory", "1")], False)
    for back, clock, changes, undo in scattered:
        add(today - timedelta(days=back), clock, changes, undo)
    with closing(memory_store()) as conn:
        write_log(conn, log)
        every = [row[0] for row in conn.execute(EVERY_STAMP)]
        window = queries.read_activity(conn, today)
    expected, got = measure(every, [], 1, today), measure(window, [], 1, today)
    assert (got.streak, got.first_day, got.days) == (expected.streak, expected.first_day, expected.days)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    zone_name=st.sampled_from(ZONES),
    today=st.sampled_from(TODAYS),
    finished=st.lists(st.tuples(st.integers(min_value=-3, max_value=60), st.integers(0, 86399)), max_size=30),
)
def test_the_pace_counts_the_finished_topics_it_always_did(
    zone: Callable[[str], None], zone_name: str, today: date, finished: list[tuple[int, int]]
) -> None:
    zone(zone_name)
    noon = datetime(today.year, today.month, today.day, 12, tzinfo=UTC)
    stamps = [stamp(noon - timedelta(days=back, seconds=second - 43200)) for back, second in finished]
    days = [datetime.strptime(s, STAMP_FORMAT).replace(tzinfo=UTC).astimezone().date() for s in stamps]
    got = measure([], stamps, 5, today)
    assert got.this_week == sum(1 for d in days if today - d < timedelta(days=7))
    active = (today - min(days)).days + 1 if days else 0
    window = min(active, 28)
    expected = sum(1 for d in days if today - d < timedelta(days=window)) / (window / 7) if active >= 7 else None
    assert got.pace == expected


# --- progress ---------------------------------------------------------------------------------------------------

row = st.tuples(
    st.sampled_from(["1", "2", "3", "old1", "old2", "old3"]),
    st.sampled_from([*FIELDS, "note"]),
    st.sampled_from(["0", "1", "doing", "done", "skipped", "todo", "weird", None]),
    st.sampled_from(["2026-01-01T00:00:00.000000Z", "2026-01-02T00:00:00.000000Z", "2026-01-03T00:00:00.000000Z"]),
    st.sampled_from(["a", "b", "c"]),
)


def progress_the_long_way(
    conn: sqlite3.Connection, aliases: dict[str, str]
) -> tuple[dict[str, LeafState], dict[str, str]]:
    """States and finish stamps as they were read before: every row through Python, the later value winning."""
    latest: dict[tuple[str, str], tuple[str, str, str | None]] = {}
    for item_id, field_name, value, at, event_id in conn.execute(
        "SELECT item_id, field, value, at, event_id FROM progress"
    ):
        if field_name not in FIELDS:
            continue
        key = (aliases.get(item_id, item_id), field_name)
        if key not in latest or (at, event_id) > latest[key][:2]:
            latest[key] = (at, event_id, value)
    by_item: dict[str, dict[str, str | None]] = {}
    for (item_id, field_name), (_at, _id, value) in latest.items():
        by_item.setdefault(item_id, {})[field_name] = value
    done: dict[str, str] = {}
    for item_id, at in conn.execute("SELECT item_id, at FROM progress WHERE field = 'status' AND value = 'done'"):
        key = aliases.get(item_id, item_id)
        done[key] = max(done.get(key, ""), at)
    return {k: LeafState.from_fields(v) for k, v in by_item.items()}, done


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(row, max_size=30),
    renames=st.dictionaries(st.sampled_from(["old1", "old2", "old3"]), st.sampled_from(["1", "2"])),
)
def test_progress_read_in_one_pass_matches_the_long_way(
    rows: list[tuple[str, str, str | None, str, str]], renames: dict[str, str]
) -> None:
    with closing(memory_store()) as conn:
        # Each progress row names the one event that set it, so no two rows share an event id.
        unique = [(*r[:4], f"{r[4]}{n}") for n, r in enumerate(rows)]
        conn.executemany("INSERT OR REPLACE INTO progress VALUES (?, ?, ?, ?, ?)", unique)
        leaf_states.refresh(conn, None)  # as a write does for the rows it changes
        conn.executemany("INSERT INTO item_alias VALUES (?, ?)", renames.items())
        assert queries.read_progress(conn, queries.read_aliases(conn)) == progress_the_long_way(conn, renames)


# --- the snapshot after a write ----------------------------------------------------------------------------------

IDS = ["1", "1.1", "1.1.2", "1.1.3", "2", "0.1"]
operation = st.one_of(
    st.tuples(
        st.sampled_from(["done", "start", "skip", "reset"]), st.lists(st.sampled_from(IDS), min_size=1, max_size=2)
    ),
    st.tuples(
        st.just("phase"), st.sampled_from(["1.1.2", "1.1.3", "2"]), st.sampled_from(["theory", "practice", "summary"])
    ),
    st.tuples(st.just("note"), st.sampled_from(IDS), st.sampled_from(["a", "b", None])),
    st.tuples(st.just("undo")),
    st.tuples(st.just("path"), st.just("book")),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(operation, min_size=1, max_size=8))
# Undo back through the changes made before the roadmap changed: under the old id, and on the orphan.
@example(ops=[("undo",), ("undo",), ("undo",), ("undo",), ("done", ["1.1.3"]), ("undo",)])
@example(ops=[("reset", ["1.1.3"]), ("undo",), ("note", "1.1.3", None), ("undo",), ("undo",), ("undo",)])
def test_the_snapshot_after_a_write_is_what_reading_again_gives(
    tmp_path_factory: pytest.TempPathFactory, ops: list[tuple[Any, ...]]
) -> None:
    folder = tmp_path_factory.mktemp("snap")
    first, revised = folder / "first.yaml", folder / "revised.yaml"
    text = MINI.read_text(encoding="utf-8")
    first.write_text(text, encoding="utf-8")
    # 1.1.1 becomes 1.1.3 (an alias) and section 1.2 leaves the roadmap (an orphan with progress).
    text = text.replace('id: "1.1.1"\n', 'id: "1.1.3"\n            renamed_from: ["1.1.1"]\n')
    revised.write_text(
        text.replace('      - id: "1.2"\n        title: {zh: 第二节, en: Section two}\n', ""), encoding="utf-8"
    )
    home = folder / "home"
    before = Settings("en", first, home)
    tracking.change(before, "done", ["1.1.1", "1.2"])
    tracking.change(before, "start", ["1.1.2"])
    notes.set_note(before, "1.1.1", "old id")
    settings_ = Settings("en", revised, home)
    for op in ops:
        if op[0] in ("done", "start", "skip", "reset"):
            after = tracking.change(settings_, op[0], op[1]).after
        elif op[0] == "phase":
            after = tracking.change(settings_, "done", [op[1]], op[2]).after
        elif op[0] == "note":
            after = notes.set_note(settings_, op[1], op[2]).after
        elif op[0] == "undo":
            after = tracking.undo(settings_).after
        else:
            after = tracking.choose_path(settings_, op[1])
        with closing(sqlite3.connect(db_file(home))) as conn:
            assert after == take(conn)


# --- the search index ---------------------------------------------------------------------------------------------


def test_a_note_change_refreshes_only_that_items_search_rows(run: Run, isolated_env: Path) -> None:
    run("note", "3.2.1", "-m", "decoder only")
    run("note", "3.2.2", "-m", "encoder")
    with closing(sqlite3.connect(db_file(isolated_env))) as conn:
        roadmap_rows = conn.execute("SELECT id, item_id, field FROM search_doc WHERE field != 'note'").fetchall()
        untouched = conn.execute("SELECT id FROM search_doc WHERE item_id = '3.2.2' AND field = 'note'").fetchall()
    notes.set_note(Settings.resolve(), "3.2.1", "attention everywhere")  # replaces the text: -m would append
    with closing(sqlite3.connect(db_file(isolated_env), isolation_level=None)) as conn:
        assert (
            conn.execute("SELECT id, item_id, field FROM search_doc WHERE field != 'note'").fetchall() == roadmap_rows
        )
        assert (
            conn.execute("SELECT id FROM search_doc WHERE item_id = '3.2.2' AND field = 'note'").fetchall() == untouched
        )
        conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")
        incremental = sorted(conn.execute("SELECT item_id, field, position, text FROM search_doc"))
        hits = conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'everywhere'").fetchone()[0]
        stale = conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH '\"decoder only\"'").fetchone()[0]
        conn.execute("BEGIN")
        rebuild(conn)
        assert sorted(conn.execute("SELECT item_id, field, position, text FROM search_doc")) == incremental
        conn.execute("ROLLBACK")
    assert (hits, stale) == (1, 0)
    found = json.loads(run("search", "everywhere", "--json").stdout)
    assert [hit["id"] for hit in found] == ["3.2.1"]


# --- the backup ------------------------------------------------------------------------------------------------


def test_the_streamed_backup_is_byte_for_byte_the_json_dump(run: Run, isolated_env: Path, tmp_path: Path) -> None:
    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)

    def both() -> tuple[str, str]:
        with closing(sqlite3.connect(db_file(isolated_env))) as conn:
            streamed = io.StringIO()
            backup.write_json(conn, streamed, now)
            return streamed.getvalue(), json.dumps(backup.export_data(conn, now), ensure_ascii=False, indent=1) + "\n"

    run("next")
    streamed, dumped = both()
    assert streamed == dumped and '"batches": []' in streamed
    run("done", "3.2")
    run("note", "3.2.1", "-m", 'He said "hi" \\ 你好 — ☃ 🙂 \u2028 tab\tend')
    run("undo")
    run("path", "quickstart")
    with transaction(
        Settings.resolve().db, Settings.resolve().curriculum
    ) as tx:  # values the CLI never writes: nulls, controls
        add_batches(tx, [Batch("odd", "elsewhere", "2026-01-01T00:00:00.000000Z", "x\x01\x7f", None)])
        apply_events(
            tx, [Event("odd-1", "odd", "elsewhere", "2026-01-01T00:00:00.000000Z", "9.9", "note", None, "\x00\x1f")]
        )
    streamed, dumped = both()
    assert streamed == dumped
    out = tmp_path / "backup.json"
    assert run("export", "json", "-o", str(out)).exit_code == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["events"] == json.loads(dumped)["events"] and written["batches"] == json.loads(dumped)["batches"]
    assert run("export", "json", "-o", str(out)).exit_code == 2  # exists: refused without --force
    assert run("export", "json", "-o", str(tmp_path)).exit_code == 2  # a folder
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".backup.json.")]


# --- growth ------------------------------------------------------------------------------------------------------


def vm_steps(monkeypatch: pytest.MonkeyPatch, action: Callable[[], object]) -> int:
    """SQLite virtual-machine steps taken by every connection `action` opens: a count that does not depend on
    the machine's speed, and that grows with the rows a command reads."""
    steps = [0]
    real = sqlite3.connect

    def tick() -> int:
        steps[0] += 1
        return 0

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn: sqlite3.Connection = real(*args, **kwargs)
        conn.set_progress_handler(tick, 10)
        return conn

    with monkeypatch.context() as patch:
        patch.setattr(sqlite3, "connect", connect)
        action()
    return steps[0] * 10


def old_history(home: Path, batches: int) -> None:
    """`batches` batches of this device's and another machine's, two to three years back, on the leaves of
    chapter 6 (which the recent history sets too, so the tables of current values are alike)."""
    rng = random.Random(batches)
    leaves = ["6.1", *(f"6.2.{t}" for t in range(1, 10))]
    start = datetime.now(UTC) - timedelta(days=1100)
    with transaction(Settings.resolve(home=home).db, Settings.resolve(home=home).curriculum) as tx:
        log_batches, log_events = [], []
        for n in range(batches):
            at = stamp(start + timedelta(minutes=97 * n))
            device = tx.device_id if n % 3 else "desktop-1"
            log_batches.append(Batch(f"old{n}", device, at, "done old", f"old{n - 1}" if n % 17 == 0 and n else None))
            for m, field_name in enumerate(rng.sample(FIELDS, 2)):
                value = "done" if field_name == "status" else "1"
                log_events.append(
                    Event(f"old{n}-{m}", f"old{n}", device, at, rng.choice(leaves), field_name, None, value)
                )
        add_batches(tx, log_batches)
        apply_events(tx, log_events)


def recent_history(run: Run, home: Path) -> None:
    for args in (
        ["done", "6"],
        ["reset", "6.2.2"],
        ["done", "6.2.2", "--phase", "theory"],
        ["done", "3.2"],
        ["start", "3.3.1"],
        ["note", "3.2.1", "-m", "attention"],
        ["skip", "4.1"],
    ):
        assert run("--home", str(home), *args).exit_code == 0


COMMANDS = [
    ["done", "3.3"],
    ["undo"],
    ["reset", "3.1"],
    ["note", "1.1.1", "-m", "x"],
    ["undo"],
    ["log"],
    ["log", "3.3"],
    ["status"],
    ["next"],
    ["list", "3"],
    ["search", "attention"],
    ["path"],
    ["export", "report", "-o", "-"],
]


def test_every_command_reads_as_much_with_a_long_history_as_with_a_short_one(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    short, long = tmp_path / "short", tmp_path / "long"
    for home in (short, long):
        assert run("--home", str(home), "next").exit_code == 0
    old_history(long, 6000)  # 12,000 events
    for home in (short, long):
        recent_history(run, home)
    for args in COMMANDS:
        costs = []
        for home in (short, long):
            costs.append(vm_steps(monkeypatch, functools.partial(run, "--home", str(home), *args)))
        assert costs[1] <= costs[0] * 1.05 + 500, (args, costs)


def test_undo_finds_its_batch_without_walking_the_log(tmp_path: Path, run: Run) -> None:
    home = tmp_path / "home"
    old_history(home, 6000)
    run("--home", str(home), "done", "3.2")
    with closing(sqlite3.connect(db_file(home))) as conn:
        device = conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()[0]
        statements: list[str] = []
        conn.set_trace_callback(statements.append)
        found = queries.last_undoable_batch(conn, device)
        conn.set_trace_callback(None)
        assert found is not None and found.command == "done 3.2"
        plan = " | ".join(str(r[3]) for r in conn.execute(f"EXPLAIN QUERY PLAN {statements[0]}"))
    assert "event_device_seq" in plan and "batch_undoes" in plan and "TEMP B-TREE" not in plan, plan


def test_no_read_scans_the_log(tmp_path: Path, run: Run) -> None:
    """Every statement a snapshot, `log` (with and without an item) and `undo`'s look-up run goes to the event and
    batch tables through an index, and reads progress from its covering index."""
    home = tmp_path / "home"
    old_history(home, 2000)  # every day from 1,100 to 965 days ago
    for args in (["done", "3.2"], ["note", "3.2.1", "-m", "x"], ["start", "6.1"]):
        run("--home", str(home), *args)
    with closing(sqlite3.connect(db_file(home))) as conn:
        device = conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()[0]
        statements: list[str] = []
        conn.set_trace_callback(statements.append)
        take(conn, date.today() - timedelta(days=970))  # a day in the old history: a streak longer than the window
        take(conn)
        queries.read_batches(conn)
        queries.read_batches(conn, {"3.2.1", "3.2"})
        queries.last_undoable_batch(conn, device)
        conn.set_trace_callback(None)
        assert any("WITH RECURSIVE" in sql for sql in statements)
        for sql in statements:
            plan = [str(r[3]) for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
            for line in plan:
                # Down an index, to a limit; or all of event_time, a partial index of only the time a learner
                # recorded with --time, which grows with those records, not with the log.
                if line.startswith(("SCAN e", "SCAN b", "SCAN event", "SCAN batch")) and "event_time" not in line:
                    assert "USING" in line and "LIMIT" in sql, (sql, plan)
                assert not line.startswith("SCAN progress") or "progress_state" in line, (sql, plan)
                assert line != "SCAN item", (sql, plan)  # no orphans here: no titles they had to read


def test_the_report_reads_progress_only_through_indexes(
    tmp_path: Path, run: Run, recorded: set[str], isolated_env: Path
) -> None:
    """`export report` reads notes, linked code and orphans from indexes that hold only them (progress_note,
    progress_repo) and the snapshot's leaf_state: no statement walks the progress table, which holds a row per
    phase of every topic ticked."""
    repo = tmp_path / "code"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    for args in (["done", "3.2"], ["note", "3.2.1", "-m", "x"], ["practice", "link", "3.2.2", str(repo)]):
        assert run(*args).exit_code == 0, args
    recorded.clear()
    result = run("export", "report", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert "  - 💻 `" in result.stdout and "** x\n" in result.stdout  # the code and the note were read
    with closing(sqlite3.connect(db_file(isolated_env))) as conn:
        reads = [sql for sql in recorded if sql.startswith("SELECT") and "progress" in sql]
        assert len(reads) >= 2  # notes and code at least
        for sql in reads:
            for line in (str(row[3]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}")):
                assert not line.startswith("SCAN progress"), (sql, line)


# --- many writers ------------------------------------------------------------------------------------------------


def test_a_roadmap_imported_while_a_writer_waits_is_not_written_against(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The outline a writer reads before the lock is dropped if another process imports a roadmap before the
    writer gets the lock; the writer then imports its own file again, under the lock, and applies to that."""
    from llmlanding.store import writer

    ours, theirs = tmp_path / "ours.yaml", tmp_path / "theirs.yaml"
    ours.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    theirs.write_text(MINI.read_text(encoding="utf-8").replace("Chapter two", "Chapter 2"), encoding="utf-8")
    home = tmp_path / "home" / "llmlanding.db"
    with transaction(home, ours):
        pass
    real = writer._stored_outline
    raced: list[bool] = []

    def stored_outline_then_another_import(conn: sqlite3.Connection, digest: str) -> object:
        found = real(conn, digest)
        if not raced:  # another process imports its roadmap between our read and our lock
            raced.append(True)
            with transaction(home, theirs):
                pass
        return found

    monkeypatch.setattr(writer, "_stored_outline", stored_outline_then_another_import)
    with transaction(home, ours, roadmap=True) as tx:
        assert tx.roadmap is None  # ours was imported again, under the lock
        assert tx.snapshot().outline.items["2"].title_en == "Chapter two"
    assert raced


def test_forty_processes_ticking_off_forty_topics_at_once_all_succeed(run: Run, isolated_env: Path) -> None:
    assert run("next").exit_code == 0  # the home is made first, as a learner's first command would
    topics = [pick["id"] for pick in json.loads(run("next", "-n", "40", "--json").stdout)]
    assert len(set(topics)) == 40
    env = {**os.environ, "LLMLANDING_HOME": str(isolated_env)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "llmlanding", "done", topic],
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for topic in topics
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    states = {topic: json.loads(run("show", topic, "--json").stdout)["status"] for topic in topics}
    assert states == dict.fromkeys(topics, "done")
