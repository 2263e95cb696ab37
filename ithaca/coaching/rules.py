"""Who sees what in a coaching engagement: pure rules, no database.

The access helpers (access.py) and the selectors ask these functions, passing
the person's role in the engagement and the sponsor terms of the governing
(latest fully signed) agreement. Keeping the table here, in one place, is what
lets the tests walk every role against every object.

Roles: the coach, the coachee, the sponsor (a third party who pays or
refers), the program manager (who runs the program), and "pending": a coach,
coachee or sponsor who joined after the last signed agreement and sees nothing
until they have signed the version written for the new parties. Staff accounts have
no role of their own: being staff does not open anyone's sessions.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

COACH = "coach"
COACHEE = "coachee"
SPONSOR = "sponsor"
MANAGER = "manager"
# A coach, coachee or sponsor who joined after the last signed agreement: until the
# version written for the new parties is signed, they read only that version.
PENDING = "pending"
PARTIES = (COACH, COACHEE)
# A signing role named inside a sentence ("every party (coach, coachee, sponsor)").
PARTY_NAMES = {COACH: _("coach"), COACHEE: _("coachee"), SPONSOR: _("sponsor")}

# What the signed agreement lets the sponsor see.
SHARE_NOTHING = "nothing"
SHARE_ATTENDANCE = "attendance"
SHARE_PROGRESS = "attendance_and_progress"
SPONSOR_TERMS = (
    (SHARE_NOTHING, _("Nothing beyond the engagement's status")),
    (SHARE_ATTENDANCE, _("Attendance only")),
    (SHARE_PROGRESS, _("Attendance and goal progress")),
)

# Who may write notes, and who may read them.
NOTE_PRIVATE = "private"
NOTE_SHARED = "shared"
NOTE_THREE_WAY = "three_way"
NOTE_VISIBILITIES = (
    (NOTE_PRIVATE, _("Private to the coach")),
    (NOTE_SHARED, _("Shared with the coachee")),
    (NOTE_THREE_WAY, _("Shared with coachee and sponsor (three-way session)")),
)
NOTE_READERS: dict[str, frozenset[str]] = {
    NOTE_PRIVATE: frozenset({COACH}),
    NOTE_SHARED: frozenset({COACH, COACHEE}),
    NOTE_THREE_WAY: frozenset({COACH, COACHEE, SPONSOR}),
}


def party_name(role: str) -> str:
    """The role as a word in the active language; an unknown role is shown as it is."""
    return str(PARTY_NAMES.get(role, role))


def is_party(role: str | None) -> bool:
    """The coach and the coachee: the two people who do the work."""
    return role in PARTIES


def can_see_note(role: str | None, visibility: str) -> bool:
    return role in NOTE_READERS.get(visibility, frozenset())


def readable_visibilities(role: str | None) -> list[str]:
    return [name for name, readers in NOTE_READERS.items() if role in readers]


def writable_visibilities(role: str | None, *, three_way: bool) -> list[str]:
    """The coach writes any kind; the coachee writes only what the coach also reads.

    Three-way notes exist only on three-way sessions, where the sponsor was present.
    """
    if role == COACH:
        kinds = [NOTE_PRIVATE, NOTE_SHARED]
    elif role == COACHEE:
        kinds = [NOTE_SHARED]
    else:
        return []
    return [*kinds, NOTE_THREE_WAY] if three_way else kinds


def can_see_session(role: str | None, *, three_way: bool) -> bool:
    """One-to-one sessions belong to the pair; the sponsor attends three-way ones."""
    return is_party(role) or (role == SPONSOR and three_way)


def can_see_agreement(role: str | None) -> bool:
    """Every signatory reads the terms they sign; managers see only that it is signed.

    A pending party reads only the versions they are asked to sign (access.py)."""
    return role in (COACH, COACHEE, SPONSOR, PENDING)


def can_see_work(role: str | None) -> bool:
    """Goals, check-ins, action items, agendas and draft reports: the pair only."""
    return is_party(role)


def sponsor_sees_reports(terms: str | None) -> bool:
    return terms in (SHARE_ATTENDANCE, SHARE_PROGRESS)


def sponsor_sees_progress(terms: str | None) -> bool:
    return terms == SHARE_PROGRESS


def can_see_report(role: str | None, *, approved: bool, terms: str | None) -> bool:
    """The pair sees every report; the sponsor only approved ones the terms allow."""
    if is_party(role):
        return True
    return role == SPONSOR and approved and sponsor_sees_reports(terms)


def can_see_evaluation(role: str | None) -> bool:
    return is_party(role)


def can_see_reflection(role: str | None) -> bool:
    """The coach's close-out reflection is the coach's own."""
    return role == COACH


def can_see_hours(role: str | None) -> bool:
    """Hours used against hours agreed: the pair and the program manager, never the sponsor."""
    return role in (COACH, COACHEE, MANAGER)
