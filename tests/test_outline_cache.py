"""Reading only what a command shows: the stored roadmap's compact row gives the outline its rows give, items built
as they are asked for; a row that is missing, stale or damaged is not read; and the activity is counted only by
the commands that show it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from helpers import Run, db_file

from llmlanding.domain.outline import CompactItems, Outline, item_row, subtree_ends
from llmlanding.store import outline_cache, queries

EVERYDAY = [["list"], ["list", "3"], ["show", "3.2"], ["status"], ["next"], ["path"], ["search", "attention"]]


def outlines(home: Path) -> tuple[Outline, Outline]:
    """The outline as commands read it, and as the rows give it."""
    with closing(sqlite3.connect(db_file(home))) as conn:
        meta = queries.read_meta(conn)
        return queries.read_outline(conn, meta), queries.read_outline_rows(conn, meta)


def outputs(run: Run) -> list[str]:
    found = []
    for args in EVERYDAY:
        result = run(*args)
        assert result.exit_code == 0, (args, result.stderr)
        found.append(result.stdout)
    return found


def test_the_compact_outline_is_the_one_the_rows_give(run: Run, isolated_env: Path) -> None:
    assert run("done", "3.2").exit_code == 0
    compact, rows = outlines(isolated_env)
    assert isinstance(compact.items, CompactItems)
    assert isinstance(rows.items, dict)
    assert compact == rows
    assert [c.id for c in compact.chapters] == [c.id for c in rows.chapters]
    assert compact.branches() == rows.branches()
    for item_id in rows.items:
        assert compact.leaves_under(item_id) == rows.leaves_under(item_id)
        assert list(compact.children_of(item_id)) == rows.items[item_id].children
        assert compact.descendants(item_id) == rows.descendants(item_id)
    with pytest.raises(KeyError):
        compact.leaves_under("9.9.9")


def test_a_database_without_the_row_reads_the_rows_and_gets_the_row_on_its_next_write(
    run: Run, isolated_env: Path
) -> None:
    assert run("done", "3.2").exit_code == 0
    before = outputs(run)
    with closing(sqlite3.connect(db_file(isolated_env))) as conn, conn:
        conn.execute("DELETE FROM meta WHERE key = ?", (outline_cache.OUTLINE,))
    assert isinstance(outlines(isolated_env)[0].items, dict)
    assert outputs(run) == before
    assert run("reset", "3.3").exit_code == 0  # changes nothing, but writes in a transaction
    compact, rows = outlines(isolated_env)
    assert isinstance(compact.items, CompactItems)
    assert compact == rows
    assert outputs(run) == before


def _with(row: bytes, part: int, change: Callable[[Any], Any]) -> bytes:
    """The compact row with one part of its head, or (part 2) its columns, changed, each column's length in the
    head as they are then (the columns are read only when a command needs them: a damaged one must be caught
    when the row is read)."""
    head, columns = outline_cache.unpacked(memoryview(row))
    parts = list(head)
    if part == 2:
        changed = [bytes(column) for column in change([bytes(column) for column in columns])]
        parts[2] = tuple(map(len, changed))
        return outline_cache.packed(tuple(parts), b"".join(changed))
    parts[part] = change(parts[part])
    return outline_cache.packed(tuple(parts), b"".join(columns))


@pytest.mark.parametrize(
    "damage",
    [
        lambda row: b"not a marshalled outline",
        lambda row: row[: len(row) // 2],
        lambda row: row.replace(b"outline/", b"outline-"),  # another layout
        lambda row: row.decode("latin-1"),  # text: the row of an older layout
        lambda row: _with(row, 0, lambda form: form.replace("python 3.", "python 2.")),  # another Python's marshal
        lambda row: _with(row, 2, lambda columns: [*columns[:3], columns[3][:-3], *columns[4:]]),
    ],
    ids=["not one", "cut short", "layout", "text", "python", "a column cut short"],
)
@pytest.mark.parametrize("lazy", [False, True], ids=["columns read at once", "columns read as needed"])
def test_a_damaged_row_is_not_read(
    run: Run, isolated_env: Path, damage: Callable[[bytes], bytes | str], lazy: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if lazy:  # as on a big roadmap
        monkeypatch.setattr(outline_cache, "LAZY", 0)
    assert run("done", "3.2").exit_code == 0
    before = outputs(run)
    with closing(sqlite3.connect(db_file(isolated_env))) as conn, conn:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (outline_cache.OUTLINE,)).fetchone()[0]
        conn.execute("UPDATE meta SET value = ? WHERE key = ?", (damage(row), outline_cache.OUTLINE))
    assert isinstance(outlines(isolated_env)[0].items, dict)
    assert outputs(run) == before


def test_a_column_changed_in_a_big_roadmaps_row_is_caught_when_the_row_is_read(
    run: Run, isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its columns are read only when a command needs them: a CRC finds a change before any is."""
    monkeypatch.setattr(outline_cache, "LAZY", 0)
    assert run("done", "3.2").exit_code == 0
    before = outputs(run)
    assert isinstance(outlines(isolated_env)[0].items, CompactItems)
    with closing(sqlite3.connect(db_file(isolated_env))) as conn, conn:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (outline_cache.OUTLINE,)).fetchone()[0]
        changed = _with(row, 2, lambda columns: [*columns[:3], columns[3][:-3] + b"abc", *columns[4:]])
        conn.execute("UPDATE meta SET value = ? WHERE key = ?", (changed, outline_cache.OUTLINE))
    assert isinstance(outlines(isolated_env)[0].items, dict)
    assert outputs(run) == before


