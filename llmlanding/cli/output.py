"""Where commands write: one rich console for stdout, plain text for errors, JSON without colour."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console, RenderableType

from llmlanding.errors import LLMLandingError, format_error


def console() -> Console:
    # Rich honours NO_COLOR and TERM=dumb and prints plain text when stdout is not a terminal.
    # Piped output is not wrapped at 80 columns, so that grep and diff see whole lines.
    plain = Console(highlight=False)
    if not plain.is_terminal:
        return Console(highlight=False, soft_wrap=True)
    return plain


def show(renderable: RenderableType) -> None:
    console().print(renderable)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def report_error(exc: LLMLandingError) -> None:
    sys.stderr.write(format_error(exc) + "\n")
