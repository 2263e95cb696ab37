"""A session's calendar invitation is written in each recipient's language, whoever
booked it and in whatever language they were reading."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import translation
from icalendar import Calendar

from ithaca.coaching import services
from ithaca.coaching.tests.factories import active_engagement, at

pytestmark = pytest.mark.django_db


def _speaks(user, language: str) -> None:
    user.profile.interface_language = language
    user.profile.save(update_fields=["interface_language"])


def _summary(message) -> str:
    (_name, content, _mimetype) = message.attachments[0]
    return str(Calendar.from_ical(content).walk("VEVENT")[0].get("summary"))


def test_a_three_way_session_reaches_each_person_in_their_own_language(
    django_capture_on_commit_callbacks,
) -> None:
    engagement = active_engagement(session_count=2, cancellation_notice_hours=24)
    coach, coachee, sponsor = engagement.coach, engagement.coachee, engagement.sponsor
    _speaks(coachee, "de")
    _speaks(sponsor, "en")
    _speaks(coach, "fr")
    # The coach books while reading Ithaca in French.
    with translation.override("fr"), django_capture_on_commit_callbacks(execute=True):
        services.session_schedule(
            engagement=engagement,
            user=coach,
            starts_at=at(3),
            ends_at=at(3, 11),
            location="Room 2",
            kind="three_way_start",
        )
    by_recipient = {message.to[0]: _summary(message) for message in mail.outbox}
    pair = (coachee.display_name, coach.display_name)
    assert by_recipient[sponsor.email] == "Coaching (three-way: start): {} with {}".format(*pair)
    assert by_recipient[coachee.email] == (
        "Coaching (Dreiersitzung: Auftakt): {} mit {}".format(*pair)
    )
    assert set(by_recipient) == {sponsor.email, coachee.email}
