"""Every public page is valid HTML: the Nu HTML checker (npm's vnu-jar, run with Java) finds
no error on any of them, in English, French and Spanish, the map and embed pages included."""

import json
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.factories import ActivityFactory, EditionFactory, MuseumFactory

VNU_JAR = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)

PAGES = {
    "home": "/",
    "museum-day": "/museum-day/",
    "edition": "/museum-day/2026/",
    "list": "/museum-day/activities/",
    "list-errors": "/museum-day/activities/?edition=next&date_from=2026-05-20&date_to=2026-05-01",
    "map": "/museum-day/map/",
    "embed": "/museum-day/embed/?view=both",
    "museums": "/museums/",
    "museum": "/museums/carnavalet/",
    "news": "/news/",
    "login": "/accounts/login/",
}


@pytest.fixture
def site(db):
    edition = EditionFactory(year=2026, theme="Museums for social cohesion")
    museum = MuseumFactory(
        name="Musée Carnavalet", slug="carnavalet", address="16 rue des Francs-Bourgeois"
    )
    activity = ActivityFactory(
        edition=edition,
        museum=museum,
        title="Night at Carnavalet",
        starts_at=datetime(2026, 5, 18, 17, tzinfo=UTC),
        accessibility_notes="Step-free access.",
    )
    return {**PAGES, "activity": activity.get_absolute_url()}


def nu_errors(files: list[Path]) -> list[str]:
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        pytest.skip(
            "the Nu HTML checker needs Java and node_modules/vnu-jar (make test installs it)"
        )
    result = subprocess.run(  # noqa: S603 (our own files, a fixed command)
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]


def test_public_pages_have_no_html_error_in_any_language(client, site, tmp_path):
    files = []
    for language in ("en", "fr", "es"):
        for name, path in site.items():
            response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code in (200, 400), (path, response.status_code)
            target = tmp_path / f"{name}-{language}.html"
            target.write_bytes(response.content)
            files.append(target)

    assert nu_errors(files) == []


def test_the_checker_catches_an_error(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text(
        "<!DOCTYPE html><html lang=en><title>x</title><h1>a</h1><h3>skipped</h3><p><div></p>"
    )
    assert nu_errors([page]) != []
