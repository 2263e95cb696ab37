"""Single sign-on through OpenID Connect, against a stub provider running in the test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.core.cache import cache
from django.test import Client

from ithaca.accounts.models import Profile, User
from ithaca.accounts.tests import oidc_stub
from ithaca.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]
PERSON = {
    "sub": "emp-1001",
    "email": "grace.hopper@northwind.example",
    "email_verified": True,
    "given_name": "Grace",
    "family_name": "Hopper",
}


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


@pytest.fixture
def provider(settings):
    with oidc_stub.running(dict(PERSON)) as stub:
        settings.SOCIALACCOUNT_PROVIDERS = {
            "openid_connect": {
                "OAUTH_PKCE_ENABLED": True,
                "APPS": [
                    {
                        "provider_id": "northwind",
                        "name": "Northwind SSO",
                        "client_id": oidc_stub.CLIENT_ID,
                        "secret": oidc_stub.CLIENT_SECRET,
                        "settings": {"server_url": stub.base},
                    }
                ],
            }
        }
        yield stub


def sign_in(client: Client, stub: oidc_stub.Stub):
    """Press the SSO button, then come back from the provider as its login page would."""
    started = client.post("/accounts/oidc/northwind/login/")
    assert started.status_code == 302
    location = urlparse(started["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{stub.base}/authorize"
    query = parse_qs(location.query)
    assert query["code_challenge_method"] == ["S256"]
    return client.get(
        "/accounts/oidc/northwind/login/callback/",
        {"code": oidc_stub.CODE, "state": query["state"][0]},
    )


def test_the_login_page_offers_the_provider_when_it_is_configured(provider) -> None:
    content = Client().get("/accounts/login/").content.decode()
    assert "Northwind SSO" in content and "/accounts/oidc/northwind/login/" in content


def test_without_configuration_the_login_page_has_no_sso_button(settings) -> None:
    assert settings.SOCIALACCOUNT_PROVIDERS == {}
    content = Client().get("/accounts/login/").content.decode()
    assert "/accounts/oidc/" not in content


def test_a_new_person_gets_an_account_with_a_verified_address_and_a_profile(provider) -> None:
    client = Client()
    response = sign_in(client, provider)
    assert response.status_code == 302 and response["Location"] == "/"
    user = User.objects.get(email=PERSON["email"])
    assert (user.first_name, user.last_name) == ("Grace", "Hopper")
    assert EmailAddress.objects.get(user=user).verified
    assert Profile.objects.filter(user=user).exists()
    assert SocialAccount.objects.get(user=user).uid == "emp-1001"
    assert client.session["_auth_user_id"] == str(user.pk)
    [token_request] = provider.token_requests
    assert token_request["redirect_uri"] == [
        "http://testserver/accounts/oidc/northwind/login/callback/"
    ]


def test_an_invited_person_signing_in_lands_in_the_account_made_for_them(provider) -> None:
    invited = UserFactory(email=PERSON["email"])
    EmailAddress.objects.create(user=invited, email=invited.email, verified=True, primary=True)
    client = Client()
    assert sign_in(client, provider).status_code == 302
    assert User.objects.filter(email=PERSON["email"]).count() == 1
    assert client.session["_auth_user_id"] == str(invited.pk)


def test_a_wrong_code_signs_nobody_in(provider) -> None:
    client = Client()
    started = client.post("/accounts/oidc/northwind/login/")
    state = parse_qs(urlparse(started["Location"]).query)["state"][0]
    response = client.get(
        "/accounts/oidc/northwind/login/callback/", {"code": "forged", "state": state}
    )
    assert "_auth_user_id" not in client.session
    assert "Third-Party Login Failure" in response.content.decode()
    assert not User.objects.filter(email=PERSON["email"]).exists()


def test_with_sso_sign_up_off_only_existing_accounts_may_sign_in(provider, settings) -> None:
    settings.ITHACA_SSO_SIGNUP = False
    client = Client()
    response = sign_in(client, provider)
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email=PERSON["email"]).exists()
    assert "the sign up is currently closed" in response.content.decode()


def test_a_half_configured_provider_stops_start_up_with_a_message() -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG"}}
    env.update(SECRET_KEY="x" * 50, OIDC_SERVER_URL="https://id.example.org")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "set OIDC_CLIENT_ID and OIDC_CLIENT_SECRET" in result.stderr


def test_an_address_the_provider_has_not_verified_never_opens_an_existing_account(
    provider,
) -> None:
    invited = UserFactory(email=PERSON["email"])
    EmailAddress.objects.create(user=invited, email=invited.email, verified=True, primary=True)
    provider.person["email_verified"] = False
    client = Client()
    sign_in(client, provider)
    assert client.session.get("_auth_user_id") != str(invited.pk)
    assert not SocialAccount.objects.filter(user=invited).exists()
