"""The console script: the program as a function of argv and the environment.

Completion and every well-formed command line are answered without importing typer (`cli/complete.py`,
`cli/fast.py`); typer answers `--help`, usage errors and whatever the fast path leaves to it. Ctrl-C anywhere
ends the program here with one line and exit code 130, never a traceback.
"""

from __future__ import annotations

import os
import sys

INTERRUPTED = 130  # as shells report a process ended by SIGINT (errors.ExitCode.INTERRUPTED)


def run(argv: list[str]) -> int:
    code = _answer(argv)
    _say_held(argv)
    return code


def _say_held(argv: list[str]) -> None:
    """Once, in the run that first finds the roadmap file on another edition: the home stays on its own, and
    how to move it across. `status` and the dashboard go on saying it until the upgrade."""
    writer = sys.modules.get("llmlanding.store.writer")
    if writer is None or not writer.HELD:
        return
    from llmlanding.errors import UsageError
    from llmlanding.settings import resolve_lang
    from llmlanding.views.words import msg

    flag = next((arg.removeprefix("--lang=") for arg in argv if arg.startswith("--lang=")), None)
    if "--lang" in argv[:-1]:
        flag = argv[argv.index("--lang") + 1]
    try:
        lang = resolve_lang(flag)
    except UsageError:  # a wrong --lang was reported by the command already
        lang = "en"
    for held in writer.HELD:
        sys.stderr.write("! " + msg(lang, "status.upgrade", new=held.file, old=held.recorded) + "\n")
    writer.HELD.clear()


def _answer(argv: list[str]) -> int:
    if os.environ.get("_LLMLANDING_COMPLETE"):
        from llmlanding.cli.complete import answer

        done = answer(os.environ)
        if done is not None:
            text, code = done
            if text:
                sys.stdout.write(text + "\n")
            return code
    else:
        from llmlanding.cli.fast import run as run_fast

        answered = run_fast(argv)
        if answered is not None:
            return answered
    import typer.main

    from llmlanding.cli.app import app

    try:
        typer.main.get_command(app).main(args=argv, prog_name="llmlanding")  # reports usage errors itself
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0


def _first_run_hint(home: str | None) -> None:
    """After the run that made the home (`home`, None when it was there before), a line on stderr if a new shell
    would not find the program by its name."""
    if home is None or not os.path.isdir(home):
        return
    from llmlanding.cli.install import path_hint
    from llmlanding.cli.zhhelp import help_lang

    try:
        hint = path_hint(sys.argv[0], help_lang(sys.argv[1:]))  # `--lang zh` before the command counts too
    except Exception:  # a bad LLMLANDING_LANG: the command has said so already
        return
    if hint:
        sys.stderr.write(hint + "\n")


def main() -> None:
    # A console script's first run on a new home (not `python -m`, not completion): the moment to tell a learner
    # whose shell will not find the program by its name.
    new_home = None
    if os.path.basename(sys.argv[0]) == "llmlanding" and not os.environ.get("_LLMLANDING_COMPLETE"):
        from llmlanding.settings import home_location

        home = home_location()
        new_home = None if os.path.isdir(home) else home
    try:
        code = run(sys.argv[1:])
        _first_run_hint(new_home)
    except KeyboardInterrupt:
        # Outside a command's handler (while modules load, or after it): in the run's language once it is known.
        output = sys.modules.get("llmlanding.cli.output")
        sys.stderr.write("\n" + (output.interrupted() if output is not None else "interrupted") + "\n")
        code = INTERRUPTED
    sys.stdout.flush()
    sys.exit(code)
