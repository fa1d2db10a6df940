"""How llmlanding's costs grow with the roadmap and the history: each command on a home with the bundled roadmap
and a small history against a home with a 10,000-topic roadmap and 100,000 logged changes.

Not a test: run it by hand, `python bench/scale.py [--runs N] [--python PATH]`. It writes a roadmap of 100
chapters x 10 sections x 10 topics and a backup of 100,000 events spread over a year, imports them into a
temporary home, then times each command round-robin on both homes (medians, and ratios to a bare
`python -c pass` timed in the same run), and measures: the import itself, the peak memory of `export json`,
the first command on a fresh home with the big roadmap, and how long one `done` holds the write lock.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from startup import EVERYDAY, WRITES  # bench/ is a folder of scripts, not a package

ENTRY = "from llmlanding.entry import main; main()"
STAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
CHAPTERS, SECTIONS, TOPICS = 100, 10, 10
EVENTS = 100_000
WORDS = ["attention", "decoder", "tokenizer", "LoRA", "RLHF", "quantization", "KV cache", "MoE", "RAG", "pretraining"]
WORDS_ZH = ["注意力", "解码器", "分词器", "低秩", "强化", "量化", "缓存", "专家", "检索", "预训练"]

# Each case: argv after the program, and the scale/bundled ratio to stay under (bench/startup.py's commands).
CASES: list[tuple[str, list[str], float]] = [(name, argv, 2.0) for name, argv in EVERYDAY] + [
    case
    for name, argv, back_name, back in WRITES
    # undo takes back the note just written: every round has the same undo to do
    for case in ((name, argv, 2.0), (back_name, back, 1.5 if back_name == "undo" else 2.0))
]


# --- the big roadmap ------------------------------------------------------------------------------------------


def roadmap_yaml() -> str:
    """100 chapters x 10 sections x 10 topics, bilingual titles, a paper on every section and a link on every
    tenth topic; flow style keeps it under the loader's 1 MiB limit."""
    lines = [
        "# A 10,000-topic roadmap made by bench/scale.py.",
        "format: 1",
        "id: scale",
        "title: {zh: 规模测试路线图, en: Scale test roadmap}",
        "phases:",
        "  - {id: theory, title: {zh: 原理学习, en: Theory}}",
        "  - {id: practice, title: {zh: 代码实践, en: Hands-on code}}",
        "  - {id: summary, title: {zh: 输出总结, en: Written summary}}",
        "paths:",
        "  - id: book",
        "    title: {zh: 按章节顺序, en: Book order}",
        "    items: [" + ", ".join(f'"{c}"' for c in range(1, CHAPTERS + 1)) + "]",
        "chapters:",
    ]
    for c in range(1, CHAPTERS + 1):
        word, word_zh = WORDS[c % len(WORDS)], WORDS_ZH[c % len(WORDS)]
        lines += [f'  - id: "{c}"', f"    title: {{zh: 第{c}章 {word_zh}, en: Chapter {c} {word}}}", "    sections:"]
        for s in range(1, SECTIONS + 1):
            sid = f"{c}.{s}"
            lines += [
                f'      - id: "{sid}"',
                f"        title: {{zh: 第{sid}节, en: Section {sid}}}",
                f"        papers: [{{title: Paper {sid}, year: 2023, url: 'https://arxiv.org/abs/2301.{c:03d}{s:02d}'}}]",
                "        topics:",
            ]
            for t in range(1, TOPICS + 1):
                tid = f"{sid}.{t}"
                w, wz = WORDS[(c + s + t) % len(WORDS)], WORDS_ZH[(c + s + t) % len(WORDS)]
                link = f", links: [{{title: Blog {tid}, url: 'https://e.org/{tid}', kind: blog}}]" if t == 1 else ""
                lines.append(f'          - {{id: "{tid}", title: {{zh: {wz}{tid}, en: {w} {tid}}}{link}}}')
    return "\n".join(lines) + "\n"


# --- the big history ------------------------------------------------------------------------------------------