def test_a_row_made_for_another_roadmap_is_not_read(run: Run, isolated_env: Path, mini: Path) -> None:
    assert run("next").exit_code == 0
    with closing(sqlite3.connect(db_file(isolated_env))) as conn:
        bundled_row = conn.execute("SELECT value FROM meta WHERE key = ?", (outline_cache.OUTLINE,)).fetchone()[0]
    # Another roadmap in the same database (as an old version of the program would leave it): the row is stale.
    assert run("--curriculum", str(mini), "next").exit_code == 0
    mini_home_db = next(isolated_env.glob("*.db"), None)
    assert mini_home_db is not None
    for db in isolated_env.glob("*.db"):
        with closing(sqlite3.connect(db)) as conn, conn:
            conn.execute("UPDATE meta SET value = ? WHERE key = ?", (bundled_row, outline_cache.OUTLINE))
    for db in isolated_env.glob("*.db"):
        with closing(sqlite3.connect(db)) as conn:
            meta = queries.read_meta(conn)
            outline = queries.read_outline(conn, meta)
            assert outline == queries.read_outline_rows(conn, meta)


def test_read_meta_leaves_the_row_out(run: Run, isolated_env: Path) -> None:
    assert run("next").exit_code == 0
    with closing(sqlite3.connect(db_file(isolated_env))) as conn:
        assert outline_cache.OUTLINE not in queries.read_meta(conn)
        assert conn.execute("SELECT count(*) FROM meta WHERE key = ?", (outline_cache.OUTLINE,)).fetchone()[0] == 1


def test_subtree_ends_need_rows_in_preorder(run: Run, isolated_env: Path) -> None:
    assert run("next").exit_code == 0
    rows = [item_row(item) for item in outlines(isolated_env)[1].items.values()]
    ends = subtree_ends(rows)
    assert ends is not None
    assert ends[0] == rows.index(next(r for r in rows[1:] if r[4] is None))  # chapter 1 ends where 2 starts
    assert subtree_ends(list(reversed(rows))) is None
    swapped = [rows[0], rows[2], rows[1], *rows[3:]]
    assert subtree_ends(swapped) is None
    items = CompactItems(rows)  # without ends: leaves found by walking the children
    outline = outlines(isolated_env)[1]
    walked = Outline(outline.id, outline.title_zh, outline.title_en, items, outline.paths, outline.default_path)
    assert all(walked.leaves_under(i) == outline.leaves_under(i) for i in outline.items)


# --- what each command reads ---------------------------------------------------------------------------------------

ACTIVITY_SQL = "SELECT count(*) FROM event e CROSS JOIN batch b"


FINISHED_SQL = ("done_at FROM leaf_state",)


@pytest.mark.parametrize(
    "args", [[], ["next"], ["list"], ["show", "3.2"], ["path"], ["done", "3.3"], ["note", "1.1.1", "-m", "x"]]
)
def test_commands_that_show_no_activity_read_neither_it_nor_when_topics_were_finished(
    run: Run, recorded: set[str], args: list[str]
) -> None:
    assert run("done", "3.2").exit_code == 0
    recorded.clear()
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert recorded, "the run read the database"
    assert not [sql for sql in recorded if sql.startswith(ACTIVITY_SQL)]
    assert not [sql for sql in recorded if any(words in sql for words in FINISHED_SQL)]


def test_status_counts_it(run: Run, recorded: set[str]) -> None:
    assert run("done", "3.2").exit_code == 0
    recorded.clear()
    result = run("status")
    assert result.exit_code == 0, result.stderr
    assert [sql for sql in recorded if sql.startswith(ACTIVITY_SQL)]
    assert [sql for sql in recorded if any(words in sql for words in FINISHED_SQL)]
    assert "streak: 1 day · 11 topics this week" in result.stdout


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["export", "report", "-o", "-"], "- [x] 3.2.1 The GPT papers · GPT论文 (done 20"),  # dated
        (["--lang", "en", "status"], "11 topics this week"),  # counted in the pace
    ],
)
def test_the_report_and_status_read_when_topics_were_finished_with_their_states(
    run: Run, recorded: set[str], args: list[str], shown: str
) -> None:
    assert run("done", "3.2").exit_code == 0
    recorded.clear()
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert shown in result.stdout
    assert [sql for sql in recorded if "FROM leaf_state" in sql] == ["SELECT item_id, code, done_at FROM leaf_state"]


