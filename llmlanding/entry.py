"""The console script. Kept tiny: the typer app is imported only when a command needs it."""

from __future__ import annotations


def main() -> None:
    from .cli.app import app

    app()
