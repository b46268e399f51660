import os
from pathlib import Path

import polib
import pytest
from django.core.cache import cache
from django.utils import translation
from django.utils.translation.reloader import translation_file_changed

from .factories import ActivityFactory, CommitteeFactory, EditionFactory, MuseumFactory, UserFactory

LOCALE_DIR = Path(__file__).resolve().parent.parent / "src" / "museion" / "locale"


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """Compile .po to .mo when the .mo is missing or older, as `make messages` does, so these
    tests do not depend on an earlier install step. Written atomically: xdist workers race."""
    compiled = []
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        partial = mo_path.with_name(f"{mo_path.name}.{os.getpid()}.tmp")
        polib.pofile(str(po_path)).save_as_mofile(str(partial))
        os.replace(partial, mo_path)
        compiled.append(mo_path)
    for mo_path in compiled:  # catalogues loaded before this were empty: make Django reload them
        translation_file_changed(None, mo_path)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_by_default():
    # A request in another language leaves it active in the thread (LocaleMiddleware never
    # deactivates); start every test in English so messages do not depend on the order.
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def edition(db):
    return EditionFactory()


@pytest.fixture
def museum(db):
    return MuseumFactory()


@pytest.fixture
def other_museum(db):
    return MuseumFactory(
        name="Museo del Prado",
        country="ES",
        city="Madrid",
        latitude=40.4138,
        longitude=-3.6921,
        timezone="Europe/Madrid",
        languages=["es"],
    )


@pytest.fixture
def editor(museum):
    user = UserFactory(username="editor")
    museum.editors.add(user)
    return user


@pytest.fixture
def coordinator(db):
    user = UserFactory(username="coordinator")
    committee = CommitteeFactory(country="FR")
    committee.coordinators.add(user)
    return user


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", is_staff=True)


@pytest.fixture
def published(edition, museum):
    return ActivityFactory(edition=edition, museum=museum, title="Night of the Louvre")


__all__ = ["ActivityFactory", "MuseumFactory", "UserFactory", "EditionFactory"]
