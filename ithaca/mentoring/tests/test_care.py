"""Reviews (continue or conclude, continuing renews) and closing with reflection and survey."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ithaca.core.errors import DomainError, TransitionError
from ithaca.mentoring import services
from ithaca.mentoring.models import Closing, Meeting, Review
from ithaca.mentoring.tests.factories import active_relationship, soon, started_days_ago
from ithaca.mentoring.tests.helpers import web

pytestmark = pytest.mark.django_db
SURVEY = services.Survey(growth=4, career_clarity=3, belonging=5, would_recommend=True)


def _review(rel) -> Review:
    return Review.objects.create(relationship=rel, period=1, due_at=timezone.now())


def test_both_continuing_renews_the_period(rel) -> None:
    _review(rel)
    review = services.review_answer(relationship=rel, user=rel.mentee, decision="continue")
    assert review.resolved_at is None
    review = services.review_answer(relationship=rel, user=rel.mentor, decision="continue")
    assert review.outcome == "continue" and review.resolved_at is not None
    rel.refresh_from_db()
    assert rel.status == "active"


def test_either_concluding_ends_the_relationship(rel) -> None:
    _review(rel)
    review = services.review_answer(relationship=rel, user=rel.mentor, decision="conclude")
    rel.refresh_from_db()
    assert review.outcome == "conclude" and rel.status == "concluded"


def test_answering_without_a_review_is_refused(rel) -> None:
    with pytest.raises(DomainError, match="no review waiting"):
        services.review_answer(relationship=rel, user=rel.mentee, decision="continue")


def test_closing_records_the_reflection_and_survey_with_the_conclusion(rel) -> None:
    closing = services.relationship_close(
        relationship=rel, user=rel.mentee, reflection="I know what I want now", shared=True,
        survey=SURVEY, reason="Goals reached",
    )  # fmt: skip
    rel.refresh_from_db()
    assert rel.status == "concluded" and rel.status_reason == "Goals reached"
    assert (closing.side, closing.growth, closing.would_recommend) == ("mentee", 4, True)


def test_a_bad_survey_changes_nothing(rel) -> None:
    bad = services.Survey(growth=9, career_clarity=3, belonging=5, would_recommend=True)
    with pytest.raises(DomainError, match="scale from 1 to 5") as caught:
        services.relationship_close(
            relationship=rel, user=rel.mentee, reflection="x", shared=False, survey=bad
        )
    assert caught.value.field == "growth"
    rel.refresh_from_db()
    assert rel.status == "active" and not Closing.objects.exists()


def test_a_missing_reflection_changes_nothing(rel) -> None:
    with pytest.raises(DomainError, match="reflection"):
        services.relationship_close(
            relationship=rel, user=rel.mentee, reflection="  ", shared=False, survey=SURVEY
        )
    rel.refresh_from_db()
    assert rel.status == "active"


def test_the_other_side_writes_theirs_afterwards_once(rel) -> None:
    services.relationship_close(
        relationship=rel, user=rel.mentee, reflection="a", shared=False, survey=SURVEY
    )
    services.closing_record(
        relationship=rel, user=rel.mentor, reflection="b", shared=False, survey=SURVEY
    )
    with pytest.raises(DomainError, match="already"):
        services.closing_record(
            relationship=rel, user=rel.mentor, reflection="c", shared=False, survey=SURVEY
        )
    assert Closing.objects.filter(relationship=rel).count() == 2


def test_a_reflection_before_the_end_is_refused(rel) -> None:
    with pytest.raises(DomainError, match="when the relationship concludes"):
        services.closing_record(
            relationship=rel, user=rel.mentor, reflection="b", shared=False, survey=SURVEY
        )


def test_a_concluded_relationship_cannot_be_closed_again(rel) -> None:
    services.relationship_close(
        relationship=rel, user=rel.mentee, reflection="a", shared=False, survey=SURVEY
    )
    with pytest.raises(TransitionError):
        services.relationship_close(
            relationship=rel, user=rel.mentor, reflection="b", shared=False, survey=SURVEY
        )


def test_closing_calls_off_the_meetings_still_to_come(rel) -> None:
    start = soon(2)
    meeting = services.meeting_propose(
        relationship=rel, user=rel.mentor, starts_at=start,
        ends_at=start + dt.timedelta(hours=1), location="Café",
    )  # fmt: skip
    services.relationship_close(
        relationship=rel, user=rel.mentee, reflection="a", shared=False, survey=SURVEY
    )
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED


def test_the_close_page_confirms_then_concludes(rel) -> None:
    page = web(rel.mentee).get(f"/mentoring/{rel.pk}/close/")
    assert page.status_code == 200 and b"cannot be undone" in page.content
    rel.refresh_from_db()
    assert rel.status == "active"
    response = web(rel.mentee).post(
        f"/mentoring/{rel.pk}/close/",
        {"reflection": "Grateful", "growth": 4, "career_clarity": 4, "belonging": 3,
         "would_recommend": "yes"},
    )  # fmt: skip
    assert response.status_code == 302
    rel.refresh_from_db()
    assert rel.status == "concluded"


def test_the_close_page_shows_errors_inline_and_changes_nothing(rel) -> None:
    response = web(rel.mentee).post(f"/mentoring/{rel.pk}/close/", {"reflection": "Grateful"})
    assert response.status_code == 400 and b"This field is required" in response.content
    rel.refresh_from_db()
    assert rel.status == "active"


def test_the_cards_conclude_button_leads_to_the_close_page(rel) -> None:
    response = web(rel.mentor).post(f"/mentoring/{rel.pk}/conclude/")
    assert response.status_code == 302 and response["Location"] == f"/mentoring/{rel.pk}/close/"
    htmx = web(rel.mentor).post(f"/mentoring/{rel.pk}/conclude/", HTTP_HX_REQUEST="true")
    assert htmx["HX-Redirect"] == f"/mentoring/{rel.pk}/close/"
    rel.refresh_from_db()
    assert rel.status == "active"


def test_the_review_page_takes_an_answer() -> None:
    rel = started_days_ago(active_relationship(), 200)
    _review(rel)
    response = web(rel.mentee).post(f"/mentoring/{rel.pk}/review/", {"decision": "continue"})
    assert response.status_code == 302
    assert Review.objects.get(relationship=rel).mentee_decision == "continue"
