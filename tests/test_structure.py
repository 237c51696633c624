"""The layout the README promises: one room per concern, imports that point one way.

Read from the source, so a new module that breaks a rule fails here with its name.
"""

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from app.config import PROJECT_ROOT

APP = PROJECT_ROOT / "app"
MAX_LINES = 400


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(APP.rglob("*.py")):
        parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


MODULES = dict(_modules())


def _imports(path: Path) -> set[str]:
    """Every app module ``path`` imports (``from app.x import y`` counts app.x.y when a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("app"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("app"))
    return {name for name in found if name in MODULES}


IMPORTS = {name: _imports(path) for name, path in MODULES.items()}


def _domain(module: str) -> str | None:
    """The domain package a module belongs to (app/<domain>/...), None for app's own modules."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (APP / parts[-1]).is_dir() else None


def _is_route_module(module: str) -> bool:
    last = module.rsplit(".", 1)[-1]
    return last in {"pages", "api"} or last.endswith("_pages")


def _is_table_layer(module: str) -> bool:
    # Tables and their schemas are the shared layer every domain may read (app/models.py maps
    # them all); a cycle counts when services, pages or rules import each other.
    return module.rsplit(".", 1)[-1] in {"models", "schemas"}


def test_no_module_outside_the_demo_is_over_400_lines() -> None:
    too_long = {
        name: lines
        for name, path in MODULES.items()
        if not name.startswith("app.demo")
        and (lines := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert too_long == {}


def test_no_route_module_imports_another_and_the_cli_imports_none() -> None:
    wrong = {
        (name, imported)
        for name, imported_names in IMPORTS.items()
        if _is_route_module(name) or name == "app.cli"
        for imported in imported_names
        if _is_route_module(imported)
    }
    assert wrong == set()


def test_domain_packages_import_each_other_one_way() -> None:
    graph: dict[str, set[str]] = {}
    for name, imported_names in IMPORTS.items():
        source = _domain(name)
        for imported in imported_names:
            target = _domain(imported)
            if source and target and source != target and not _is_table_layer(imported):
                graph.setdefault(source, set()).add(target)

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for step in graph.get(start, set()) - seen:
            if step == goal or reaches(step, goal, seen | {step}):
                return True
        return False

    cycles = sorted(
        (source, target)
        for source, targets in graph.items()
        for target in targets
        if reaches(target, source, {target})
    )
    assert cycles == []


def test_the_database_session_is_db_and_session_means_a_learning_session() -> None:
    offenders = [
        f"{name}:{number}"
        for name, path in MODULES.items()
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"\*, session\b|\bsession: Session\b|\bSessionDep\b", line)
    ]
    assert offenders == []


def _defined_in(pattern: str, root: Path) -> list[str]:
    return [
        f"{path.relative_to(PROJECT_ROOT)}:{number}"
        for path in sorted(root.rglob("*.py"))
        if path != Path(__file__)
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(pattern, line)
    ]


def test_each_shared_piece_is_written_once() -> None:
    reads_htmx_header = r"headers(\.get\(|\[)\s*\"HX-Request\""
    assert [p.split(":")[0] for p in _defined_in(reads_htmx_header, APP)] == ["app/web.py"]
    assert [p.split(":")[0] for p in _defined_in(r"\bEnvironment\(", APP)] == ["app/templating.py"]
    assert [p.split(":")[0] for p in _defined_in(r"^def field_errors\(", APP)] == ["app/forms.py"]
    assert [p.split(":")[0] for p in _defined_in(r"^def client_ip\(", APP)] == ["app/web.py"]
    # The community's time zone is a setting (LEERKRING_TIME_ZONE), read in app/time_zone.py.
    assert _defined_in(r"ZoneInfo\(\s*\"", APP) == []
    tests = PROJECT_ROOT / "tests"
    assert [p.split(":")[0] for p in _defined_in(r"before_cursor_execute", tests)] == [
        "tests/helpers.py",
        "tests/helpers.py",
    ]
    assert [p.split(":")[0] for p in _defined_in(r"^def csrf_from\(", tests)] == [
        "tests/helpers.py"
    ]
    macro_files = sorted(
        str(path.relative_to(PROJECT_ROOT))
        for path in (PROJECT_ROOT / "templates").rglob("*.html")
        if re.search(r"{%-? macro \w*field", path.read_text())
    )
    assert macro_files == ["templates/_forms.html"]
