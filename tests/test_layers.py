"""The layers are folders with rules, and these tests are the rules: pure rules and views import no heavy
library and no lower layer they should not, only `sync/` talks to git, and the fast path imports nothing that
typer's path needs. Each module is imported in a fresh interpreter, and every import statement is read, those
inside functions included."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "llmlanding"
STDLIB = set(sys.stdlib_module_names) | {"__future__"}


def _modules(folder: str) -> list[str]:
    return sorted(
        "llmlanding." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
        for path in (PACKAGE / folder).rglob("*.py")
    )


def _imports(module: str) -> set[str]:
    """Every module an import statement of this file names, anywhere in it."""
    path = PACKAGE.joinpath(*module.split(".")[1:])
    source = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    found: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:  # `from llmlanding.views import reports` names the module views.reports
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if _is_module(submodule) else node.module)
    return found


def _is_module(name: str) -> bool:
    if not name.startswith("llmlanding."):
        return False
    path = PACKAGE.joinpath(*name.split(".")[1:])
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _sys_modules(statement: str) -> set[str]:
    code = f"import sys, json; {statement}; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout))


BASELINE = _sys_modules("pass")  # what the interpreter itself has loaded (site hooks, __main__)


def _loaded(module: str) -> set[str]:
    """The top-level packages and llmlanding modules that importing `module` alone loads."""
    names = _sys_modules(f"import {module}") - BASELINE
    return {n for n in names if n.startswith("llmlanding.")} | {n.split(".")[0] for n in names}


def _allowed(name: str, layers: tuple[str, ...], libraries: tuple[str, ...]) -> bool:
    top = name.split(".")[0]
    return top in STDLIB or top in libraries or name == "llmlanding" or name.startswith(layers)


RULES = {
    # layer: (the llmlanding modules it may import, the third-party libraries it may import)
    "domain": (("llmlanding.domain", "llmlanding.errors"), ()),
    "views": (("llmlanding.domain", "llmlanding.views", "llmlanding.errors"), ("rich",)),
}


@pytest.mark.parametrize("layer", sorted(RULES))
def test_pure_layers_import_only_what_they_may(layer: str) -> None:
    layers, libraries = RULES[layer]
    for module in _modules(layer):
        wrong = sorted(name for name in _imports(module) if not _allowed(name, layers, libraries))
        assert not wrong, f"{module} imports {wrong}"


@pytest.mark.parametrize("layer", sorted(RULES))
def test_pure_layers_load_nothing_else(layer: str) -> None:
    layers, libraries = RULES[layer]
    # rich loads its own helpers (markdown_it for Markdown, pygments for syntax) — allowed as part of rich;
    # markdown_it loads linkify_it (and its uc_micro) when installed, as textual's markdown-it-py[linkify] does.
    helpers = ("markdown_it", "mdurl", "pygments", "linkify_it", "uc_micro") if "rich" in libraries else ()
    for module in _modules(layer):
        wrong = sorted(name for name in _loaded(module) if not _allowed(name, layers, (*libraries, *helpers)))
        assert not wrong, f"importing {module} loads {wrong}"


def test_only_sync_imports_git() -> None:
    for module in _modules("."):
        if module.startswith("llmlanding.sync"):
            continue
        assert not {n for n in _imports(module) if n.split(".")[0] == "git"}, f"{module} imports git"


def test_only_the_assistant_imports_the_mcp_sdk_and_only_its_command_imports_the_assistant() -> None:
    for module in _modules("."):
        if not module.startswith("llmlanding.assistant"):
            sdk = {n for n in _imports(module) if n.split(".")[0] in ("mcp", "mcp_types")}
            assert not sdk, f"{module} imports {sorted(sdk)}"
        if not module.startswith("llmlanding.assistant") and module != "llmlanding.cli.handlers.assistant":
            inward = [n for n in _imports(module) if n.startswith("llmlanding.assistant")]
            assert not inward, f"{module} imports {inward}"


HEAVY = {"typer", "click", "pydantic", "yaml", "sqlalchemy", "sqlmodel", "git", "textual", "mcp", "mcp_types"}


@pytest.mark.parametrize(
    "module",
    [
        "llmlanding.entry",
        "llmlanding.cli.fast",
        "llmlanding.cli.complete",
        "llmlanding.cli.env",
        "llmlanding.cli.output",
        *_modules("cli/handlers"),
        *_modules("views"),
        *_modules("domain"),
        "llmlanding.store.queries",
        "llmlanding.store.snapshot",
        "llmlanding.store.database",
    ],
)
def test_the_fast_path_loads_nothing_heavy(module: str) -> None:
    assert not _loaded(module) & HEAVY, f"importing {module} loads {sorted(_loaded(module) & HEAVY)}"


STUDY_MAY_IMPORT = tuple(
    f"llmlanding.{layer}" for layer in ("study", "domain", "views", "store", "services", "settings", "errors")
)


def test_the_study_screen_imports_only_what_it_may() -> None:
    """`study/` (the Textual app) reads through the store, writes through the services and shows views; it
    never reaches into the CLI, which hands it the browser and the editor."""
    for module in _modules("study"):
        wrong = sorted(name for name in _imports(module) if not _allowed(name, STUDY_MAY_IMPORT, ("textual", "rich")))
        assert not wrong, f"{module} imports {wrong}"


def test_only_the_study_screen_imports_textual() -> None:
    """Textual costs a third of a second to import: only `study/` and the `study` command's handler name it."""
    for module in _modules("."):
        if module.startswith("llmlanding.study") or module == "llmlanding.cli.handlers.study":
            continue
        assert not {n for n in _imports(module) if n.split(".")[0] == "textual"}, f"{module} imports textual"


def test_services_and_store_never_import_the_cli_or_views() -> None:
    for layer in ("domain", "roadmap", "store", "services", "sync"):
        for module in _modules(layer):
            upward = [
                n for n in _imports(module) if n.startswith(("llmlanding.cli", "llmlanding.views", "llmlanding.study"))
            ]
            if layer == "sync":  # the journal's README is the markdown report, a view of the progress
                upward = [n for n in upward if n != "llmlanding.views.reports"]
            assert not upward, f"{module} imports {upward}"
