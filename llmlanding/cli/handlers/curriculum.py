"""`curriculum validate`: check a roadmap file."""

from __future__ import annotations

from pathlib import Path

from llmlanding.cli.env import Env
from llmlanding.cli.output import say
from llmlanding.views.words import msg


def validate(env: Env, *, path: Path | None) -> None:
    from llmlanding.roadmap.loader import load_outline
    from llmlanding.views.roadmap import counts_line

    target = path if path is not None else env.settings.curriculum
    outline = load_outline(target)
    say(msg(env.lang, "curriculum.ok", path=target, counts=counts_line(outline, env.lang)))


MAX_MARKDOWN_BYTES = 8 * 1024 * 1024  # as much as a roadmap file may be


def import_markdown(env: Env, *, source: Path, output: str, force: bool, language: str | None, id: str | None) -> None:
    """Turn a markdown roadmap into a roadmap file, checked by the same loader as every roadmap before it is written."""
    from llmlanding.cli.files import write_output
    from llmlanding.errors import UsageError
    from llmlanding.roadmap.loader import load_text, to_outline
    from llmlanding.roadmap.markdown import convert, dump
    from llmlanding.roadmap.schema import _slug
    from llmlanding.views.roadmap import counts_line

    path = source.expanduser()
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_MARKDOWN_BYTES + 1)
    except FileNotFoundError:
        raise UsageError(f"no file {source}") from None
    except (IsADirectoryError, PermissionError) as exc:
        raise UsageError(f"cannot read {source}: {exc.strerror}") from None
    if len(raw) > MAX_MARKDOWN_BYTES:
        raise UsageError(f"{source} is larger than {MAX_MARKDOWN_BYTES // (1024 * 1024)} MiB; is it a roadmap?")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UsageError(f"{source}:{line}: not UTF-8 text; save the file as UTF-8") from None
    if id is not None:
        try:
            _slug(id)
        except ValueError as exc:
            raise UsageError(f"--id: {exc}") from None
    converted = convert(text, name=path.name, lang=language, roadmap_id=id)
    if not converted.data["chapters"]:
        raise UsageError(f"{source} has no headings, list items or table rows to make a roadmap from")
    yaml_text = dump(converted, path.name)
    target = "<stdout>" if output == "-" else output
    outline = to_outline(load_text(yaml_text, target))  # a roadmap the loader refuses is never written
    written = write_output(output, force, lambda out: print(yaml_text, end="", file=out))
    lang = env.lang
    report = say if written is not None else _to_stderr
    if written is not None:
        say(msg(lang, "curriculum.imported", source=source, path=written, counts=counts_line(outline, lang)))
    if converted.ticked:
        report(msg(lang, "curriculum.imported_ticks", n=converted.ticked, source=source))
    if converted.skipped_links:
        report(
            msg(lang, "curriculum.imported_skipped", n=len(converted.skipped_links), first=converted.skipped_links[0])
        )


def _to_stderr(text: str) -> None:
    import sys

    print(text, file=sys.stderr)


def diff(env: Env, *, edition: str | None, as_json: bool) -> None:
    from llmlanding.cli.output import print_json, show
    from llmlanding.services.upgrade import preview
    from llmlanding.views.editions import diff_json, diff_view

    found = preview(env.settings, edition)
    if as_json:
        print_json(diff_json(found.plan, found.carried, str(found.source)))
        return
    show(diff_view(found.plan, found.carried, found.old, found.new, str(found.source), env.lang))


def upgrade(env: Env, *, edition: str | None, yes: bool) -> None:
    from llmlanding.cli.output import confirm, show
    from llmlanding.services.upgrade import preview, upgrade
    from llmlanding.views.editions import diff_view

    if not yes:
        found = preview(env.settings, edition)
        show(diff_view(found.plan, found.carried, found.old, found.new, str(found.source), env.lang))
        if not confirm(msg(env.lang, "upgrade.confirm")):
            say(msg(env.lang, "upgrade.cancelled"))
            return
    done = upgrade(env.settings, edition)
    changes = len(done.preview.carried.changes)
    say(msg(env.lang, "upgrade.done", new=done.preview.new.edition, changes=changes, backup=done.backup))
