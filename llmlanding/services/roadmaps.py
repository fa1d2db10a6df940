"""The roadmaps of a home: registering a roadmap file under its id (each id its own database), and choosing the
active one. The registry is plain text (`settings.REGISTRY_NAME`), written all or nothing."""

from __future__ import annotations

from pathlib import Path

from llmlanding.errors import UsageError
from llmlanding.services.files import write_atomic
from llmlanding.settings import ACTIVE_NAME, BUNDLED_ID, REGISTRY_NAME, Choice, database_name, registry_rows

Row = tuple[str, str, str]


def _write(home: Path, rows: list[Row]) -> None:
    for roadmap_id, name, path in rows:
        if any(ch in field for field in (roadmap_id, name, path) for ch in "\t\n\r"):
            raise UsageError(
                f"{path}: a roadmap file's path cannot hold tabs or line breaks", key="roadmap_path_chars", path=path
            )
    write_atomic(home / REGISTRY_NAME, "".join(f"{a}\t{b}\t{c}\n" for a, b, c in rows))


def register(home: Path, roadmap_id: str, curriculum: Path | None, force: bool = False) -> Row:
    """Record `curriculum` (None: the bundled file) as roadmap `roadmap_id`, keeping the database an id already
    has. An id registered to another file is refused unless `force`."""
    rows = registry_rows(home)
    path = "" if curriculum is None else str(Path(curriculum).expanduser().resolve())
    for n, (row_id, name, known) in enumerate(rows):
        if row_id != roadmap_id:
            continue
        if known != path and not force:
            where = known or "the bundled roadmap"
            raise UsageError(
                f"roadmap '{roadmap_id}' is registered to {where}; add --force to register {path} in its place",
                key="roadmap_taken" if known else "roadmap_taken_bundled",
                id=roadmap_id,
                where=where,
                path=path,
            )
        rows[n] = (row_id, name, path)
        _write(home, rows)
        return rows[n]
    row = (roadmap_id, database_name(roadmap_id, {r[1] for r in rows}), path)
    _write(home, [*rows, row])
    return row


def remember(home: Path, choice: Choice) -> None:
    """What a run found that the registry lacks: a roadmap met by its file for the first time (so later runs need
    not read the file to find its database), or an old home's database under the id it records. Quietly nothing
    in a home that cannot be written, or not made yet: the run goes on reading."""
    rows = registry_rows(home)
    new = choice.new and choice.roadmap_id not in (None, BUNDLED_ID)  # the bundled id stays on the bundled file
    if new and all(row[0] != choice.roadmap_id for row in rows):
        assert choice.roadmap_id is not None
        rows.append((choice.roadmap_id, choice.db.name, str(choice.curriculum.expanduser().resolve())))
    try:
        home.mkdir(parents=True, exist_ok=True)
        _write(home, rows)
    except (OSError, UsageError):
        pass


def activate(home: Path, roadmap_id: str) -> None:
    write_atomic(home / ACTIVE_NAME, roadmap_id + "\n")
