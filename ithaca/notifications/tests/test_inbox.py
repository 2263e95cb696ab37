"""The inbox, the bell, settings and the API: each person sees only their own."""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.test import APIClient

from ithaca.accounts.tests.factories import UserFactory
from ithaca.notifications import services
from ithaca.notifications.models import Notification, Preference
from ithaca.programs.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _tell(person, n=1, url="/programs/", actor=None):
    made = []
    for _ in range(n):
        made.append(
            services.notify(
                recipient=person,
                kind="application.decided",
                subject=ProgramFactory(),
                actor=actor,
                context={"program": "Nurses' network", "approved": True},
                url=url,
            )
        )
    return made


def test_the_inbox_lists_newest_first_in_the_persons_zone():
    person, actor = UserFactory(), UserFactory(first_name="Ana", last_name="Ruiz")
    person.profile.time_zone = "Asia/Tokyo"
    person.profile.save()
    first, second = _tell(person, 2, actor=actor)
    page = _client(person).get("/notifications/").content.decode()
    assert page.index(f"notification-{second.pk}") < page.index(f"notification-{first.pk}")
    assert "Ana Ruiz" in page and "Asia/Tokyo" in page
    assert "Nurses&#x27; network" in page  # escaped in HTML, plain in e-mail
    local = second.created_at.astimezone(__import__("zoneinfo").ZoneInfo("Asia/Tokyo"))
    assert f"{local:%H:%M}" in page


def test_the_inbox_costs_the_same_queries_for_five_or_fifty(django_assert_num_queries):
    person = UserFactory()
    client = _client(person)
    _tell(person, 5, actor=UserFactory())
    client.get("/notifications/")
    # Session, user, whether MFA is required, profile (the zone), the count of unread,
    # the page count, the page.
    with django_assert_num_queries(7) as few:
        client.get("/notifications/")
    _tell(person, 45, actor=UserFactory())
    with django_assert_num_queries(len(few.captured_queries)):
        client.get("/notifications/")


def test_the_inbox_is_paginated():
    person = UserFactory()
    _tell(person, 25)
    assert (
        _client(person).get("/notifications/?page=2").content.decode().count('id="notification-')
        == 5
    )


