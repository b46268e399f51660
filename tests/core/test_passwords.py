"""Passwords are stored with Argon2id; accounts whose hash came from Django's PBKDF2 still log
in, and their hash is rewritten with Argon2id on the way."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.test import override_settings

from museion import settings as production
from museion.core.hashers import PASSWORD_HASHERS

LOGIN = "/accounts/login/"
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_hashers")]


@pytest.fixture
def production_hashers():
    # The tests run with a fast hasher (test_settings); these check the production list.
    with override_settings(PASSWORD_HASHERS=PASSWORD_HASHERS):
        yield


def test_production_settings_store_passwords_with_argon2id():
    assert production.PASSWORD_HASHERS == PASSWORD_HASHERS
    user = get_user_model().objects.create_user("ines", password="a long passphrase")
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert user.check_password("a long passphrase")
    assert not user.check_password("a wrong passphrase")


def test_an_account_hashed_with_pbkdf2_logs_in_and_is_rehashed(client):
    user = get_user_model().objects.create(username="ada")
    user.password = PBKDF2PasswordHasher().encode("an old passphrase", "saltsaltsalt")
    user.save()
    response = client.post(LOGIN, {"username": "ada", "password": "an old passphrase"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")
    assert user.check_password("an old passphrase")
