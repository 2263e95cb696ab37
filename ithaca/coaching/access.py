"""Who may see which coaching object. Views and endpoints fetch objects only here.

Each helper reads the person's role in the engagement (coach, coachee,
sponsor, program manager) and, for the sponsor, the terms of the governing
signed agreement, then asks the rules in rules.py. An object the person may
not see is a 404, so its existence is not leaked; a section of a visible
engagement they may not read is a 403. Staff accounts get no role from being
staff: confidentiality holds for them too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeVar

from django.db.models import Exists, Max, Min, Model, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext, gettext_lazy

from ithaca.accounts.models import User
from ithaca.audit.models import AuditEvent
from ithaca.audit.services import confidential_read, record_all
from ithaca.audit.summaries import word
from ithaca.coaching import rules
from ithaca.coaching.models import (
    ActionItem,
    AgreementSignature,
    AgreementVersion,
    CheckIn,
    CloseOutEvaluation,
    CoachingEngagement,
    CoachingSession,
    Goal,
    SessionNote,
    SponsorInvitation,
    SponsorReport,
)
from ithaca.coaching.selectors import admitted, current_parties, governing_agreement
from ithaca.core.errors import PermissionDenied
from ithaca.core.prepared import PreparedQuery, joined_columns, joined_instance
from ithaca.programs.models import Program

M = TypeVar("M", bound=Model)
PEOPLE = ("program", "coach", "coachee", "sponsor")


def engagements_for(user: User) -> QuerySet[CoachingEngagement]:
    """Engagements this person is in as coach or coachee, or sponsors."""
    return CoachingEngagement.objects.filter(
        Q(coach=user) | Q(coachee=user) | Q(sponsor=user)
    ).select_related(*PEOPLE)


_JOINED = {"program": Program, "coach": User, "coachee": User, "sponsor": User}
_RECENT = PreparedQuery(
    lambda user: (
        CoachingEngagement.objects.filter(
            Q(coach_id=user) | Q(coachee_id=user) | Q(sponsor_id=user)
        )
        .order_by("-updated_at")
        .values_list(*joined_columns(CoachingEngagement, _JOINED))
    ),
    user=int,
)


def recent_engagements_of(user: User) -> list[CoachingEngagement]:
    """`engagements_for(user)`, most recently changed first, as a list (prepared SQL:
    the home page asks it on every visit)."""
    rows = _RECENT.rows(user=int(user.pk)) if user.pk is not None else []
    return [joined_instance(CoachingEngagement, _JOINED, row) for row in rows]


def access_engagement(user: User, pk: int) -> CoachingEngagement:
    """An engagement visible to its coach, coachee, sponsor or program managers; else 404."""
    engagement = (
        CoachingEngagement.objects.select_related(*PEOPLE)
        .filter(pk=pk)
        .filter(Q(coach=user) | Q(coachee=user) | Q(sponsor=user) | Q(program__managers=user))
        .distinct()
        .first()
    )
    if engagement is None:
        raise Http404(gettext("No such coaching engagement."))
    return engagement


def engagement_role(user: User, engagement: CoachingEngagement) -> str:
    """The capacity in which someone who may see the engagement sees it."""
    return party_role(user, engagement, assume_manager=True) or rules.MANAGER


def signing_party(user: User, engagement: CoachingEngagement) -> str | None:
    """coach, coachee or sponsor: the part this person holds today, admitted or not."""
    for party, holder in current_parties(engagement).items():
        if user.pk == holder:
            return party
    return None


def party_role(
    user: User, engagement: CoachingEngagement, *, assume_manager: bool = False
) -> str | None:
    """coach, coachee, sponsor, pending, manager, or None for anyone else (staff included).

    A party who has not signed the terms now in force is "pending": signatures are
    bound to people, so a new coach or sponsor reads nothing that was agreed with
    their predecessor (selectors.admitted).
    """
    party = signing_party(user, engagement)
    if party is not None:
        return party if admitted(engagement, party, user.pk) else rules.PENDING
    if assume_manager or engagement.program.managers.filter(pk=user.pk).exists():
        return rules.MANAGER
    return None


def sponsor_terms(engagement: CoachingEngagement) -> str | None:
    """What the governing agreement shares with the sponsor; None before any is signed."""
    governing = governing_agreement(engagement)
    return governing.sponsor_sees if governing else None


# Refusals by section, each a whole sentence for translation (never a section's
# name glued into a shared sentence: word order and agreement differ by language).
# Pages and the API name the section by its key.
SECTION_REFUSALS = {
    "goals": gettext_lazy("Goals are shared between the coach and the coachee only."),
    "actions": gettext_lazy("Action items are shared between the coach and the coachee only."),
    "evaluation": gettext_lazy(
        "The close-out evaluation and its answers are shared between the coach and the "
        "coachee only."
    ),
    "messages": gettext_lazy("Messages are shared between the coach and the coachee only."),
}


def require_section(allowed: bool, section: str) -> None:
    """Refuse, in the reader's language, a section only the pair reads; `section` is a
    key of SECTION_REFUSALS (an unknown key is a programming error, raised at once)."""
    refusal = SECTION_REFUSALS[section]
    if not allowed:
        raise PermissionDenied(str(refusal))


# What a 404 says, a whole sentence per kind of object (the API shows it).
NOT_FOUND = {
    "agreement": gettext_lazy("No such agreement."),
    "session": gettext_lazy("No such session."),
    "note": gettext_lazy("No such note."),
    "goal": gettext_lazy("No such goal."),
    "check-in": gettext_lazy("No such check-in."),
    "action": gettext_lazy("No such action."),
    "report": gettext_lazy("No such report."),
    "evaluation": gettext_lazy("No such evaluation."),
    "invitation": gettext_lazy("No such invitation."),
}


def _fetch(queryset: QuerySet[M], pk: int, what: str) -> M:
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise _deny(what)
    return obj


def _deny(what: str) -> Http404:
    return Http404(str(NOT_FOUND[what]))


def access_agreement_version(user: User, pk: int) -> AgreementVersion:
    """Every signatory reads every version; nobody else does."""
    version = _fetch(
        AgreementVersion.objects.select_related(*(f"engagement__{p}" for p in PEOPLE)),
        pk,
        "agreement",
    )
    role = party_role(user, version.engagement)
    if not rules.can_see_agreement(role):
        raise _deny("agreement")
    if role == rules.PENDING and not _awaiting_signature(version):
        raise _deny("agreement")
    return version


def _awaiting_signature(version: AgreementVersion) -> bool:
    """Written after the last signed version: what a pending party is asked to sign."""
    return not AgreementVersion.objects.filter(
        engagement_id=version.engagement_id, signed_at__isnull=False, number__gte=version.number
    ).exists()


def visible_versions(engagement: CoachingEngagement, role: str) -> QuerySet[AgreementVersion]:
    """Every version for the parties; for a pending party, only those awaiting signatures."""
    versions = AgreementVersion.objects.filter(engagement=engagement)
    if role == rules.PENDING:
        last = versions.filter(signed_at__isnull=False).order_by("-number").first()
        return versions.filter(number__gt=last.number) if last else versions
    return versions if rules.can_see_agreement(role) else versions.none()


def access_session(user: User, pk: int) -> CoachingSession:
    """The pair sees every session; the sponsor the three-way sessions they attend."""
    session = _fetch(
        CoachingSession.objects.select_related(*(f"engagement__{p}" for p in PEOPLE)),
        pk,
        "session",
    )
    role = party_role(user, session.engagement)
    if not rules.can_see_session(role, three_way=session.is_three_way):
        raise _deny("session")
    if role == rules.SPONSOR and not _since_sponsoring(session):
        raise _deny("session")
    return session


def sponsor_since(engagement: CoachingEngagement) -> dt.datetime | None:
    """For a sponsor who took over from another: when they first signed after the last
    version their predecessor signed. They do not read the three-way sessions held
    with the sponsor before them. None: no predecessor, so no limit."""
    signed = AgreementVersion.objects.filter(engagement=engagement, signed_at__isnull=False)
    by_another = AgreementSignature.objects.filter(
        version=OuterRef("pk"), party=rules.SPONSOR
    ).exclude(signer_id=engagement.sponsor_id)
    before = signed.filter(Exists(by_another)).aggregate(n=Max("number"))["n"]
    if before is None:
        return None
    first: dt.datetime | None = AgreementSignature.objects.filter(
        version__in=signed.filter(number__gt=before),
        party=rules.SPONSOR,
        signer_id=engagement.sponsor_id,
    ).aggregate(first=Min("signed_at"))["first"]
    return first or dt.datetime.max.replace(tzinfo=dt.UTC)


def _since_sponsoring(session: CoachingSession) -> bool:
    since = sponsor_since(session.engagement)
    return since is None or session.starts_at >= since


def access_note(user: User, pk: int) -> SessionNote:
    """Private notes: the coach. Shared: the pair. Three-way: the pair and the sponsor."""
    note = _fetch(
        SessionNote.objects.select_related(*(f"session__engagement__{p}" for p in PEOPLE)),
        pk,
        "note",
    )
    role = party_role(user, note.session.engagement)
    visible = rules.can_see_session(role, three_way=note.session.is_three_way)
    if role == rules.SPONSOR and not _since_sponsoring(note.session):
        raise _deny("note")
    if not (visible and rules.can_see_note(role, note.visibility)):
        raise _deny("note")
    if note.visibility == rules.NOTE_PRIVATE and note.author_id != user.pk:
        raise _deny("note")  # a coach's private notes are theirs, not their successor's
    record_all(filter(None, [_note_read(user, note)]))
    return note


def _note_read(user: User, note: SessionNote) -> AuditEvent | None:
    return confidential_read(
        reader=user,
        target=note,
        code="note.read",
        params={"visibility": word(dict(rules.NOTE_VISIBILITIES)[note.visibility])},
        author_id=note.author_id,
        program_id=note.session.engagement.program_id,
    )


def notes_read_by(user: User, notes: Iterable[SessionNote]) -> list[SessionNote]:
    """The notes, read now: the audit log records each one its reader did not write."""
    items = list(notes)
    record_all(filter(None, (_note_read(user, note) for note in items)))
    return items


def _work(queryset: QuerySet[M], user: User, pk: int, what: str, path: str) -> M:
    obj = _fetch(queryset.select_related(*(f"{path}__{p}" for p in PEOPLE)), pk, what)
    engagement = obj
    for step in path.split("__"):
        engagement = getattr(engagement, step)
    if not rules.can_see_work(party_role(user, engagement)):  # type: ignore[arg-type]
        raise _deny(what)
    return obj


def access_goal(user: User, pk: int) -> Goal:
    """Goals belong to the pair; the sponsor sees progress only in approved reports."""
    return _work(Goal.objects.all(), user, pk, "goal", "engagement")


def access_checkin(user: User, pk: int) -> CheckIn:
    return _work(CheckIn.objects.all(), user, pk, "check-in", "goal__engagement")


def access_action(user: User, pk: int) -> ActionItem:
    return _work(ActionItem.objects.all(), user, pk, "action", "engagement")


def access_own_note(user: User, pk: int) -> SessionNote:
    """A note this person wrote, to edit or withdraw; anyone else's answers 404."""
    note = access_note(user, pk)
    if note.author_id != user.pk:
        raise Http404(gettext("No note of yours here."))
    return note


