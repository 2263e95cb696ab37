"""Messages: the members write and read; nobody else reads, whatever their role."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching.tests.factories import active_engagement
from ithaca.core.errors import DomainError
from ithaca.matching.tests.factories import ProgramFactory, manager
from ithaca.mentoring.models import MentoringRelationship
from ithaca.mentoring.tests.factories import active_relationship, group_of, join
from ithaca.messaging import services
from ithaca.messaging.access import access_conversation
from ithaca.messaging.models import Message
from ithaca.notifications.models import Notification
from ithaca.privacy.erasure import person_erase
from ithaca.privacy.export import person_export
from ithaca.programs import relationships as lifecycle
from ithaca.programs.tests.factories import ParticipationFactory

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _send(user, kind, pk, body="Shall we meet on Tuesday?"):
    conversation = access_conversation(user, kind, pk)
    return services.message_send(conversation=conversation, author=user, body=body)


def test_the_mentee_writes_and_the_mentor_reads_and_is_told_once_per_burst(
    django_capture_on_commit_callbacks,
):
    rel = active_relationship()
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(4):
            _send(rel.mentee, "mentoring", rel.pk, f"Message {n}")
    told = Notification.objects.get(recipient=rel.mentor, kind="message.received")
    assert told.count == 4 and "Message" not in told.text  # who wrote, never what
    assert [m.to for m in mail.outbox] == [[rel.mentor.email]]
    client = _client(rel.mentor)
    listing = client.get("/messages/").content.decode()
    assert 'aria-label="4 unread"' in listing
    page = client.get(f"/messages/mentoring/{rel.pk}/").content.decode()
    assert "Message 0" in page and "Message 3" in page
    assert 'aria-label="4 unread"' not in client.get("/messages/").content.decode()
    told.refresh_from_db()
    assert told.read_at is not None  # opening the conversation reads its notification


def test_the_thread_page_costs_the_same_queries_for_few_or_many(django_assert_num_queries):
    rel = active_relationship()
    client = _client(rel.mentor)
    _send(rel.mentee, "mentoring", rel.pk)
    client.get(f"/messages/mentoring/{rel.pk}/")
    with django_assert_num_queries(11) as few:  # 10, and whether MFA is required
        client.get(f"/messages/mentoring/{rel.pk}/")
    for _ in range(20):
        _send(rel.mentee, "mentoring", rel.pk)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(f"/messages/mentoring/{rel.pk}/")


@pytest.mark.parametrize(
    ("body", "error"),
    [("   ", "Write something"), ("x" * 4001, "under 4000 characters")],
)
def test_an_empty_or_overlong_message_is_refused_and_nothing_is_sent(body, error):
    rel = active_relationship()
    response = _client(rel.mentee).post(f"/messages/mentoring/{rel.pk}/", {"body": body})
    assert response.status_code == 400 and error in response.content.decode()
    assert (
        not Message.objects.exists()
        and not Notification.objects.filter(kind="message.received").exists()
    )


def test_a_concluded_relationships_conversation_is_read_only():
    rel = active_relationship()
    _send(rel.mentee, "mentoring", rel.pk)
    lifecycle.relationship_conclude(rel, user=rel.mentor)
    with pytest.raises(DomainError, match="has ended"):
        _send(rel.mentee, "mentoring", rel.pk)
    assert (
        "Shall we meet"
        in _client(rel.mentor).get(f"/messages/mentoring/{rel.pk}/").content.decode()
    )


def test_a_group_conversation_is_for_the_mentor_and_every_mentee():
    first, second = group_of(2)
    group = first.group_id
    _send(second.mentee, "group", group)
    told = set(
        Notification.objects.filter(kind="message.received").values_list("recipient", flat=True)
    )
    assert told == {first.mentor.pk, first.mentee.pk}
    assert _client(first.mentee).get(f"/messages/group/{group}/").status_code == 200
    # A one-to-one thread does not exist for a group member.
    assert _client(first.mentee).get(f"/messages/mentoring/{first.pk}/").status_code == 404


def test_nobody_outside_a_mentoring_conversation_reads_it_whatever_their_role():
    rel = active_relationship()
    _send(rel.mentee, "mentoring", rel.pk, "SECRET-MESSAGE")
    outsiders = {
        "program manager": manager(rel.program),
        "staff": UserFactory(is_staff=True, is_superuser=True),
        "stranger": UserFactory(),
    }
    for role, person in outsiders.items():
        client = _client(person)
        assert client.get(f"/messages/mentoring/{rel.pk}/").status_code == 404, role
        assert client.post(f"/messages/mentoring/{rel.pk}/", {"body": "hi"}).status_code == 404
        assert "SECRET-MESSAGE" not in client.get("/messages/").content.decode(), role
        assert "SECRET-MESSAGE" not in client.get(f"/mentoring/{rel.pk}/").content.decode(), role
    assert Message.objects.count() == 1


def test_a_sponsor_never_reads_the_coaching_conversation():
    engagement = active_engagement()
    _send(engagement.coachee, "coaching", engagement.pk, "SECRET-MESSAGE")
    assert Notification.objects.get(kind="message.received").recipient == engagement.coach
    sponsor = _client(engagement.sponsor)
    assert sponsor.get(f"/messages/coaching/{engagement.pk}/").status_code == 404
    assert "SECRET-MESSAGE" not in sponsor.get(f"/coaching/{engagement.pk}/").content.decode()
    assert _client(engagement.coach).get(f"/messages/coaching/{engagement.pk}/").status_code == 200


def test_the_admin_has_no_page_for_messages():
    staff = _client(UserFactory(is_staff=True, is_superuser=True))
    assert staff.get("/admin/messaging/message/").status_code == 404


def test_messages_are_in_the_authors_export_only():
    rel = active_relationship()
    _send(rel.mentee, "mentoring", rel.pk, "Mine")
    _send(rel.mentor, "mentoring", rel.pk, "Theirs")
    assert [m["body"] for m in person_export(rel.mentee)["messages_written"]] == ["Mine"]


def test_erasing_the_author_removes_their_words_and_name():
    rel = active_relationship()
    _send(rel.mentee, "mentoring", rel.pk, "Something personal")
    _send(rel.mentor, "mentoring", rel.pk, "A reply")
    name = rel.mentee.display_name
    person_erase(user=rel.mentee, by=rel.mentee)
    page = _client(rel.mentor).get(f"/messages/mentoring/{rel.pk}/").content.decode()
    assert "Something personal" not in page and "A former participant" in page
    assert "A reply" in page and name not in page
    assert not Notification.objects.filter(text__contains=name).exists()


def _api(user):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_api_lets_members_write_and_read_and_nobody_else():
    engagement = active_engagement()
    url = f"/api/v1/messages/coaching/{engagement.pk}/"
    sent = _api(engagement.coachee).post(url, {"body": "SECRET-MESSAGE"}, format="json")
    assert sent.status_code == 201 and sent.json()["author"] == engagement.coachee.display_name
    assert _api(engagement.coach).get(url).json()["results"][0]["body"] == "SECRET-MESSAGE"
    listed = _api(engagement.coach).get("/api/v1/messages/").json()
    title = f"You and {engagement.coachee.display_name}"
    assert listed == [
        {"kind": "coaching", "id": engagement.pk, "title": title, "writable": True, "unread": 0}
    ]
    for outsider in (engagement.sponsor, manager(engagement.program), UserFactory(is_staff=True)):
        assert _api(outsider).get(url).status_code == 404
        assert _api(outsider).post(url, {"body": "hi"}, format="json").status_code == 404
        assert _api(outsider).get("/api/v1/messages/").json() == []
    empty = _api(engagement.coach).post(url, {"body": " "}, format="json")
    assert empty.status_code == 400 and empty.json()["error"]["fields"]["body"]


def _queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _mentor_in(mentor, mode: str) -> MentoringRelationship:
    """One more conversation for `mentor`: a new mentee in a new program of that mode."""
    program = ProgramFactory(mode=mode)
    ParticipationFactory(program=program, user=mentor, role="mentor")
    rel = join(program, mentor)
    _send(rel.mentee, "group" if rel.group_id else "mentoring", rel.group_id or rel.pk, "Hi")
    return rel


@pytest.mark.parametrize("url", ["/messages/", "/api/v1/messages/"])
def test_the_conversation_list_costs_the_same_queries_for_one_or_ten(url):
    mentor = UserFactory()
    _mentor_in(mentor, "one_to_one")
    client = _api(mentor) if url.startswith("/api/") else _client(mentor)
    client.get(url)  # warm the session
    one = _queries(client, url)
    for mode in ["one_to_one"] * 5 + ["group"] * 4:
        _mentor_in(mentor, mode)
    listed = client.get(url).content.decode()
    assert listed.count("You and ") == 6 and listed.count("Your group with") == 4
    assert _queries(client, url) == one
