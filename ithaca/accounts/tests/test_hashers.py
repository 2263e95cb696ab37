"""Passwords are hashed with Argon2id at OWASP's cost, and older hashes upgrade at sign-in."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import (
    Argon2PasswordHasher,
    PBKDF2PasswordHasher,
    make_password,
)

from ithaca.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-passphrase"
OWASP = "argon2$argon2id$v=19$m=19456,t=2,p=1$"


@pytest.fixture
def real_hashers(settings):
    """The project's hashers (the test settings use a fast one)."""
    settings.PASSWORD_HASHERS = [
        "ithaca.accounts.hashers.Argon2idPasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    return settings


def test_the_settings_put_the_owasp_hasher_first() -> None:
    from config import settings as project

    assert project.PASSWORD_HASHERS[0] == "ithaca.accounts.hashers.Argon2idPasswordHasher"


def test_it_hashes_new_passwords_with_argon2id_at_owasp_cost(real_hashers) -> None:
    assert make_password(PASSWORD).startswith(OWASP)


def test_a_hash_made_with_djangos_heavier_argon2_is_upgraded_at_sign_in(real_hashers) -> None:
    user = UserFactory()
    user.password = Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt())
    user.save(update_fields=["password"])
    assert "m=102400,t=2,p=8" in user.password

    assert authenticate(username=user.email, password=PASSWORD) is not None

    user.refresh_from_db()
    assert user.password.startswith(OWASP)
    assert authenticate(username=user.email, password=PASSWORD) is not None


def test_a_pbkdf2_hash_is_upgraded_to_argon2id_at_sign_in(real_hashers) -> None:
    user = UserFactory()
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    user.save(update_fields=["password"])

    assert authenticate(username=user.email, password=PASSWORD) is not None

    user.refresh_from_db()
    assert user.password.startswith(OWASP)


def test_a_wrong_password_leaves_the_stored_hash_alone(real_hashers) -> None:
    user = UserFactory()
    old = Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt())
    user.password = old
    user.save(update_fields=["password"])

    assert authenticate(username=user.email, password="not-the-passphrase") is None

    user.refresh_from_db()
    assert user.password == old