def history(device: str, count: int = EVENTS, seed: int = 7) -> dict[str, object]:
    """A backup of `count` events over the last year: topics done whole or a phase at a time, started,
    skipped, reset, notes written, and some undos; mostly on this home's device, some on another machine."""
    rng = random.Random(seed)
    other = "desktop-0a1b2c"
    topics = [f"{c}.{s}.{t}" for c in range(1, CHAPTERS + 1) for s in range(1, SECTIONS + 1) for t in range(1, 11)]
    values: dict[tuple[str, str], str | None] = {}
    batches: list[dict[str, str | None]] = []
    events: list[dict[str, str | None]] = []
    # Each device's latest batch that may be undone: its id, command and events.
    last_by_device: dict[str, tuple[str, str, list[dict[str, str | None]]] | None] = {device: None, other: None}
    end = datetime.now(UTC) - timedelta(hours=1)
    start = end - timedelta(days=365)

    def uid() -> str:
        return f"{rng.getrandbits(128):032x}"

    def change(item: str, field: str, new: str | None) -> tuple[str, str, str | None, str | None] | None:
        """The change setting one field, or None when it holds that value already; the log stays consistent."""
        default = "todo" if field == "status" else ("0" if field in ("theory", "practice", "summary") else None)
        old = values.get((item, field), default)
        return None if old == new else (item, field, old, new)

    def plan(item: str, wanted: Sequence[tuple[str, str | None]]) -> list[tuple[str, str, str | None, str | None]]:
        return [found for f, v in wanted if (found := change(item, f, v))]

    whole = [("theory", "1"), ("practice", "1"), ("summary", "1"), ("status", "done")]
    while len(events) < count:
        dev = device if rng.random() < 0.9 else other
        roll = rng.random()
        undoes = None
        item = rng.choice(topics)
        previous = last_by_device[dev]
        if roll < 0.05 and previous is not None:
            undoes, prev_command, prev_events = previous
            command = f"undo {prev_command}"
            planned = [(str(e["item"]), str(e["field"]), e["new"], e["old"]) for e in reversed(prev_events)]
        elif roll < 0.40:
            command, planned = f"done {item}", plan(item, whole)
        elif roll < 0.62:
            phase = rng.choice(["theory", "practice", "summary"])
            command, planned = f"done {item} --phase {phase}", plan(item, [(phase, "1"), ("status", "doing")])
        elif roll < 0.72:
            command, planned = f"start {item}", plan(item, [("status", "doing")])
        elif roll < 0.88:
            text = f"{rng.choice(WORDS)} {rng.choice(WORDS_ZH)} " * rng.randint(2, 12)
            command, planned = f"note {item}", plan(item, [("note", text.strip())])
        elif roll < 0.93:
            reset = [("theory", "0"), ("practice", "0"), ("summary", "0"), ("status", "todo")]
            command, planned = f"reset {item}", plan(item, reset)
        elif roll < 0.96:
            command, planned = f"skip {item}", plan(item, [("status", "skipped")])
        else:
            section = item.rsplit(".", 1)[0]
            command = f"done {section}"
            planned = [found for t in range(1, TOPICS + 1) for found in plan(f"{section}.{t}", whole)]
        if not planned:
            continue
        batch_id = uid()
        stamp = ""  # set below, once the number of batches is known
        batches.append({"id": batch_id, "device": dev, "at": stamp, "command": command, "undoes": undoes})
        made: list[dict[str, str | None]] = []
        for item_id, f, old, new in planned:
            event: dict[str, str | None] = {"id": uid(), "batch": batch_id, "device": dev, "at": stamp}
            event |= {"item": item_id, "field": f, "old": old, "new": new}
            values[(item_id, f)] = new
            made.append(event)
        events.extend(made)
        last_by_device[dev] = None if undoes else (batch_id, command, made)
    # Spread the batches over the year at random moments, in the order they were made; a batch's events share
    # its stamp, as a command's do.
    moments = sorted(rng.random() for _ in batches)
    stamps = {
        b["id"]: (start + (end - start) * m).strftime(STAMP_FORMAT) for b, m in zip(batches, moments, strict=True)
    }
    for record in (*batches, *events):
        record["at"] = stamps[str(record["batch" if "batch" in record else "id"])]
    return {
        "format": "llmlanding-backup",
        "version": 1,
        "exported_at": end.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "exported_by": "bench/scale.py",
        "roadmap": {"id": "scale", "hash": None},
        "device": device,
        "active_path": None,
        "batches": batches,
        "events": events,
    }


# --- running --------------------------------------------------------------------------------------------------


