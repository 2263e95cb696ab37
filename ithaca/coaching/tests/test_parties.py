"""Signatures are bound to the parties; a sponsor joins by accepting an invitation."""

from __future__ import annotations

import pytest
from django.core import mail
from django.http import Http404
from django.test import Client

from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching import rules, services
from ithaca.coaching.access import (
    access_agreement_version,
    access_engagement,
    access_note,
    access_report,
    access_session,
    access_sponsor_invitation,
    engagement_role,
    visible_notes,
    visible_reports,
    visible_sessions,
)
from ithaca.coaching.models import CoachingEngagement, SponsorInvitation
from ithaca.coaching.selectors import governing_agreement
from ithaca.coaching.tests.factories import (
    NoteFactory,
    SessionFactory,
    active_engagement,
    at,
    signers,
)
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.programs.tests.factories import ParticipationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _notices_sent_at_once(monkeypatch) -> None:
    """The test transaction never commits; send each notice when it is enqueued."""
    monkeypatch.setattr(
        "ithaca.notifications.services.enqueue_on_commit",
        lambda task, *args: task.enqueue(*args),
    )


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _approved_report(engagement):
    report = services.report_generate(
        engagement=engagement, user=engagement.coach, summary="FOR-THE-FIRST-SPONSOR"
    )
    services.report_submit(report=report, user=engagement.coach)
    return services.report_approve(report=report, user=engagement.coachee)


def _sponsor(engagement):
    return ParticipationFactory(program=engagement.program, role="sponsor").user


def _manager(engagement):
    manager = UserFactory()
    engagement.program.managers.add(manager)
    return manager


def _sign_newest(engagement) -> None:
    engagement.refresh_from_db()
    version = engagement.agreement_versions.order_by("-number").first()
    for person in signers(engagement):
        services.agreement_sign(version=version, user=person)


def test_a_sponsor_swapped_outside_the_services_reads_nothing_agreed_with_the_previous_one() -> (
    None
):
    engagement = active_engagement(sponsor_sees="attendance")
    report = _approved_report(engagement)
    first, second = engagement.sponsor, _sponsor(engagement)
    # What the admin used to do: change the column, nothing else.
    CoachingEngagement.objects.filter(pk=engagement.pk).update(sponsor=second)
    engagement.refresh_from_db()
    assert governing_agreement(engagement) is None
    assert engagement_role(second, engagement) == rules.PENDING
    with pytest.raises(Http404):
        access_report(second, report.pk)
    assert not visible_reports(engagement, engagement_role(second, engagement)).exists()
    with pytest.raises(Http404):
        access_engagement(first, engagement.pk)


def test_the_admin_shows_an_engagement_but_cannot_change_its_parties_or_status() -> None:
    engagement = active_engagement()
    other = _sponsor(engagement)
    admin = _client(UserFactory(is_staff=True, is_superuser=True))
    url = f"/admin/coaching/coachingengagement/{engagement.pk}/change/"
    assert admin.get(url).status_code == 200
    response = admin.post(url, {"sponsor": other.pk, "status": "concluded"})
    assert response.status_code == 403
    engagement.refresh_from_db()
    assert (engagement.sponsor_id, engagement.status) != (other.pk, "concluded")
    assert admin.get("/admin/coaching/coachingengagement/add/").status_code == 403


def test_a_new_coach_reads_only_the_version_to_sign_until_every_party_has_signed() -> None:
    engagement = active_engagement()
    session = SessionFactory(engagement=engagement)
    old_coach = engagement.coach
    new_coach = ParticipationFactory(program=engagement.program, role="coach").user
    manager = _manager(engagement)
    with pytest.raises(PermissionDenied):
        services.engagement_change_party(
            engagement=engagement, party="coach", person=new_coach, by=engagement.coachee
        )
    mail.outbox.clear()
    version = services.engagement_change_party(
        engagement=engagement, party="coach", person=new_coach, by=manager
    )
    assert version is not None and version.number == 2
    engagement.refresh_from_db()
    assert engagement_role(new_coach, engagement) == rules.PENDING
    with pytest.raises(Http404):
        access_session(new_coach, session.pk)
    with pytest.raises(Http404):
        access_agreement_version(new_coach, engagement.agreement_versions.get(number=1).pk)
    assert access_agreement_version(new_coach, version.pk) == version
    with pytest.raises(Http404):
        access_engagement(old_coach, engagement.pk)
    assert access_session(engagement.coachee, session.pk) == session  # the coachee stays
    told = {address for message in mail.outbox for address in message.to}
    assert {old_coach.email, new_coach.email, engagement.coachee.email} <= told
    with pytest.raises(DomainError):  # nothing new is booked on terms the newcomer never signed
        services.session_schedule(
            engagement=engagement,
            user=engagement.coachee,
            starts_at=session.starts_at,
            ends_at=session.ends_at,
            location="x",
        )
    _sign_newest(engagement)
    engagement.refresh_from_db()
    assert governing_agreement(engagement).number == 2
    assert access_session(new_coach, session.pk) == session


