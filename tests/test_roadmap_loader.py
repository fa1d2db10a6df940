"""Golden tests for the strict roadmap loader: each bad file gives FILE:LINE:COL: message, exit 2, no traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from helpers import MINI, Run

from llmlanding.roadmap.yamlreader import MAX_BYTES

BASE = MINI.read_text(encoding="utf-8")


def edit(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


BOMB = (
    'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
)

CASES = {
    "broken_yaml": ("format: 1\nid: [unclosed\n", "3:1: malformed YAML: did not find expected ',' or ']'"),
    "unknown_key": (
        edit("    optional: true\n", "    optional: true\n    colour: red\n"),
        "19:5: unknown key 'colour'",
    ),
    "duplicate_id": (edit('id: "1.2"', 'id: "1.1"'), "41:13: duplicate id '1.1' (first at line 25, column 13)"),
    "badly_shaped_id": (
        edit('id: "1.1.2"', 'id: "1.1.x"'),
        "38:17: '1.1.x' is not an item id: use N, N.M or N.M.K (e.g. 3, 3.2, 3.2.1)",
    ),
    "id_not_extending_parent": (
        edit('id: "1.1.2"', 'id: "1.2.2"'),
        "38:17: id '1.2.2' must extend its parent's id '1.1'",
    ),
    "path_unknown_id": (
        edit('items: ["1", "2"]', 'items: ["1", "7.7"]'),
        "14:18: path 'book' names unknown item '7.7'",
    ),
    "file_url": (
        edit("https://arxiv.org/abs/1706.03762", "file:///etc/passwd"),
        "30:18: only http(s) URLs are allowed, not 'file:///etc/passwd'",
    ),
    "javascript_url": (
        edit("http://jalammar.github.io/illustrated-transformer/", "javascript:alert(1)"),
        "36:22: only http(s) URLs are allowed, not 'javascript:alert(1)'",
    ),
    "alias_bomb": (BOMB, "1:4: anchors are not allowed (found '&a')"),
    "duplicate_mapping_key": (edit("id: mini\n", "id: mini\nid: other\n"), "3:1: duplicate key 'id'"),
    "nested_brackets": ("a: " + "[" * 1000 + "]" * 1000 + "\n", None),
    "missing_key": (
        edit('- id: "2"\n    title: {zh: 第二章, en: Chapter two}', "- title: {zh: 第二章, en: Chapter two}"),
        "43:5: missing key 'id'",
    ),
    "text_in_no_language": (
        edit("title: {zh: 第二章, en: Chapter two}", "title: {}"),
        "44:12: a text needs zh, en or both",
    ),
    "unquoted_id": (edit('id: "2"', "id: 2"), '43:9: id must be text; quote it: "2"'),
    "deep_block_nesting": ("".join("  " * i + f"k{i}:\n" for i in range(40)) + "  " * 40 + "v\n", None),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_roadmap_is_reported_at_its_node(name: str, tmp_path: Path, run: Run) -> None:
    text, golden = CASES[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = run("curriculum", "validate", str(path))
    elapsed = time.perf_counter() - started
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: {path} has 1 problem"
    assert len(lines) == 2
    if golden is not None:
        assert lines[1] == f"{path}:{golden}"
    else:
        assert lines[1].startswith(f"{path}:1:") or lines[1].startswith(f"{path}:")
        assert "nesting" in lines[1]
    assert elapsed < 1.0
    assert result.stdout == ""


def test_python_tag_is_refused_without_side_effect(tmp_path: Path, run: Run) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "tag.yaml"
    path.write_text(f'format: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    result = run("curriculum", "validate", str(path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == (
        f"{path}:1:9: tags are not allowed (found 'tag:yaml.org,2002:python/object/apply:os.system')"
    )
    assert not marker.exists()


def test_alias_bomb_fails_fast_even_when_only_aliased_late(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text("ok: 1\n" + BOMB, encoding="utf-8")
    started = time.perf_counter()
    result = run("curriculum", "validate", str(path))
    assert time.perf_counter() - started < 1.0
    assert result.exit_code == 2
    assert "anchors are not allowed" in result.stderr


def test_oversized_file_is_refused_before_parsing(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("# " + "x" * MAX_BYTES + "\n", encoding="utf-8")
    result = run("curriculum", "validate", str(path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == f"{path}:1:1: file is larger than {MAX_BYTES // 1024} KiB"


def test_every_problem_is_listed_not_just_the_first(tmp_path: Path, run: Run) -> None:
    text = edit('id: "1.2"', 'id: "1.1"').replace("kind: blog", "kind: podcast")
    path = tmp_path / "two.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("curriculum", "validate", str(path))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: {path} has 2 problems"
    assert any("kind" in line for line in lines[1:])
    assert any("duplicate id '1.1'" in line for line in lines[1:])


def test_missing_file_and_folder(tmp_path: Path, run: Run) -> None:
    result = run("curriculum", "validate", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert result.stderr == f"error: roadmap file not found: {tmp_path / 'nope.yaml'}\n"
    result = run("curriculum", "validate", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"error: roadmap path is a folder, not a file: {tmp_path}\n"


def test_valid_file_prints_counts(run: Run) -> None:
    result = run("--lang", "en", "curriculum", "validate", str(MINI))
    assert result.exit_code == 0
    assert result.stdout == f"{MINI}: ok — 3 chapters · 3 sections · 2 topics · 1 papers · 1 links\n"


def test_a_revision_maps_old_ids_to_ids_this_edition_has(tmp_path: Path, run: Run) -> None:
    revision = """edition: "2"
revises:
  edition: "1"
  map:
    "1.1": "1.2"
    "1.2": ["1.1", "2"]
    "3": null
"""
    path = tmp_path / "revised.yaml"
    path.write_text(BASE.replace("phases:\n", revision + "phases:\n", 1), encoding="utf-8")
    assert run("curriculum", "validate", str(path)).exit_code == 0
    path.write_text(path.read_text(encoding="utf-8").replace('"3": null', '"3": "7.7"\n    "x": "2"'), "utf-8")
    result = run("curriculum", "validate", str(path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [
        f"{path}:10:10: '3' maps to '7.7', which this edition lacks",
        f"{path}:11:10: 'x' is not an item id: use N, N.M or N.M.K (e.g. 3, 3.2, 3.2.1)",
    ]


def test_format_and_structure_problems_come_in_one_round_in_file_order(tmp_path: Path, run: Run) -> None:
    text = edit('id: "1.2"', 'id: "1.1"')  # a structural problem, at line 41
    text = text.replace("title: {zh: 第二章, en: Chapter two}", "title: {zh: 第二章, en: Chapter two}\n    colour: red")
    text = text.replace("upstream_todo: true", "upstream_todo: yes please")  # a format problem, earlier
    path = tmp_path / "two-rounds.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("curriculum", "validate", str(path))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: {path} has 3 problems"
    assert [line.split(": ", 1)[1] for line in lines[1:]] == [
        "upstream_todo must be true or false",
        "duplicate id '1.1' (first at line 25, column 13)",
        "unknown key 'colour'",
    ]
    positions = [tuple(int(n) for n in line.removeprefix(f"{path}:").split(":")[:2]) for line in lines[1:]]
    assert positions == sorted(positions)
