"""Where things are and how to speak: language, roadmap file and home folder from flags and environment.

Standard library only: the fast read path resolves the same settings without importing typer or click.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError

APP_NAME = "llmlanding"
LANGS = ("zh", "en")
ENV_LANG = "LLMLANDING_LANG"
ENV_CURRICULUM = "LLMLANDING_CURRICULUM"
ENV_HOME = "LLMLANDING_HOME"


def resolve_lang(flag: str | None = None) -> str:
    """`--lang`, else LLMLANDING_LANG, else zh under a zh_* locale, else en."""
    for value, source in ((flag, "--lang"), (os.environ.get(ENV_LANG) or None, ENV_LANG)):
        if value is not None:
            lang = value.strip().lower()
            if lang not in LANGS:
                raise UsageError(f"{source} must be zh or en, not '{value}'")
            return lang
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        locale_name = os.environ.get(var)
        if locale_name:  # the first one set decides, as in POSIX
            return "zh" if locale_name.lower().startswith("zh") else "en"
    return "en"


def bundled_curriculum() -> Path:
    """The roadmap shipped with the program: inside the wheel, or at the top of a source checkout."""
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "curriculum" / "llmlanding.yaml"
    if installed.is_file():
        return installed
    return package_dir.parent / "curriculum" / "llmlanding.yaml"


def resolve_curriculum(flag: str | Path | None = None) -> Path:
    value = flag if flag is not None else (os.environ.get(ENV_CURRICULUM) or None)
    if value is None:
        return bundled_curriculum()
    return Path(value).expanduser()


def default_home() -> Path:
    """The per-user folder, exactly as `typer.get_app_dir("llmlanding")` names it (tests check they agree)."""
    if sys.platform.startswith("win"):
        base = os.environ.get("APPDATA") or os.path.expanduser("~")
        return Path(base) / APP_NAME
    if sys.platform == "darwin":
        return Path(os.path.expanduser("~/Library/Application Support")) / APP_NAME
    base = os.environ.get("XDG_CONFIG_HOME", os.path.expanduser("~/.config"))
    return Path(base) / APP_NAME


def resolve_home(flag: str | Path | None = None) -> Path:
    value = flag if flag is not None else (os.environ.get(ENV_HOME) or None)
    if value is None:
        return default_home()
    return Path(value).expanduser()


@dataclass(frozen=True)
class Settings:
    lang: str
    curriculum: Path
    home: Path

    @classmethod
    def resolve(
        cls, lang: str | None = None, curriculum: str | Path | None = None, home: str | Path | None = None
    ) -> Settings:
        return cls(resolve_lang(lang), resolve_curriculum(curriculum), resolve_home(home))