def test_the_coachee_invites_a_sponsor_who_sees_nothing_until_the_new_version_is_signed() -> None:
    engagement = active_engagement(sponsor=False)  # as a matching round makes them
    sponsor = _sponsor(engagement)
    coachee_page = _client(engagement.coachee).get(f"/coaching/{engagement.pk}/agreement/new/")
    assert b"what the sponsor may see" not in coachee_page.content
    with pytest.raises(PermissionDenied):
        services.sponsor_invite(engagement=engagement, sponsor=sponsor, by=engagement.coach)
    mail.outbox.clear()
    invitation = services.sponsor_invite(
        engagement=engagement, sponsor=sponsor, by=engagement.coachee
    )
    assert [message.to for message in mail.outbox] == [[sponsor.email]]
    assert invitation.status == SponsorInvitation.Status.AWAITING_SPONSOR
    with pytest.raises(PermissionDenied):  # only the person asked answers
        services.sponsor_invitation_respond(
            invitation=invitation, by=engagement.coachee, accept=True
        )
    stranger = UserFactory()
    with pytest.raises(Http404):
        access_sponsor_invitation(stranger, invitation.pk)
    assert (
        _client(stranger).get(f"/coaching/sponsor-invitations/{invitation.pk}/").status_code == 404
    )
    page = _client(sponsor).get(f"/coaching/sponsor-invitations/{invitation.pk}/")
    assert b"Accept: I will sponsor" in page.content
    response = _client(sponsor).post(f"/coaching/sponsor-invitations/{invitation.pk}/accept/")
    assert response.status_code == 302
    engagement.refresh_from_db()
    assert engagement.sponsor_id == sponsor.pk
    assert engagement_role(sponsor, engagement) == rules.PENDING
    newest = engagement.agreement_versions.order_by("-number").first()
    assert newest.sponsor_sees == rules.SHARE_NOTHING  # the pair chooses, now that there is one
    form = _client(engagement.coachee).get(f"/coaching/{engagement.pk}/agreement/new/")
    assert b"what the sponsor may see" in form.content
    _sign_newest(engagement)
    engagement.refresh_from_db()
    assert engagement_role(sponsor, engagement) == rules.SPONSOR


def test_a_manager_proposes_a_sponsor_the_coachee_agrees_before_the_sponsor_is_asked() -> None:
    engagement = active_engagement(sponsor=False)
    sponsor, manager = _sponsor(engagement), _manager(engagement)
    mail.outbox.clear()
    invitation = services.sponsor_invite(engagement=engagement, sponsor=sponsor, by=manager)
    assert invitation.status == SponsorInvitation.Status.AWAITING_COACHEE
    assert [message.to for message in mail.outbox] == [[engagement.coachee.email]]
    with pytest.raises(PermissionDenied):
        services.sponsor_invitation_respond(invitation=invitation, by=sponsor, accept=True)
    services.sponsor_invitation_respond(invitation=invitation, by=engagement.coachee, accept=True)
    assert mail.outbox[-1].to == [sponsor.email]
    mail.outbox.clear()
    services.sponsor_invitation_respond(invitation=invitation, by=sponsor, accept=False)
    invitation.refresh_from_db()
    assert invitation.status == SponsorInvitation.Status.DECLINED
    assert {tuple(m.to) for m in mail.outbox} == {(manager.email,), (engagement.coachee.email,)}
    engagement.refresh_from_db()
    assert engagement.sponsor_id is None


def test_only_the_author_withdraws_an_open_invitation_and_the_person_asked_is_told() -> None:
    engagement = active_engagement(sponsor=False)
    sponsor = _sponsor(engagement)
    invitation = services.sponsor_invite(
        engagement=engagement, sponsor=sponsor, by=engagement.coachee
    )
    with pytest.raises(DomainError):  # one open invitation at a time
        services.sponsor_invite(engagement=engagement, sponsor=sponsor, by=engagement.coachee)
    with pytest.raises(PermissionDenied):
        services.sponsor_invitation_withdraw(invitation=invitation, by=engagement.coach)
    mail.outbox.clear()
    services.sponsor_invitation_withdraw(invitation=invitation, by=engagement.coachee)
    assert [message.to for message in mail.outbox] == [[sponsor.email]]
    with pytest.raises(DomainError):
        services.sponsor_invitation_respond(invitation=invitation, by=sponsor, accept=True)


def test_a_replaced_sponsor_loses_access_at_once_and_the_new_one_never_reads_old_reports() -> None:
    engagement = active_engagement(sponsor_sees="attendance")
    report = _approved_report(engagement)
    first, second = engagement.sponsor, _sponsor(engagement)
    invitation = services.sponsor_invite(
        engagement=engagement, sponsor=second, by=engagement.coachee
    )
    services.sponsor_invitation_respond(invitation=invitation, by=second, accept=True)
    engagement.refresh_from_db()
    with pytest.raises(Http404):
        access_report(first, report.pk)
    newest = engagement.agreement_versions.order_by("-number").first()
    assert newest.sponsor_sees == "attendance"  # a replacement keeps the agreed terms
    _sign_newest(engagement)
    engagement.refresh_from_db()
    assert engagement_role(second, engagement) == rules.SPONSOR
    with pytest.raises(Http404):
        access_report(second, report.pk)  # approved for the first sponsor
    assert not visible_reports(engagement, rules.SPONSOR).exists()
    fresh = _approved_report(engagement)
    assert access_report(second, fresh.pk) == fresh


