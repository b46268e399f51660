import pytest
from django.core.cache import cache
from django.utils import translation
from django.utils.translation.reloader import translation_file_changed

from museion.core.catalogues import COMPILED_LOCALE_DIR, compile_catalogues

from .factories import ActivityFactory, CommitteeFactory, EditionFactory, MuseumFactory, UserFactory


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """Compile the catalogues when a .po is newer than its .mo, as `make messages` does, so these
    tests do not depend on an earlier install step (into the build directory, not src/)."""
    for mo_path in compile_catalogues(COMPILED_LOCALE_DIR, only_if_newer=True):
        # catalogues loaded before this were empty: make Django reload them
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
