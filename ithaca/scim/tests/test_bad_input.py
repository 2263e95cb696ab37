"""Bad input gets RFC 7644's status code and error body (§3.12), and writes nothing."""

from __future__ import annotations

import pytest

from ithaca.accounts.models import Profile, User
from ithaca.audit.models import AuditEvent
from ithaca.scim.models import ScimGroup, ScimUser
from ithaca.scim.tests.conftest import ERROR, PATCH, user_body

pytestmark = pytest.mark.django_db


def snapshot() -> tuple:
    return (
        list(User.objects.values_list("pk", "email", "first_name", "is_active")),
        list(Profile.objects.values_list("pk", "job_title", "department_id", "left_on")),
        list(ScimUser.objects.values_list("pk", "user_name", "version")),
        ScimGroup.objects.count(),
        AuditEvent.objects.count(),
    )


@pytest.fixture
def ada(scim) -> dict:
    response = scim("POST", "Users", user_body())
    assert response.status_code == 201
    return response.json()


def assert_error(response, status: int, scim_type: str | None) -> None:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/scim+json")
    body = response.json()
    assert body["schemas"] == [ERROR]
    assert body["status"] == str(status)
    assert body.get("scimType") == scim_type
    assert body.get("detail")


def test_a_malformed_filter_is_400_invalid_filter(scim, ada) -> None:
    before = snapshot()
    assert_error(scim("GET", 'Users?filter=userName eq "unterminated'), 400, "invalidFilter")
    assert_error(scim("GET", "Users?filter=userName zz 1"), 400, "invalidFilter")
    assert snapshot() == before


def test_a_filter_on_an_unknown_attribute_is_400_invalid_filter(scim, ada) -> None:
    # §3.4.2.2: invalidFilter also covers an attribute the server does not support.
    assert_error(scim("GET", 'Users?filter=shoeSize eq "42"'), 400, "invalidFilter")


def test_an_unknown_attribute_in_a_created_user_is_400_and_nothing_is_made(scim) -> None:
    # §3.12 invalidSyntax: the body does not conform to the request schema.
    before = snapshot()
    body = user_body("grace@northwind.example", favouriteColour="blue")
    assert_error(scim("POST", "Users", body), 400, "invalidSyntax")
    body = user_body("grace@northwind.example")
    body["schemas"].append("urn:example:unknown")
    assert_error(scim("POST", "Users", body), 400, "invalidSyntax")
    assert snapshot() == before


def test_a_missing_user_name_is_400(scim) -> None:
    before = snapshot()
    body = user_body()
    del body["userName"]
    assert_error(scim("POST", "Users", body), 400, "invalidValue")
    assert snapshot() == before


def test_a_duplicate_user_name_is_409_uniqueness(scim, ada) -> None:
    before = snapshot()
    body = user_body("ADA@northwind.example")
    body["emails"] = [{"value": "someone.else@northwind.example", "primary": True}]
    assert_error(scim("POST", "Users", body), 409, "uniqueness")
    assert snapshot() == before


def test_an_address_already_in_use_is_409_uniqueness(scim, ada) -> None:
    before = snapshot()
    body = user_body("another-name")
    body["emails"] = [{"value": "ada@northwind.example", "primary": True}]
    assert_error(scim("POST", "Users", body), 409, "uniqueness")
    assert snapshot() == before


def test_a_patch_on_an_unknown_path_is_400_and_changes_nothing(scim, ada) -> None:
    before = snapshot()
    response = scim(
        "PATCH",
        f"Users/{ada['id']}",
        {
            "schemas": [PATCH],
            "Operations": [
                {"op": "replace", "path": "title", "value": "Changed"},
                {"op": "replace", "path": "shoeSize", "value": "42"},
            ],
        },
    )
    assert_error(response, 400, "invalidPath")
    assert snapshot() == before


def test_a_patch_with_an_unknown_op_is_400(scim, ada) -> None:
    before = snapshot()
    response = scim(
        "PATCH",
        f"Users/{ada['id']}",
        {"schemas": [PATCH], "Operations": [{"op": "explode", "path": "title", "value": "x"}]},
    )
    assert response.status_code == 400 and response.json()["schemas"] == [ERROR]
    assert snapshot() == before


def test_a_body_that_is_not_json_is_400_invalid_syntax(scim) -> None:
    before = snapshot()
    response = scim.http.post(
        "/scim/v2/Users",
        "{not json",
        content_type="application/scim+json",
        HTTP_AUTHORIZATION=f"Bearer {scim.token}",
    )
    assert_error(response, 400, "invalidSyntax")
    assert snapshot() == before


def test_an_unknown_user_is_404(scim) -> None:
    assert_error(scim("GET", "Users/999999"), 404, None)
    assert_error(scim("GET", "Users/not-a-number"), 404, None)


def test_a_group_with_an_unknown_member_is_400_and_nothing_is_made(scim) -> None:
    before = snapshot()
    response = scim(
        "POST",
        "Groups",
        {
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
            "displayName": "Research",
            "members": [{"value": "999999"}],
        },
    )
    assert_error(response, 400, "invalidValue")
    assert snapshot() == before


def test_an_address_that_is_not_one_is_400(scim) -> None:
    before = snapshot()
    body = user_body("grace")
    body["emails"] = [{"value": "not an address", "primary": True}]
    response = scim("POST", "Users", body)
    assert response.status_code == 400 and response.json()["schemas"] == [ERROR]
    assert snapshot() == before


def test_a_count_above_the_maximum_is_bounded(scim, ada) -> None:
    body = scim("GET", "Users?count=100000").json()
    assert body["totalResults"] == 1
