"""The matching pages, as seekers, helpers, program managers and strangers use them."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.html import escape
from rest_framework.test import APIClient

from ithaca.accounts.models import Profile
from ithaca.intake.models import Referral
from ithaca.matching.models import MatchingConfig, MatchingRound, MatchProfile
from ithaca.matching.services import request_create, round_create, round_run
from ithaca.matching.tests.factories import ProgramFactory, helper, manager, person, seeker
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs.models import PairExclusion, PersonBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    program = ProgramFactory(slug="scheme", enrolment_open=False)
    program.mentee = seeker(program, languages=["en", "fr"])
    program.mentors = [helper(program, capacity=1) for _ in range(3)]
    program.boss = manager(program)
    return program


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_seeker_sees_their_candidates_with_scores_and_reasons(
    program, django_assert_max_num_queries, django_assert_num_queries
) -> None:
    client = _as(program.mentee)
    # The first request prepares the program's pool (poolcache) and checks the shown
    # helpers' rules on fresh rows; new helpers make the next one prepare it again.
    with django_assert_max_num_queries(28):
        response = client.get("/matching/scheme/candidates/")
    more = [helper(program, job_title="Matron") for _ in range(8)]
    with django_assert_max_num_queries(28):
        response = client.get("/matching/scheme/candidates/")
    # Once prepared, a page reads the fingerprints (the pool's and the open
    # relationships', one query) and the shown helpers' rules on fresh rows (four),
    # as many for 11 helpers as for the 100,000-person demo's 9,000.
    with django_assert_num_queries(11):
        response = client.get("/matching/scheme/candidates/")
    assert response.status_code == 200
    first = response.content.decode()
    # Ten compact cards a page, best first; the rest are a page away.
    assert first.count('<article class="candidate">') == 10 and "Page 1 of 2" in first
    page = first + client.get("/matching/scheme/candidates/?page=2").content.decode()
    for mentor in program.mentors + more:
        assert mentor.display_name in page
    assert "Hard rules checked" in page and "0 of 3 requests" in page
    assert "fit</span>" in first  # the fit in words before any number


def test_candidates_filtered_by_language_leave_out_those_who_do_not_speak_it(program) -> None:
    french = helper(program, languages=["fr"])
    page = _as(program.mentee).get("/matching/scheme/candidates/?language=fr").content.decode()
    assert french.display_name in page
    assert program.mentors[0].display_name not in page


def test_a_blocked_mentor_is_not_a_candidate(program) -> None:
    PersonBlock.objects.create(person=program.mentee, other=program.mentors[0], kind="opt_out")
    page = _as(program.mentee).get("/matching/scheme/candidates/").content.decode()
    assert program.mentors[0].display_name not in page


def test_a_request_from_the_page_proposes_and_shows_why(program) -> None:
    mentor = program.mentors[0]
    response = _as(program.mentee).post(
        "/matching/scheme/candidates/request/", {"helper": mentor.pk}, follow=True
    )
    relationship = MentoringRelationship.objects.get()
    assert response.redirect_chain[-1][0] == f"/matching/proposals/mentoring/{relationship.pk}/"
    assert b"Your request is with" in response.content and b"Hard rules checked" in response.content
    # The seeker has said yes by asking; only the mentor is awaited.
    assert b"Waiting for you" not in response.content
    assert b"Accept or decline" not in response.content
    mentor_view = _as(mentor).get(f"/matching/proposals/mentoring/{relationship.pk}/")
    assert b"Waiting for you" in mentor_view.content and b"Accept or decline" in mentor_view.content


def test_a_request_beyond_the_limit_says_so_and_changes_nothing(program) -> None:
    MatchingConfig.objects.create(program=program, max_open_requests=1)
    request_create(program=program, seeker=program.mentee, helper=program.mentors[0])
    response = _as(program.mentee).post(
        "/matching/scheme/candidates/request/", {"helper": program.mentors[1].pk}, follow=True
    )
    assert b"the most this program allows" in response.content
    assert MentoringRelationship.objects.count() == 1


def test_a_mentor_cannot_see_candidates_and_a_stranger_cannot_see_the_program(program) -> None:
    assert _as(program.mentors[0]).get("/matching/scheme/candidates/").status_code == 403
    assert _as(person()).get("/matching/scheme/candidates/").status_code == 404


def test_a_seeker_saves_what_they_are_looking_for(program) -> None:
    response = _as(program.mentee).post(
        "/matching/scheme/profile/",
        {
            "need": "Leading a ward",
            "target": "Ward manager",
            "preferences": ["outside_my_department"],
        },
    )
    assert response.status_code == 302
    profile = MatchProfile.objects.get()
    assert profile.target == "Ward manager" and profile.preferences == ["outside_my_department"]


def test_an_identity_preference_is_refused_outside_diversity_mentoring(program) -> None:
    response = _as(program.mentee).post(
        "/matching/scheme/profile/", {"need": "x", "preferences": ["shared_identity"]}
    )
    assert response.status_code == 400 and not MatchProfile.objects.exists()


def test_a_mentor_sees_waiting_seekers_and_offers(program) -> None:
    mentor = program.mentors[0]
    page = _as(mentor).get("/matching/scheme/offers/").content.decode()
    assert program.mentee.display_name in page and "room for 1 more" in page
    response = _as(mentor).post("/matching/scheme/offers/offer/", {"seeker": program.mentee.pk})
    assert response.status_code == 302
    assert MentoringRelationship.objects.get().helper_accepted_at is not None
    assert _as(program.mentee).get("/matching/scheme/offers/").status_code == 403


def test_the_proposal_page_is_for_the_two_people_and_the_managers(program) -> None:
    relationship = request_create(program=program, seeker=program.mentee, helper=program.mentors[0])
    url = f"/matching/proposals/mentoring/{relationship.pk}/"
    for user in (program.mentee, program.mentors[0], program.boss):
        assert _as(user).get(url).status_code == 200
    for user in (program.mentors[1], person()):
        assert _as(user).get(url).status_code == 404


def test_the_manager_sets_weights_and_a_bad_value_is_refused(program) -> None:
    client = _as(program.boss)
    form = {
        "walked_the_path": "must",
        "experience_gap": "off",
        "need_similarity": "high",
        "shared_interests": "low",
        "timezone_overlap": "medium",
        "preferences": "medium",
        "top_k": 10,
        "max_open_requests": 2,
    }
    assert client.post("/matching/scheme/settings/", form).status_code == 302
    config = MatchingConfig.objects.get()
    assert config.levels["walked_the_path"] == "must" and config.max_open_requests == 2
    response = client.post("/matching/scheme/settings/", {**form, "need_similarity": "always"})
    assert response.status_code == 400
    assert MatchingConfig.objects.get().levels["need_similarity"] == "high"
    assert _as(program.mentee).get("/matching/scheme/settings/").status_code == 403


def test_the_manager_starts_a_round_and_lands_on_its_draft(
    program, django_capture_on_commit_callbacks
) -> None:
    client = _as(program.boss)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/matching/scheme/rounds/", {"objective": "coverage"})
    matching_round = MatchingRound.objects.get()
    assert response["Location"] == f"/matching/scheme/rounds/{matching_round.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Draft: 1 of 1 people waiting matched" in page and "Publish" in page
    assert 'hx-trigger="every 1s"' not in page


def test_a_busy_round_polls_for_its_progress_and_can_be_cancelled(program, settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client = _as(program.boss)
    client.post("/matching/scheme/rounds/", {"objective": "fit"})
    matching_round = MatchingRound.objects.get()
    url = f"/matching/scheme/rounds/{matching_round.pk}/"
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 1s"' in partial and "<html" not in partial
    client.post(f"{url}cancel/")
    matching_round.refresh_from_db()
    assert matching_round.status == "cancelled"
    assert (
        'hx-trigger="every 1s"'
        not in client.get(url, headers={"HX-Request": "true"}).content.decode()
    )


def test_a_round_with_nobody_waiting_is_refused_on_the_page(program) -> None:
    request_create(program=program, seeker=program.mentee, helper=program.mentors[0])
    response = _as(program.boss).post("/matching/scheme/rounds/", {"objective": "fit"}, follow=True)
    assert b"is waiting for a mentor" in response.content
    assert not MatchingRound.objects.exists()


def _draft(program) -> MatchingRound:
    matching_round = round_create(program=program, objective="fit", created_by=program.boss)
    round_run(round_id=matching_round.pk)
    matching_round.refresh_from_db()
    return matching_round


def test_a_draft_pair_shows_its_hard_rules_checked_when_the_page_is_read(program) -> None:
    matching_round = _draft(program)
    pair = matching_round.pairs.get()
    assert "rules" not in pair.breakdown
    page = _as(program.boss).get(f"/matching/scheme/rounds/{matching_round.pk}/")
    said = escape(f"{pair.helper.display_name} has room for another mentee")
    assert said in page.content.decode()


def test_the_manager_removes_adds_and_publishes_pairs(program) -> None:
    matching_round = _draft(program)
    client = _as(program.boss)
    base = f"/matching/scheme/rounds/{matching_round.pk}/"
    pair = matching_round.pairs.get()
    client.post(f"{base}pairs/{pair.pk}/remove/")
    other = next(m for m in program.mentors if m != pair.helper)
    response = client.post(
        f"{base}pairs/", {"seeker": program.mentee.pk, "helper": other.pk}, follow=True
    )
    assert b"Added" in response.content
    assert b"Publish 1 pair?" in client.get(f"{base}publish/").content
    response = client.post(f"{base}publish/", follow=True)
    assert b"Proposed 1 pairs" in response.content
    assert MentoringRelationship.objects.get().mentor == other


def test_adding_a_pair_that_breaks_a_rule_shows_the_rule(program) -> None:
    matching_round = _draft(program)
    pair = matching_round.pairs.get()
    PersonBlock.objects.create(person=pair.helper, other=program.mentee, kind="opt_out")
    client = _as(program.boss)
    base = f"/matching/scheme/rounds/{matching_round.pk}/"
    client.post(f"{base}pairs/{pair.pk}/remove/")
    response = client.post(
        f"{base}pairs/", {"seeker": program.mentee.pk, "helper": pair.helper.pk}, follow=True
    )
    assert b"opted out" in response.content
    assert not matching_round.pairs.filter(removed=False).exists()


@pytest.mark.parametrize("more", [0, 6])
def test_the_round_page_lists_pairs_in_a_fixed_number_of_queries(
    program, more, django_assert_num_queries
) -> None:
    for _ in range(more):
        seeker(program)
        helper(program, capacity=1)
    matching_round = _draft(program)
    assert matching_round.pairs.count() == 1 + more
    client = _as(program.boss)
    # Some of them read the page's people to explain their pairs and check their hard
    # rules (round_pairs.py): the same queries however many pairs the page shows.
    with django_assert_num_queries(19):
        response = client.get(f"/matching/scheme/rounds/{matching_round.pk}/")
    assert response.status_code == 200
    assert response.content.decode().count("has room for another mentee") == 1 + more


def test_only_the_programs_managers_see_its_rounds(program) -> None:
    matching_round = _draft(program)
    url = f"/matching/scheme/rounds/{matching_round.pk}/"
    other_manager = manager(ProgramFactory())
    assert _as(other_manager).get(url).status_code == 404
    assert _as(program.mentee).get(url).status_code == 404
    assert _as(program.boss).get("/matching/scheme/").status_code == 200
    assert _as(program.mentee).get("/matching/scheme/").status_code == 403


def test_the_matching_home_lists_each_persons_pages(program) -> None:
    assert b"Your candidates" in _as(program.mentee).get("/matching/").content
    assert b"People you could help" in _as(program.mentors[0]).get("/matching/").content
    assert b"rounds, weights and fit checks" in _as(program.boss).get("/matching/").content


def test_someone_awaiting_approval_is_told_matching_opens_after_it(program) -> None:
    from ithaca.programs.models import Participation

    applicant = person()
    Participation.objects.create(program=program, user=applicant, role="seeker", state="pending")
    page = _as(applicant).get("/matching/").content.decode()
    assert "Waiting for a program manager to approve you" in page
    assert _as(applicant).get("/matching/scheme/candidates/").status_code == 403


def test_add_is_disabled_while_nobody_is_left_out_of_the_draft(program) -> None:
    matching_round = _draft(program)
    client = _as(program.boss)
    page = client.get(f"/matching/scheme/rounds/{matching_round.pk}/").content.decode()
    assert '<button type="submit" disabled>Add</button>' in page
    assert "Everyone waiting has a pair in this draft" in page
    client.post(
        f"/matching/scheme/rounds/{matching_round.pk}/pairs/{matching_round.pairs.get().pk}/remove/"
    )
    page = client.get(f"/matching/scheme/rounds/{matching_round.pk}/").content.decode()
    assert '<button type="submit">Add</button>' in page
    assert "Draft: 0 of 1 people waiting matched" in page


def test_the_draft_and_the_publish_page_warn_about_a_pair_scoring_zero_on_a_high_factor(
    program,
) -> None:
    program.mentee.match_profiles.create(program=program, target="Astronaut")
    matching_round = _draft(program)
    base = f"/matching/scheme/rounds/{matching_round.pk}/"
    client = _as(program.boss)
    page = client.get(base).content.decode()
    assert "1 pair has a warning" in page
    assert "Walked the path weighs high here and this pair scores 0 on it" in page
    page = client.get(f"{base}publish/").content.decode()
    assert "Walked the path weighs high here and this pair scores 0 on it" in page


def test_a_prepared_pool_is_rebuilt_when_a_helpers_profile_changes(program) -> None:
    client = _as(program.mentee)
    client.get("/matching/scheme/candidates/")
    mentor = program.mentors[0]
    mentor.profile.job_title = "Chief Cartographer"
    mentor.profile.save()

    assert client.get("/matching/scheme/candidates/").status_code == 200

    from ithaca.matching import poolcache

    helper = poolcache.prepared(program).pool.helper_by_id[mentor.pk]
    assert "Chief Cartographer" in helper.roles


def test_a_helper_who_opts_out_after_the_pool_was_prepared_is_not_shown(program) -> None:
    client = _as(program.mentee)
    first = client.get("/matching/scheme/candidates/").content.decode()
    blocked = program.mentors[0]
    assert blocked.display_name in first
    PersonBlock.objects.create(person=blocked, other=program.mentee, kind=PersonBlock.Kind.OPT_OUT)

    page = client.get("/matching/scheme/candidates/").content.decode()

    assert blocked.display_name not in page
    assert program.mentors[1].display_name in page


def _exclude_by_conflict(program, mentor) -> None:
    PersonBlock.objects.create(person=program.mentee, other=mentor, kind=PersonBlock.Kind.CONFLICT)


def _exclude_by_the_managers(program, mentor) -> None:
    PairExclusion.objects.create(
        program=program, helper=mentor, seeker=program.mentee, reason="manager"
    )


def _exclude_as_assessor(program, mentor) -> None:
    program.mentee.profile.assessors.add(mentor)  # the profile's updated_at does not move


def _exclude_as_line_manager(program, mentor) -> None:
    Profile.objects.filter(user=program.mentee).update(line_manager=mentor)


def _exclude_by_a_declined_proposal(program, mentor) -> None:
    MentoringRelationship.objects.create(
        program=program, mentor=mentor, mentee=program.mentee, status="declined"
    )


def _exclude_by_a_full_helper(program, mentor) -> None:
    # Their one place is now taken by a proposal to someone else.
    MentoringRelationship.objects.create(
        program=program, mentor=mentor, mentee=seeker(program), status="proposed"
    )


@pytest.mark.parametrize(
    "change",
    [
        _exclude_by_conflict,
        _exclude_by_the_managers,
        _exclude_as_assessor,
        _exclude_as_line_manager,
        _exclude_by_a_declined_proposal,
        _exclude_by_a_full_helper,
    ],
)
def test_a_rule_that_now_excludes_a_shown_helper_drops_them_from_the_page_and_the_api(
    program, change
) -> None:
    client = _as(program.mentee)
    api = APIClient()
    api.force_authenticate(program.mentee)
    mentor = program.mentors[0]
    assert mentor.display_name in client.get("/matching/scheme/candidates/").content.decode()
    change(program, mentor)

    page = client.get("/matching/scheme/candidates/").content.decode()
    listed = api.get("/api/v1/matching/programs/scheme/candidates/").json()["results"]

    assert mentor.display_name not in page
    assert program.mentors[1].display_name in page
    assert mentor.pk not in {row["person"]["id"] for row in listed} and listed


def test_a_helper_whose_place_is_freed_again_is_shown_again(program) -> None:
    client = _as(program.mentee)
    mentor = program.mentors[0]
    client.get("/matching/scheme/candidates/")
    proposal = MentoringRelationship.objects.create(
        program=program, mentor=mentor, mentee=seeker(program), status="proposed"
    )
    assert mentor.display_name not in client.get("/matching/scheme/candidates/").content.decode()
    proposal.status = "withdrawn"
    proposal.save()

    page = client.get("/matching/scheme/candidates/").content.decode()

    assert mentor.display_name in page


def test_a_seeker_referred_after_the_pool_was_prepared_is_shown_nobody(program) -> None:
    client = _as(program.mentee)
    assert (
        program.mentors[0].display_name
        in client.get("/matching/scheme/candidates/").content.decode()
    )
    Referral.objects.create(
        referrer=person(),
        person=program.mentee,
        kind="mentoring",
        reason="Talk to someone first.",
        status=Referral.Status.ACCEPTED,
        responded_at=timezone.now(),
    )

    page = client.get("/matching/scheme/candidates/").content.decode()

    assert not any(mentor.display_name in page for mentor in program.mentors)
    assert "Nobody fits all the program" in page


def test_a_reason_ithaca_stored_in_english_reads_in_the_readers_language(program) -> None:
    relationship = request_create(program=program, seeker=program.mentee, helper=program.mentors[0])
    # Stored as English text, as every row before reasons had codes.
    MentoringRelationship.objects.filter(pk=relationship.pk).update(
        status="withdrawn", status_reason="No answer in time."
    )
    url = f"/matching/proposals/mentoring/{relationship.pk}/"
    page = _as(program.mentee).get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Zurückgezogen. Der Grund: Keine rechtzeitige Antwort." in page


def test_on_a_phone_each_pair_is_a_card_that_names_its_columns(program) -> None:
    # The pairs table becomes cards below the phone breakpoint (`table.cards-on-phone`):
    # each cell carries its column's name, so a card reads without the header row.
    matching_round = _draft(program)
    page = _as(program.boss).get(f"/matching/scheme/rounds/{matching_round.pk}/").content
    page_text = page.decode()
    assert '<table class="cards-on-phone">' in page_text
    assert 'data-label="Mentor"' in page_text
    assert 'data-label="Score and reasons"' in page_text
