"""Generates docs/cli.md from the typer app: every command's --help, at a fixed width.

Run `python -m llmlanding.cli.reference > docs/cli.md` after changing a command; tests/test_docs.py fails when
the file is stale.
"""

from __future__ import annotations

from typing import Any

import typer
import typer.main

WIDTH = 100

HEADER = """# CLI reference

Every command's `--help`, generated from the code. Regenerate with
`python -m llmlanding.cli.reference > docs/cli.md`; a test fails when this file is stale.
"""


def reference() -> str:
    from llmlanding.cli.app import app
    from llmlanding.cli.zhhelp import plain_types

    root = typer.main.get_command(app)
    plain_types(root)
    sections: list[str] = [HEADER]

    def walk(command: Any, path: list[str], parent: typer.Context | None) -> None:
        ctx = typer.Context(command, info_name=path[-1], parent=parent, terminal_width=WIDTH, max_content_width=WIDTH)
        sections.append(f"## `{' '.join(path)}`\n\n```text\n{command.get_help(ctx).rstrip()}\n```\n")
        if hasattr(command, "list_commands"):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                if sub is not None and not getattr(sub, "hidden", False):
                    walk(sub, [*path, name], ctx)

    walk(root, ["llmlanding"], None)
    return "\n".join(sections)


if __name__ == "__main__":
    import sys

    sys.stdout.write(reference())