def access_own_action(user: User, pk: int) -> ActionItem:
    """An action this person wrote, to edit or withdraw; anyone else's answers 404."""
    action = access_action(user, pk)
    if action.created_by_id != user.pk:
        raise Http404(gettext("No action of yours here."))
    return action


def access_report(user: User, pk: int) -> SponsorReport:
    """The pair sees every report; the sponsor approved ones, when the terms allow."""
    report = _fetch(
        SponsorReport.objects.select_related(*(f"engagement__{p}" for p in PEOPLE)),
        pk,
        "report",
    )
    role = party_role(user, report.engagement)
    terms = sponsor_terms(report.engagement) if role == rules.SPONSOR else None
    approved = report.status == SponsorReport.Status.APPROVED
    if not rules.can_see_report(role, approved=approved, terms=terms):
        raise _deny("report")
    if role == rules.SPONSOR and not _signed_by_sponsor(report, user):
        raise _deny("report")
    reports_read_by(user, role, [report])
    return report


# Who read a report, named in the audit log (in the reader's language when shown).
READER_WORDS = {
    rules.SPONSOR: rules.PARTY_NAMES[rules.SPONSOR],
    rules.MANAGER: gettext_lazy("program manager"),
}


def reports_read_by(user: User, role: str | None, reports: Iterable[SponsorReport]) -> None:
    """A sponsor's (or manager's) read of report content goes into the audit log."""
    if role not in (rules.SPONSOR, rules.MANAGER):
        return
    reads = (
        confidential_read(
            reader=user,
            target=report,
            code="report.read",
            params={"role": word(READER_WORDS[role])},
            author_id=None,
            subject_id=report.engagement.coachee_id,
            program_id=report.engagement.program_id,
        )
        for report in reports
    )
    record_all(filter(None, reads))


