"""The apps import one way only: core → network → museumday, conference, redlists → news,
newsletter → site, api (and the demo data on top). A lower layer never imports a higher one."""

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "src" / "museion"
LAYERS = {
    "core": 0,
    "outbox": 0,
    "formats": 0,
    "network": 1,
    "museumday": 2,
    "conference": 2,
    "redlists": 2,
    "news": 3,
    "newsletter": 3,
    "site": 4,
    "api": 4,
    "demo": 5,
}


def imported_apps(path: Path) -> set[str]:
    """The museion apps a module imports, wherever the import stands (inside functions too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "museion" and len(parts) > 1 and parts[1] in LAYERS:
                found.add(parts[1])
    return found


def test_every_app_has_a_layer():
    apps = {path.parent.name for path in SOURCE.glob("*/__init__.py")}
    assert apps == set(LAYERS)


@pytest.mark.parametrize("app", sorted(LAYERS))
def test_an_app_imports_no_app_above_it(app):
    upward = sorted(
        f"{path.relative_to(SOURCE)} imports museion.{other}"
        for path in (SOURCE / app).rglob("*.py")
        for other in imported_apps(path)
        if LAYERS[other] > LAYERS[app]
    )
    assert upward == []
