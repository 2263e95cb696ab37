"""SAML 2.0 sign-in end to end, against the test identity provider in idp.py.

The browser's steps are played by the test client: press the button, follow the
redirect to the IdP, let the IdP answer, post its answer to Ithaca's ACS.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.core.cache import cache
from django.test import Client

from ithaca.accounts.models import Profile, User
from ithaca.accounts.tests.factories import DepartmentFactory, UserFactory
from ithaca.audit.models import Action, AuditEvent
from ithaca.sso.envconfig import saml_app
from ithaca.sso.models import ConsumedAssertion
from ithaca.sso.tests.idp import LocalIdP, Request, make_key_pair

pytestmark = pytest.mark.django_db
EMAIL = "ada.lovelace@northwind.example"
ATTRIBUTES = {
    "firstName": "Ada",
    "lastName": "Lovelace",
    "department": "Analytical Engines",
    "title": "Principal engineer",
}
HOST = "ithaca.test"  # python3-saml refuses single-label hosts such as "testserver"


@pytest.fixture(autouse=True)
def _fresh_cache(settings) -> None:
    cache.clear()
    settings.ALLOWED_HOSTS = [HOST]


def browser() -> Client:
    return Client(HTTP_HOST=HOST)


@pytest.fixture
def idp() -> LocalIdP:
    return LocalIdP()


@pytest.fixture
def configured(settings, idp: LocalIdP) -> LocalIdP:
    """The IdP set up through the environment variables, as an operator would."""
    app = saml_app(
        {
            "SAML_IDP_ENTITY_ID": idp.entity_id,
            "SAML_IDP_SSO_URL": idp.sso_url,
            "SAML_IDP_X509CERT": idp.cert_body,
            "SAML_ORGANIZATION": "northwind",
            "SAML_NAME": "Northwind SAML",
        }
    )
    settings.SOCIALACCOUNT_PROVIDERS = {"saml": {"APPS": [app]}}
    return idp


def start(client: Client, idp: LocalIdP) -> Request:
    """Press the sign-in button; the IdP reads the request the browser carries to it."""
    response = client.post("/accounts/saml/northwind/login/")
    assert response.status_code == 302
    assert response["Location"].startswith(idp.sso_url + "?SAMLRequest=")
    return idp.read_request(response["Location"])


def post_to_acs(client: Client, request: Request, saml_response: str):
    posted = client.post(
        request.acs_url, {"SAMLResponse": saml_response, "RelayState": request.relay_state}
    )
    assert posted.status_code == 302  # allauth's ACS stores the answer, then finishes
    return client.get(posted["Location"])


def sign_in(client: Client, idp: LocalIdP, **options: Any):
    request = start(client, idp)
    options.setdefault("attributes", ATTRIBUTES)
    return post_to_acs(client, request, idp.response(request, email=EMAIL, **options))


def refused_events() -> list[str]:
    return list(
        AuditEvent.objects.filter(action=Action.SSO_SIGN_IN_REFUSED).values_list(
            "summary", flat=True
        )
    )


def test_the_login_page_offers_the_saml_provider(configured) -> None:
    content = browser().get("/accounts/login/").content.decode()
    assert "Northwind SAML" in content and "/accounts/saml/northwind/login/" in content


def test_the_sp_metadata_names_the_acs_for_the_idp_administrator(configured) -> None:
    response = browser().get("/accounts/saml/northwind/metadata/")
    assert response.status_code == 200
    assert b"http://ithaca.test/accounts/saml/northwind/acs/" in response.content


def test_a_new_person_is_created_just_in_time_with_their_directory_details(configured) -> None:
    client = browser()
    response = sign_in(client, configured)
    assert response.status_code == 302 and response["Location"] == "/"
    user = User.objects.get(email=EMAIL)
    assert client.session["_auth_user_id"] == str(user.pk)
    assert (user.first_name, user.last_name) == ("Ada", "Lovelace")
    profile = Profile.objects.select_related("department").get(user=user)
    assert profile.job_title == "Principal engineer"
    assert profile.department.name == "Analytical Engines"
    assert EmailAddress.objects.get(user=user).verified
    assert SocialAccount.objects.get(user=user, provider="saml")
    event = AuditEvent.objects.get(action=Action.SSO_SIGN_IN)
    assert event.subject_id == user.pk and "Account created" in event.summary


def test_an_existing_person_signs_in_to_their_account_and_their_title_follows_the_idp(
    configured,
) -> None:
    person = UserFactory(email=EMAIL)
    EmailAddress.objects.create(user=person, email=EMAIL, verified=True, primary=True)
    DepartmentFactory(name="Analytical Engines", slug="engines")
    client = browser()
    assert sign_in(client, configured).status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)
    assert User.objects.filter(email=EMAIL).count() == 1
    # the second sign-in goes through pre_social_login (an existing social account)
    client.logout()
    assert (
        sign_in(client, configured, attributes={**ATTRIBUTES, "title": "Fellow"}).status_code == 302
    )
    profile = Profile.objects.select_related("department").get(user=person)
    assert profile.job_title == "Fellow" and profile.department.slug == "engines"
    assert AuditEvent.objects.filter(action=Action.SSO_SIGN_IN, subject_id=person.pk).count() == 2


def test_with_just_in_time_creation_off_a_stranger_gets_no_account(settings, configured) -> None:
    settings.SOCIALACCOUNT_PROVIDERS["saml"]["APPS"][0]["settings"]["signup"] = False
    client = browser()
    response = sign_in(client, configured)
    assert not User.objects.filter(email=EMAIL).exists()
    assert "_auth_user_id" not in client.session
    assert response.status_code in {200, 302}


def test_an_unsigned_assertion_is_refused_with_a_clear_page(configured) -> None:
    client = browser()
    response = sign_in(client, configured, signed=False)
    assert response.status_code == 403
    assert "The sign-in was not signed" in response.content.decode()
    assert not User.objects.exists() and "_auth_user_id" not in client.session
    [summary] = refused_events()
    assert "unsigned" in summary


def test_an_assertion_signed_by_another_key_is_refused_as_unsigned(configured) -> None:
    key, cert = make_key_pair("Impostor")
    response = sign_in(browser(), configured, key=key, cert=cert)
    assert response.status_code == 403
    assert "The sign-in was not signed" in response.content.decode()
    assert not User.objects.exists()


def test_an_expired_assertion_is_refused(configured) -> None:
    issued = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)
    response = sign_in(browser(), configured, issued=issued)
    assert response.status_code == 403
    assert "The sign-in has expired" in response.content.decode()
    assert not User.objects.exists()
    assert "expired" in refused_events()[0]


def test_an_assertion_for_another_audience_is_refused(configured) -> None:
    response = sign_in(browser(), configured, audience="https://other-app.example/saml")
    assert response.status_code == 403
    assert "meant for another service" in response.content.decode()
    assert not User.objects.exists()
    assert "audience" in refused_events()[0]


def test_a_replayed_assertion_is_refused(configured) -> None:
    first = browser()
    request = start(first, configured)
    saml_response = configured.response(request, email=EMAIL, attributes=ATTRIBUTES)
    assert post_to_acs(first, request, saml_response).status_code == 302
    assert ConsumedAssertion.objects.count() == 1

    # An attacker who captured the POST sends it again from another browser.
    thief = browser()
    response = post_to_acs(thief, request, saml_response)
    assert response.status_code == 403
    assert "already used" in response.content.decode()
    assert "_auth_user_id" not in thief.session
    assert "replayed" in refused_events()[0]


def test_a_garbled_response_is_refused_not_a_500(configured) -> None:
    client = browser()
    request = start(client, configured)
    response = post_to_acs(client, request, "bm90IHhtbA==")  # "not xml"
    assert response.status_code == 403
    assert not User.objects.exists()


def test_the_idp_can_be_configured_from_its_metadata_url(settings, idp: LocalIdP) -> None:
    with idp.serve_metadata() as url:
        app = saml_app(
            {
                "SAML_IDP_ENTITY_ID": idp.entity_id,
                "SAML_IDP_METADATA_URL": url,
                "SAML_ORGANIZATION": "northwind",
            }
        )
        settings.SOCIALACCOUNT_PROVIDERS = {"saml": {"APPS": [app]}}
        assert sign_in(browser(), idp).status_code == 302
    assert User.objects.filter(email=EMAIL).exists()


def test_the_idp_can_be_configured_in_the_admin(settings, idp: LocalIdP) -> None:
    from allauth.socialaccount.models import SocialApp

    settings.SOCIALACCOUNT_PROVIDERS = {}
    SocialApp.objects.create(
        provider="saml",
        provider_id="saml",
        name="Northwind (admin)",
        client_id="northwind",
        settings={
            "idp": {"entity_id": idp.entity_id, "sso_url": idp.sso_url, "x509cert": idp.cert_body},
            "attribute_mapping": {"email": "email", "job_title": "title"},
            "advanced": {"want_assertion_signed": True},
        },
    )
    assert sign_in(browser(), idp).status_code == 302
    assert Profile.objects.get(user__email=EMAIL).job_title == "Principal engineer"


def test_forgetting_expired_replay_records_keeps_the_live_ones() -> None:
    from ithaca.sso.services import assertion_consume, assertions_forget_expired

    now = dt.datetime.now(dt.UTC)
    assert assertion_consume(issuer="i", assertion_id="old", not_on_or_after=now - dt.timedelta(1))
    assert assertion_consume(issuer="i", assertion_id="new", not_on_or_after=now + dt.timedelta(1))
    assert not assertion_consume(issuer="i", assertion_id="new", not_on_or_after=None)
    assert assertions_forget_expired(now=now) == 1
    assert list(ConsumedAssertion.objects.values_list("assertion_id", flat=True)) == ["new"]