def access_evaluation(user: User, engagement_pk: int) -> CloseOutEvaluation:
    """The close-out evaluation: the pair (the coach's reflection: the coach alone)."""
    evaluation = (
        CloseOutEvaluation.objects.select_related(*(f"engagement__{p}" for p in PEOPLE))
        .filter(engagement_id=engagement_pk)
        .first()
    )
    if evaluation is None:
        raise _deny("evaluation")
    if not rules.can_see_evaluation(party_role(user, evaluation.engagement)):
        raise _deny("evaluation")
    return evaluation


def visible_sessions(engagement: CoachingEngagement, role: str) -> QuerySet[CoachingSession]:
    sessions = CoachingSession.objects.filter(engagement=engagement)
    if rules.is_party(role):
        return sessions
    if role == rules.SPONSOR:
        three_way = sessions.exclude(kind=CoachingSession.Kind.ONE_TO_ONE)
        since = sponsor_since(engagement)
        return three_way if since is None else three_way.filter(starts_at__gte=since)
    return sessions.none()


def visible_notes(session: CoachingSession, role: str, user: User) -> QuerySet[SessionNote]:
    """The notes this person reads; private notes only by the coach who wrote them (a
    coach who takes over an engagement does not read their predecessor's)."""
    if not rules.can_see_session(role, three_way=session.is_three_way):
        return SessionNote.objects.none()
    readable = rules.readable_visibilities(role)
    return (
        SessionNote.objects.filter(session=session, visibility__in=readable)
        .exclude(Q(visibility=rules.NOTE_PRIVATE) & ~Q(author=user))
        .select_related("author")
    )


