"""Red List fixtures (the builders are in builders.py, shared with the browser tests)."""

import pytest

from tests.factories import UserFactory

from .builders import make_list


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def red_list(db):
    return make_list()


@pytest.fixture
def list_editor(red_list):
    user = UserFactory(username="list-editor")
    red_list.editors.add(user)
    return user


@pytest.fixture
def staff_user(db):
    return UserFactory(username="rl-staff", is_staff=True)
