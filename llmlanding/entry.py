"""The console script. Completion and the hot read commands are answered before typer is imported; everything
else goes to the typer app."""

from __future__ import annotations

import os
import sys


def main() -> None:
    if os.environ.get("_LLMLANDING_COMPLETE"):
        from llmlanding.cli.complete import answer

        done = answer()
        if done is not None:
            text, code = done
            if text:
                sys.stdout.write(text + "\n")
            sys.exit(code)
    else:
        from llmlanding.cli.fast import run

        exit_code = run(sys.argv[1:])
        if exit_code is not None:
            sys.exit(exit_code)
    from llmlanding.cli.app import app

    app()