def visible_reports(engagement: CoachingEngagement, role: str) -> QuerySet[SponsorReport]:
    reports = SponsorReport.objects.filter(engagement=engagement)
    if rules.is_party(role):
        return reports
    if role == rules.SPONSOR and rules.sponsor_sees_reports(sponsor_terms(engagement)):
        return reports.filter(
            status=SponsorReport.Status.APPROVED,
            agreement__signatures__party=rules.SPONSOR,
            agreement__signatures__signer_id=engagement.sponsor_id,
        )
    return reports.none()


def _signed_by_sponsor(report: SponsorReport, sponsor: User) -> bool:
    """A coachee approves a report for the sponsor of the day, under an agreement that
    sponsor signed; a later sponsor does not inherit it."""
    return report.agreement.signatures.filter(party=rules.SPONSOR, signer=sponsor).exists()


def report_view(report: SponsorReport, role: str, terms: str | None) -> dict[str, object]:
    """What of a report's content this person reads. The sponsor gets goal progress only
    while the governing terms still share it, even if an older report holds it."""
    content = dict(report.content)
    if role == rules.SPONSOR and not rules.sponsor_sees_progress(terms):
        content["progress"] = None
    return content


def access_sponsor_invitation(user: User, pk: int) -> SponsorInvitation:
    """The person asked to sponsor, who made the invitation, the pair, and the program's
    managers see an invitation; nobody else (404)."""
    invitation = _fetch(
        SponsorInvitation.objects.select_related(
            "sponsor", "invited_by", *(f"engagement__{p}" for p in PEOPLE)
        ),
        pk,
        "invitation",
    )
    engagement = invitation.engagement
    if user.pk in (invitation.sponsor_id, invitation.invited_by_id):
        return invitation
    if party_role(user, engagement) in (rules.COACH, rules.COACHEE, rules.MANAGER):
        return invitation
    raise _deny("invitation")
