"""Login attempts are limited per address: the eleventh POST in a minute gets a 429 page."""

import pytest
from django.test import override_settings

from ..factories import UserFactory
from ..pages import visible_text

LOGIN = "/accounts/login/"


@pytest.fixture
def user(db):
    return UserFactory(username="ada")


def attempt(client, password="wrong", address="203.0.113.7"):  # noqa: S107
    return client.post(LOGIN, {"username": "ada", "password": password}, REMOTE_ADDR=address)


def test_ten_failed_logins_a_minute_are_answered_normally(client, user):
    for _ in range(10):
        response = attempt(client)
        assert response.status_code == 200
        assert "Please enter a correct username and password." in visible_text(response)


def test_the_eleventh_login_in_a_minute_is_a_429_page(client, user):
    for _ in range(10):
        attempt(client)
    response = attempt(client, password="pw-for-tests")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "Too many requests Please wait a minute before trying again." in visible_text(response)
    assert "_auth_user_id" not in client.session


def test_the_limit_is_per_address(client, user):
    for _ in range(11):
        attempt(client, address="203.0.113.7")
    response = attempt(client, password="pw-for-tests", address="198.51.100.20")
    assert response.status_code == 302
    assert response["Location"] == "/museum-day/my/"


def test_reading_the_login_page_is_not_limited(client, user):
    for _ in range(11):
        attempt(client)
    assert client.get(LOGIN, REMOTE_ADDR="203.0.113.7").status_code == 200


@override_settings(RATELIMIT_ENABLE=False)
def test_the_limit_can_be_switched_off(client, user):
    for _ in range(11):
        attempt(client)
    assert attempt(client, password="pw-for-tests").status_code == 302
