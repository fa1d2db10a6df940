"""Shell completion without typer: commands, options, their values and item ids, from the same table the fast
path parses by (`table.py`, generated from the typer tree) and by the rules typer's completion follows.

typer's completion scripts run the program with `_LLMLANDING_COMPLETE=complete_<shell>` and the command line in
the environment. This reads them as typer does and answers in each shell's format. It never writes: ids and
learning paths are read from an existing database, opened read-only, in the home that `--home` (or the
environment) names, titles in the language `--lang` names; with no database there are no ids to offer.
"""

from __future__ import annotations

import os

from llmlanding.cli.fast import load_table, scan
from llmlanding.settings import (
    BUNDLED_EDITIONS,
    BUNDLED_ID,
    active_database,
    database_name,
    home_location,
    read_registry,
    resolve_lang,
    sqlite_uri,
)

TYPE_CHECKING = False  # each import counts here: completion runs on every TAB
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    Entry = dict[str, Any]
    Found = list[tuple[str, str]]

COMPLETE_VAR = "_LLMLANDING_COMPLETE"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
HELP = {"name": "help", "kind": "flag", "opts": ["--help"], "help": "Show this message and exit."}


def candidates(items: list[tuple[str, str]], incomplete: str) -> list[tuple[str, str]]:
    """Ids at the depth being typed that start with it: '' → chapters, '3.' → 3.1 … 3.5, '3.2' → 3.2."""
    depth = incomplete.count(".")
    return [
        (item_id, title) for item_id, title in items if item_id.startswith(incomplete) and item_id.count(".") == depth
    ]


def _read(home: str | None, sql: str, path: str | None = None) -> list[tuple[str, str]]:
    path = path or active_database(home_location(home))
    if not os.path.isfile(path):
        return []
    import sqlite3

    try:
        conn = sqlite3.connect(sqlite_uri(path), uri=True)
        try:
            return [(str(a), str(b)) for a, b in conn.execute(sql).fetchall()]
        finally:
            conn.close()
    except sqlite3.Error:  # not ours, damaged, mid-migration: nothing to offer, and nothing to say on a TAB
        return []


def _lang(flag: str | None) -> str:
    try:
        return resolve_lang(flag)
    except Exception:  # a bad --lang is reported when the command runs, not on a TAB
        try:
            return resolve_lang(None)
        except Exception:
            return "en"


def item_candidates(home: str | None, lang: str | None, incomplete: str) -> list[tuple[str, str]]:
    column = "title_zh" if _lang(lang) == "zh" else "title_en"
    rows = _read(home, f"SELECT id, {column} FROM item WHERE in_roadmap = 1 ORDER BY position")
    return candidates(rows, incomplete)


def path_candidates(home: str | None, lang: str | None, incomplete: str) -> list[tuple[str, str]]:
    column = "title_zh" if _lang(lang) == "zh" else "title_en"
    rows = _read(home, f"SELECT id, {column} FROM learning_path ORDER BY position")
    return [(path_id, title) for path_id, title in rows if path_id.startswith(incomplete)]


def roadmap_candidates(home: str | None, lang: str | None, incomplete: str) -> list[tuple[str, str]]:
    """The roadmaps registered in the home (the bundled one always), with the title each database records, or
    the file's name for one not used yet (its file is not read on a TAB)."""
    folder = home_location(home)
    rows = read_registry(folder)
    if not any(roadmap_id == BUNDLED_ID for roadmap_id, _name, _path in rows):
        rows.insert(0, (BUNDLED_ID, database_name(BUNDLED_ID, {name for _id, name, _path in rows}), ""))
    key = "roadmap_title_zh" if _lang(lang) == "zh" else "roadmap_title_en"
    found = []
    for roadmap_id, name, path in rows:
        if roadmap_id.startswith(incomplete):
            title = dict(_read(None, f"SELECT key, value FROM meta WHERE key = '{key}'", os.path.join(folder, name)))
            found.append((roadmap_id, title.get(key) or os.path.basename(path)))
    return found


