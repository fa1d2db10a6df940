"""Time to the first frame of `llmlanding study` on the bundled roadmap: from starting the process in an 80x24
pseudo-terminal until the screen's bottom bar (drawn with the tree and the item, in the same frame) has been
written to it. The budget is 1 s.

Not a test: run it by hand, `python bench/study_frame.py [--runs N]`. It uses a temporary home with a little
history (`done 3.2`, a note) and warms the bytecode caches with one untimed run first.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from fcntl import ioctl

BUDGET = 1.0
MARKER = b"quit"  # the bottom bar's last words: the first frame is complete when they are out


def first_frame(env: dict[str, str]) -> float:
    main, child = pty.openpty()
    ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "llmlanding", "study"], stdin=child, stdout=child, stderr=child, env=env
    )
    os.close(child)
    seen = b""
    elapsed = float("nan")
    try:
        while time.perf_counter() - start < 30:
            ready, _, _ = select.select([main], [], [], 0.05)
            if ready:
                seen += os.read(main, 65536)
                if MARKER in seen:
                    elapsed = time.perf_counter() - start
                    break
        os.write(main, b"q")
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "LLMLANDING_HOME": home, "LLMLANDING_LANG": "en", "TERM": "xterm-256color"}
        for argv in (["done", "3.2"], ["note", "3.1", "-m", "attention"]):
            subprocess.run([sys.executable, "-m", "llmlanding", *argv], env=env, capture_output=True, check=True)
        first_frame(env)  # warm the caches
        times = [first_frame(env) for _ in range(args.runs)]
    median = statistics.median(times)
    print(
        f"first frame: median {median * 1000:.0f} ms over {args.runs} runs (min {min(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms); budget {BUDGET * 1000:.0f} ms — {'ok' if median < BUDGET else 'OVER'}"
    )


if __name__ == "__main__":
    main()