def test_one_items_note_and_code_are_what_reading_them_all_gives(run: Run, mini: Path, isolated_env: Path) -> None:
    for item_id, text in (("1.1.1", "first"), ("1.1.2", "second"), ("1.2", "third")):
        assert run("--curriculum", str(mini), "note", item_id, "-m", text).exit_code == 0
    # 1.1.1 becomes 1.1.3: its note stays under the old id, and the new id gets one of its own.
    text = mini.read_text(encoding="utf-8").replace(
        'id: "1.1.1"\n', 'id: "1.1.3"\n            renamed_from: ["1.1.1"]\n'
    )
    mini.write_text(text, encoding="utf-8")
    assert run("--curriculum", str(mini), "note", "1.1.3", "-m", "renamed").exit_code == 0
    db = next(isolated_env.glob("*.db"))
    with closing(sqlite3.connect(db)) as conn, conn:
        # A linked repository under the old id and another under the new one: the later wins.
        for at, item_id, path in (
            ("2020-01-01T00:00:00.000000Z", "1.1.1", "/old"),
            ("2021-01-01T00:00:00.000000Z", "1.1.3", "/new"),
        ):
            conn.execute(
                "INSERT INTO progress (item_id, field, value, at, event_id) VALUES (?, 'repo', ?, ?, ?)",
                (item_id, path, at, f"e{at}"),
            )
    with closing(sqlite3.connect(db)) as conn:
        aliases = queries.read_aliases(conn)
        assert aliases == {"1.1.1": "1.1.3"}
        everything, repos = queries.read_notes(conn, aliases), queries.read_repos(conn, aliases)
        assert "first" in everything["1.1.3"].text and "renamed" in everything["1.1.3"].text
        assert repos == {"1.1.3": "/new"}
        ids = {*queries.read_outline(conn, queries.read_meta(conn)).items, *everything, "9.9"}
        for item_id in ids:
            one = queries.read_notes(conn, aliases, item_id)
            assert one == ({item_id: everything[item_id]} if item_id in everything else {})
            assert queries.read_repos(conn, aliases, item_id) == ({item_id: repos[item_id]} if item_id in repos else {})


def test_the_reviews_due_counted_against_the_outline_are_those_the_join_counts(run: Run, isolated_env: Path) -> None:
    from llmlanding.store import cards

    assert run("done", "3.2").exit_code == 0  # its topics' summaries are done: they enter review
    with closing(sqlite3.connect(db_file(isolated_env))) as conn, conn:
        # A card of an id outside the roadmap, due long ago: neither way counts it.
        conn.execute("INSERT INTO review_card (item_id, due, last, ratings) VALUES ('9.9.9', '2000-01-01', '', 0)")
    with closing(sqlite3.connect(db_file(isolated_env))) as conn:
        known = queries.read_outline(conn, queries.read_meta(conn)).items.keys()
        assert conn.execute("SELECT count(*) FROM review_card").fetchone()[0] > 1
        for limit in ("1999-01-01", "2000-06-01", "2999-01-01"):
            assert cards.due_count(conn, limit, known) == cards.due_count(conn, limit)
        assert (
            cards.due_count(conn, "2999-01-01", known)
            == conn.execute("SELECT count(*) FROM review_card").fetchone()[0] - 1
        )


REVIEWS_SQL = "FROM review_card"


@pytest.mark.parametrize(
    "args", [["list"], ["show", "3.2"], ["path"], ["log"], ["done", "3.3"], ["reset", "3.3"], ["undo"]]
)
def test_commands_that_show_no_reviews_do_not_count_them(run: Run, recorded: set[str], args: list[str]) -> None:
    assert run("done", "3.2").exit_code == 0
    recorded.clear()
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert not [sql for sql in recorded if (REVIEWS_SQL in sql and "count" in sql) or "WHERE due <" in sql]


@pytest.mark.parametrize("args", [["next"], ["status"], []])
def test_next_status_and_the_dashboard_count_them(run: Run, recorded: set[str], args: list[str]) -> None:
    assert run("done", "3.2").exit_code == 0
    recorded.clear()
    assert run(*args).exit_code == 0
    assert [sql for sql in recorded if "WHERE due <" in sql]
