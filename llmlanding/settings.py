"""Where things are and how to speak: language, roadmap file and home folder from flags and environment.

Standard library only, and little of it: shell completion resolves the same settings on every TAB.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing's own costs an import on every TAB of shell completion
if TYPE_CHECKING:
    from datetime import date, datetime
    from pathlib import Path

APP_NAME = "llmlanding"
LANGS = ("zh", "en")
ENV_LANG = "LLMLANDING_LANG"
ENV_CURRICULUM = "LLMLANDING_CURRICULUM"
ENV_HOME = "LLMLANDING_HOME"
ENV_NOW = "LLMLANDING_NOW"  # the clock, for tests and reproducible examples: an ISO 8601 time with its offset


def resolve_lang(flag: str | None = None) -> str:
    """`--lang`, else LLMLANDING_LANG, else zh under a zh_* locale, else en."""
    for value, source in ((flag, "--lang"), (os.environ.get(ENV_LANG) or None, ENV_LANG)):
        if value is not None:
            lang = value.strip().lower()
            if lang not in LANGS:
                from llmlanding.errors import UsageError

                raise UsageError(f"{source} must be zh or en, not '{value}'", key="lang", option=source, value=value)
            return lang
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        locale_name = os.environ.get(var)
        if locale_name:  # the first one set decides, as in POSIX
            return "zh" if locale_name.lower().startswith("zh") else "en"
    return "en"


def now() -> datetime:
    """The one clock of the program, in UTC: LLMLANDING_NOW when set (tests and the docs' examples fix the
    time with it), else the system's. Every stamp, due date and "today" is read from here."""
    from datetime import UTC, datetime

    value = os.environ.get(ENV_NOW)
    if not value:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        from llmlanding.errors import UsageError

        raise UsageError(
            f"{ENV_NOW} must be an ISO 8601 time with an offset, like 2026-03-01T09:00:00Z, not '{value}'",
            key="now_format",
            var=ENV_NOW,
            value=value,
        )
    return moment.astimezone(UTC)


def today() -> date:
    """The learner's local date now: days of activity, streaks and goals are counted in local days."""
    return now().astimezone().date()


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
BUNDLED_ID = "llmlanding"
REGISTRY_NAME = "roadmaps.tsv"  # one line a roadmap: id <TAB> database file name <TAB> roadmap file ("" = bundled)
ACTIVE_NAME = "active"  # the id of the roadmap a run uses when no --curriculum names a file


def db_path(home: Path) -> Path:
    """The bundled roadmap's database in a home; a run's own is `Settings.db`, from `run_database`."""
    return home / DB_NAME


