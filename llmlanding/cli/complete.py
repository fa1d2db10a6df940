"""Shell completion of item ids, answered from the database before typer is imported.

typer's completion scripts run the program with `_LLMLANDING_COMPLETE=complete_<shell>` and the command line in
the environment; this module reads them the way typer does and prints candidates in each shell's format. Any
case it does not know falls through to typer, whose id arguments use the same `candidates` function.
"""

from __future__ import annotations

import os
import shlex

from llmlanding.settings import DB_NAME, home_location, resolve_lang, sqlite_uri

TYPE_CHECKING = False  # each import counts here: completion runs on every TAB
if TYPE_CHECKING:
    from collections.abc import Mapping


COMPLETE_VAR = "_LLMLANDING_COMPLETE"


ID_COMMANDS = frozenset({"done", "start", "skip", "reset", "show", "list", "log", "note", "notes", "open"})


GLOBAL_OPTIONS = frozenset({"--lang", "--curriculum", "--home"})


def candidates(items: list[tuple[str, str]], incomplete: str) -> list[tuple[str, str]]:
    """Ids at the depth being typed that start with it: '' → chapters, '3.' → 3.1 … 3.5, '3.2' → 3.2."""
    depth = incomplete.count(".")
    return [
        (item_id, title) for item_id, title in items if item_id.startswith(incomplete) and item_id.count(".") == depth
    ]


def _split(line: str) -> list[str]:
    try:
        return shlex.split(line)
    except ValueError:  # an open quote while typing
        return shlex.split(line + '"') if line.count('"') % 2 else line.split()


def _args(shell: str, env: Mapping[str, str]) -> tuple[list[str], str]:
    """The words before the cursor (without the program name) and the word being completed, as typer reads them."""
    if shell == "bash":
        words = _split(env.get("COMP_WORDS", ""))
        index = int(env.get("COMP_CWORD", "0") or 0)
        return words[1:index], words[index] if index < len(words) else ""
    line = env.get("_TYPER_COMPLETE_ARGS", "")
    words = _split(line)[1:]
    if shell in ("powershell", "pwsh"):
        incomplete = env.get("_TYPER_COMPLETE_WORD_TO_COMPLETE", "")
        return (words[:-1] if incomplete else words), incomplete
    if words and not line.endswith(" "):
        return words[:-1], words[-1]
    return words, ""


def _zsh_escape(text: str) -> str:
    return text.replace('"', '""').replace("'", "''").replace("$", "\\$").replace("`", "\\`").replace(":", r"\\:")


def _format(shell: str, found: list[tuple[str, str]], env: Mapping[str, str]) -> tuple[str, int]:
    if shell == "bash":
        return "\n".join(item_id for item_id, _ in found), 0
    if shell == "zsh":
        if not found:
            return "_files", 0
        body = "\n".join(f'"{_zsh_escape(i)}":"{_zsh_escape(t)}"' for i, t in found)
        return f"_arguments '*: :(({body}))'", 0
    if shell == "fish":
        action = env.get("_TYPER_COMPLETE_FISH_ACTION", "")
        if action == "is-args":
            return "", 0 if found else 1
        return "\n".join(f"{i}\t{' '.join(t.split())}" for i, t in found), 0
    return "\n".join(f"{i}:::{t or ' '}" for i, t in found), 0


def answer(env: Mapping[str, str] | None = None) -> tuple[str, int] | None:
    """The completion output and exit code, or None to let typer answer."""
    env = os.environ if env is None else env
    shell = env.get(COMPLETE_VAR, "").removeprefix("complete_")
    if shell not in ("bash", "zsh", "fish", "powershell", "pwsh"):
        return None
    args, incomplete = _args(shell, env)
    options: dict[str, str] = {}
    while args and args[0].startswith("-"):
        name, _, value = args[0].partition("=")
        if name not in GLOBAL_OPTIONS:
            return None
        if not value:
            if len(args) < 2:
                return None
            value = args[1]
            args = args[1:]
        options[name] = value
        args = args[1:]
    if incomplete.startswith("-") or not args:
        return None
    wants_id = (args[0] in ID_COMMANDS and not (len(args) > 1 and args[-1].startswith("-"))) or (
        args[0] == "next" and args[-1] == "--in"
    )
    if not wants_id:
        return None
    path = os.path.join(home_location(options.get("--home")), DB_NAME)
    if not os.path.isfile(path):
        return None
    try:
        import sqlite3

        lang = resolve_lang(options.get("--lang"))
        conn = sqlite3.connect(sqlite_uri(path), uri=True)
        try:
            column = "title_zh" if lang == "zh" else "title_en"
            rows = conn.execute(f"SELECT id, {column} FROM item WHERE in_roadmap = 1 ORDER BY position").fetchall()
        finally:
            conn.close()
    except Exception:  # any trouble: let typer answer, it reports properly
        return None
    return _format(shell, candidates(rows, incomplete), env)
