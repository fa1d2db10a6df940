"""Start-up cost of llmlanding's everyday commands, as ratios to a bare `python -c pass` timed in the same run.

Not a test: run it by hand, `python bench/startup.py [--runs N] [--python PATH]`, and put the figures in
docs/performance.md. It builds a temporary home on the bundled roadmap (a little history: `done 3.2`, a note),
warms the bytecode caches, then times each command round-robin, so that whatever else the machine is doing
weighs on all of them alike. `bench/scale.py` times the same commands on a large roadmap and history.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

ENTRY = "from llmlanding.entry import main; main()"
EVERYDAY_RATIO = 8.0
VERSION_RATIO = 3.0
COMPLETION_RATIO = 2.0


@dataclass
class Case:
    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    target_ratio: float | None = None
    alternate: list[str] | None = None  # for writes: undo what argv did, timed too, so every run writes
    times: list[float] = field(default_factory=list)


def _completion(line: str, cword: int) -> dict[str, str]:
    return {"_LLMLANDING_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(cword)}


# The commands a learner runs many times a day, as argv after the program; shared with bench/scale.py.
EVERYDAY: list[tuple[str, list[str]]] = [
    ("next", ["next"]),
    ("status", ["status"]),
    ("dashboard", []),
    ("list", ["list"]),
    ("list 3", ["list", "3"]),
    ("show 3.2", ["show", "3.2"]),
    ("log", ["log"]),
    ("search attention", ["search", "attention"]),
    ("notes", ["notes"]),
    ("path", ["path"]),
    ("export report -o -", ["export", "report", "-o", "-"]),
]
# Writes in pairs, the second taking the first back, so that every run writes the same thing.
WRITES: list[tuple[str, list[str], str, list[str]]] = [
    ("done 3.3", ["done", "3.3"], "reset 3.3", ["reset", "3.3"]),
    ("note 1.1.1 -m x", ["note", "1.1.1", "-m", "x"], "undo", ["undo"]),
]


def everyday(program: list[str], ratio: float | None = EVERYDAY_RATIO) -> list[Case]:
    cases = [Case(name, [*program, *argv], target_ratio=ratio) for name, argv in EVERYDAY]
    for name, argv, back_name, back in WRITES:
        cases.append(Case(f"{name} / {back_name}", [*program, *argv], target_ratio=ratio, alternate=[*program, *back]))
    return cases


def cases(python: str) -> list[Case]:
    program = [python, "-c", ENTRY]
    return [
        Case("python -c pass", [python, "-c", "pass"]),
        *everyday(program),
        Case("--version", [*program, "--version"], target_ratio=VERSION_RATIO),
        Case("complete ids (done 3.<TAB>)", program, _completion("llmlanding done 3.", 2), COMPLETION_RATIO),
        Case("complete commands (s<TAB>)", program, _completion("llmlanding s", 1), COMPLETION_RATIO),
        Case("complete options (next --<TAB>)", program, _completion("llmlanding next --", 2), COMPLETION_RATIO),
        Case("--help (typer)", [*program, "--help"]),
    ]


def timed(argv: list[str], env: dict[str, str], cwd: str) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - started) * 1000


def measure(table: list[Case], runs: int, env: dict[str, str], cwd: str) -> None:
    for _ in range(runs):
        for case in table:
            case.times.append(timed(case.argv, {**env, **case.env}, cwd))
            if case.alternate:
                case.times.append(timed(case.alternate, {**env, **case.env}, cwd))


def report(table: list[Case], base: float) -> None:
    print(f"{'command':<34} {'median':>9} {'ratio':>7}  target")
    for case in table:
        median = statistics.median(case.times)
        ratio = median / base
        verdict = ""
        if case.target_ratio is not None:
            verdict = f"<= {case.target_ratio:g}x  {'PASS' if ratio <= case.target_ratio else 'MISS'}"
        print(f"{case.name:<34} {median:7.1f} ms {ratio:6.1f}x  {verdict}")


def top_imports(python: str, env: dict[str, str], cwd: str, count: int = 12) -> list[tuple[int, str]]:
    result = subprocess.run(
        [python, "-X", "importtime", "-c", ENTRY, "next"], env=env, cwd=cwd, capture_output=True, text=True, check=True
    )
    found = []
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _self, cumulative, name = line.removeprefix("import time:").split("|")
            if cumulative.strip().isdigit():
                found.append((int(cumulative), name.rstrip()))
    return sorted(found, reverse=True)[:count]


def prepare(python: str, env: dict[str, str], cwd: str, extra: list[str] | None = None) -> None:
    """A little history, and every command run once so that its bytecode is compiled."""
    program = [python, "-c", ENTRY, *(extra or [])]
    for warm in (["done", "3.2"], ["note", "3.1", "-m", "attention"], ["next"], ["status"], ["list"], ["log"]):
        subprocess.run([*program, *warm], env=env, cwd=cwd, stdout=subprocess.DEVNULL, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        env = {**os.environ, "LLMLANDING_HOME": os.path.join(temp, "home"), "NO_COLOR": "1"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode compiled; so must we
        prepare(args.python, env, temp)
        table = cases(args.python)
        measure(table, args.runs, env, temp)
        report(table, statistics.median(table[0].times))
        print(f"\ntop imports of `next` (cumulative µs), runs={args.runs}:")
        for micros, name in top_imports(args.python, env, temp):
            print(f"{micros:>9}  {name}")


if __name__ == "__main__":
    main()
