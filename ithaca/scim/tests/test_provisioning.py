"""Provisioning through /scim/v2/: what an identity provider does, and what Ithaca makes of it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ithaca.accounts.models import Department, Profile, User
from ithaca.accounts.tests.factories import UserFactory
from ithaca.audit.models import Action, AuditEvent
from ithaca.mentoring.tests.factories import active_relationship
from ithaca.programs.models import Participation
from ithaca.programs.tests.factories import ProgramFactory
from ithaca.scim.models import ScimClient, ScimGroup, ScimUser
from ithaca.scim.services import scim_client_revoke, scim_client_token_issue
from ithaca.scim.tests.conftest import ENTERPRISE, ERROR, PATCH, Scim, user_body
from ithaca.scim.tokens import digest

pytestmark = pytest.mark.django_db


def create(scim: Scim, user_name: str = "ada@northwind.example", **extra) -> dict:
    response = scim("POST", "Users", user_body(user_name, **extra))
    assert response.status_code == 201, response.content
    return response.json()


def patch(scim: Scim, path: str, *operations: dict, **headers: str):
    return scim("PATCH", path, {"schemas": [PATCH], "Operations": list(operations)}, **headers)


# --- Tokens ---------------------------------------------------------------------


def test_a_token_is_kept_only_as_its_digest(idp_client) -> None:
    stored = ScimClient.objects.get(pk=idp_client.pk)
    assert stored.token_digest == digest(idp_client.token)
    assert idp_client.token not in (stored.token_digest, stored.token_prefix)
    assert idp_client.token.startswith(stored.token_prefix)


@pytest.mark.parametrize("token", ["", "wrong-token"])
def test_a_request_without_a_valid_token_is_told_401_in_scim_s_error_shape(scim, token) -> None:
    response = scim("GET", "Users", token=token)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    body = response.json()
    assert body["schemas"] == [ERROR] and body["status"] == "401"


def test_a_revoked_token_writes_nothing(scim, idp_client) -> None:
    scim_client_revoke(client=idp_client)
    response = scim("POST", "Users", user_body())
    assert response.status_code == 401 and response.json()["schemas"] == [ERROR]
    assert not User.objects.exists()


def test_each_identity_provider_has_its_own_token(scim) -> None:
    other = ScimClient(name="Entra ID")
    token = scim_client_token_issue(client=other)
    create(Scim(token))
    assert ScimUser.objects.get().client == other


def test_the_service_provider_config_needs_no_token_and_announces_etags(scim) -> None:
    body = scim("GET", "ServiceProviderConfig", token="").json()
    assert body["etag"]["supported"] and body["patch"]["supported"]
    assert not body["bulk"]["supported"]
    assert body["authenticationSchemes"][0]["type"] == "oauthbearertoken"


def test_schemas_and_resource_types_are_published(scim) -> None:
    types = scim("GET", "ResourceTypes").json()
    assert {t["name"] for t in types["Resources"]} == {"User", "Group"}
    schemas = scim("GET", "Schemas").json()
    assert ENTERPRISE in {s["id"] for s in schemas["Resources"]}


# --- Users ----------------------------------------------------------------------


def test_a_provisioned_person_gets_an_account_ready_for_single_sign_on(scim) -> None:
    body = create(scim)
    user = User.objects.get(email="ada@northwind.example")
    assert body["id"] == str(user.pk) and (user.first_name, user.last_name) == ("Ada", "Lovelace")
    assert user.emailaddress_set.get().verified
    assert not user.has_usable_password()
    profile = Profile.objects.select_related("department").get(user=user)
    assert profile.job_title == "Engineer" and profile.department.name == "Engines"
    assert body[ENTERPRISE]["department"] == "Engines"
    event = AuditEvent.objects.get(action=Action.PROVISIONING)
    assert event.subject_id == user.pk and "Okta" in event.summary


def test_filters_on_user_name_and_external_id_find_the_person(scim) -> None:
    created = create(scim)
    create(scim, "grace@northwind.example")
    for query in (
        'userName eq "ADA@northwind.example"',
        'externalId eq "ext-ada@northwind.example"',
    ):
        response = scim("GET", f"Users?filter={query}")
        body = response.json()
        assert body["totalResults"] == 1, query
        assert body["Resources"][0]["id"] == created["id"]


def test_an_existing_account_is_found_by_its_address_before_it_is_provisioned(scim) -> None:
    person = UserFactory(email="hopper@northwind.example")
    body = scim("GET", 'Users?filter=userName eq "hopper@northwind.example"').json()
    assert [r["id"] for r in body["Resources"]] == [str(person.pk)]
    assert body["Resources"][0]["emails"] == [{"value": person.email, "primary": True}]


def test_other_filters_are_evaluated_by_the_library(scim) -> None:
    create(scim)
    create(scim, "grace@northwind.example")
    body = scim("GET", 'Users?filter=name.givenName eq "Ada" and userName sw "grace"').json()
    assert body["totalResults"] == 1


def test_users_are_paged_with_start_index_and_count_in_few_queries(scim) -> None:
    for n in range(5):
        create(scim, f"person{n}@northwind.example")
    with CaptureQueriesContext(connection) as queries:
        body = scim("GET", "Users?startIndex=2&count=2").json()
    assert (body["totalResults"], body["startIndex"], body["itemsPerPage"]) == (5, 2, 2)
    assert [r["userName"] for r in body["Resources"]] == [
        "person1@northwind.example",
        "person2@northwind.example",
    ]
    # token, last use, count, one page query, savepoints: the same for any page size
    assert len(queries) <= 8
    with CaptureQueriesContext(connection) as larger:
        assert len(scim("GET", "Users?count=5").json()["Resources"]) == 5
    assert len(larger) == len(queries)


def test_superusers_are_out_of_reach_of_provisioning(scim) -> None:
    admin = User.objects.create_superuser("root@northwind.example", "x")
    assert scim("GET", f"Users/{admin.pk}").status_code == 404
    assert scim("GET", "Users").json()["totalResults"] == 0


def test_patch_changes_the_account_and_the_etag(scim) -> None:
    created = create(scim)
    response = patch(
        scim,
        f"Users/{created['id']}",
        {"op": "replace", "path": "name.givenName", "value": "Augusta"},
        {"op": "replace", "path": "title", "value": "Countess"},
    )
    assert response.status_code in {200, 204}, response.content
    now = scim("GET", f"Users/{created['id']}")
    assert now["ETag"] == now.json()["meta"]["version"] != created["meta"]["version"]
    user = User.objects.get(pk=created["id"])
    assert user.first_name == "Augusta" and user.profile.job_title == "Countess"


def test_a_write_with_a_stale_etag_is_refused_412_and_changes_nothing(scim) -> None:
    created = create(scim)
    patch(scim, f"Users/{created['id']}", {"op": "replace", "path": "title", "value": "Fellow"})
    response = patch(
        scim,
        f"Users/{created['id']}",
        {"op": "replace", "path": "title", "value": "Stale"},
        if_match=created["meta"]["version"],
    )
    assert response.status_code == 412 and response.json()["schemas"] == [ERROR]
    assert Profile.objects.get(user_id=created["id"]).job_title == "Fellow"


def test_a_get_with_the_current_etag_is_not_modified(scim) -> None:
    created = create(scim)
    response = scim("GET", f"Users/{created['id']}", if_none_match=created["meta"]["version"])
    assert response.status_code == 304


def test_a_person_without_an_address_gets_a_placeholder_no_mail_server_accepts(scim) -> None:
    body = user_body("emp-4711")
    del body["emails"]
    response = scim("POST", "Users", body)
    assert response.status_code == 201
    user = User.objects.get(pk=response.json()["id"])
    assert user.email.endswith("@provisioned.invalid")
    assert "emails" not in response.json()


# --- Leaving ------------------------------------------------------------------


def test_a_deactivated_person_cannot_sign_in_and_has_left(scim, client) -> None:
    created = create(scim)
    user = User.objects.get(pk=created["id"])
    user.set_password("pass-word-123")
    user.save()
    response = patch(
        scim, f"Users/{created['id']}", {"op": "replace", "path": "active", "value": False}
    )
    assert response.status_code in {200, 204}
    assert scim("GET", f"Users/{created['id']}").json()["active"] is False
    user.refresh_from_db()
    assert not user.is_active
    assert user.profile.left_on == timezone.localdate()
    assert not client.login(email=user.email, password="pass-word-123")
    assert AuditEvent.objects.filter(action=Action.DEPROVISIONING, subject_id=user.pk).exists()


def test_a_signed_in_person_is_signed_out_once_deactivated(scim, client) -> None:
    created = create(scim)
    user = User.objects.get(pk=created["id"])
    client.force_login(user)
    assert client.get("/").wsgi_request.user == user
    patch(scim, f"Users/{created['id']}", {"op": "replace", "path": "active", "value": False})
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_program_managers_are_told_which_relationships_lost_the_person(
    scim, django_capture_on_commit_callbacks
) -> None:
    manager = UserFactory(email="manager@northwind.example")
    relationship = active_relationship()
    relationship.program.managers.add(manager)
    mentee = relationship.mentee
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = patch(
            scim, f"Users/{mentee.pk}", {"op": "replace", "path": "active", "value": False}
        )
    assert response.status_code in {200, 204}, response.content
    [notice] = mail.outbox
    assert notice.to == [manager.email]
    assert "has left" in notice.subject and str(relationship) in notice.body


def test_the_program_manager_sees_that_the_person_has_left(scim, client) -> None:
    manager = UserFactory()
    relationship = active_relationship()
    relationship.program.managers.add(manager)
    patch(
        scim, f"Users/{relationship.mentee_id}", {"op": "replace", "path": "active", "value": False}
    )
    client.force_login(manager)
    page = client.get(f"/console/programs/{relationship.program.slug}/")
    assert page.status_code == 200
    assert page.content.decode().count("Left the organization") == 1


def test_a_reactivated_person_is_no_longer_counted_as_having_left(scim) -> None:
    created = create(scim)
    path = f"Users/{created['id']}"
    patch(scim, path, {"op": "replace", "path": "active", "value": False})
    patch(scim, path, {"op": "replace", "path": "active", "value": True})
    user = User.objects.get(pk=created["id"])
    assert user.is_active and user.profile.left_on is None


def test_a_deleted_person_keeps_their_records_but_is_gone_from_scim(scim) -> None:
    created = create(scim)
    assert scim("DELETE", f"Users/{created['id']}").status_code == 204
    assert scim("GET", f"Users/{created['id']}").status_code == 404
    user = User.objects.get(pk=created["id"])
    assert not user.is_active and user.profile.left_on is not None
    # provisioned again later: the same account comes back
    again = create(scim)
    assert again["id"] == created["id"] and User.objects.get(pk=created["id"]).is_active


# --- Groups ---------------------------------------------------------------------


def test_groups_place_their_members_in_the_department_of_that_name(scim) -> None:
    ada = create(scim)
    response = scim(
        "POST",
        "Groups",
        {
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
            "displayName": "Research",
            "members": [{"value": ada["id"]}],
        },
    )
    assert response.status_code == 201, response.content
    department = Department.objects.get(name="Research")
    assert Profile.objects.get(user_id=ada["id"]).department == department
    group_id = response.json()["id"]
    patch(scim, f"Groups/{group_id}", {"op": "remove", "path": f'members[value eq "{ada["id"]}"]'})
    assert Profile.objects.get(user_id=ada["id"]).department is None
    assert scim("GET", 'Groups?filter=displayName eq "research"').json()["totalResults"] == 1


def test_groups_can_enrol_their_members_in_the_program_of_that_name(scim, settings) -> None:
    settings.ITHACA_SCIM_GROUPS = "programs"
    program = ProgramFactory(name="New managers")
    ada = create(scim)
    response = scim(
        "POST",
        "Groups",
        {
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
            "displayName": "New managers",
            "members": [{"value": ada["id"]}],
        },
    )
    assert response.status_code == 201, response.content
    assert Participation.objects.get(user_id=ada["id"], program=program).role == "seeker"
    assert ScimGroup.objects.get().program == program


def test_a_period_long_gone_leaves_the_leaving_date_alone(scim) -> None:
    created = create(scim)
    Profile.objects.filter(user_id=created["id"]).update(left_on=dt.date(2020, 1, 1))
    patch(scim, f"Users/{created['id']}", {"op": "replace", "path": "active", "value": False})
    assert Profile.objects.get(user_id=created["id"]).left_on == dt.date(2020, 1, 1)


def test_an_erased_person_leaves_no_scim_copy_and_is_out_of_reach(scim) -> None:
    from ithaca.privacy.erasure import person_erase

    created = create(scim)
    user = User.objects.get(pk=created["id"])
    person_erase(user=user, by=None)
    assert ScimUser.objects.get(user=user).document == {}
    assert scim("GET", f"Users/{user.pk}").status_code == 404
    assert (
        scim("GET", 'Users?filter=userName eq "ada@northwind.example"').json()["totalResults"] == 0
    )
