"""Programs that require MFA: their managers and coaches reach their pages only with it."""

from __future__ import annotations

import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from ithaca.accounts.mfa import MfaAdapter, mfa_status
from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching.tests.factories import active_engagement
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory

pytestmark = pytest.mark.django_db
PASSWORD = "pass-word-123"


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()  # used one-time codes and rate limits live here


def web(user) -> Client:
    """A session signed in with the password only."""
    client = Client()
    client.force_login(user)
    return client


def web_with_code(user) -> Client:
    """A session signed in with the password and then a two-factor code."""
    client = web(user)
    session = client.session
    session["account_authentication_methods"] = [{"method": "mfa", "at": time.time()}]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    return client


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def with_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


@pytest.fixture
def strict_program():
    return ProgramFactory(requires_mfa=True, name="Executive coaching")


@pytest.fixture
def manager(strict_program):
    person = UserFactory()
    strict_program.managers.add(person)
    return person


@pytest.mark.parametrize("url", ["/console/", "/audit/", "/mentoring/programs/{slug}/"])
def test_a_manager_without_mfa_is_sent_to_set_it_up(manager, strict_program, url) -> None:
    response = web(manager).get(url.format(slug=strict_program.slug), follow=True)
    assert response.redirect_chain[0] == ("/accounts/2fa/", 302)
    assert "asks for two-factor authentication" in response.content.decode()


def test_a_manager_with_totp_reaches_the_manager_pages(manager, strict_program) -> None:
    with_totp(manager)
    client = web_with_code(manager)
    for url in ("/console/", "/audit/", f"/mentoring/programs/{strict_program.slug}/"):
        assert client.get(url).status_code == 200, url


def test_managers_of_programs_without_the_rule_are_not_asked(manager) -> None:
    other = UserFactory()
    ProgramFactory().managers.add(other)
    assert web(other).get("/console/").status_code == 200


def test_an_active_coach_in_a_strict_program_needs_it_for_the_coaching_workspace() -> None:
    engagement = active_engagement()
    engagement.program.requires_mfa = True
    engagement.program.save()
    response = web(engagement.coach).get(f"/coaching/{engagement.pk}/")
    assert response.status_code == 302 and response["Location"] == "/accounts/2fa/"
    with_totp(engagement.coach)
    assert web_with_code(engagement.coach).get(f"/coaching/{engagement.pk}/").status_code == 200
    # The rule is for people with power in the program: the coachee is not asked.
    assert web(engagement.coachee).get(f"/coaching/{engagement.pk}/").status_code == 200


def test_a_coach_whose_application_is_pending_is_not_asked(strict_program) -> None:
    strict_program.kind, strict_program.mode = "coaching", "executive"
    strict_program.save()
    pending = ParticipationFactory(program=strict_program, role="coach", state="pending")
    assert mfa_status(pending.user) == (False, False)


def test_other_pages_stay_open_so_they_can_set_it_up(manager) -> None:
    client = web(manager)
    for url in ("/", "/intake/new/", "/accounts/2fa/"):
        assert client.get(url).status_code == 200, url


def test_a_manager_sets_up_totp_after_signing_in_and_then_reaches_the_console(
    manager, django_capture_on_commit_callbacks
) -> None:
    _verified(manager)
    client = Client()
    client.post("/accounts/login/", {"login": manager.email, "password": PASSWORD})
    assert client.get("/console/")["Location"] == "/accounts/2fa/"
    # allauth asks for the password again before adding an authenticator.
    assert "/accounts/reauthenticate/" in client.get("/accounts/2fa/totp/activate/")["Location"]
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert client.get("/accounts/2fa/totp/activate/").status_code == 200
    secret = client.session["mfa.totp.secret"]
    # allauth announces the new authenticator once its transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        activated = client.post("/accounts/2fa/totp/activate/", {"code": current_code(secret)})
    assert activated.status_code == 302
    assert Authenticator.objects.filter(user=manager, type="totp").exists()
    assert client.get("/console/").status_code == 200


def test_a_password_only_session_is_asked_to_confirm_with_the_code(manager) -> None:
    with_totp(manager)  # set up in another session
    response = web(manager).get("/console/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/reauthenticate/?next=%2Fconsole%2F"


def test_htmx_requests_are_redirected_by_header(manager) -> None:
    client = Client(headers={"HX-Request": "true"})
    client.force_login(manager)
    response = client.get("/console/")
    assert response.status_code == 204 and response["HX-Redirect"] == "/accounts/2fa/"


def test_the_console_api_answers_403_with_a_reason_in_a_session(manager) -> None:
    client = APIClient()
    client.force_login(manager)
    response = client.get("/api/v1/console/programs/")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "mfa_required"


def test_the_check_costs_one_query(manager, django_assert_num_queries) -> None:
    with django_assert_num_queries(1):
        assert mfa_status(manager) == (True, False)


def _verified(user) -> None:
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


def test_signing_in_with_totp_asks_for_the_code_after_the_password() -> None:
    user = UserFactory()
    _verified(user)
    secret = with_totp(user)
    client = Client()
    step = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert step.status_code == 302 and step["Location"] == "/accounts/2fa/authenticate/"
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200 and "Incorrect code" in wrong.content.decode()
    assert "_auth_user_id" not in client.session
    done = client.post("/accounts/2fa/authenticate/", {"code": current_code(secret)})
    assert done.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_the_api_token_needs_the_code_once_mfa_is_on() -> None:
    user = UserFactory()
    secret = with_totp(user)
    client = APIClient()
    url = "/api/v1/auth/token/"
    missing = client.post(url, {"email": user.email, "password": PASSWORD})
    assert missing.status_code == 400
    assert "add the code" in missing.json()["error"]["fields"]["code"][0]
    wrong = client.post(url, {"email": user.email, "password": PASSWORD, "code": "123456"})
    assert wrong.status_code == 400
    good = client.post(
        url, {"email": user.email, "password": PASSWORD, "code": current_code(secret)}
    )
    assert good.status_code == 200 and good.json()["token"]


def test_the_api_token_takes_a_recovery_code_once() -> None:
    user = UserFactory()
    with_totp(user)
    codes = RecoveryCodes.activate(user).get_unused_codes()
    client = APIClient()
    body = {"email": user.email, "password": PASSWORD, "code": codes[0]}
    assert client.post("/api/v1/auth/token/", body).status_code == 200
    assert client.post("/api/v1/auth/token/", body).status_code == 400


def test_someone_required_to_use_mfa_gets_no_token_before_setting_it_up(manager) -> None:
    response = APIClient().post(
        "/api/v1/auth/token/", {"email": manager.email, "password": PASSWORD}
    )
    assert response.status_code == 400
    assert "Set up two-factor" in response.json()["error"]["fields"]["code"][0]


def test_totp_secrets_are_stored_encrypted_and_survive_a_key_rotation(settings) -> None:
    user = UserFactory()
    secret = with_totp(user)
    stored = Authenticator.objects.get(user=user).data["secret"]
    assert stored.startswith("fernet:") and secret not in stored
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "a-brand-new-key", [old_key]
    assert MfaAdapter().decrypt(stored) == secret
    settings.SECRET_KEY_FALLBACKS = []
    with pytest.raises(ValueError, match="SECRET_KEY_FALLBACKS"):
        MfaAdapter().decrypt(stored)
