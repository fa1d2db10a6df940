"""Where things are and how to speak: language, roadmap file and home folder from flags and environment.

Standard library only, and little of it: shell completion resolves the same settings on every TAB.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing's own costs an import on every TAB of shell completion
if TYPE_CHECKING:
    from pathlib import Path

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
                from llmlanding.errors import UsageError

                raise UsageError(f"{source} must be zh or en, not '{value}'")
            return lang
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        locale_name = os.environ.get(var)
        if locale_name:  # the first one set decides, as in POSIX
            return "zh" if locale_name.lower().startswith("zh") else "en"
    return "en"


def bundled_curriculum() -> Path:
    """The roadmap shipped with the program: inside the wheel, or at the top of a source checkout."""
    from pathlib import Path

    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "curriculum" / "llmlanding.yaml"
    if installed.is_file():
        return installed
    return package_dir.parent / "curriculum" / "llmlanding.yaml"


BUNDLED_EDITIONS = {"2024-03-26": "llmlanding.yaml", "2024-12-28": "llmlanding-2024-12.yaml"}


def bundled_editions() -> dict[str, Path]:
    """The editions of the roadmap shipped with the program, by edition: what `curriculum upgrade EDITION`
    takes. The first is the one a new home starts on."""
    folder = bundled_curriculum().parent
    return {edition: folder / name for edition, name in BUNDLED_EDITIONS.items() if (folder / name).is_file()}


def resolve_curriculum(flag: str | Path | None = None) -> Path:
    from pathlib import Path

    value = flag if flag is not None else (os.environ.get(ENV_CURRICULUM) or None)
    if value is None:
        return bundled_curriculum()
    return Path(value).expanduser()


def default_home_location() -> str:
    """The per-user folder, exactly as `typer.get_app_dir("llmlanding")` names it (tests check they agree)."""
    if sys.platform.startswith("win"):
        base = os.environ.get("APPDATA") or os.path.expanduser("~")
        return os.path.join(base, APP_NAME)
    if sys.platform == "darwin":
        return os.path.join(os.path.expanduser("~/Library/Application Support"), APP_NAME)
    base = os.environ.get("XDG_CONFIG_HOME", os.path.expanduser("~/.config"))
    return os.path.join(base, APP_NAME)


def home_location(flag: str | os.PathLike[str] | None = None) -> str:
    """`--home`, else LLMLANDING_HOME, else the per-user folder; as a string, so completion needs no pathlib."""
    value = flag if flag is not None else (os.environ.get(ENV_HOME) or None)
    if value is None:
        return default_home_location()
    return os.path.expanduser(os.fspath(value))


def default_home() -> Path:
    from pathlib import Path

    return Path(default_home_location())


def resolve_home(flag: str | os.PathLike[str] | None = None) -> Path:
    from pathlib import Path

    return Path(home_location(flag))


def sqlite_uri(path: str, mode: str = "ro") -> str:
    """A `file:` URI for sqlite3, escaping what URIs reserve (cheaper than pathlib's as_uri)."""
    escaped = path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return f"file:{escaped}?mode={mode}"


DB_NAME = "llmlanding.db"


def db_path(home: Path) -> Path:
    return home / DB_NAME


class Settings:
    """Language, roadmap file and home folder for one run."""

    __slots__ = ("curriculum", "home", "lang")

    def __init__(self, lang: str, curriculum: Path, home: Path) -> None:
        self.lang = lang
        self.curriculum = curriculum
        self.home = home

    def __repr__(self) -> str:
        return f"Settings(lang={self.lang!r}, curriculum={self.curriculum!r}, home={self.home!r})"

    @classmethod
    def resolve(
        cls, lang: str | None = None, curriculum: str | Path | None = None, home: str | Path | None = None
    ) -> Settings:
        return cls(resolve_lang(lang), resolve_curriculum(curriculum), resolve_home(home))
