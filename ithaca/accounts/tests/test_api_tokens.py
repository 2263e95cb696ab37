"""API tokens are stored hashed, expire, are listed and revoked by their owner, die with the
password or MFA; a program's MFA requirement holds on every endpoint, whatever the credential."""

from __future__ import annotations

import hashlib
import time
from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from ithaca.accounts.models import ApiToken
from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching.tests.factories import active_engagement
from ithaca.programs.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db
PASSWORD = "pass-word-123"


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


def bearer(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def exchange(user, code: str = "") -> dict:
    response = APIClient().post(
        "/api/v1/auth/token/",
        {"email": user.email, "password": PASSWORD, "code": code, "name": "My script"},
        format="json",
    )
    assert response.status_code == 200, response.content
    return response.json()


def with_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


# --- Storage, expiry, list and revoke -------------------------------------------------


def test_only_a_hash_of_the_key_is_stored() -> None:
    user = UserFactory()
    key = exchange(user)["token"]
    token = ApiToken.objects.get(user=user)
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    stored = [str(value) for value in ApiToken.objects.values_list().get()]
    assert key not in stored
    assert bearer(key).get("/api/v1/me/").json()["email"] == user.email


def test_each_exchange_issues_a_new_token_that_expires(settings) -> None:
    settings.ITHACA_API_TOKEN_DAYS = 7
    user = UserFactory()
    first, second = exchange(user), exchange(user)
    assert first["token"] != second["token"]
    token = ApiToken.objects.get(pk=first["id"])
    assert token.expires_at - token.created_at == timedelta(days=7)


def test_an_expired_token_is_refused() -> None:
    user = UserFactory()
    key = exchange(user)["token"]
    now = timezone.now()
    ApiToken.objects.filter(user=user).update(
        created_at=now - timedelta(days=31), expires_at=now - timedelta(seconds=1)
    )
    response = bearer(key).get("/api/v1/me/")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_failed"


def test_the_owner_lists_their_tokens_and_nobody_elses() -> None:
    user, other = UserFactory(), UserFactory()
    mine, theirs = exchange(user), exchange(other)
    listed = bearer(mine["token"]).get("/api/v1/auth/tokens/").json()
    assert [row["id"] for row in listed] == [mine["id"]]
    assert listed[0]["status"] == "active" and listed[0]["name"] == "My script"
    assert theirs["id"] not in [row["id"] for row in listed]
    assert "token" not in listed[0] and "key_hash" not in listed[0]


def test_the_owner_revokes_a_token_and_it_stops_working() -> None:
    user = UserFactory()
    keep, drop = exchange(user), exchange(user)
    client = bearer(keep["token"])
    assert client.delete(f"/api/v1/auth/tokens/{drop['id']}/").status_code == 204
    assert bearer(drop["token"]).get("/api/v1/me/").status_code == 401
    assert client.get("/api/v1/me/").status_code == 200
    statuses = {row["id"]: row["status"] for row in client.get("/api/v1/auth/tokens/").json()}
    assert statuses == {keep["id"]: "active", drop["id"]: "revoked"}


def test_nobody_revokes_another_persons_token() -> None:
    owner, other = UserFactory(), UserFactory()
    theirs = exchange(owner)
    response = bearer(exchange(other)["token"]).delete(f"/api/v1/auth/tokens/{theirs['id']}/")
    assert response.status_code == 404
    assert bearer(theirs["token"]).get("/api/v1/me/").status_code == 200


def test_the_tokens_page_lists_and_revokes_your_own() -> None:
    user, other = UserFactory(), UserFactory()
    mine, theirs = exchange(user), exchange(other)
    web = Client()
    web.force_login(user)
    page = web.get("/accounts/tokens/").content.decode()
    assert ApiToken.objects.get(pk=mine["id"]).prefix in page
    assert ApiToken.objects.get(pk=theirs["id"]).prefix not in page
    assert web.post(f"/accounts/tokens/{theirs['id']}/revoke/").status_code == 404
    assert web.post(f"/accounts/tokens/{mine['id']}/revoke/").status_code == 302
    assert bearer(mine["token"]).get("/api/v1/me/").status_code == 401
    assert bearer(theirs["token"]).get("/api/v1/me/").status_code == 200
    assert web.get("/accounts/tokens/").status_code == 200


def test_changing_the_password_anywhere_revokes_every_token() -> None:
    user = UserFactory()
    key = exchange(user)["token"]
    user.set_password("a-new-pass-word-456")  # as the admin or a reset would
    user.save()
    assert bearer(key).get("/api/v1/me/").status_code == 401
    web = Client()
    web.force_login(user)
    assert "your password or two-factor" in web.get("/accounts/tokens/").content.decode()


def test_resetting_mfa_revokes_every_token() -> None:
    user = UserFactory()
    secret = with_totp(user)
    key = exchange(user, current_code(secret))["token"]
    assert bearer(key).get("/api/v1/me/").status_code == 200
    Authenticator.objects.filter(user=user).delete()  # the admin's MFA reset
    assert bearer(key).get("/api/v1/me/").status_code == 401


def test_a_token_its_owner_and_what_the_request_asks_of_them_are_one_query(
    django_assert_num_queries,
) -> None:
    # The token, its owner, the MFA rule's status and their language are read together;
    # the list's page is the other query (the token's use is recorded by the first call).
    user = UserFactory()
    user.profile.interface_language = "fr"
    user.profile.save()
    client = bearer(exchange(user)["token"])
    client.get("/api/v1/me/")
    with django_assert_num_queries(2):
        response = client.get("/api/v1/relationships/")
    assert response.status_code == 200 and response.headers["Content-Language"] == "fr"


def test_with_an_authenticator_its_ids_are_read_for_the_stamp(django_assert_num_queries) -> None:
    user = UserFactory()
    client = bearer(exchange(user, current_code(with_totp(user)))["token"])
    client.get("/api/v1/me/")
    with django_assert_num_queries(3):  # the token and the rest, the stamp's ids, the page
        assert client.get("/api/v1/relationships/").status_code == 200


def test_an_unknown_key_is_refused_with_the_error_shape() -> None:
    response = bearer("ith_not-a-real-key").get("/api/v1/me/")
    assert response.status_code == 401 and response.json()["error"]["status"] == 401


# --- The MFA requirement holds for the API ---------------------------------------------


@pytest.fixture
def engagement():
    return active_engagement()


def strict(program) -> None:
    program.requires_mfa = True
    program.save()


def protected_urls(engagement) -> list[str]:
    slug = engagement.program.slug
    return [
        "/api/v1/engagements/",
        f"/api/v1/engagements/{engagement.pk}/",
        f"/api/v1/coaching/engagements/{engagement.pk}/sessions/",
        f"/api/v1/coaching/engagements/{engagement.pk}/goals/",
        "/api/v1/relationships/",
        "/api/v1/programs/",
        "/api/v1/console/programs/",
        f"/api/v1/matching/programs/{slug}/rounds/",
        "/api/v1/analytics/figures/",
    ]


def test_a_token_issued_before_the_requirement_reaches_nothing_it_protects(engagement) -> None:
    manager = UserFactory()
    engagement.program.managers.add(manager)
    client = bearer(exchange(manager)["token"])
    assert client.get("/api/v1/console/programs/").status_code == 200
    strict(engagement.program)
    for url in protected_urls(engagement):
        response = client.get(url)
        assert response.status_code == 403, url
        assert response.json()["error"]["code"] == "mfa_required", url
    # Their own account stays open, so they can see and revoke their tokens.
    assert client.get("/api/v1/me/").status_code == 200
    assert client.get("/api/v1/auth/tokens/").status_code == 200


def test_a_coachs_old_token_no_longer_reads_the_engagement(engagement) -> None:
    client = bearer(exchange(engagement.coach)["token"])
    assert client.get(f"/api/v1/engagements/{engagement.pk}/").status_code == 200
    strict(engagement.program)
    assert client.get(f"/api/v1/engagements/{engagement.pk}/").status_code == 403


def test_a_token_issued_with_a_code_reaches_what_the_requirement_protects(engagement) -> None:
    manager = UserFactory()
    engagement.program.managers.add(manager)
    strict(engagement.program)
    secret = with_totp(manager)
    body = exchange(manager, current_code(secret))
    assert body["mfa_verified"] is True
    client = bearer(body["token"])
    for url in protected_urls(engagement):
        response = client.get(url)
        refused = response.status_code == 403 and response.json()["error"]["code"]
        assert refused != "mfa_required", url


def test_a_token_issued_before_mfa_was_set_up_is_superseded_by_setting_it_up(engagement) -> None:
    manager = UserFactory()
    engagement.program.managers.add(manager)
    old = exchange(manager)["token"]
    strict(engagement.program)
    with_totp(manager)
    assert bearer(old).get("/api/v1/console/programs/").status_code == 401


def test_a_password_only_session_is_refused_by_the_api(engagement) -> None:
    manager = UserFactory()
    engagement.program.managers.add(manager)
    strict(engagement.program)
    with_totp(manager)  # set up elsewhere; this session never gave a code
    client = APIClient()
    client.force_login(manager)
    response = client.get("/api/v1/engagements/")
    assert response.status_code == 403
    assert "two-factor code" in response.json()["error"]["message"]


def test_people_no_program_asks_keep_their_plain_tokens(engagement) -> None:
    client = bearer(exchange(engagement.coachee)["token"])
    strict(engagement.program)  # the rule is for managers and coaches
    assert client.get(f"/api/v1/engagements/{engagement.pk}/").status_code == 200
    other = bearer(exchange(UserFactory())["token"])
    assert other.get("/api/v1/programs/").status_code == 200


def test_any_page_beyond_the_account_needs_the_code_too(engagement) -> None:
    ProgramFactory()
    coach = engagement.coach
    strict(engagement.program)
    with_totp(coach)
    web = Client()
    web.force_login(coach)  # a password-only session
    slug = engagement.program.slug
    for url in ("/programs/", f"/programs/{slug}/", f"/coaching/{engagement.pk}/"):
        response = web.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/2fa/reauthenticate/"), url
    assert web.get("/accounts/tokens/").status_code == 200
    assert web.get("/").status_code == 200
