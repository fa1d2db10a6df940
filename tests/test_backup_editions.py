"""A backup names the edition of the roadmap its ids mean. Ids are positions in their edition: a backup made on
another edition than the home's is refused whole, with one line saying what to do, rather than applied by id
to whatever items those ids name here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import JSON, MINI_EDITION_1, MINI_EDITION_2, Run, dump


@pytest.fixture
def editions(tmp_path: Path) -> tuple[Path, Path]:
    one, two = tmp_path / "edition-1.yaml", tmp_path / "edition-2.yaml"
    one.write_text(MINI_EDITION_1, encoding="utf-8")
    two.write_text(MINI_EDITION_2, encoding="utf-8")
    return one, two


def backup_of(run: Run, home: Path, roadmap: Path, path: Path) -> JSON:
    """A backup of a home on `roadmap` where 1.1.1 and chapter 2 (Chapter two) are done."""
    for args in (["done", "1.1.1"], ["done", "2"], ["export", "json", "-o", str(path)]):
        assert run("--home", str(home), "--curriculum", str(roadmap), *args).exit_code == 0, args
    data: JSON = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_a_backup_names_its_edition_and_a_home_on_another_refuses_it(
    run: Run, tmp_path: Path, editions: tuple[Path, Path]
) -> None:
    one, two = editions
    backup = tmp_path / "backup.json"
    assert backup_of(run, tmp_path / "old", one, backup)["roadmap"]["edition"] == "1"
    # A home already on edition 2, where "2" is Chapter one and 2.1.1 what 1.1.1 was.
    upgraded = tmp_path / "upgraded"
    two_home = ["--home", str(upgraded), "--curriculum", str(two)]
    assert run(*two_home, "next").exit_code == 0
    before = dump(upgraded)
    refused = run(*two_home, "--lang", "en", "import", str(backup))
    assert refused.exit_code == 2 and refused.stderr.count("\n") == 1
    assert f"{backup} is a backup made on edition 1 of the roadmap, and this home is on edition 2" in refused.stderr
    assert "nothing was imported; import it into a home on edition 1" in refused.stderr
    zh = run(*two_home, "--lang", "zh", "import", str(backup))
    assert zh.exit_code == 2 and "是在路线图版本 1 上做的备份，而这个主目录在版本 2 上" in zh.stderr
    assert dump(upgraded) == before
    shown: JSON = json.loads(run(*two_home, "show", "2", "--json").stdout)
    assert shown["status"] == "todo"  # Chapter one here: not the Chapter two that was done


def test_a_home_on_the_same_edition_takes_it_and_a_backup_from_before_editions_is_taken_as_before(
    run: Run, tmp_path: Path, editions: tuple[Path, Path]
) -> None:
    one, _two = editions
    backup = tmp_path / "backup.json"
    data = backup_of(run, tmp_path / "old", one, backup)
    fresh = ["--home", str(tmp_path / "fresh"), "--curriculum", str(one)]
    assert run(*fresh, "import", str(backup)).exit_code == 0
    assert json.loads(run(*fresh, "show", "2", "--json").stdout)["status"] == "done"
    del data["roadmap"]["edition"]
    older = tmp_path / "older.json"
    older.write_text(json.dumps(data), encoding="utf-8")
    again = ["--home", str(tmp_path / "again"), "--curriculum", str(one)]
    assert run(*again, "import", str(older)).exit_code == 0
    assert json.loads(run(*again, "show", "1.1.1", "--json").stdout)["status"] == "done"


def test_an_edition_that_is_not_text_is_refused_at_the_door(
    run: Run, tmp_path: Path, editions: tuple[Path, Path]
) -> None:
    one, _two = editions
    backup = tmp_path / "backup.json"
    data = backup_of(run, tmp_path / "old", one, backup)
    data["roadmap"]["edition"] = ["1"]
    backup.write_text(json.dumps(data), encoding="utf-8")
    fresh = tmp_path / "fresh"
    refused = run("--home", str(fresh), "--curriculum", str(one), "--lang", "en", "import", str(backup))
    assert refused.exit_code == 2
    assert refused.stderr == f"error: {backup}: roadmap.edition: a list is not text; nothing was imported\n"


def test_an_edition_with_escape_codes_is_refused_inert(run: Run, tmp_path: Path, editions: tuple[Path, Path]) -> None:
    """Text, so no problem of the file's: but not this home's edition, and said without its control characters."""
    one, _two = editions
    backup = tmp_path / "backup.json"
    data = backup_of(run, tmp_path / "old", one, backup)
    data["roadmap"]["edition"] = "\x1b]0;pwned\x07\x1b[2J1"
    backup.write_text(json.dumps(data), encoding="utf-8")
    home = ["--home", str(tmp_path / "fresh"), "--curriculum", str(one)]
    assert run(*home, "next").exit_code == 0
    before = dump(tmp_path / "fresh")
    refused = run(*home, "--lang", "en", "import", str(backup))
    assert refused.exit_code == 2 and "\x1b" not in refused.stderr and "\x07" not in refused.stderr
    assert "is a backup made on edition ]0;pwned[2J1 of the roadmap, and this home is on edition 1" in refused.stderr
    assert dump(tmp_path / "fresh") == before
