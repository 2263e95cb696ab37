"""Coaching speaks German when German is active: pages, form errors, service refusals.

The catalogues are committed as .po and compiled at install time; these tests compile
the coaching catalogue for German first (when `msgfmt` is available) so they run
from a fresh clone too.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation.reloader import translation_file_changed

from ithaca.coaching import questions, services
from ithaca.coaching.forms import AgreementForm, SurveyForm
from ithaca.coaching.models import CoachingSession
from ithaca.coaching.tests.factories import SessionFactory, active_engagement, at
from ithaca.core.errors import DomainError

pytestmark = pytest.mark.django_db

LOCALE = Path(__file__).resolve().parent.parent / "locale"


@pytest.fixture(scope="module", autouse=True)
def german_catalogue() -> None:
    po = LOCALE / "de" / "LC_MESSAGES" / "django.po"
    mo = po.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        if shutil.which("msgfmt") is None:
            pytest.skip("msgfmt is needed to compile the German catalogue")
        subprocess.run(["msgfmt", "--check", "-o", str(mo), str(po)], check=True)
        # Forget catalogues loaded before this one was compiled.
        translation_file_changed(sender=None, file_path=mo)


def _german_get(user, url: str) -> str:
    client = Client(HTTP_ACCEPT_LANGUAGE="de")
    client.force_login(user)
    with translation.override("de"):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_overview_and_its_tabs_read_in_german() -> None:
    engagement = active_engagement()
    page = _german_get(engagement.coachee, f"/coaching/{engagement.pk}/")
    assert f"Coaching mit {engagement.coach}" in page
    assert "Übersicht" in page and "Vereinbarung" in page and "Sitzungen" in page
    assert "Ihr Coach" in page and "Auftraggeber" in page
    assert "Overview" not in page and "Your coach" not in page


def test_the_sessions_tab_counts_and_labels_in_german() -> None:
    engagement = active_engagement()
    SessionFactory(engagement=engagement)
    page = _german_get(engagement.coach, f"/coaching/{engagement.pk}/sessions/")
    assert "1 von 4 vereinbarten Sitzungen genutzt" in page
    assert "Einzelsitzung" in page and "Abgehalten" in page
    assert "agreed sessions used" not in page


def test_an_agreement_form_error_is_explained_in_german() -> None:
    data = {
        "scope": "Delegieren",
        "objectives": "Dienstplan übergeben",
        "session_count": "4",
        "session_cadence_days": "14",
        "session_length_minutes": "60",
        "starts_on": "2026-05-01",
        "ends_on": "2026-04-01",
        "sponsor_sees": "attendance",
        "cancellation_notice_hours": "24",
    }
    with translation.override("de"):
        form = AgreementForm(data)
        assert not form.is_valid()
        assert form.errors["ends_on"] == ["Die Vereinbarung muss nach ihrem Beginn enden."]
        assert str(form.fields["starts_on"].label) == "Beginnt am"
    with translation.override("en"):
        assert AgreementForm(data).errors["ends_on"] == ["The agreement must end after it starts."]


def test_a_refused_booking_re_renders_with_the_reason_in_german() -> None:
    engagement = active_engagement()
    for day in (2, 3, 5, 7):
        SessionFactory(engagement=engagement, starts_at=at(day), status="scheduled")
    client = Client(HTTP_ACCEPT_LANGUAGE="de")
    client.force_login(engagement.coach)
    form = {
        "kind": "one_to_one",
        "starts_at": at(9).strftime("%Y-%m-%dT%H:%M"),
        "minutes": "60",
        "location": "Raum 1",
    }
    with translation.override("de"):
        response = client.post(f"/coaching/{engagement.pk}/sessions/", form)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Alle 4 vereinbarten Sitzungen sind abgehalten, gebucht" in page
    assert CoachingSession.objects.filter(engagement=engagement).count() == 4


def test_a_service_refusal_carries_the_active_language() -> None:
    engagement = active_engagement()
    session = SessionFactory(engagement=engagement, status="held")
    with translation.override("de"), pytest.raises(DomainError) as refused:
        services.session_cancel(session=session, user=engagement.coach, reason="Krank")
    assert str(refused.value.message) == (
        "Nur eine geplante Sitzung kann abgesagt werden; diese ist abgehalten."
    )


def test_evaluation_questions_are_asked_in_german() -> None:
    with translation.override("de"):
        form = SurveyForm(survey=questions.CLOSE_OUT)
        labels = [str(field.label) for field in form.fields.values()]
    assert "Wie hilfreich waren die Sitzungen für Sie? (1-5) [Reaktion]" in labels
    assert "Was machen Sie bereits anders? [Verhalten]" in labels