def _split(line: str) -> list[str]:
    """Words as typer splits them: shell quoting, and a missing closing quote tolerated."""
    if not any(ch in line for ch in "\"'\\"):
        # No quoting to undo: split on shlex's whitespace, without importing it (and `re`).
        return [word for word in line.replace("\t", " ").replace("\r", " ").replace("\n", " ").split(" ") if word]
    import shlex

    lex = shlex.shlex(line, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    out: list[str] = []
    try:
        out.extend(lex)
    except ValueError:
        out.append(lex.token)
    return out


def _args(shell: str, env: Mapping[str, str]) -> tuple[list[str], str]:
    """The words before the cursor (without the program name) and the word being completed, as typer reads them."""
    if shell == "bash":
        words = _split(env.get("COMP_WORDS", ""))
        try:
            index = int(env.get("COMP_CWORD", "0") or 0)
        except ValueError:
            index = 0
        return words[1:index], words[index] if 0 <= index < len(words) else ""
    line = env.get("_TYPER_COMPLETE_ARGS", "")
    words = _split(line)[1:]
    if shell in ("powershell", "pwsh"):
        incomplete = env.get("_TYPER_COMPLETE_WORD_TO_COMPLETE", "")
        return (words[:-1] if incomplete else words), incomplete
    if words and not line.endswith(" "):
        return words[:-1], words[-1]
    return words, ""


def _resolve(table: dict[str, Entry], args: list[str]) -> tuple[str, set[str], set[str], dict[str, str]]:
    """The command the cursor is in, the options and arguments given to it, and the root options' values."""
    key = ""
    entry = table[key]
    words = list(args)
    root_values: dict[str, str] = {}
    first = True
    while True:
        group = "subcommands" in entry
        values, positional, stopped = scan(entry, words, interspersed=not group, convert=False)
        given = set(values)
        if first:  # --home and --lang as given before the command, so that a TAB looks where the command would
            root_values = {name: str(value) for name, value in values.items()}
            first = False
        if stopped:
            return key, given, set(), root_values
        if not group:
            assigned = set()
            remaining = len(positional)
            for argument in entry["arguments"]:
                if argument["nargs"] == -1:
                    if remaining:
                        assigned.add(argument["name"])
                    remaining = 0
                elif remaining:
                    assigned.add(argument["name"])
                    remaining -= 1
            return key, given, assigned, root_values
        if not positional or positional[0] not in entry["subcommands"]:
            return key, given, set(), root_values
        key = f"{key} {positional[0]}".strip()
        entry = table[key]
        words = positional[1:]


def _values(param: Entry, incomplete: str, root: dict[str, str]) -> Found:
    completes = param.get("completes")
    if completes == "id":
        return item_candidates(root.get("home"), root.get("lang"), incomplete)
    if completes == "path_name":
        return path_candidates(root.get("home"), root.get("lang"), incomplete)
    if completes == "roadmap_id":
        return roadmap_candidates(root.get("home"), root.get("lang"), incomplete)
    if completes == "lang":
        return [(lang, "") for lang in ("zh", "en") if lang.startswith(incomplete)]
    if completes == "edition":
        return [(edition, "") for edition in BUNDLED_EDITIONS if edition.startswith(incomplete)]
    if param["kind"] == "choice":
        return [(choice, "") for choice in param["choices"] if choice.startswith(incomplete)]
    return []  # a file or a free value: the shell offers files


def complete(table: dict[str, Entry], args: list[str], incomplete: str) -> Found:
    """What typer's completion would offer for these words, as (value, help) pairs."""
    return offer(table, args, incomplete)[0]


def offer(table: dict[str, Entry], args: list[str], incomplete: str) -> tuple[Found, bool]:
    """What `complete` offers, and whether the value being completed is a file (for shells that then list files:
    an id, a path name or a language never gets a list of files)."""
    key, given, assigned, root = _resolve(table, args)
    entry = table[key]
    args = list(args)
    if incomplete == "=":
        incomplete = ""
    elif "=" in incomplete and incomplete[:1] == "-":
        name, _, incomplete = incomplete.partition("=")
        args.append(name)
    options = [*entry["options"], HELP]
    flags = [
        (flag, option.get("help") or "")
        for option in options
        if option["name"] not in given
        for flag in option["opts"]
        if flag.startswith(incomplete)
    ]
    if "--" not in args and incomplete[:1] == "-":
        return flags, False
    last = args[-1] if args else ""
    if last[:1] == "-":
        for option in options:
            if option["kind"] not in ("flag", "typer") and last in option["opts"]:
                return _values(option, incomplete, root), option["kind"] == "path"
    for argument in entry["arguments"]:
        if argument["nargs"] == -1 or argument["name"] not in assigned:
            return _values(argument, incomplete, root), argument["kind"] == "path"
    found: Found = []
    if "subcommands" in entry:
        found = [
            (name, table[f"{key} {name}".strip()]["short_help"])
            for name in entry["subcommands"]
            if name.startswith(incomplete)
        ]
    if incomplete and not incomplete[0].isalnum():  # as click does, even after `--`: option names
        found += [
            (flag, option.get("help") or "")
            for option in options
            if option["name"] not in given
            for flag in option["opts"]
            if flag.startswith(incomplete)
        ]
    return found, False


def _zsh_escape(text: str) -> str:
    return text.replace('"', '""').replace("'", "''").replace("$", "\\$").replace("`", "\\`").replace(":", r"\\:")


TITLES_VAR = "LLMLANDING_COMPLETE_TITLES"  # bash shows no descriptions; set to 1, it lists them beside the values


def _bash(found: Found, env: Mapping[str, str]) -> str:
    if len(found) < 2 or env.get(TITLES_VAR, "") in ("", "0") or not any(h for _, h in found):
        return "\n".join(value for value, _ in found)
    # Several candidates: bash lists them as given and inserts only their common start, which the padding and
    # the title never reach (no value is followed by two spaces in another); one left is inserted bare.
    width = max(len(value) for value, _ in found)
    return "\n".join(f"{value.ljust(width)}  ({' '.join(h.split())})" if h else value for value, h in found)


def _format(shell: str, found: Found, env: Mapping[str, str], files: bool = True) -> tuple[str, int]:
    if shell == "bash":
        return _bash(found, env), 0
    if shell == "zsh":
        if not found:
            return ("_files" if files else ""), 0
        body = "\n".join(f'"{_zsh_escape(v)}":"{_zsh_escape(h)}"' if h else f'"{_zsh_escape(v)}"' for v, h in found)
        return f"_arguments '*: :(({body}))'", 0
    if shell == "fish":
        if env.get("_TYPER_COMPLETE_FISH_ACTION", "") == "is-args":
            return "", 0 if found else 1
        return "\n".join(f"{v}\t{' '.join(h.split())}" if h else v for v, h in found), 0
    return "\n".join(f"{v}:::{h or ' '}" for v, h in found), 0


def answer(env: Mapping[str, str]) -> tuple[str, int] | None:
    """The completion output and exit code; None for a shell typer's scripts do not name (typer then says so)."""
    shell = env.get(COMPLETE_VAR, "").removeprefix("complete_")
    if shell not in SHELLS:
        return None

    args, incomplete = _args(shell, env)
    found, files = offer(load_table(), args, incomplete)
    return _format(shell, found, env, files)