def test_the_sponsor_can_step_down_and_the_coachee_can_remove_them_but_the_coach_cannot() -> None:
    engagement = active_engagement()
    sponsor = engagement.sponsor
    with pytest.raises(PermissionDenied):
        services.sponsor_remove(engagement=engagement, by=engagement.coach)
    response = _client(sponsor).post(f"/coaching/{engagement.pk}/sponsor/remove/")
    assert response.status_code == 302
    engagement.refresh_from_db()
    assert engagement.sponsor_id is None
    with pytest.raises(Http404):
        access_engagement(sponsor, engagement.pk)
    newest = engagement.agreement_versions.order_by("-number").first()
    assert newest.sponsor_sees == rules.SHARE_NOTHING and newest.signed_at is None


def test_a_coach_who_takes_over_never_reads_the_previous_coachs_private_notes() -> None:
    engagement = active_engagement()
    session = SessionFactory(engagement=engagement)
    private = NoteFactory(session=session, visibility="private", text="MY-OWN-THOUGHTS")
    shared = NoteFactory(session=session, visibility="shared", text="WE-AGREED")
    new_coach = ParticipationFactory(program=engagement.program, role="coach").user
    services.engagement_change_party(
        engagement=engagement, party="coach", person=new_coach, by=_manager(engagement)
    )
    _sign_newest(engagement)
    engagement.refresh_from_db()
    assert engagement_role(new_coach, engagement) == rules.COACH
    assert list(visible_notes(session, rules.COACH, new_coach)) == [shared]
    with pytest.raises(Http404):
        access_note(new_coach, private.pk)
    page = _client(new_coach).get(f"/coaching/sessions/{session.pk}/").content
    assert b"WE-AGREED" in page and b"MY-OWN-THOUGHTS" not in page


def test_a_pending_party_sees_only_the_overview_and_the_agreement_pages() -> None:
    engagement = active_engagement()
    newcomer = _sponsor(engagement)
    invitation = services.sponsor_invite(
        engagement=engagement, sponsor=newcomer, by=engagement.coachee
    )
    services.sponsor_invitation_respond(invitation=invitation, by=newcomer, accept=True)
    client = _client(newcomer)
    base = f"/coaching/{engagement.pk}/"
    assert client.get(base).status_code == 200
    assert client.get(base + "agreement/").status_code == 200
    for tab in ("sessions/", "goals/", "actions/", "reports/", "evaluation/"):
        assert client.get(base + tab).status_code == 403, tab
    assert client.post(base + "pause/").status_code == 403


def test_a_program_manager_changes_the_coach_on_the_overview_and_nobody_else_can() -> None:
    engagement = active_engagement()
    manager = _manager(engagement)
    new_coach = ParticipationFactory(program=engagement.program, role="coach").user
    url = f"/coaching/{engagement.pk}/coach/"
    page = _client(manager).get(f"/coaching/{engagement.pk}/").content.decode()
    assert "Hand this engagement to another coach" in page
    assert _client(engagement.coachee).post(url, {"coach": new_coach.pk}).status_code == 403
    assert _client(UserFactory()).post(url, {"coach": new_coach.pk}).status_code == 404
    assert _client(manager).post(url, {"coach": engagement.coachee.pk}).status_code == 400
    assert _client(manager).post(url, {"coach": new_coach.pk}).status_code == 302
    engagement.refresh_from_db()
    assert engagement.coach_id == new_coach.pk
    assert engagement_role(new_coach, engagement) == rules.PENDING


def test_a_new_sponsor_does_not_read_the_three_way_sessions_held_with_the_one_before() -> None:
    engagement = active_engagement()
    old = SessionFactory(engagement=engagement, kind="three_way_start", starts_at=at(-2))
    NoteFactory(session=old, visibility="three_way", text="SAID-WITH-THE-FIRST-SPONSOR")
    first, second = engagement.sponsor, _sponsor(engagement)
    assert access_session(first, old.pk) == old  # the first sponsor has no predecessor
    invitation = services.sponsor_invite(
        engagement=engagement, sponsor=second, by=engagement.coachee
    )
    services.sponsor_invitation_respond(invitation=invitation, by=second, accept=True)
    _sign_newest(engagement)
    engagement.refresh_from_db()
    later = SessionFactory(
        engagement=engagement, kind="three_way_middle", starts_at=at(1), status="scheduled"
    )
    with pytest.raises(Http404):
        access_session(second, old.pk)
    assert list(visible_sessions(engagement, rules.SPONSOR)) == [later]
    page = _client(second).get(f"/coaching/{engagement.pk}/").content
    assert b"SAID-WITH-THE-FIRST-SPONSOR" not in page