@dataclass
class Home:
    name: str
    path: Path
    curriculum: Path | None
    times: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)

    def env(self) -> dict[str, str]:
        env = {**os.environ, "LLMLANDING_HOME": str(self.path), "NO_COLOR": "1", "COLUMNS": "100"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode compiled; so must we
        env.pop("LLMLANDING_CURRICULUM", None)
        return env

    def argv(self, args: list[str]) -> list[str]:
        """The command's arguments, after `--curriculum FILE` for a home on another roadmap than the bundled one."""
        return (["--curriculum", str(self.curriculum)] if self.curriculum is not None else []) + args


def run(python: str, argv: list[str], env: dict[str, str], cwd: str, check: bool = True) -> float:
    return run_timed(python, argv, env, cwd, check)[0]


def run_timed(python: str, argv: list[str], env: dict[str, str], cwd: str, check: bool = True) -> tuple[float, float]:
    """Wall-clock and CPU time (user + system) of one run, in ms. On a machine shared with other work the CPU
    time moves far less than the wall clock: the ratios of both are printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([python, "-c", ENTRY, *argv], env=env, cwd=cwd, stdout=subprocess.DEVNULL, check=check)
    wall = (time.perf_counter() - started) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def db_of(home: Path) -> Path:
    """The home's database: `llmlanding.db` for the bundled roadmap, `roadmap-<id>.db` for another."""
    return next(home.glob("*.db"))


def device_of(home: Path) -> str:
    with sqlite3.connect(db_of(home)) as conn:
        return str(conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()[0])


def peak_rss_mib(python: str, argv: list[str], env: dict[str, str], cwd: str) -> float:
    """The peak resident memory of one llmlanding run, measured in a wrapper that runs only it."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [python, "-c", probe, python, "-c", ENTRY, *argv], env=env, cwd=cwd, capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip()) / 1024  # ru_maxrss is in KiB on Linux


LOCK_PROBE = """
import sys, time
from contextlib import contextmanager
import llmlanding.services.tracking as tracking
import llmlanding.store.writer as writer

marks = {}
real_connect, real_transaction = writer.connect, tracking.transaction

def connect(home):
    conn = real_connect(home)
    def trace(sql):
        if sql.startswith("BEGIN IMMEDIATE"):
            marks["begin"] = time.perf_counter()
    conn.set_trace_callback(trace)
    return conn

@contextmanager
def transaction(*args, **kwargs):
    with real_transaction(*args, **kwargs) as tx:
        yield tx
    marks["end"] = time.perf_counter()  # after COMMIT: the lock is released

writer.connect, tracking.transaction = connect, transaction
sys.argv = ["llmlanding", *sys.argv[1:]]
from llmlanding.entry import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write(f"LOCK {(marks['end'] - marks['begin']) * 1000:.3f}\\n")
"""


def lock_hold_ms(python: str, argv: list[str], env: dict[str, str], cwd: str) -> float:
    out = subprocess.run([python, "-c", LOCK_PROBE, *argv], env=env, cwd=cwd, capture_output=True, text=True)
    line = [ln for ln in out.stderr.splitlines() if ln.startswith("LOCK ")]
    if not line:
        raise SystemExit(f"lock probe failed: {out.stderr[-2000:]}")
    return float(line[-1].split()[1])


def median_of(samples: list[float]) -> float:
    return statistics.median(samples) if samples else float("nan")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--events", type=int, default=EVENTS)
    parser.add_argument("--keep", metavar="DIR", help="build the homes in DIR and keep them")
    args = parser.parse_args()
    python, runs = args.python, max(args.runs, 1)
    temp_obj = None
    if args.keep:
        temp = Path(args.keep)
        temp.mkdir(parents=True, exist_ok=True)
    else:
        temp_obj = tempfile.TemporaryDirectory()
        temp = Path(temp_obj.name)
    cwd = str(temp)
    try:
        big = temp / "big.yaml"
        big.write_text(roadmap_yaml(), encoding="utf-8")
        print(f"roadmap: {big.stat().st_size / 1024:.0f} KiB, {CHAPTERS * SECTIONS * TOPICS} topics")

        bundled = Home("bundled", temp / "bundled", None)
        scale = Home("scale", temp / "scale", big)
        for home in (bundled, scale):
            shutil.rmtree(home.path, ignore_errors=True)

        # First use of the big roadmap: the first command on a fresh home.
        first_use = []
        for n in range(runs):
            fresh = Home("fresh", temp / f"fresh-{n}", big)
            first_use.append(run(python, fresh.argv(["next"]), fresh.env(), cwd))
            shutil.rmtree(fresh.path)

        # The scale home: the roadmap, then a year of history on this home's device.
        run(python, scale.argv(["next"]), scale.env(), cwd)
        backup = temp / "history.json"
        started = time.perf_counter()
        backup.write_text(json.dumps(history(device_of(scale.path), args.events)), encoding="utf-8")
        print(f"history: {args.events} events written in {time.perf_counter() - started:.1f} s")
        empty = temp / "empty.db"
        with sqlite3.connect(db_of(scale.path)) as src, sqlite3.connect(empty) as dst:
            src.backup(dst)
        imports = []
        for n in range(runs):
            target = temp / f"import-{n}"
            target.mkdir()
            shutil.copy(empty, target / db_of(scale.path).name)
            # The home as it was, its list of roadmaps too: the import is timed, not the first use of the roadmap
            # file (a home that never saw the file reads it once to learn its id; "first use" times that).
            shutil.copy(scale.path / "roadmaps.tsv", target / "roadmaps.tsv")
            into = Home("import", target, big)
            imports.append(run(python, into.argv(["import", str(backup)]), into.env(), cwd))
            if n < runs - 1:
                shutil.rmtree(target)
        shutil.rmtree(scale.path)
        (temp / f"import-{runs - 1}").rename(scale.path)

        # The bundled home: a small history.
        for argv in (["done", "3.2"], ["done", "1.1.1", "--phase", "theory"], ["note", "3.2.1", "-m", "GPT"], ["next"]):
            run(python, argv, bundled.env(), cwd)
        for home in (bundled, scale):  # warm the bytecode and the page cache
            for _, argv, _ in CASES:
                run(python, home.argv(argv), home.env(), cwd)

        base: list[float] = []
        for _ in range(runs):
            base.append(run_bare(python, cwd))
            for home in (bundled, scale):
                for name, argv, _ in CASES:
                    wall, cpu = run_timed(python, home.argv(argv), home.env(), cwd)
                    home.times.setdefault(name, []).append(wall)
                    home.cpu.setdefault(name, []).append(cpu)
                base.append(run_bare(python, cwd))
        pass_ms = median_of(base)

        print(f"\npython -c pass: {pass_ms:.1f} ms (median of {len(base)}), runs={runs}\n")
        print(
            f"{'command':<22} {'bundled':>9} {'ratio':>6} {'scale':>9} {'ratio':>6} {'scale/bundled':>14}  target"
            "          CPU: scale/bundled"
        )
        for name, _argv, limit in CASES:
            small, big_ms = median_of(bundled.times[name]), median_of(scale.times[name])
            cpu = median_of(scale.cpu[name]) / median_of(bundled.cpu[name])
            print(
                f"{name:<22} {small:7.1f}ms {small / pass_ms:5.1f}x {big_ms:7.1f}ms {big_ms / pass_ms:5.1f}x"
                f" {big_ms / small:13.2f}x  <= {limit:g}x {verdict(big_ms / small <= limit)}  {cpu:17.2f}x"
            )

        export = scale.argv(["export", "json", "-o", str(temp / "out.json"), "--force"])
        export_rss = peak_rss_mib(python, export, scale.env(), cwd)
        bare_rss = peak_rss_mib(python, ["--version"], scale.env(), cwd)
        writes = (["done", "3.3"], ["reset", "3.3"])
        holds = [lock_hold_ms(python, bundled.argv(a), bundled.env(), cwd) for _ in range(runs) for a in writes]
        holds_scale = [lock_hold_ms(python, scale.argv(a), scale.env(), cwd) for _ in range(runs) for a in writes]
        imported = median_of(imports) / 1000
        first = median_of(first_use) / 1000
        print()
        print(f"import of {args.events} events      {imported:6.2f} s    target <= 5 s     {verdict(imported <= 5)}")
        print(
            f"export json peak RSS          {export_rss:6.1f} MiB  target <= 100 MiB {verdict(export_rss <= 100)}"
            f"  (llmlanding --version: {bare_rss:.1f} MiB)"
        )
        print(f"first use of the big roadmap  {first:6.2f} s    target <= 1.5 s   {verdict(first <= 1.5)}")
        hold = median_of(holds)
        print(
            f"done/reset write lock held    {hold:6.1f} ms   target <= 50 ms   {verdict(hold <= 50)}  (bundled roadmap;"
            f" max {max(holds):.1f} ms; on the scale home: median {median_of(holds_scale):.1f} ms)"
        )
    finally:
        if temp_obj is not None:
            temp_obj.cleanup()


def run_bare(python: str, cwd: str) -> float:
    started = time.perf_counter()
    subprocess.run([python, "-c", "pass"], cwd=cwd, check=True)
    return (time.perf_counter() - started) * 1000


if __name__ == "__main__":
    main()
