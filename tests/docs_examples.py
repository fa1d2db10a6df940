"""The `console` examples of README.md and docs/guide.md, run for real: a checker and a rewriter.

    python tests/docs_examples.py            # run every example, show where the docs differ; exit 1 if they do
    python tests/docs_examples.py --write    # rewrite the outputs in place with what the program prints now

Each file is one session on a fresh temporary home, its examples run in order, as a learner would type them:
`$ llmlanding …` lines are commands (run by bash, `llmlanding` being this checkout's program), the lines after
each, up to the next `$ `, what it prints (stdout, then stderr). The clock is fixed (`LLMLANDING_NOW`), and so
are `COLUMNS`, `NO_COLOR`, the locale and the time zone; the temporary user folder is shown as `/home/ana`.

An HTML comment on the line before a block says more:

    <!-- example: fresh -->               this block starts on a new, empty home
    <!-- example: setup SHELL COMMAND --> run this first, unseen (repeatable; `$REPO` is the checkout)
    <!-- example: now ISO-TIME -->        run this block's commands at another time (`LLMLANDING_NOW`)
    <!-- example: skip REASON -->         do not run this block (it needs a network remote, say)

A line `...` ends an example whose output is longer than the docs show: the lines above it must be the first
lines of the real output, and the rewriter keeps as many.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FILES = [REPO / "README.md", REPO / "docs" / "guide.md"]
NOW = "2026-03-02T09:00:00Z"  # a Monday morning, the day the examples are run on
SHOWN_HOME = "/home/ana"
ELISION = "..."
MARK = re.compile(r"<!--\s*example:\s*(fresh|setup|skip|now)\b\s*(.*?)\s*-->")


@dataclass
class Block:
    """One ```console block: where its lines are in the file, its directives and its commands."""

    start: int  # index of the first line inside the fence
    end: int  # index of the closing fence
    fresh: bool = False
    setup: list[str] = field(default_factory=list)
    skip: str | None = None
    now: str | None = None
    commands: list[tuple[str, list[str]]] = field(default_factory=list)  # (command, expected lines)


def parse(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    pending: list[tuple[str, str]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        found = MARK.fullmatch(line.strip())
        if found:
            pending.append((found.group(1), found.group(2)))
        elif line.strip() == "```console":
            end = lines.index("```", index + 1)
            block = Block(index + 1, end)
            for kind, text in pending:
                if kind == "fresh":
                    block.fresh = True
                elif kind == "setup":
                    block.setup.append(text)
                elif kind == "now":
                    block.now = text
                else:
                    block.skip = text or "no reason given"
            for body in lines[index + 1 : end]:
                if body.startswith("$ "):
                    block.commands.append((body[2:], []))
                elif block.commands:
                    block.commands[-1][1].append(body)
                else:
                    raise ValueError(f"line {index + 2}: an example's output before any `$ ` command")
            blocks.append(block)
            pending = []
            index = end
        elif line.strip():
            pending = []  # a directive belongs to the block right below it
        index += 1
    return blocks


class Session:
    """A temporary user folder and working folder in which a file's examples run, one after another."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.user = root / "ana"
        self.work = self.user / "work"
        self.work.mkdir(parents=True)
        shims = root / "bin"
        shims.mkdir()
        program = shims / "llmlanding"
        program.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m llmlanding "$@"\n', encoding="utf-8")
        program.chmod(0o755)
        self.env = {
            "PATH": f"{shims}{os.pathsep}{os.environ.get('PATH', '')}",
            "HOME": str(self.user),
            "REPO": str(REPO),
            "LLMLANDING_NOW": NOW,
            "COLUMNS": "100",
            "NO_COLOR": "1",
            "LANG": "C.UTF-8",
            "TZ": "UTC",
            "PYTHONPATH": str(REPO),
        }

    def run(self, command: str, now: str | None = None) -> tuple[int, str]:
        env = self.env if now is None else {**self.env, "LLMLANDING_NOW": now}
        done = subprocess.run(
            ["bash", "-c", command], cwd=self.work, env=env, capture_output=True, text=True, timeout=120
        )
        shown = (done.stdout + done.stderr).replace(str(self.user), SHOWN_HOME)
        return done.returncode, shown


def _elided(expected: list[str]) -> bool:
    return bool(expected) and expected[-1].strip() == ELISION


def _matches(expected: list[str], actual: list[str]) -> bool:
    if _elided(expected):
        head = expected[:-1]
        return actual[: len(head)] == head and len(actual) > len(head)
    return expected == actual


def _written(expected: list[str], actual: list[str]) -> list[str]:
    if _elided(expected) and len(actual) > len(expected) - 1:
        return [*actual[: len(expected) - 1], expected[-1]]
    return actual


def examine(path: Path, write: bool = False) -> list[str]:
    """Run the file's examples; the differences found, as readable paragraphs (rewritten in place if `write`)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    blocks = parse(lines)
    problems: list[str] = []
    replacements: list[tuple[int, int, list[str]]] = []
    with tempfile.TemporaryDirectory() as temp:
        count = 0
        session = Session(Path(temp) / str(count))
        for block in blocks:
            if block.skip is not None:
                continue
            if block.fresh:
                count += 1
                session = Session(Path(temp) / str(count))
            for setup in block.setup:
                code, shown = session.run(setup)
                if code != 0:
                    problems.append(f"{path.name}:{block.start}: setup `{setup}` failed ({code}):\n{shown}")
            body: list[str] = []
            for command, expected in block.commands:
                _code, shown = session.run(command, block.now)
                actual = shown.rstrip("\n").split("\n") if shown.strip() else []
                actual = [line.rstrip() for line in actual]
                if not _matches(expected, actual):
                    problems.append(
                        f"{path.name}:{block.start + 1}: `$ {command}` printed\n"
                        + "\n".join(f"    {line}" for line in actual)
                        + "\n  where the docs show\n"
                        + "\n".join(f"    {line}" for line in expected)
                    )
                body.append(f"$ {command}")
                body.extend(_written(expected, actual))
            replacements.append((block.start, block.end, body))
    if write and problems:
        for start, end, body in reversed(replacements):
            lines[start:end] = body
        path.write_text("\n".join(lines), encoding="utf-8")
    return problems


def main(argv: list[str]) -> int:
    write = "--write" in argv
    named = [Path(arg).resolve() for arg in argv if arg != "--write"]
    failed = False
    for path in named or FILES:
        problems = examine(path, write=write)
        for problem in problems:
            print(problem, end="\n\n")
        if problems:
            failed = True
            print(f"{path.relative_to(REPO)}: {len(problems)} examples differ" + (", rewritten" if write else ""))
    return 1 if failed and not write else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
