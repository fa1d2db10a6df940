"""Start-up cost of llmlanding's everyday commands, as ratios to a bare `python -c pass` timed in the same run.

Not a test: run it by hand, `python bench/startup.py [--runs N] [--python PATH]`, and put the figures in
docs/performance.md. It builds a temporary home (one `done 3.2`), warms the bytecode caches, then times each
command round-robin, so that whatever else the machine is doing weighs on all of them alike.
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


@dataclass
class Case:
    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    target_ratio: float | None = None
    target_ms: float | None = None
    alternate: list[str] | None = None  # for writes: undo what argv did, timed too, so every run writes
    times: list[float] = field(default_factory=list)


def cases(python: str) -> list[Case]:
    program = [python, "-c", ENTRY]
    completion = {"_LLMLANDING_COMPLETE": "complete_bash", "COMP_WORDS": "llmlanding done 3.", "COMP_CWORD": "2"}
    return [
        Case("python -c pass", [python, "-c", "pass"]),
        Case("llmlanding next", [*program, "next"], target_ratio=12),
        Case("llmlanding status", [*program, "status"], target_ratio=12),
        Case("llmlanding (dashboard)", program, target_ratio=12),
        Case("id completion (done 3.<TAB>)", program, env=completion, target_ratio=3),
        Case(
            "done 3.3 / reset 3.3 (write)",
            [*program, "done", "3.3"],
            target_ms=1000,
            alternate=[*program, "reset", "3.3"],
        ),
        Case("llmlanding list (typer)", [*program, "list"]),
    ]


def timed(argv: list[str], env: dict[str, str], cwd: str) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - started) * 1000


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        env = {**os.environ, "LLMLANDING_HOME": os.path.join(temp, "home"), "NO_COLOR": "1"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode compiled; so must we
        program = [args.python, "-c", ENTRY]
        for warm in (["done", "3.2"], ["next"], ["status"], ["list"]):
            subprocess.run([*program, *warm], env=env, cwd=temp, stdout=subprocess.DEVNULL, check=True)
        table = cases(args.python)
        for _ in range(args.runs):
            for case in table:
                case.times.append(timed(case.argv, {**env, **case.env}, temp))
                if case.alternate:
                    case.times.append(timed(case.alternate, {**env, **case.env}, temp))
        base = statistics.median(table[0].times)
        print(f"{'command':<32} {'median':>9} {'ratio':>7}  target")
        for case in table:
            median = statistics.median(case.times)
            ratio = median / base
            if case.target_ratio is not None:
                verdict = f"<= {case.target_ratio:g}x  {'PASS' if ratio <= case.target_ratio else 'MISS'}"
            elif case.target_ms is not None:
                verdict = f"<= {case.target_ms:g} ms  {'PASS' if median <= case.target_ms else 'MISS'}"
            else:
                verdict = ""
            print(f"{case.name:<32} {median:7.1f} ms {ratio:6.1f}x  {verdict}")
        print(f"\ntop imports of `next` (cumulative µs), runs={args.runs}:")
        for micros, name in top_imports(args.python, env, temp):
            print(f"{micros:>9}  {name}")


if __name__ == "__main__":
    main()