def database_name(roadmap_id: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """The database file of a roadmap: the bundled one keeps `llmlanding.db`, any other `roadmap-<id>.db`."""
    if roadmap_id == BUNDLED_ID and DB_NAME not in taken:
        return DB_NAME
    return f"roadmap-{roadmap_id}.db"


def read_registry(home: str) -> list[tuple[str, str, str]]:
    """The roadmaps registered in a home as (id, database file name, roadmap file); "" for the bundled file.
    Read on every run, so plain text split by hand."""
    try:
        with open(os.path.join(home, REGISTRY_NAME), encoding="utf-8") as fh:
            text = fh.read()
    except (FileNotFoundError, NotADirectoryError):
        return []
    rows = []  # a line that is not three fields, or names a database outside the home, is skipped
    for line in text.split("\n"):
        fields = line.split("\t")
        if len(fields) == 3 and fields[0] and _plain_db_name(fields[1]):
            rows.append((fields[0], fields[1], fields[2]))
    return rows


def _plain_db_name(name: str) -> bool:
    """A database file name as the registry may give it: one in the home, never a path elsewhere."""
    return name.endswith(".db") and name[:1] not in (".", "") and "/" not in name and "\\" not in name


def read_active(home: str) -> str | None:
    """The id `curriculum use` made active, or None."""
    try:
        with open(os.path.join(home, ACTIVE_NAME), encoding="utf-8") as fh:
            return fh.read().strip() or None
    except (FileNotFoundError, NotADirectoryError):
        return None


def active_database(home: str) -> str:
    """The active roadmap's database file: what completion reads. Reads two small files, writes nothing."""
    active = read_active(home) or BUNDLED_ID
    for roadmap_id, name, _path in read_registry(home):
        if roadmap_id == active:
            return os.path.join(home, name)
    return os.path.join(home, database_name(active))


class Choice:
    """The roadmap a run uses: its id (None until the file is read), roadmap file and database, and whether the
    registry lacks it (the run then records it, in a home that can be written)."""

    __slots__ = ("curriculum", "db", "implied", "known", "new", "roadmap_id")

    def __init__(self, roadmap_id: str | None, curriculum: Path, db: Path, new: bool) -> None:
        self.roadmap_id = roadmap_id
        self.curriculum = curriculum
        self.db = db
        self.new = new
        self.implied: list[tuple[str, str, str]] = []  # rows an old home's database implies, not yet written
        self.known = 1  # how many roadmaps the home knows, this one included: above one, screens name it


def run_database(home: Path, flag: str | Path | None = None) -> Choice:
    """The one answer to "which roadmap file and which database does this run use".

    `--curriculum` (or LLMLANDING_CURRICULUM) naming a file: the roadmap registered for that file, else the file
    is read once and its id decides (that id's database, made on first use). Otherwise the active roadmap
    (`curriculum use`), else the bundled one. A home from before the registry keeps its `llmlanding.db` under the
    id that database records."""

    value = flag if flag is not None else (os.environ.get(ENV_CURRICULUM) or None)
    rows = read_registry(str(home))
    implied = [] if rows else _legacy_rows(home)
    choice = _choose(home, value, rows or implied)
    choice.implied = implied
    known = {row[0] for row in rows or implied}
    choice.known = len(known | ({choice.roadmap_id} if choice.roadmap_id else set())) or 1
    return choice


def _choose(home: Path, value: str | Path | None, rows: list[tuple[str, str, str]]) -> Choice:
    from pathlib import Path

    if value is not None:
        curriculum = Path(value).expanduser()
        wanted = _absolute(curriculum)
        for roadmap_id, name, path in rows:
            if path and _absolute(Path(path)) == wanted:
                return Choice(roadmap_id, curriculum, home / name, False)
        if wanted in {_absolute(p) for p in bundled_editions().values()}:
            return Choice(BUNDLED_ID, curriculum, home / _name_of(rows, BUNDLED_ID), False)
        file_id = _file_id(curriculum)
        if file_id is None:  # unreadable or invalid: the run reports it, on the bundled roadmap's database
            return Choice(None, curriculum, home / _name_of(rows, BUNDLED_ID), False)
        known = _name_of(rows, file_id, missing="")
        name = known or database_name(file_id, {row[1] for row in rows})
        return Choice(file_id, curriculum, home / name, not known)
    active = read_active(str(home)) or BUNDLED_ID
    for roadmap_id, name, path in rows:
        if roadmap_id == active:
            return Choice(roadmap_id, Path(path) if path else bundled_curriculum(), home / name, False)
    return Choice(BUNDLED_ID, bundled_curriculum(), home / _name_of(rows, BUNDLED_ID), False)


def registry_rows(home: Path) -> list[tuple[str, str, str]]:
    """The registry, or in a home without one what an existing database implies."""
    return read_registry(str(home)) or _legacy_rows(home)


def _name_of(rows: list[tuple[str, str, str]], roadmap_id: str, missing: str | None = None) -> str:
    for row_id, name, _path in rows:
        if row_id == roadmap_id:
            return name
    if missing is not None:
        return missing
    return database_name(roadmap_id, {row[1] for row in rows})


def _absolute(path: Path) -> str:
    return os.path.abspath(os.path.expanduser(str(path)))


def _file_id(curriculum: Path) -> str | None:
    """The id a roadmap file declares, read by the one loader; None when it cannot be read."""
    from llmlanding.errors import LLMLandingError

    try:
        from llmlanding.roadmap.loader import load_outline, remember
        from llmlanding.store.snapshot import file_hash

        before = file_hash(curriculum)
        outline = load_outline(curriculum)
        if before is not None and file_hash(curriculum) == before:  # kept for the import that follows
            remember(curriculum, before, outline)
        return outline.id
    except LLMLandingError:
        return None


def _legacy_rows(home: Path) -> list[tuple[str, str, str]]:
    """What a home without a registry holds: its `llmlanding.db` is the roadmap's it records, the bundled one's
    or another's (used with --curriculum before roadmaps had databases of their own): it stays that roadmap's."""
    path = home / DB_NAME
    if not path.is_file():
        return []
    import sqlite3

    try:
        conn = sqlite3.connect(sqlite_uri(str(path)), uri=True)
        try:
            found = dict(
                conn.execute("SELECT key, value FROM meta WHERE key IN ('roadmap_id', 'curriculum_path')").fetchall()
            )
        finally:
            conn.close()
    except sqlite3.Error:
        return []
    roadmap_id = found.get("roadmap_id")
    if not roadmap_id:
        return []
    if roadmap_id == BUNDLED_ID:  # written down too, so that later runs need not open the database to know
        return [(BUNDLED_ID, DB_NAME, "")]
    return [(str(roadmap_id), DB_NAME, str(found.get("curriculum_path") or ""))]


class Settings:
    """Language, roadmap file, home folder and the database of one run."""

    __slots__ = ("choice", "curriculum", "db", "home", "lang")

    def __init__(self, lang: str, curriculum: Path, home: Path, db: Path | None = None) -> None:
        self.lang = lang
        self.curriculum = curriculum
        self.home = home
        self.db = db if db is not None else home / DB_NAME
        self.choice: Choice | None = None

    def __repr__(self) -> str:
        return f"Settings(lang={self.lang!r}, curriculum={self.curriculum!r}, home={self.home!r}, db={self.db!r})"

    @property
    def roadmap_id(self) -> str | None:
        """The id of the run's roadmap as the registry or its file says; None when its file could not be read."""
        return self.choice.roadmap_id if self.choice is not None else None

    @classmethod
    def resolve(
        cls, lang: str | None = None, curriculum: str | Path | None = None, home: str | Path | None = None
    ) -> Settings:
        resolved_lang = resolve_lang(lang)
        folder = resolve_home(home)
        choice = run_database(folder, curriculum)
        settings = cls(resolved_lang, choice.curriculum, folder, choice.db)
        settings.choice = choice
        return settings
