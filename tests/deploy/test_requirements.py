"""The lock files match pyproject.toml: every pin locked with hashes; production has no test tools.

When this fails after adding a dependency to pyproject.toml, run `make lock`
(README, "Dependencies").
"""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_pins(extra: str | None = None) -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = project["optional-dependencies"][extra] if extra else project["dependencies"]
    pins = {}
    for spec in specs:
        match = PIN.match(spec)
        assert match, f"{spec!r} in pyproject.toml is not an exact pin (name==version)"
        pins[normalise(match[1])] = match[2]
    return pins


def locked(name: str) -> dict[str, set[str]]:
    """{package: {versions}} of a lock file; asserts each requirement carries its hashes."""
    text = (ROOT / "requirements" / name).read_text()
    entries = re.split(r"\n(?=\S)", text)
    versions: dict[str, set[str]] = {}
    for entry in entries:
        match = PIN.match(entry)
        if not match:
            continue
        assert "--hash=sha256:" in entry, f"{match[1]} has no hash in requirements/{name}"
        versions.setdefault(normalise(match[1]), set()).add(match[2])
    return versions


def test_every_production_pin_is_locked_at_its_version():
    prod = locked("prod.txt")
    missing = {n: v for n, v in pyproject_pins().items() if v not in prod.get(n, set())}
    assert missing == {}, "run `make lock`"


def test_every_development_pin_is_locked_at_its_version():
    dev = locked("dev.txt")
    wanted = pyproject_pins() | pyproject_pins("dev")
    missing = {n: v for n, v in wanted.items() if v not in dev.get(n, set())}
    assert missing == {}, "run `make lock`"


def test_development_lock_uses_the_production_versions():
    prod, dev = locked("prod.txt"), locked("dev.txt")
    differing = {n: (v, dev.get(n)) for n, v in prod.items() if dev.get(n) != v}
    assert differing == {}


def test_production_lock_has_no_test_tools():
    prod = locked("prod.txt")
    dev_only = set(pyproject_pins("dev")) - set(pyproject_pins())
    assert dev_only, "the dev extra lists the test tools"
    assert dev_only & set(prod) == set()
    assert {"pytest", "ruff", "playwright", "factory-boy"} & set(prod) == set()
