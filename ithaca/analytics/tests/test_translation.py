"""The dashboard, its figures and the leadership report speak the reader's language.

Needs the compiled German catalogue. `.mo` files are built at install time and not
kept in the repository, so the module compiles this app's catalogue itself when it
is missing or older than its `.po`.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import trans_real

from ithaca.accounts.models import Profile
from ithaca.analytics import services
from ithaca.analytics.dashboard import dashboard_for
from ithaca.analytics.figures.privacy import format_value
from ithaca.analytics.models import FigureCache, Report
from ithaca.analytics.period import Period, default_period
from ithaca.analytics.tests.factories import mentoring_program, person, relate
from ithaca.programs.models import Participation

pytestmark = pytest.mark.django_db

LOCALE = Path(__file__).resolve().parents[1] / "locale"


@pytest.fixture(scope="module", autouse=True)
def _compiled_catalogues() -> None:
    msgfmt = shutil.which("msgfmt")
    for language in ("fr", "es", "de"):
        po = LOCALE / language / "LC_MESSAGES" / "django.po"
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        if msgfmt is None:
            pytest.skip("msgfmt (gettext) is needed to compile the catalogues")
        subprocess.run([msgfmt, "--check", "-o", str(mo), str(po)], check=True)
    # Catalogues already loaded in this process were read before the .mo existed.
    trans_real._translations = {}
    trans_real._default = None


@pytest.fixture
def world():
    program = mentoring_program()
    manager, staff = person(), person()
    staff.is_staff = True
    staff.save()
    program.managers.add(manager)
    mentor, mentee = person(), person()
    Participation.objects.create(program=program, user=mentor, role="mentor", capacity=3)
    relate(program, mentor, mentee, "active")
    return program, manager, staff


def test_the_dashboard_reads_in_german_under_german(world) -> None:
    program, manager, _ = world
    client = Client()
    client.force_login(manager)
    url = f"/analytics/programs/{program.slug}/?from=2026-01-01&to=2026-03-31"
    with translation.override("de"):
        content = client.get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Mentoring und Coaching in Zahlen." in content
    assert "Aktive Beziehungen nach Zustand" in content  # a figure's title
    assert "Einschreibungen und Teilnahme nach Abteilung" in content
    assert '<th scope="col">Wartezeit</th>' in content  # a table header
    assert "Mentoring: innerhalb einer Woche" in content  # a row label
    assert "weniger als 5 Personen — ausgeblendet" in content  # a hidden cell
    assert "Jetzt neu berechnen" in content and "Befragungsplan" in content
    assert "1. Jan 2026 bis 31. Mär 2026" in content  # the period, in German dates
    assert "Enrolment and participation by department" not in content
    assert "Recalculate now" not in content


def test_figures_are_cached_per_language_and_never_leak_into_another(world) -> None:
    program, *_ = world
    period = default_period()
    english = dashboard_for(program, period)
    with translation.override("de"):
        german = dashboard_for(program, period)
    again = dashboard_for(program, period)
    assert english.figure("health").title == "Active relationships by health"
    assert german.figure("health").title == "Aktive Beziehungen nach Zustand"
    assert again.figure("health").title == "Active relationships by health"
    assert german.figure("health").rows[0].label.startswith("Mentoring: Grün")
    scopes = set(FigureCache.objects.values_list("scope", flat=True))
    assert scopes == {f"program:{program.pk}@en", f"program:{program.pk}@de"}


def test_recalculating_in_one_language_drops_the_others_copies(world) -> None:
    program, *_ = world
    period = default_period()
    dashboard_for(program, period)
    with translation.override("fr"):
        dashboard_for(program, period)
        dashboard_for(program, period, fresh=True)
    assert list(FigureCache.objects.values_list("scope", flat=True)) == [f"program:{program.pk}@fr"]


def test_the_chart_words_are_drawn_in_the_active_language(world) -> None:
    program, _, staff = world
    client = Client()
    client.force_login(staff)
    with translation.override("es"):
        url = f"/analytics/programs/{program.slug}/figures/activity/"
        content = client.get(url, HTTP_ACCEPT_LANGUAGE="es").content
    text = content.decode()
    assert "Reuniones y sesiones por mes" in text and "Reuniones de mentoría" in text


def test_numbers_follow_the_locale() -> None:
    assert format_value(1234) == "1,234" and format_value(12.5) == "12.5"
    with translation.override("de"):
        assert format_value(1234) == "1.234" and format_value(12.5) == "12,5"


def test_a_period_reads_in_each_language() -> None:
    period = Period(start=default_period().start.replace(year=2026, month=1, day=1),
                    end=default_period().end.replace(year=2026, month=3, day=31))  # fmt: skip
    assert period.label == "01 Jan 2026 to 31 Mar 2026"
    with translation.override("de"):
        assert period.label == "1. Jan 2026 bis 31. Mär 2026"
    with translation.override("fr"):
        assert period.label.startswith("du 1 ") and " au 31 " in period.label


def _record_pdf_text(monkeypatch) -> list[str]:
    """Every line of text the PDF writer draws (the PDF's own text is compressed)."""
    from ithaca.analytics import pdf

    drawn: list[str] = []
    original = pdf._Document.multi_cell

    def multi_cell(self, w, h=None, text="", *args, **kwargs):
        drawn.append(str(text))
        return original(self, w, h, text, *args, **kwargs)

    monkeypatch.setattr(pdf._Document, "multi_cell", multi_cell)
    return drawn


def test_a_report_is_written_in_its_requesters_language(world, monkeypatch) -> None:
    program, manager, _ = world
    # The profile's language field, as it will be once profiles carry one.
    monkeypatch.setattr(Profile, "language", "de", raising=False)
    drawn = _record_pdf_text(monkeypatch)
    period = default_period()
    report = Report.objects.create(
        program=program, start=period.start, end=period.end, created_by=manager
    )
    assert services.report_generate(report_id=report.pk) is True
    report.refresh_from_db()
    assert report.status == "done" and report.error == ""
    heading = f"{program.name}: Mentoring-Bericht"
    assert heading in drawn  # the PDF's title
    assert "Aktive Beziehungen nach Zustand" in drawn  # a figure's heading
    assert any(line.startswith("Zeitraum: ") and "erstellt am" in line for line in drawn)
    assert any(line.startswith("Jede Zahl beruht auf mindestens 5 Personen") for line in drawn)
    assert "Active relationships by health" not in drawn
    assert f"<h1>{heading}</h1>" in report.html and 'lang="de"' in report.html
    assert "Aktive Beziehungen nach Zustand" in report.html
    assert bytes(report.pdf).startswith(b"%PDF")
    # The requester's language applied to the task only: the rest goes on in English.
    assert translation.get_language() == "en"


def test_a_report_without_a_language_on_the_profile_is_in_the_sites_language(world) -> None:
    program, manager, _ = world
    period = default_period()
    report = Report.objects.create(
        program=program, start=period.start, end=period.end, created_by=manager
    )
    with translation.override("de"):  # whoever runs the task does not decide
        services.report_generate(report_id=report.pk)
    report.refresh_from_db()
    assert f"<h1>{program.name}: mentoring report</h1>" in report.html


def test_the_guide_reads_in_french_under_french() -> None:
    with translation.override("fr"):
        content = Client().get("/guide/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Mentor ou coach ?" in content and "Quand les deux conviennent" in content
    assert "Ce qu&#x27;ils ont en commun" in content or "Ce qu'ils ont en commun" in content


def test_recalculating_says_so_in_the_readers_language(world) -> None:
    program, manager, _ = world
    client = Client()
    client.force_login(manager)
    url = f"/analytics/programs/{program.slug}/recalculate/"
    with translation.override("de"):
        response = client.post(
            url, {"from": "2026-01-01", "to": "2026-03-31"}, HTTP_ACCEPT_LANGUAGE="de", follow=True
        )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Aus den neuesten Daten neu berechnet." in content
    assert "Aktive Beziehungen nach Zustand" in content


def test_the_apis_figures_and_errors_read_in_german_under_german(world) -> None:
    from rest_framework.test import APIClient

    program, manager, _ = world
    client = APIClient()
    client.force_authenticate(manager)
    with translation.override("de"):
        body = client.get(
            f"/api/v1/analytics/programs/{program.slug}/figures/", HTTP_ACCEPT_LANGUAGE="de"
        ).json()
        refused = client.post(
            "/api/v1/analytics/reports/",
            {"program": program.slug, "start": "2026-03-01", "end": "2026-01-01"},
            format="json",
            HTTP_ACCEPT_LANGUAGE="de",
        )
    health = next(figure for figure in body["figures"] if figure["key"] == "health")
    assert health["title"] == "Aktive Beziehungen nach Zustand"
    assert health["columns"] == ["Beziehungen", "Jetzt aktiv"]
    assert health["rows"][0]["label"] == "Mentoring: Grün"
    # Keys and values stay the same in every language: only the words change.
    assert health["key"] == "health" and "value" in health["rows"][0]["cells"][0]
    assert refused.status_code == 400
    assert "Das Ende darf nicht vor dem Beginn liegen." in refused.content.decode()


def test_the_periodic_refresh_words_the_figures_in_every_language_of_the_site(
    world, settings, django_assert_max_num_queries
) -> None:
    from django.utils import timezone

    from ithaca.analytics.dashboard import refresh

    program, *_ = world
    settings.LANGUAGES = [("en", "English"), ("fr", "French"), ("es", "Spanish"), ("de", "German")]
    period = default_period()
    refresh(program, period, timezone.now())
    scopes = set(FigureCache.objects.values_list("scope", flat=True))
    assert scopes == {f"program:{program.pk}@{code}" for code in ("en", "fr", "es", "de")}
    with translation.override("fr"), django_assert_max_num_queries(1):
        board = dashboard_for(program, period)  # read from the French copy
    assert board.figure("health").title == "Relations actives selon leur santé"
