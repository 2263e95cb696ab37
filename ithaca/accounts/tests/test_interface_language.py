"""The language Ithaca speaks: the person's profile, else the browser's, else LANGUAGE_CODE;
chosen on the profile page, through the API, or with the switcher on every page."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from ithaca.accounts.models import Profile
from ithaca.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "pass-word-123"


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


def speaking(language: str, **kwargs: object):
    user = UserFactory(**kwargs)
    user.profile.interface_language = language
    user.profile.save(update_fields=["interface_language"])
    return user


def signed_in(user, **headers: str) -> Client:
    client = Client(**headers)
    client.force_login(user)
    return client


def page_language(response) -> str:
    return response.headers["Content-Language"]


# --- Resolution order -----------------------------------------------------------------


def test_an_anonymous_visitor_gets_the_browsers_language() -> None:
    response = Client(HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9").get("/accounts/login/")
    assert page_language(response) == "es"
    assert '<html lang="es">' in response.content.decode()


def test_without_a_known_browser_language_the_site_speaks_language_code() -> None:
    response = Client(HTTP_ACCEPT_LANGUAGE="ja").get("/accounts/login/")
    assert page_language(response) == "en"


def test_the_profiles_language_beats_the_browsers() -> None:
    client = signed_in(speaking("de"), HTTP_ACCEPT_LANGUAGE="fr")
    response = client.get("/me/profile/")
    assert page_language(response) == "de"
    assert '<html lang="de">' in response.content.decode()


def test_an_empty_profile_language_follows_the_browser() -> None:
    client = signed_in(speaking(""), HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.8")
    assert page_language(client.get("/me/profile/")) == "fr"


def test_an_empty_profile_language_and_no_browser_preference_is_language_code() -> None:
    client = signed_in(speaking(""))
    assert page_language(client.get("/me/profile/")) == "en"


def test_a_session_from_before_languages_were_remembered_reads_the_profile_once() -> None:
    user = speaking("es")
    client = signed_in(user)
    session = client.session
    del session["ithaca_language"]
    session.save()
    assert page_language(client.get("/me/profile/")) == "es"
    assert client.session["ithaca_language"] == "es"


def test_a_token_caller_gets_their_profiles_language_and_translated_errors() -> None:
    user = speaking("de")
    key = (
        APIClient()
        .post("/api/v1/auth/token/", {"email": user.email, "password": PASSWORD}, format="json")
        .json()["token"]
    )
    api = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = api.patch("/api/v1/me/profile/", {"interface_language": "xx"}, format="json")
    assert response.status_code == 400
    assert page_language(response) == "de"
    assert "keine gültige" in response.content.decode()  # DRF's own German catalogue
    assert Profile.objects.get(user=user).interface_language == "de"


def test_a_token_caller_without_a_choice_gets_the_browsers_language() -> None:
    user = speaking("")
    key = (
        APIClient()
        .post("/api/v1/auth/token/", {"email": user.email, "password": PASSWORD}, format="json")
        .json()["token"]
    )
    api = APIClient(HTTP_ACCEPT_LANGUAGE="fr")
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert page_language(api.get("/api/v1/me/")) == "fr"


# --- Choosing it ----------------------------------------------------------------------


def test_the_profile_form_saves_the_language_and_the_next_page_speaks_it() -> None:
    user = speaking("")
    client = signed_in(user)
    response = client.post(
        "/me/profile/basics/",
        {"time_zone": "UTC", "languages": "", "interface_language": "fr"},
    )
    assert response.status_code == 302
    assert Profile.objects.get(user=user).interface_language == "fr"
    assert page_language(client.get("/me/profile/")) == "fr"


def test_the_profile_form_offers_following_the_browser() -> None:
    page = signed_in(speaking("")).get("/me/profile/").content.decode()
    assert 'name="interface_language"' in page
    assert '<option value="" selected>Same as my browser</option>' in page


def test_an_unknown_language_on_the_form_is_an_error_and_changes_nothing() -> None:
    user = speaking("es")
    client = signed_in(user)
    response = client.post(
        "/me/profile/basics/",
        {"time_zone": "UTC", "languages": "", "interface_language": "klingon"},
    )
    assert response.status_code == 400
    assert "Escoja una opción válida" in response.content.decode()  # in Spanish, as chosen
    assert Profile.objects.get(user=user).interface_language == "es"


def test_the_api_shows_and_changes_the_language() -> None:
    user = speaking("")
    api = APIClient()
    api.force_authenticate(user)
    assert api.get("/api/v1/me/profile/").json()["interface_language"] == ""
    response = api.patch("/api/v1/me/profile/", {"interface_language": "es"}, format="json")
    assert response.status_code == 200
    assert response.json()["interface_language"] == "es"
    assert api.get("/api/v1/me/").json()["profile"]["interface_language"] == "es"


def test_an_unknown_language_through_the_api_is_a_400_and_changes_nothing() -> None:
    user = speaking("fr")
    api = APIClient()
    api.force_authenticate(user)
    response = api.patch("/api/v1/me/profile/", {"interface_language": "tlh"}, format="json")
    assert response.status_code == 400
    assert "interface_language" in response.content.decode()
    assert Profile.objects.get(user=user).interface_language == "fr"


def test_the_service_refuses_a_language_outside_the_list() -> None:
    from ithaca.accounts.profiles import profile_update
    from ithaca.core.errors import DomainError

    user = speaking("")
    with pytest.raises(DomainError) as refused:
        profile_update(user=user, interface_language="pt")
    assert refused.value.field == "interface_language"


# --- The switcher ---------------------------------------------------------------------


def test_every_page_has_the_switcher_for_visitors_too() -> None:
    page = Client().get("/accounts/login/").content.decode()
    assert 'action="/i18n/setlang/"' in page
    assert '<option value="de" lang="de">Deutsch</option>' in page


def test_a_visitor_switches_with_a_cookie() -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = client.post("/i18n/setlang/", {"language": "de", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/accounts/login/"
    assert page_language(client.get("/accounts/login/")) == "de"


def test_a_signed_in_person_switching_saves_their_profile() -> None:
    user = speaking("")
    client = signed_in(user)
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/me/profile/"})
    assert response.status_code == 302
    assert Profile.objects.get(user=user).interface_language == "es"
    # The profile now beats the cookie: a fresh sign-in elsewhere speaks Spanish too.
    assert page_language(signed_in(user, HTTP_ACCEPT_LANGUAGE="fr").get("/me/profile/")) == "es"


def test_switching_to_an_unknown_language_changes_nothing() -> None:
    user = speaking("fr")
    client = signed_in(user)
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/me/profile/"})
    assert response.status_code == 302
    assert Profile.objects.get(user=user).interface_language == "fr"
    assert page_language(client.get("/me/profile/")) == "fr"


def test_the_switcher_answers_only_post() -> None:
    assert Client().get("/i18n/setlang/").status_code == 405


def test_the_switcher_does_not_redirect_off_site() -> None:
    response = Client().post("/i18n/setlang/", {"language": "fr", "next": "https://evil.example"})
    assert response.headers["Location"] == "/"


def test_changing_the_language_with_htmx_reloads_the_page_in_it() -> None:
    client = signed_in(speaking(""))
    fields = {"time_zone": "UTC", "languages": "", "interface_language": "de"}
    changed = client.post("/me/profile/basics/", fields, HTTP_HX_REQUEST="true")
    assert changed.status_code == 200 and changed.headers["HX-Refresh"] == "true"
    again = client.post("/me/profile/basics/", fields, HTTP_HX_REQUEST="true")
    assert "HX-Refresh" not in again.headers