def test_marking_one_read_works_with_and_without_htmx_and_only_for_the_owner():
    person, stranger = UserFactory(), UserFactory()
    (one,) = _tell(person)
    assert _client(stranger).post(f"/notifications/{one.pk}/read/").status_code == 404
    response = _client(person).post(f"/notifications/{one.pk}/read/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Mark read" not in response.content.decode()
    one.refresh_from_db()
    assert one.read_at is not None


def test_mark_all_read():
    person, other = UserFactory(), UserFactory()
    _tell(person, 3)
    _tell(other, 1)
    _client(person).post("/notifications/read-all/")
    assert Notification.objects.filter(read_at__isnull=True).count() == 1


def test_opening_a_notification_marks_it_read_and_goes_to_the_object():
    person = UserFactory()
    (one,) = _tell(person, url="/programs/")
    response = _client(person).get(f"/notifications/{one.pk}/open/")
    assert response.status_code == 302 and response["Location"] == "/programs/"
    one.refresh_from_db()
    assert one.read_at is not None
    assert _client(UserFactory()).get(f"/notifications/{one.pk}/open/").status_code == 404


def test_opening_never_redirects_off_site():
    person = UserFactory()
    (one,) = _tell(person, url="//evil.example/")
    assert _client(person).get(f"/notifications/{one.pk}/open/")["Location"] == "/notifications/"


def test_the_bell_counts_unread_in_one_query_and_reads_the_page_being_shown(
    django_assert_num_queries,
):
    person = UserFactory()
    _tell(person, 2, url="/programs/")
    _tell(person, 1, url="/elsewhere/")
    client = _client(person)
    client.get("/notifications/bell/")  # warm the session
    with django_assert_num_queries(4):  # session, user, whether MFA is required, the count
        body = client.get("/notifications/bell/").content.decode()
    assert 'aria-label="Notifications, 3 unread"' in body and ">3</mark>" in body
    body = client.post("/notifications/bell/", {"at": "/programs/"}).content.decode()
    assert 'aria-label="Notifications, 1 unread"' in body
    # Swapped in whole, it asks again in a minute (not at once: no loop) for the same page.
    assert 'hx-trigger="every 60s"' in body and '"at": "/programs/"' in body


def test_every_page_has_the_bell_for_signed_in_people_only():
    person = UserFactory()
    page = _client(person).get("/programs/").content.decode()
    assert 'id="bell"' in page
    # In the top bar beside the Menu button, not inside the menu that folds away on a phone.
    bar = page.split('class="container site-bar"', 1)[1].split('id="site-nav"', 1)[0]
    assert 'id="bell"' in bar and 'hx-trigger="load, every 60s"' in bar
    assert bar.index('id="bell"') < bar.index('class="menu-toggle')
    assert 'id="bell"' not in Client().get("/accounts/login/").content.decode()


def test_settings_save_per_category_and_refuse_turning_off_account_notices():
    person = UserFactory()
    client = _client(person)
    form = {c: "immediate" for c in services.Category.values}
    client.post("/notifications/settings/", {**form, "messages": "daily", "account": "never"})
    prefs = dict(Preference.objects.filter(user=person).values_list("category", "mode"))
    assert prefs["messages"] == "daily" and "account" not in prefs
    response = client.post("/notifications/settings/", {**form, "messages": "hourly"})
    assert response.status_code == 200 and "hourly" in response.content.decode()
    assert Preference.objects.get(user=person, category="messages").mode == "daily"


def test_the_old_analytics_settings_page_redirects():
    response = _client(UserFactory()).get("/analytics/notifications/")
    assert response.status_code == 301 and response["Location"] == "/notifications/settings/"


def test_anonymous_people_are_sent_to_sign_in():
    for path in ("/notifications/", "/notifications/settings/", "/notifications/bell/"):
        assert Client().get(path).status_code == 302


# --- API --------------------------------------------------------------------------


def test_the_api_lists_counts_and_marks_read(django_assert_max_num_queries):
    person, stranger = UserFactory(), UserFactory()
    first, second = _tell(person, 2)
    api = _api(person)
    with django_assert_max_num_queries(3):
        listed = api.get("/api/v1/notifications/").json()
    assert [item["id"] for item in listed["results"]] == [second.pk, first.pk]
    assert set(listed["results"][0]) == {
        "id", "kind", "category", "text", "url", "created_at", "read",
    }  # fmt: skip
    assert api.get("/api/v1/notifications/unread-count/").json() == {"unread": 2}
    assert api.post(f"/api/v1/notifications/{first.pk}/read/").json()["read"] is True
    assert _api(stranger).post(f"/api/v1/notifications/{second.pk}/read/").status_code == 404
    assert api.post("/api/v1/notifications/read-all/").json() == {"marked": 1}
    assert _api(stranger).get("/api/v1/notifications/").json()["results"] == []


def test_the_api_sets_preferences_and_answers_mistakes_with_400():
    api = _api(UserFactory())
    assert api.get("/api/v1/notifications/preferences/").json()["messages"] == "immediate"
    assert (
        api.put("/api/v1/notifications/preferences/", {"messages": "weekly"}, format="json").json()[
            "messages"
        ]
        == "weekly"
    )
    bad = api.put("/api/v1/notifications/preferences/", {"account": "never"}, format="json")
    assert bad.status_code == 400 and bad.json()["error"]["fields"]["account"]
    bad = api.put("/api/v1/notifications/preferences/", {"messages": "hourly"}, format="json")
    assert bad.status_code == 400


def test_the_endpoints_are_in_the_schema():
    schema = _api(UserFactory()).get("/api/v1/schema/").content.decode()
    for path in ("notifications/", "unread-count/", "read-all/", "{id}/read/", "preferences/"):
        assert (
            f"/api/v1/notifications/{path}".replace(
                "notifications/notifications/", "notifications/"
            )
            in schema
        )
