"""The conversation as a tab of its workspace: read, written and refreshed in place,
with its own URL that works without JavaScript; never shown to anyone outside it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ithaca.coaching.tests.factories import active_engagement
from ithaca.matching.tests.factories import manager
from ithaca.mentoring.tests.factories import active_relationship, group_of
from ithaca.messaging import services
from ithaca.messaging.access import access_conversation
from ithaca.messaging.models import Message, ReadMark

pytestmark = pytest.mark.django_db

HTMX_TAB = {"HX-Request": "true", "HX-Target": "workspace"}
HTMX_THREAD = {"HX-Request": "true", "HX-Target": "thread"}


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _send(user, kind, pk, body):
    conversation = access_conversation(user, kind, pk)
    return services.message_send(conversation=conversation, author=user, body=body)


def _cases():
    """(reader, the other member, tab URL, conversation URL, kind, id) per workspace."""
    rel = active_relationship()
    first, _second = group_of(2)
    engagement = active_engagement()
    return [
        (rel.mentee, rel.mentor, f"/mentoring/{rel.pk}/s/messages/", "mentoring", rel.pk),
        (first.mentee, first.mentor, f"/mentoring/{first.pk}/s/messages/", "group", first.group_id),
        (
            engagement.coachee,
            engagement.coach,
            f"/coaching/{engagement.pk}/messages/",
            "coaching",
            engagement.pk,
        ),
    ]


def test_the_messages_tab_shows_the_conversation_inside_the_workspace():
    for reader, other, tab, kind, pk in _cases():
        _send(other, kind, pk, f"Hello from the other side {kind}")
        client = _client(reader)
        page = client.get(tab)
        html = page.content.decode()
        assert page.status_code == 200, kind
        assert 'id="workspace"' in html and 'id="thread"' in html, kind
        assert f"Hello from the other side {kind}" in html
        # The tab bar links to the tab itself, swapped in by htmx and pushed to history.
        assert f'href="{tab}" hx-get="{tab}" hx-target="#workspace" hx-push-url="true"' in html
        assert f'/messages/{kind}/{pk}/"' in html  # the form writes to the conversation
        assert f'name="next" value="{tab}"' in html  # and, without JavaScript, comes back
        # Reading the tab reads the conversation.
        assert ReadMark.objects.filter(user=reader, thread=kind, thread_id=pk).exists()


def test_choosing_the_tab_through_htmx_swaps_only_the_workspace():
    for reader, other, tab, kind, pk in _cases():
        _send(other, kind, pk, "Tab partial")
        response = _client(reader).get(tab, headers=HTMX_TAB)
        html = response.content.decode()
        assert response.status_code == 200
        assert "<html" not in html and 'id="thread"' in html and "Tab partial" in html, kind
        link = html.split(f'<a href="{tab}"', 1)[1].split("</a>", 1)[0]
        assert 'aria-current="page"' in link, kind


def test_sending_from_the_tab_without_javascript_comes_back_to_the_tab():
    for reader, _other, tab, kind, pk in _cases():
        client = _client(reader)
        response = client.post(f"/messages/{kind}/{pk}/", {"body": "From the tab", "next": tab})
        assert response.status_code == 302 and response["Location"] == tab, kind
        assert Message.objects.filter(author=reader, thread=kind, body="From the tab").exists()
        assert "From the tab" in client.get(tab).content.decode()


def test_sending_from_the_tab_with_htmx_answers_the_conversation_in_place():
    for reader, _other, tab, kind, pk in _cases():
        response = _client(reader).post(
            f"/messages/{kind}/{pk}/", {"body": "In place", "next": tab}, headers=HTMX_THREAD
        )
        html = response.content.decode()
        assert response.status_code == 200 and "<html" not in html, kind
        assert 'id="thread"' in html and "In place" in html
        assert f'name="next" value="{tab}"' in html  # the next message comes back here too


def test_an_empty_message_from_the_tab_is_refused_in_place_and_keeps_nothing():
    reader, _other, tab, kind, pk = _cases()[0]
    response = _client(reader).post(
        f"/messages/{kind}/{pk}/", {"body": "   ", "next": tab}, headers=HTMX_THREAD
    )
    assert response.status_code == 400 and "Write something" in response.content.decode()
    assert not Message.objects.exists()


def test_the_conversation_refreshes_itself_without_touching_the_form():
    reader, other, tab, kind, pk = _cases()[0]
    client = _client(reader)
    html = client.get(tab).content.decode()
    poller = html.split('id="thread-messages"', 1)[1].split(">", 1)[0]
    assert f'hx-get="/messages/{kind}/{pk}/"' in poller and 'hx-trigger="every' in poller
    assert 'hx-select="#thread-messages"' in poller
    assert "<textarea" not in html.split('id="thread-messages"', 1)[1].split("</div>", 1)[0]
    _send(other, kind, pk, "Arrived while reading")
    refreshed = client.get(f"/messages/{kind}/{pk}/", headers={"HX-Request": "true"})
    assert "Arrived while reading" in refreshed.content.decode()


def test_a_next_pointing_elsewhere_is_ignored():
    reader, _other, _tab, kind, pk = _cases()[0]
    response = _client(reader).post(
        f"/messages/{kind}/{pk}/", {"body": "Hi", "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and response["Location"] == f"/messages/{kind}/{pk}/"


def test_nobody_outside_the_conversation_reads_it_through_the_tab():
    rel = active_relationship()
    _send(rel.mentee, "mentoring", rel.pk, "SECRET-MESSAGE")
    response = _client(manager(rel.program)).get(f"/mentoring/{rel.pk}/s/messages/")
    assert response.status_code == 404
    engagement = active_engagement()
    _send(engagement.coachee, "coaching", engagement.pk, "SECRET-MESSAGE")
    for outsider in (engagement.sponsor, manager(engagement.program)):
        response = _client(outsider).get(f"/coaching/{engagement.pk}/messages/")
        assert response.status_code in (403, 404)
        assert "SECRET-MESSAGE" not in response.content.decode()
    sponsor_page = _client(engagement.sponsor).get(f"/coaching/{engagement.pk}/").content.decode()
    assert f"/coaching/{engagement.pk}/messages/" not in sponsor_page


def test_the_tab_costs_the_same_queries_for_few_or_many_messages(django_assert_num_queries):
    for reader, other, tab, kind, pk in _cases()[:2]:
        client = _client(reader)
        _send(other, kind, pk, "One")
        client.get(tab)
        with CaptureQueriesContext(connection) as few:
            client.get(tab)
        for n in range(15):
            _send(other if n % 2 else reader, kind, pk, f"Message {n}")
        with django_assert_num_queries(len(few.captured_queries)):
            assert "Message 14" in client.get(tab).content.decode()
