# ruff: noqa: E501  (the table reads best one row per line)
"""What notifies whom (issue 13, item 2), one row per event: the named people get
exactly one notification of the named kind, and nobody else gets any.

Each row builds its world through the services, forgets the notifications the
building made, performs the one action, and compares. The person who acts is
never told of their own action.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from ithaca.accounts.tests.factories import UserFactory
from ithaca.analytics.services import pulse_invitations_create, rating_prompts_create
from ithaca.coaching import periodic as coaching_periodic
from ithaca.coaching import services as coaching
from ithaca.coaching.tests.factories import (
    ActionFactory,
    SessionFactory,
    active_engagement,
    at,
    proposed_engagement,
    terms,
)
from ithaca.console.services import program_invite, proposal_nudge
from ithaca.intake.services import referral_create, referral_respond
from ithaca.matching.models import ProposalExplanation
from ithaca.matching.notices import tell_proposed
from ithaca.matching.services import (
    fit_check_request,
    offer_create,
    request_create,
    requests_expire,
)
from ithaca.matching.tests.factories import ProgramFactory, helper, manager, seeker
from ithaca.mentoring import services as mentoring
from ithaca.mentoring.models import Meeting
from ithaca.mentoring.periodic import remind_upcoming_meetings
from ithaca.mentoring.tests.factories import (
    EventFactory,
    SignupFactory,
    active_relationship,
    soon,
    started_days_ago,
)
from ithaca.messaging.access import access_conversation
from ithaca.messaging.services import message_send
from ithaca.notifications.feeds import feed_regenerate
from ithaca.notifications.kinds import KINDS
from ithaca.notifications.models import Notification
from ithaca.programs import relationships as lifecycle
from ithaca.programs.independence import independence_recheck
from ithaca.programs.services import application_decide, participation_apply
from ithaca.programs.tests.factories import ParticipationFactory, make_pair
from ithaca.scim.tasks import tell_managers_someone_left

pytestmark = pytest.mark.django_db

World = dict[str, Any]


@dataclass(frozen=True)
class Row:
    event: str
    build: Callable[[], World]
    act: Callable[[World], object]
    told: tuple[str, ...]  # names in the world
    kind: str
    also: tuple[tuple[str, str], ...] = ()  # (name, kind): told of the same event otherwise


# --- Builders ------------------------------------------------------------------


def _matching() -> World:
    program = ProgramFactory(request_expiry_days=7)
    return {"program": program, "seeker": seeker(program), "helper": helper(program)}


def _requested() -> World:
    world = _matching()
    world["rel"] = request_create(
        program=world["program"], seeker=world["seeker"], helper=world["helper"]
    )
    return world


def _offered() -> World:
    world = _matching()
    world["rel"] = offer_create(
        program=world["program"], helper=world["helper"], seeker=world["seeker"]
    )
    return world


def _from_round() -> World:
    world = _matching()
    world["manager"] = manager(world["program"])
    world["rel"] = mentoring.mentoring_propose(
        program=world["program"], mentor=world["helper"], mentee=world["seeker"],
        proposed_by=world["manager"],
    )  # fmt: skip
    world["row"] = ProposalExplanation.objects.create(
        kind="mentoring", relationship_id=world["rel"].pk, program=world["program"],
        seeker=world["seeker"], helper=world["helper"], source="round",
    )  # fmt: skip
    return world


def _expire(world: World) -> None:
    ProposalExplanation.objects.update(created_at=timezone.now() - dt.timedelta(days=8))
    requests_expire(now=timezone.now())


def _mentoring() -> World:
    rel = active_relationship()
    return {"rel": rel, "mentor": rel.mentor, "mentee": rel.mentee}


def _meeting(world: World, confirmed: bool = False) -> Meeting:
    rel = world["rel"]
    start = soon(3)
    meeting = mentoring.meeting_propose(
        relationship=rel, user=world["mentor"], starts_at=start,
        ends_at=start + dt.timedelta(hours=1), location="Library",
    )  # fmt: skip
    if confirmed:
        mentoring.meeting_accept(relationship=rel, user=world["mentee"], meeting=meeting)
    return meeting


def _with_meeting(confirmed: bool) -> Callable[[], World]:
    def build() -> World:
        world = _mentoring()
        world["meeting"] = _meeting(world, confirmed)
        return world

    return build


def _with_suggestion() -> World:
    world = _mentoring()
    world["topic"] = mentoring.topic_add(
        relationship=world["rel"], user=world["mentor"], title="Negotiating a rota"
    )
    return world


def _offered_introduction() -> World:
    world = _mentoring()
    world["contact"] = UserFactory()
    world["intro"] = mentoring.introduction_propose(
        relationship=world["rel"], user=world["mentor"], contact=world["contact"],
        reason="You know research nursing.",
    )  # fmt: skip
    return world


def _with_introduction() -> World:
    """Offered, and agreed by the mentee: the contact has been asked."""
    world = _offered_introduction()
    world["intro"] = mentoring.introduction_answer(
        introduction=world["intro"], user=world["mentee"], accept=True
    )
    return world


def _event_with_people() -> World:
    program = ProgramFactory()
    world: World = {"event": EventFactory(program=program, starts_at=soon(5), ends_at=soon(5, hours=1)),
                    "pm": UserFactory(), "ana": seeker(program), "ben": seeker(program)}  # fmt: skip
    program.managers.add(world["pm"])
    for person in (world["ana"], world["ben"]):
        mentoring.event_signup(event=world["event"], user=person)
    return world


def _coaching(sponsor: bool = True) -> World:
    engagement = active_engagement(sponsor=sponsor)
    return {
        "engagement": engagement, "coach": engagement.coach,
        "coachee": engagement.coachee, "sponsor": engagement.sponsor,
    }  # fmt: skip


def _proposed_coaching() -> World:
    engagement = proposed_engagement()
    return {
        "engagement": engagement, "coach": engagement.coach,
        "coachee": engagement.coachee, "sponsor": engagement.sponsor,
    }  # fmt: skip


def _drafted_coaching() -> World:
    world = _proposed_coaching()
    engagement = world["engagement"]
    world["version"] = coaching.agreement_draft(
        engagement=engagement, user=engagement.coach, terms=terms()
    )
    for person in (world["coach"], world["coachee"]):
        coaching.agreement_sign(version=world["version"], user=person)
    return world


def _session(three_way: bool = False) -> Callable[[], World]:
    def build() -> World:
        world = _coaching()
        world["session"] = coaching.session_schedule(
            engagement=world["engagement"], user=world["coach"], starts_at=at(3),
            ends_at=at(3, 11), location="Room 2",
            kind="three_way_start" if three_way else "one_to_one",
        )  # fmt: skip
        return world

    return build


def _submitted_report() -> World:
    world = _coaching()
    report = coaching.report_generate(engagement=world["engagement"], user=world["coach"])
    world["report"] = coaching.report_submit(report=report, user=world["coach"])
    return world


def _application() -> World:
    program = ProgramFactory(enrolment_open=True)
    person = UserFactory()
    participation = participation_apply(program=program, user=person, role="seeker")
    return {"program": program, "applicant": person, "participation": participation}


def _fit_check() -> World:
    world = _mentoring()
    program = world["rel"].program
    world["manager"] = manager(program)
    start = timezone.now() - dt.timedelta(days=3)
    Meeting.objects.create(
        relationship=world["rel"], starts_at=start, ends_at=start + dt.timedelta(hours=1),
        status="held", proposed_by=world["mentee"],
    )  # fmt: skip
    return world


def _event_marks() -> World:
    program = ProgramFactory()
    event = EventFactory(
        program=program, starts_at=timezone.now() - dt.timedelta(hours=3),
        ends_at=timezone.now() - dt.timedelta(hours=1),
    )  # fmt: skip
    world: World = {"event": event, "mentor": helper(program), "mentee": seeker(program)}
    for person in (world["mentor"], world["mentee"]):
        SignupFactory(event=event, person=person, attended=True)
    mentoring.mark_add(event=event, user=world["mentor"], marked=world["mentee"])
    return world


def _line_managed(world: World) -> World:
    """The mentee now reports to the mentor: the pair is no longer independent."""
    world["mentee"].profile.line_manager = world["mentor"]
    world["mentee"].profile.save()
    return world


def _proposal_then_dependent() -> World:
    world = _from_round()
    world["mentor"], world["mentee"] = world["helper"], world["seeker"]
    return _line_managed(world)


def _running_then_dependent() -> World:
    world = _mentoring()
    world["manager"] = manager(world["rel"].program)
    return _line_managed(world)


def _someone_left() -> World:
    world = _mentoring()
    world["manager"] = manager(world["rel"].program)
    type(world["mentee"]).objects.filter(pk=world["mentee"].pk).update(is_active=False)
    return world


def _held_meeting() -> World:
    world = _mentoring()
    start = timezone.now() - dt.timedelta(days=2)
    Meeting.objects.create(
        relationship=world["rel"], starts_at=start, ends_at=start + dt.timedelta(hours=1),
        status="held", proposed_by=world["mentee"],
    )  # fmt: skip
    return world


def _referral_setting() -> World:
    _program, _coach, person = make_pair("coaching")
    world: World = {"person": person, "line_manager": UserFactory()}
    person.profile.line_manager = world["line_manager"]
    person.profile.save()
    return world


def _referred() -> World:
    world = _referral_setting()
    world["referral"] = referral_create(
        referrer=world["line_manager"],
        person=world["person"],
        kind="coaching",
        reason="Your new team",
    )
    return world


def _stalled_coaching() -> World:
    world = _coaching()
    engagement = world["engagement"]
    world["manager"] = manager(engagement.program)
    type(engagement).objects.filter(pk=engagement.pk).update(
        started_at=timezone.now() - dt.timedelta(days=60)
    )
    SessionFactory(engagement=engagement, starts_at=timezone.now() - dt.timedelta(days=40))
    return world


def _used_up_coaching() -> World:
    engagement = active_engagement(session_count=1)
    SessionFactory(engagement=engagement)
    return {
        "engagement": engagement, "coach": engagement.coach,
        "coachee": engagement.coachee, "sponsor": engagement.sponsor,
    }  # fmt: skip


def _closed_out_coaching() -> World:
    world = _used_up_coaching()
    coaching.engagement_close_out(engagement=world["engagement"], user=world["coach"])
    return world


def _coach_to_change() -> World:
    world = _coaching()
    world["manager"] = manager(world["engagement"].program)
    program = world["engagement"].program
    world["new_coach"] = ParticipationFactory(program=program, role="coach").user
    return world


def _unsponsored() -> World:
    world = _coaching(sponsor=False)
    world["manager"] = manager(world["engagement"].program)
    program = world["engagement"].program
    world["sponsor"] = ParticipationFactory(program=program, role="sponsor").user
    return world


def _sponsor_asked() -> World:
    world = _unsponsored()
    world["invitation"] = coaching.sponsor_invite(
        engagement=world["engagement"], sponsor=world["sponsor"], by=world["coachee"]
    )
    return world


def _in_months(days: int) -> Callable[[World], object]:
    def act(world: World) -> object:
        return coaching_periodic.send_follow_up_surveys(
            now=timezone.now() + dt.timedelta(days=days)
        )

    return act


def _write(world: World) -> object:
    rel = world["rel"]
    conversation = access_conversation(world["mentee"], "mentoring", rel.pk)
    return message_send(conversation=conversation, author=world["mentee"], body="Hello")


# --- The table -------------------------------------------------------------------

ROWS = [
    # Requests, offers, proposals and starts.
    Row("request received", _matching, lambda w: request_create(program=w["program"], seeker=w["seeker"], helper=w["helper"]), ("helper",), "request.received"),
    Row("request accepted", _requested, lambda w: lifecycle.relationship_accept(w["rel"], user=w["helper"]), ("seeker",), "request.accepted"),
    Row("request declined with its reason", _requested, lambda w: lifecycle.relationship_decline(w["rel"], user=w["helper"], reason="Full this term"), ("seeker",), "request.declined"),
    Row("request expired", _requested, _expire, ("seeker",), "request.expired"),
    Row("offer received", _matching, lambda w: offer_create(program=w["program"], helper=w["helper"], seeker=w["seeker"]), ("seeker",), "offer.received"),
    Row("offer accepted", _offered, lambda w: lifecycle.relationship_accept(w["rel"], user=w["seeker"]), ("helper",), "offer.accepted"),
    Row("proposal from a round", _from_round, lambda w: tell_proposed(w["row"], w["rel"]), ("helper", "seeker"), "proposal.received"),
    Row("relationship started by the second yes", _from_round, lambda w: (lifecycle.relationship_accept(w["rel"], user=w["helper"]), Notification.objects.all().delete(), lifecycle.relationship_accept(w["rel"], user=w["seeker"])), ("helper",), "relationship.started"),
    # Mentoring.
    Row("meeting proposed", _mentoring, lambda w: _meeting(w), ("mentee",), "meeting.proposed"),
    Row("meeting accepted", _with_meeting(False), lambda w: mentoring.meeting_accept(relationship=w["rel"], user=w["mentee"], meeting=w["meeting"]), ("mentor",), "meeting.accepted"),
    Row("meeting changed", _with_meeting(True), lambda w: mentoring.meeting_reschedule(relationship=w["rel"], user=w["mentee"], meeting=w["meeting"], starts_at=soon(5), ends_at=soon(5, 1), location="Café"), ("mentor",), "meeting.changed"),
    Row("meeting cancelled", _with_meeting(True), lambda w: mentoring.meeting_cancel(relationship=w["rel"], user=w["mentee"], meeting=w["meeting"]), ("mentor",), "meeting.cancelled"),
    Row("meeting reminder", _with_meeting(True), lambda w: remind_upcoming_meetings(now=w["meeting"].starts_at - dt.timedelta(hours=23)), ("mentor", "mentee"), "meeting.reminder"),
    Row("topic suggested", _mentoring, lambda w: mentoring.topic_add(relationship=w["rel"], user=w["mentor"], title="Rotas"), ("mentee",), "topic.suggested"),
    Row("suggestion taken up", _with_suggestion, lambda w: mentoring.topic_accept(relationship=w["rel"], user=w["mentee"], topic=w["topic"]), ("mentor",), "topic.taken_up"),
    Row("suggestion left aside", _with_suggestion, lambda w: mentoring.topic_decline(relationship=w["rel"], user=w["mentee"], topic=w["topic"]), ("mentor",), "topic.left_aside"),
    Row("introduction offered to the mentee", _mentoring, lambda w: mentoring.introduction_propose(relationship=w["rel"], user=w["mentor"], contact=w.setdefault("contact", UserFactory()), reason="Research nursing"), ("mentee",), "introduction.offered"),
    Row("introduction asked", _offered_introduction, lambda w: mentoring.introduction_answer(introduction=w["intro"], user=w["mentee"], accept=True), ("contact",), "introduction.asked"),
    Row("introduction not wanted", _offered_introduction, lambda w: mentoring.introduction_answer(introduction=w["intro"], user=w["mentee"], accept=False), ("mentor",), "introduction.not_wanted"),
    Row("introduction withdrawn after the mentee agreed", _with_introduction, lambda w: mentoring.introduction_withdraw(introduction=w["intro"], user=w["mentor"]), ("mentee", "contact"), "introduction.withdrawn"),
    Row("introduction agreed", _with_introduction, lambda w: mentoring.introduction_answer(introduction=w["intro"], user=w["contact"], accept=True), ("mentor", "mentee"), "introduction.agreed"),
    Row("review due", lambda: {**_mentoring(), "_": None}, lambda w: (started_days_ago(w["rel"], 200), mentoring.reviews_create(now=timezone.now())), ("mentor", "mentee"), "review.due"),
    Row("relationship concluded", _mentoring, lambda w: lifecycle.relationship_conclude(w["rel"], user=w["mentee"]), ("mentor",), "relationship.concluded"),
    Row("silence nudge", _mentoring, lambda w: (started_days_ago(w["rel"], 60), mentoring.nudges_create(now=timezone.now())), ("mentor", "mentee"), "relationship.silent"),
    # Coaching.
    Row("agreement needs your signature", _proposed_coaching, lambda w: coaching.agreement_draft(engagement=w["engagement"], user=w["coach"], terms=terms()), ("coachee", "sponsor"), "agreement.to_sign"),
    Row("agreement amended", _coaching, lambda w: coaching.agreement_draft(engagement=w["engagement"], user=w["coachee"], terms=terms(session_count=6)), ("coach", "sponsor"), "agreement.amended"),
    Row("signed by everyone and started", _drafted_coaching, lambda w: coaching.agreement_sign(version=w["version"], user=w["sponsor"]), ("coach", "coachee"), "engagement.started"),
    Row("session scheduled", _coaching, lambda w: coaching.session_schedule(engagement=w["engagement"], user=w["coach"], starts_at=at(3), ends_at=at(3, 11), location="Room 2"), ("coachee",), "session.scheduled"),
    Row("three-way session scheduled", _coaching, lambda w: coaching.session_schedule(engagement=w["engagement"], user=w["coach"], starts_at=at(3), ends_at=at(3, 11), location="Room 2", kind="three_way_start"), ("coachee", "sponsor"), "session.scheduled"),
    Row("session rescheduled", _session(), lambda w: coaching.session_reschedule(session=w["session"], user=w["coachee"], starts_at=at(4), ends_at=at(4, 11), reason="Clinic"), ("coach",), "session.rescheduled"),
    Row("session cancelled", _session(), lambda w: coaching.session_cancel(session=w["session"], user=w["coach"], reason="Ill"), ("coachee",), "session.cancelled"),
    Row("three-way session cancelled", _session(three_way=True), lambda w: coaching.session_cancel(session=w["session"], user=w["coach"], reason="Ill"), ("coachee", "sponsor"), "session.cancelled"),
    Row("session reminder", _session(), lambda w: coaching_periodic.remind_sessions(now=w["session"].starts_at - dt.timedelta(hours=20)), ("coach", "coachee"), "session.reminder"),
    Row("action due tomorrow", _coaching, lambda w: (ActionFactory(engagement=w["engagement"], owner=w["coachee"], due_on=timezone.localdate() + dt.timedelta(days=1)), coaching_periodic.remind_actions_due(now=timezone.now())), ("coachee",), "action.due"),
    Row("action overdue", _coaching, lambda w: (ActionFactory(engagement=w["engagement"], owner=w["coachee"], due_on=timezone.localdate() - dt.timedelta(days=1)), coaching_periodic.send_overdue_digests(now=timezone.now())), ("coachee",), "action.overdue"),
    Row("report awaiting your approval", lambda: {**_coaching()}, lambda w: coaching.report_submit(report=coaching.report_generate(engagement=w["engagement"], user=w["coach"]), user=w["coach"]), ("coachee",), "report.to_approve"),
    Row("changes requested", _submitted_report, lambda w: coaching.report_request_changes(report=w["report"], user=w["coachee"], comment="Less detail"), ("coach",), "report.changes_requested"),
    Row("report approved", _submitted_report, lambda w: coaching.report_approve(report=w["report"], user=w["coachee"]), ("sponsor",), "report.approved"),
    # Programs.
    Row("application decided", _application, lambda w: application_decide(participation=w["participation"], approve=True), ("applicant",), "application.decided"),
    Row("invitation to a program", lambda: {"program": ProgramFactory(), "invitee": UserFactory(), "pm": UserFactory()}, lambda w: program_invite(program=w["program"], email=w["invitee"].email, role="seeker", invited_by=w["pm"]), ("invitee",), "program.invited"),
    Row("fit check raised", _fit_check, lambda w: fit_check_request(relationship=w["rel"], user=w["mentee"], reason="Different goals"), ("manager",), "fit_check.raised"),
    Row("signed up for an event", lambda: {**_event_with_people(), "cleo": UserFactory()}, lambda w: (seeker(w["event"].program, w["cleo"]), mentoring.event_signup(event=w["event"], user=w["cleo"])), ("cleo",), "event.signed_up"),
    Row("event changed", _event_with_people, lambda w: mentoring.event_update(event=w["event"], user=w["pm"], title="Moved", starts_at=soon(6), ends_at=soon(6, hours=1), capacity=w["event"].capacity), ("ana", "ben"), "event.changed"),
    Row("event cancelled", _event_with_people, lambda w: mentoring.event_cancel(event=w["event"], user=w["pm"], reason="Snow"), ("ana", "ben"), "event.cancelled"),
    Row("mutual event mark", _event_marks, lambda w: mentoring.mark_add(event=w["event"], user=w["mentee"], marked=w["mentor"]), ("mentor", "mentee"), "event.mutual"),
    # Sent elsewhere (issue 13's table, continued): every kind in the registry has a row.
    Row("offer declined with its reason", _offered, lambda w: lifecycle.relationship_decline(w["rel"], user=w["seeker"], reason="Not this term"), ("helper",), "offer.declined"),
    Row("offer expired", _offered, _expire, ("helper",), "offer.expired"),
    Row("proposal accepted by one side", _from_round, lambda w: lifecycle.relationship_accept(w["rel"], user=w["helper"]), ("seeker",), "proposal.accepted"),
    Row("proposal declined with its reason", _from_round, lambda w: lifecycle.relationship_decline(w["rel"], user=w["seeker"], reason="Other plans"), ("helper",), "proposal.declined"),
    Row("proposal waiting (a manager's nudge)", _from_round, lambda w: proposal_nudge(relationship=w["rel"]), ("helper", "seeker"), "proposal.waiting"),
    Row("proposal withdrawn: no longer independent", _proposal_then_dependent, lambda w: independence_recheck(), ("helper", "seeker", "manager"), "proposal.withdrawn"),
    Row("relationship no longer independent", _running_then_dependent, lambda w: independence_recheck(), ("mentor", "mentee"), "independence.flagged", (("manager", "independence.to_decide"),)),
    Row("referral received", _referral_setting, lambda w: referral_create(referrer=w["line_manager"], person=w["person"], kind="coaching", reason="Your new team"), ("person",), "referral.received"),
    Row("referral answered", _referred, lambda w: referral_respond(referral=w["referral"], user=w["person"], accept=True), ("line_manager",), "referral.answered"),
    Row("meeting declined", _with_meeting(False), lambda w: mentoring.meeting_decline(relationship=w["rel"], user=w["mentee"], meeting=w["meeting"]), ("mentor",), "meeting.declined"),
    Row("message received", _mentoring, _write, ("mentor",), "message.received"),
    Row("relationship stalled (coaching)", _stalled_coaching, lambda w: coaching_periodic.flag_stalled_engagements(now=timezone.now()), ("coach", "coachee", "manager"), "engagement.stalled"),
    Row("evaluation due at close-out", _used_up_coaching, lambda w: coaching.engagement_close_out(engagement=w["engagement"], user=w["coach"]), ("coachee",), "evaluation.due"),
    Row("follow-up due three months on", _closed_out_coaching, _in_months(91), ("coachee",), "follow_up.due"),
    Row("coach changed", _coach_to_change, lambda w: coaching.engagement_change_party(engagement=w["engagement"], party="coach", person=w["new_coach"], by=w["manager"]), ("new_coach", "coachee", "sponsor"), "parties.changed", (("coach", "parties.left"),)),
    Row("sponsor asked by the coachee", _unsponsored, lambda w: coaching.sponsor_invite(engagement=w["engagement"], sponsor=w["sponsor"], by=w["coachee"]), ("sponsor",), "sponsor.asked"),
    Row("sponsor proposed by a manager", _unsponsored, lambda w: coaching.sponsor_invite(engagement=w["engagement"], sponsor=w["sponsor"], by=w["manager"]), ("coachee",), "sponsor.proposed"),
    Row("sponsor invitation declined", _sponsor_asked, lambda w: coaching.sponsor_invitation_respond(invitation=w["invitation"], by=w["sponsor"], accept=False), ("coachee",), "sponsor.declined"),
    Row("sponsor invitation withdrawn", _sponsor_asked, lambda w: coaching.sponsor_invitation_withdraw(invitation=w["invitation"], by=w["coachee"]), ("sponsor",), "sponsor.withdrawn"),
    Row("someone left the organization", _someone_left, lambda w: tell_managers_someone_left.call(w["mentee"].pk), ("manager",), "person.left"),
    Row("pulse survey open", lambda: {**_mentoring(), "_": None}, lambda w: (started_days_ago(w["rel"], 31), pulse_invitations_create(now=timezone.now())), ("mentor", "mentee"), "survey.pulse"),
    Row("meeting to rate", _held_meeting, lambda w: rating_prompts_create(now=timezone.now()), ("mentor", "mentee"), "rating.prompt"),
    Row("calendar feed address changed", lambda: {"person": UserFactory()}, lambda w: feed_regenerate(user=w["person"]), ("person",), "account.calendar_feed_reset"),
]  # fmt: skip


@pytest.mark.parametrize("row", ROWS, ids=[row.event for row in ROWS])
def test_each_event_tells_exactly_the_named_people_once(row: Row) -> None:
    world = row.build()
    Notification.objects.all().delete()
    row.act(world)
    told = list(Notification.objects.values_list("recipient_id", "kind"))
    expected = [(world[name].pk, row.kind) for name in row.told]
    expected += [(world[name].pk, kind) for name, kind in row.also]
    assert sorted(told) == sorted(expected), row.event


# Kinds in the registry that no code sends, and why; everything else has a row above.
NOT_SENT = {
    "account.notice": "registered for free-text account notices; no code sends one yet",
    "legacy.notice": "written only by a data migration, for notices queued before the inbox",
}


def test_every_kind_in_the_registry_has_a_row_in_the_table() -> None:
    in_table = {row.kind for row in ROWS} | {kind for row in ROWS for _, kind in row.also}
    assert in_table <= set(KINDS), in_table - set(KINDS)
    assert sorted(set(KINDS) - in_table - set(NOT_SENT)) == []
    assert not (in_table & set(NOT_SENT))


def test_the_kinds_left_out_of_the_table_are_sent_by_no_code() -> None:
    root = Path(__file__).resolve().parents[2] / "ithaca"
    sources = [
        path.read_text()
        for path in root.rglob("*.py")
        if not {"tests", "migrations"} & set(path.parts) and path.name != "kinds.py"
    ]
    for kind in NOT_SENT:
        pattern = re.compile(rf"[\"']{re.escape(kind)}[\"']")
        assert not any(pattern.search(text) for text in sources), kind


def test_a_decline_reason_reaches_the_other_side() -> None:
    world = _requested()
    lifecycle.relationship_decline(world["rel"], user=world["helper"], reason="Full this term")
    text = Notification.objects.get(kind="request.declined").text
    assert "Full this term" in text


def test_a_journal_entry_or_private_note_tells_nobody() -> None:
    world = _mentoring()
    Notification.objects.all().delete()
    mentoring.journal_write(relationship=world["rel"], user=world["mentee"], body="Private")
    assert not Notification.objects.exists()


def test_the_sponsor_hears_nothing_of_one_to_one_sessions() -> None:
    world = _coaching()
    Notification.objects.all().delete()
    session = coaching.session_schedule(
        engagement=world["engagement"], user=world["coach"], starts_at=at(3),
        ends_at=at(3, 11), location="Room 2",
    )  # fmt: skip
    coaching.session_cancel(session=session, user=world["coachee"], reason="Ill")
    assert not Notification.objects.filter(recipient=world["sponsor"]).exists()


def test_times_in_a_notification_are_in_the_recipients_zone() -> None:
    world = _mentoring()
    world["mentee"].profile.time_zone = "Asia/Tokyo"
    world["mentee"].profile.save()
    meeting = _meeting(world)
    text = Notification.objects.get(kind="meeting.proposed").text
    local = meeting.starts_at.astimezone(dt.timezone(dt.timedelta(hours=9)))
    assert f"{local:%H:%M} (Asia/Tokyo)" in text


def test_a_personal_note_travels_with_a_request_to_the_helper_only() -> None:
    from django.test import Client

    world = _matching()
    rel = request_create(
        program=world["program"], seeker=world["seeker"], helper=world["helper"],
        note="I am moving into research nursing.",
    )  # fmt: skip
    told = Notification.objects.get(kind="request.received")
    assert "I am moving into research nursing." in told.text
    page = f"/matching/proposals/mentoring/{rel.pk}/"
    helper_client = Client()
    helper_client.force_login(world["helper"])
    assert "I am moving into research nursing." in helper_client.get(page).content.decode()
    pm = Client()
    pm.force_login(manager(world["program"]))
    shown = pm.get(page)
    assert shown.status_code == 200 and "research nursing" not in shown.content.decode()


def test_an_overlong_note_is_refused_and_nothing_is_proposed() -> None:
    from ithaca.core.errors import DomainError

    world = _matching()
    with pytest.raises(DomainError, match="under 1000 characters"):
        request_create(
            program=world["program"], seeker=world["seeker"], helper=world["helper"],
            note="x" * 1001,
        )  # fmt: skip
    assert not ProposalExplanation.objects.exists() and not Notification.objects.exists()
