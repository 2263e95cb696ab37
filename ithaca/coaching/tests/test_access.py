"""Every coaching object against every role: who sees it, and who gets a 404.

Staff accounts are included on purpose: being staff opens no one's coaching.
"""

from __future__ import annotations

import pytest
from django.http import Http404

from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching import access, services
from ithaca.coaching.tests.factories import (
    ActionFactory,
    CheckInFactory,
    GoalFactory,
    NoteFactory,
    SessionFactory,
    active_engagement,
    at,
    sign_all,
)

pytestmark = pytest.mark.django_db

ROLES = ("coach", "coachee", "sponsor", "manager", "stranger", "staff")
PAIR = {"coach", "coachee"}
WITH_SPONSOR = PAIR | {"sponsor"}

# object name -> (access helper, the roles that see it)
EXPECTED = {
    "agreement": (access.access_agreement_version, WITH_SPONSOR),
    "one_to_one": (access.access_session, PAIR),
    "three_way": (access.access_session, WITH_SPONSOR),
    "private_note": (access.access_note, {"coach"}),
    "shared_note": (access.access_note, PAIR),
    "three_way_note": (access.access_note, WITH_SPONSOR),
    "private_note_on_three_way": (access.access_note, {"coach"}),
    "shared_note_on_three_way": (access.access_note, PAIR),
    "goal": (access.access_goal, PAIR),
    "checkin": (access.access_checkin, PAIR),
    "action": (access.access_action, PAIR),
    "draft_report": (access.access_report, PAIR),
    "awaiting_report": (access.access_report, PAIR),
    "approved_report": (access.access_report, WITH_SPONSOR),
}


@pytest.fixture
def world():
    engagement = active_engagement()
    manager = UserFactory()
    engagement.program.managers.add(manager)
    one, three = (
        SessionFactory(engagement=engagement),
        SessionFactory(engagement=engagement, kind="three_way_start"),
    )
    goal = GoalFactory(engagement=engagement)
    reports = [
        services.report_generate(engagement=engagement, user=engagement.coach) for _ in range(3)
    ]
    services.report_submit(report=reports[1], user=engagement.coach)
    services.report_submit(report=reports[2], user=engagement.coach)
    services.report_approve(report=reports[2], user=engagement.coachee)
    objects = {
        "agreement": engagement.agreement_versions.get(),
        "one_to_one": one,
        "three_way": three,
        "private_note": NoteFactory(session=one, visibility="private"),
        "shared_note": NoteFactory(session=one, visibility="shared"),
        "three_way_note": NoteFactory(session=three, visibility="three_way"),
        "private_note_on_three_way": NoteFactory(session=three, visibility="private"),
        "shared_note_on_three_way": NoteFactory(session=three, visibility="shared"),
        "goal": goal,
        "checkin": CheckInFactory(goal=goal),
        "action": ActionFactory(engagement=engagement),
        "draft_report": reports[0],
        "awaiting_report": reports[1],
        "approved_report": reports[2],
    }
    people = {
        "coach": engagement.coach,
        "coachee": engagement.coachee,
        "sponsor": engagement.sponsor,
        "manager": manager,
        "stranger": UserFactory(),
        "staff": UserFactory(is_staff=True, is_superuser=True),
    }
    return engagement, objects, people


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_each_object_is_visible_to_exactly_the_roles_the_rules_name(world, name, role) -> None:
    _, objects, people = world
    helper, allowed = EXPECTED[name]
    if role in allowed:
        assert helper(people[role], objects[name].pk).pk == objects[name].pk
    else:
        with pytest.raises(Http404):
            helper(people[role], objects[name].pk)


def test_the_evaluation_is_the_pairs_alone() -> None:
    engagement = active_engagement(session_count=1)
    services.session_schedule(
        engagement=engagement,
        user=engagement.coach,
        starts_at=at(-1),
        ends_at=at(-1, 11),
        location="Room",
        held=True,
    )
    services.engagement_close_out(engagement=engagement, user=engagement.coach)
    for person in (engagement.coach, engagement.coachee):
        assert access.access_evaluation(person, engagement.pk)
    for person in (engagement.sponsor, UserFactory(is_staff=True)):
        with pytest.raises(Http404):
            access.access_evaluation(person, engagement.pk)


def test_lists_follow_the_same_rules(world) -> None:
    engagement, objects, _people = world
    sponsor_sessions = access.visible_sessions(engagement, "sponsor")
    assert list(sponsor_sessions) == [objects["three_way"]]
    assert not access.visible_sessions(engagement, "manager").exists()
    notes = access.visible_notes(objects["three_way"], "sponsor", engagement.sponsor)
    assert list(notes) == [objects["three_way_note"]]
    mine = access.visible_notes(objects["one_to_one"], "coachee", engagement.coachee)
    assert set(mine) == {objects["shared_note"]}
    assert list(access.visible_reports(engagement, "sponsor")) == [objects["approved_report"]]
    assert not access.visible_reports(engagement, "manager").exists()


def test_a_sponsor_loses_approved_reports_when_amended_terms_share_nothing(world) -> None:
    engagement, objects, people = world
    sign_all(engagement, sponsor_sees="nothing")
    with pytest.raises(Http404):
        access.access_report(people["sponsor"], objects["approved_report"].pk)
    assert not access.visible_reports(engagement, "sponsor").exists()


def test_progress_is_withheld_from_the_sponsor_when_terms_narrow_to_attendance(world) -> None:
    engagement, objects, _people = world
    report = objects["approved_report"]
    progress = access.report_view(report, "sponsor", "attendance_and_progress")["progress"]
    assert [goal["goal"] for goal in progress] == [objects["goal"].pk]
    sign_all(engagement, sponsor_sees="attendance")
    terms = access.sponsor_terms(engagement)
    assert access.report_view(report, "sponsor", terms)["progress"] is None
    assert access.report_view(report, "coachee", terms)["progress"] == progress


def test_the_engagement_role_of_each_person(world) -> None:
    engagement, _, people = world
    roles = {name: access.party_role(person, engagement) for name, person in people.items()}
    assert roles == {
        "coach": "coach",
        "coachee": "coachee",
        "sponsor": "sponsor",
        "manager": "manager",
        "stranger": None,
        "staff": None,
    }
