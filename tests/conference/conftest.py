import pytest

from museion.conference.services.registration import Applicant

from .factories import CategoryFactory, ConferenceFactory


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def conference(db):
    return ConferenceFactory()


@pytest.fixture
def category(conference):
    return CategoryFactory(conference=conference, name="Full on site", capacity=2)


def applicant(n: int = 1, **overrides) -> Applicant:
    data = {"name": f"Person {n}", "email": f"person{n}@example.org", "country": "CZ"}
    data.update(overrides)
    return Applicant(**data)
