"""The intake and referral endpoints."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from ithaca.accounts.tests.factories import UserFactory
from ithaca.intake.models import Intake, Referral
from ithaca.intake.services import intake_submit, referral_create
from ithaca.programs.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "Over the next five years I want to understand how to build a research career here, and "
    "I'd value someone who has walked that path."
)


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_triage_returns_the_recommendation_with_reasons_and_programs() -> None:
    ProgramFactory(name="Research mentoring")
    body = _api(UserFactory()).post("/api/v1/intake/triage/", {"text": TEXT}, format="json").json()
    assert body["recommendation"] == "mentoring"
    assert any("five years" in reason for reason in body["reasons"])
    assert body["programs"][0]["name"] == "Research mentoring"
    assert body["intake"] is None
    assert not Intake.objects.exists()


def test_triage_saves_the_intake_when_asked() -> None:
    user = UserFactory()
    body = (
        _api(user)
        .post(
            "/api/v1/intake/triage/",
            {"text": TEXT, "answers": {"horizon": "years", "areas": ["career"]}, "save": True},
            format="json",
        )
        .json()
    )
    intake = Intake.objects.get(pk=body["intake"])
    assert intake.author == user and intake.answers == {"horizon": ["years"], "areas": ["career"]}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "x" * 5001}, "text"),
        ({"text": TEXT, "answers": {"horizon": "decades"}}, "answers"),
        ({"text": TEXT, "answers": {"areas": ["astrology"]}}, "answers"),
        ({}, "text"),
    ],
)
def test_bad_triage_input_is_a_400_naming_the_field(payload: dict, field: str) -> None:
    response = _api(UserFactory()).post("/api/v1/intake/triage/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert not Intake.objects.exists()


def test_unclear_comes_with_follow_up_questions() -> None:
    body = (
        _api(UserFactory()).post("/api/v1/intake/triage/", {"text": "help"}, format="json").json()
    )
    assert body["recommendation"] == "unclear" and body["follow_up_questions"]
    assert body["programs"] == []


def test_intakes_list_only_my_own_and_others_are_404() -> None:
    me, other = UserFactory(), UserFactory()
    mine = intake_submit(author=me, text=TEXT)
    theirs = intake_submit(author=other, text=TEXT)
    client = _api(me)
    assert [i["id"] for i in client.get("/api/v1/intakes/").json()["results"]] == [mine.pk]
    assert client.get(f"/api/v1/intakes/{theirs.pk}/").status_code == 404


def test_a_line_manager_refers_through_the_api_and_sees_only_status() -> None:
    manager, person = UserFactory(), UserFactory()
    person.profile.line_manager = manager
    person.profile.save()
    response = _api(manager).post(
        "/api/v1/referrals/",
        {"person": person.email, "kind": "coaching", "reason": "Your new team"},
        format="json",
    )
    assert response.status_code == 201
    referral_id = response.json()["id"]
    assert _api(manager).post(f"/api/v1/referrals/{referral_id}/accept/").status_code == 403
    answered = _api(person).post(f"/api/v1/referrals/{referral_id}/accept/").json()
    assert answered["status"] == "accepted"
    listed = _api(manager).get("/api/v1/referrals/").json()["results"]
    assert [r["status"] for r in listed] == ["accepted"]


def test_self_referral_is_a_400_and_saves_nothing() -> None:
    me = UserFactory(is_staff=True)
    response = _api(me).post(
        "/api/v1/referrals/", {"person": me.email, "kind": "coaching", "reason": "x"}, format="json"
    )
    assert response.status_code == 400 and "person" in response.json()["error"]["fields"]
    assert not Referral.objects.exists()


def test_a_stranger_cannot_see_or_answer_a_referral() -> None:
    manager, person = UserFactory(), UserFactory()
    person.profile.line_manager = manager
    person.profile.save()
    referral = referral_create(referrer=manager, person=person, kind="mentoring", reason="Grow")
    stranger = _api(UserFactory())
    assert stranger.post(f"/api/v1/referrals/{referral.pk}/accept/").status_code == 404
    assert stranger.get("/api/v1/referrals/").json()["results"] == []


@pytest.mark.parametrize(
    ("text", "language", "recommendation"),
    [
        (TEXT, "en", "mentoring"),
        ("J'hésite entre rester dans la recherche publique ou partir dans l'industrie, et "
         "j'aimerais en parler avec quelqu'un qui a fait le saut.", "fr", "mentoring"),
        ("Tengo que presentar los resultados al comité en tres semanas y me bloqueo cuando "
         "hablo en público.", "es", "coaching"),
        ("Ich muss meinen Umsatz bis Jahresende steigern. Auf längere Sicht weiß ich nicht, ob "
         "ich im Verkauf bleiben oder ins Marketing wechseln soll.", "de", "both"),
    ],
)  # fmt: skip
def test_triage_reads_four_languages_and_says_which(
    text: str, language: str, recommendation: str
) -> None:
    body = _api(UserFactory()).post("/api/v1/intake/triage/", {"text": text}, format="json").json()
    assert body["language"] == language
    assert body["recommendation"] == recommendation
    assert body["next_step"] is None


@pytest.mark.parametrize(
    ("text", "next_step"),
    [
        ("Our sales team has to lift conversion before Q4. Please arrange coaching for the "
         "whole team.", "referral"),
        ("Je voudrais lire les comptes rendus des séances de coaching de mon collaborateur.",
         "confidentiality"),
        ("Die Personalabteilung hat gesagt, ich muss ein Coaching machen.", "own_wish"),
    ],
)  # fmt: skip
def test_triage_answers_someone_elses_wish_with_the_next_step(text: str, next_step: str) -> None:
    body = _api(UserFactory()).post("/api/v1/intake/triage/", {"text": text}, format="json").json()
    assert body["recommendation"] == "unclear"
    assert body["third_party"] is True
    assert body["next_step"] == next_step
    assert body["programs"] == []


def test_triage_in_another_language_names_the_languages_it_reads() -> None:
    body = (
        _api(UserFactory())
        .post("/api/v1/intake/triage/", {"text": "Vorrei un mentor per la mia carriera."})
        .json()
    )
    assert body["recommendation"] == "unclear" and body["language"] == "other"
    assert "English, French, Spanish and German" in body["reasons"][0]


def test_the_referrals_api_answers_alike_whether_an_address_has_an_account_or_not() -> None:
    person = UserFactory()  # has an account; the caller has no standing to refer them
    client = _api(UserFactory())
    answers = [
        client.post(
            "/api/v1/referrals/",
            {"person": email, "kind": "coaching", "reason": "Grow"},
            format="json",
        )
        for email in (person.email, "nobody-here@example.org")
    ]
    assert [a.status_code for a in answers] == [400, 400]
    assert answers[0].json() == answers[1].json()
    assert "You can refer only" in answers[0].json()["error"]["fields"]["person"][0]
    assert not Referral.objects.exists()


def test_a_sponsor_of_a_program_the_person_is_in_refers_through_the_api() -> None:
    from ithaca.programs.tests.factories import ParticipationFactory, make_pair

    program, _, coachee = make_pair("coaching")
    sponsor = ParticipationFactory(program=program, role="sponsor").user
    elsewhere = ParticipationFactory(program=make_pair("coaching")[0], role="sponsor").user
    body = {"person": coachee.email, "kind": "coaching", "reason": "Grow"}
    assert _api(sponsor).post("/api/v1/referrals/", body, format="json").status_code == 201
    assert _api(elsewhere).post("/api/v1/referrals/", body, format="json").status_code == 400


def test_a_saved_intakes_sentences_are_read_in_german_and_its_machine_fields_stay() -> None:
    user = UserFactory()
    intake = intake_submit(author=user, text=TEXT, answers={})
    url = f"/api/v1/intakes/{intake.pk}/"
    english = _api(user).get(url, HTTP_ACCEPT_LANGUAGE="en").json()
    german = _api(user).get(url, HTTP_ACCEPT_LANGUAGE="de").json()
    assert english["result"]["reasons"] == intake.result["reasons"]
    # The same sentences as the German triage of the same words gives.
    triaged = (
        _api(user)
        .post("/api/v1/intake/triage/", {"text": TEXT}, format="json", HTTP_ACCEPT_LANGUAGE="de")
        .json()
    )
    assert german["result"]["reasons"] == triaged["reasons"]
    assert german["result"]["reasons"] != english["result"]["reasons"]
    assert german["result"]["follow_up_questions"] == triaged["follow_up_questions"]
    for field in ("recommendation", "confidence", "modes", "third_party", "next_step"):
        assert german["result"][field] == english["result"][field]
    assert german["text"] == TEXT and german["recommendation"] == "mentoring"
    listed = _api(user).get("/api/v1/intakes/", HTTP_ACCEPT_LANGUAGE="de").json()
    assert listed["results"][0]["result"]["reasons"] == german["result"]["reasons"]
