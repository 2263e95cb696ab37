"""Sessions and their person read with prepared SQL answer exactly what Django's code does."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib import auth
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session
from django.test import RequestFactory, override_settings
from django.utils import timezone

from ithaca.accounts.sessions import SessionStore, _cached_user, _prepared_user
from ithaca.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
ALLAUTH_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def signed_in(user, backend: str = MODEL_BACKEND, store: type = SessionStore) -> str:
    session = store()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = backend
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return str(session.session_key)


def request_with(key: str | None):
    request = RequestFactory().get("/")
    request.session = SessionStore(key)
    return request


def fields(user) -> dict:
    return {k: v for k, v in user.__dict__.items() if k != "_state"}


def test_the_engine_is_this_store() -> None:
    assert settings.SESSION_ENGINE == "ithaca.accounts.sessions"


def test_it_reads_a_session_django_wrote_and_django_reads_its_sessions() -> None:
    user = UserFactory()
    theirs = signed_in(user, store=DjangoStore)
    mine = signed_in(user)
    assert SessionStore(theirs).load() == DjangoStore(theirs).load()
    assert DjangoStore(mine).load() == SessionStore(mine).load()
    assert SessionStore(mine)[SESSION_KEY] == str(user.pk)


def test_an_expired_or_unknown_session_is_not_found() -> None:
    user = UserFactory()
    key = signed_in(user)
    Session.objects.filter(pk=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    for missing in (key, "x" * 32):
        store = SessionStore(missing)
        assert store.load() == {}
        assert store.session_key is None
    assert SessionStore(None).load() == {}


@pytest.mark.parametrize("backend", [MODEL_BACKEND, ALLAUTH_BACKEND])
def test_the_person_is_the_one_django_reads_in_one_query(
    backend, django_assert_num_queries
) -> None:
    user = UserFactory()
    key = signed_in(user, backend)
    request = request_with(key)
    assert request.session[SESSION_KEY] == str(user.pk)  # the session read first
    with django_assert_num_queries(1):
        mine = _prepared_user(request)
    theirs = auth.get_user(request_with(key))
    assert type(mine) is type(theirs)
    assert fields(mine) == fields(theirs)
    assert mine.is_authenticated


def test_it_is_read_once_per_request(django_assert_num_queries) -> None:
    request = request_with(signed_in(UserFactory()))
    with django_assert_num_queries(2):  # the session, then the person
        first = _cached_user(request)
        assert _cached_user(request) is first


def test_an_inactive_or_deleted_person_is_signed_out_as_django_does() -> None:
    user = UserFactory()
    key = signed_in(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert isinstance(_prepared_user(request_with(key)), AnonymousUser)
    other = UserFactory()
    key = signed_in(other)
    other.delete()
    assert isinstance(_prepared_user(request_with(key)), AnonymousUser)


def test_a_changed_password_ends_the_session() -> None:
    user = UserFactory()
    key = signed_in(user)
    user.set_password("another-pass-word-456")
    user.save(update_fields=["password"])
    request = request_with(key)
    assert isinstance(_prepared_user(request), AnonymousUser)
    assert request.session.is_empty()  # flushed, as Django does
    assert not Session.objects.filter(pk=key).exists()


def test_a_session_signed_with_a_fallback_key_is_kept_and_its_key_changed() -> None:
    with override_settings(SECRET_KEY="an-old-secret-key-" + "x" * 40):
        user = UserFactory()
        key = signed_in(user)
    fallbacks = ["an-old-secret-key-" + "x" * 40]
    with override_settings(SECRET_KEY_FALLBACKS=fallbacks):
        request = request_with(key)
        assert _prepared_user(request).pk == user.pk
        assert request.session.session_key != key
        assert request.session[HASH_SESSION_KEY] == user.get_session_auth_hash()


def test_a_backend_that_is_not_listed_or_a_missing_hash_goes_to_django() -> None:
    user = UserFactory()
    key = signed_in(user, "ithaca.nowhere.Backend")
    assert isinstance(_prepared_user(request_with(key)), AnonymousUser)
    key = signed_in(user)
    Session.objects.filter(pk=key).delete()
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = MODEL_BACKEND
    store.create()  # no hash: Django signs it out
    assert isinstance(_prepared_user(request_with(store.session_key)), AnonymousUser)
    assert isinstance(_prepared_user(request_with(None)), AnonymousUser)


def test_a_signed_in_page_knows_its_person(client) -> None:
    user = UserFactory()
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    assert response.wsgi_request.user.pk == user.pk
