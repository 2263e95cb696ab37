"""Reads for profiles, cards and directories, each in a fixed number of queries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ithaca.accounts.languages import language_code
from ithaca.accounts.models import CareerEntry, Profile, User
from ithaca.core.prepared import PreparedQuery, columns, model_row
from ithaca.matching import engine
from ithaca.matching.kinds import helper_role, model_for
from ithaca.matching.pool import build_pool
from ithaca.programs.lifecycle import OPEN_STATUSES
from ithaca.programs.models import Participation, Program

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

PER_PAGE = 20

# Why a seeker cannot ask someone, said to the seeker (the engine's own sentences
# are in the third person, for managers).
REASONS_FOR_YOU = {
    "capacity": _("They have no free place right now."),
    "not_self": _("This is you."),
    "seeker_eligible": _("You cannot be matched in this program yet."),
    "helper_eligible": _("They cannot be matched in this program yet."),
    "not_line_manager": _("They are your line manager."),
    "not_above_in_chain": _("They are above you in your management chain."),
    "not_assessor": _("They assess your work."),
    "no_conflict": _("A conflict of interest was declared between you."),
    "not_blocked": _("One of you asked not to be matched with the other."),
    "not_declined": _("A request between you was declined before."),
    "training": _("They have not finished mentor training yet."),
    "shared_language": _("You do not share a language."),
    "modality": _("Their coaching mode does not fit this program."),
}


def with_career(people: Iterable[User]) -> list[User]:
    """Load everyone's paths walked in one query, for cards in a list."""
    people = list(people)
    prefetch_related_objects(people, "career")
    return people


def tag_suggestions(field_name: str = "expertise", limit: int = 60) -> list[str]:
    """The organization's tags in use, most used first, for suggestions while typing.

    Counted over every profile, so kept in the cache for ten minutes: a new tag
    shows up as a suggestion for others a little later, which is fine.
    """
    key = f"ithaca:people:tags:{field_name}:{limit}"
    return list(cache.get_or_set(key, lambda: _count_tags(field_name, limit), 600) or [])


def _count_tags(field_name: str, limit: int) -> list[str]:
    counts: Counter[str] = Counter()
    seen: dict[str, str] = {}
    rows = Profile.objects.exclude(**{f"{field_name}__isnull": True}).values_list(
        field_name, flat=True
    )
    for tags in rows.iterator(chunk_size=2000):
        for tag in tags or []:
            key = str(tag).strip().lower()
            if key:
                seen.setdefault(key, str(tag).strip())
                counts[key] += 1
    return [seen[key] for key, _ in counts.most_common(limit)]


# --- Completeness -----------------------------------------------------------------


@dataclass(frozen=True)
class Missing:
    label: StrOrPromise
    why: StrOrPromise
    anchor: str


@dataclass
class Completeness:
    percent: int
    missing: list[Missing] = field(default_factory=list)
    resume_wizard: bool = False


MISSING = {
    "photo": Missing(_("A photo"), _("People recognise you when you first meet."), "photo"),
    "bio": Missing(_("A short bio"), _("It is the first thing people read about you."), "about"),
    "languages": Missing(
        _("Your languages"), _("Matching pairs only people who share a language."), "basics"
    ),
    "time_zone": Missing(
        _("Your time zone"),
        _("Times are shown in your zone, and matching looks for shared working hours."),
        "basics",
    ),
    "career": Missing(
        _("The paths you have walked"),
        _("Mentees choose by the paths walked: it ranks you for people on the same road."),
        "career",
    ),
    "expertise": Missing(
        _("Your expertise"), _("People search the directory by expertise."), "about"
    ),
    "interests": Missing(
        _("Your interests"),
        _("Shared interests count when candidates are ranked for you."),
        "about",
    ),
}


def _profile_row(user: int) -> QuerySet[Profile, tuple[Any, ...]]:
    active = ~Q(state__in=[Participation.State.DECLINED, Participation.State.LEFT])
    helping = Participation.objects.filter(
        active, user=OuterRef("user"), role__in=Participation.HELPER_ROLES
    )
    return (
        Profile.objects.filter(user_id=user)
        .annotate(
            is_helper=Exists(helping),
            has_career=Exists(CareerEntry.objects.filter(user=OuterRef("user"))),
        )
        .values_list(*columns(Profile), "is_helper", "has_career")
    )


# The home page shows it on every visit: its SQL is prepared once per process.
_PROFILE_ROW = PreparedQuery(_profile_row, user=int)


def completeness_of(user: User) -> Completeness:
    """What the person's profile still lacks, and why each part matters (one query)."""
    rows = _PROFILE_ROW.rows(user=int(user.pk)) if user.pk is not None else []
    profile: Any = None
    if rows:
        profile, at = model_row(Profile, rows[0])
        profile.is_helper, profile.has_career = rows[0][at:]
    if profile is None:
        profile = Profile(user=user)
        profile.is_helper = profile.has_career = False
    has = {
        "photo": bool(profile.photo),
        "bio": bool(profile.bio),
        "languages": bool(profile.languages),
        "time_zone": profile.time_zone != "UTC",
        "career": profile.has_career,
        "expertise": bool(profile.expertise),
        "interests": bool(profile.interests),
    }
    keys = ["photo", "bio", "languages", "time_zone"]
    keys += ["career", "expertise"] if profile.is_helper else ["interests"]
    checks = [(has[key], MISSING[key]) for key in keys]
    done = sum(1 for ok, _ in checks if ok)
    return Completeness(
        percent=round(done * 100 / len(checks)),
        missing=[item for ok, item in checks if not ok],
        resume_wizard=profile.welcome in (Profile.Welcome.PENDING, Profile.Welcome.SKIPPED),
    )


# --- Directory ----------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    q: str = ""
    language: str = ""
    available: bool = False


@dataclass
class Entry:
    """One mentor or coach in a directory: their card, place and whether you may ask."""

    person: User
    participation: Participation
    free_places: int
    taking_new: bool
    reasons: list[str]
    already_asked: bool = False

    @property
    def can_request(self) -> bool:
        return not self.reasons and not self.already_asked


@dataclass
class Directory:
    page: Page
    entries: list[Entry]
    viewer_is_seeker: bool


def _helpers(program: Program) -> QuerySet[Participation]:
    model = model_for(program)
    busy = (
        model.objects.filter(
            program=program, status__in=OPEN_STATUSES, **{model.HELPER_FIELD: OuterRef("user_id")}
        )
        .order_by()
        .values(model.HELPER_FIELD)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Participation.objects.filter(
            program=program, role=helper_role(program), state=Participation.State.ACTIVE
        )
        .select_related("user__profile__department")
        .annotate(busy=Coalesce(Subquery(busy), Value(0)))
    )


def _search(parts: QuerySet[Participation], q: str) -> QuerySet[Participation]:
    """PostgreSQL: full-text search (English stemming) over the card's words and the paths
    walked. SQLite: every word must appear somewhere in them."""
    words = q.split()
    spoken = [code for code in (language_code(w) for w in [q, *words]) if code]
    speaks = Q()
    for code in spoken:
        speaks |= Q(langs__icontains=f'"{code}"')
    parts = parts.annotate(langs=Cast("user__profile__languages", TextField()))
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        query = SearchQuery(q, search_type="websearch", config="english")
        card = SearchVector(
            "user__first_name", "user__last_name", "user__profile__preferred_name",
            "user__profile__job_title", Cast("user__profile__expertise", TextField()),
            "user__profile__bio", config="english",
        )  # fmt: skip
        walked: Any = CareerEntry.objects.annotate(
            doc=SearchVector("role", "organization", config="english")
        ).filter(user_id=OuterRef("user_id"), doc=query)
        return parts.annotate(doc=card).filter(Q(doc=query) | Exists(walked) | speaks)
    parts = parts.annotate(tags=Cast("user__profile__expertise", TextField()))
    match: Any = Q()
    for word in words[:8]:
        walked = CareerEntry.objects.filter(user_id=OuterRef("user_id")).filter(
            Q(role__icontains=word) | Q(organization__icontains=word)
        )
        match &= (
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(user__profile__preferred_name__icontains=word)
            | Q(user__profile__job_title__icontains=word)
            | Q(user__profile__bio__icontains=word)
            | Q(tags__icontains=word)
            | Exists(walked)
        )
    return parts.filter(match | speaks)


def directory_of(program: Program, viewer: User, filters: Filters, page_number: Any) -> Directory:
    """A page of the program's mentors or coaches, with why the viewer may not ask someone."""
    parts = _helpers(program)
    # PostgreSQL refuses NUL characters in text: typed or sent, they mean nothing here.
    q = filters.q.replace("\x00", "").strip()[:200]
    if q:
        parts = _search(parts, q)
    if filters.language:
        parts = parts.annotate(langs2=Cast("user__profile__languages", TextField())).filter(
            langs2__icontains=f'"{filters.language}"'
        )
    today = timezone.localdate()
    if filters.available:
        parts = parts.filter(
            Q(paused_until__isnull=True) | Q(paused_until__lte=today),
            accepting=True,
            capacity__gt=F("busy"),
        )
    parts = parts.order_by("user__first_name", "user__last_name", "user_id")
    page = Paginator(parts, PER_PAGE).get_page(page_number)
    rows: list[Participation] = list(page.object_list)
    with_career([p.user for p in rows])
    reasons, asked, is_seeker = _reasons(program, viewer, [p.user_id for p in rows])
    entries = [
        Entry(
            person=p.user,
            participation=p,
            free_places=max((p.capacity or 0) - p.busy, 0),  # type: ignore[attr-defined]
            taking_new=p.is_taking_new_people(today),
            reasons=reasons.get(p.user_id, []),
            already_asked=p.user_id in asked,
        )
        for p in rows
    ]
    return Directory(page=page, entries=entries, viewer_is_seeker=is_seeker)


def _reasons(
    program: Program, viewer: User, helper_ids: list[int]
) -> tuple[dict[int, list[str]], set[int], bool]:
    """Matching's hard rules between the viewer (as a seeker) and each helper on the page."""
    if not helper_ids:
        return {}, set(), False
    # Mentors, coaches and managers browse too: for them the rules' pool (a dozen
    # queries) would be built for nothing. The same test as the pool's seekers.
    seeking = Participation.objects.filter(
        program=program, user=viewer, role=Participation.Role.SEEKER
    ).filter(state=Participation.State.ACTIVE)
    if not seeking.exists():
        return {}, set(), False
    # Only the rules are read here: not what only the scores need.
    pool = build_pool(
        program, seeker_ids=[viewer.pk], helper_ids=helper_ids, waiting_only=False, rules_only=True
    )
    me = pool.seeker_by_id.get(viewer.pk)
    if me is None:
        return {}, set(), False
    model = model_for(program)
    asked = set(
        model.objects.filter(
            program=program, status__in=OPEN_STATUSES, **{model.SEEKER_FIELD: viewer}
        ).values_list(f"{model.HELPER_FIELD}_id", flat=True)
    )
    out: dict[int, list[str]] = {}
    for helper in pool.helpers:
        failed = [c for c in engine.check_rules(me, helper, pool.rules) if not c.passed]
        out[helper.id] = [str(REASONS_FOR_YOU.get(c.rule, c.explanation)) for c in failed]
    return out, asked, True


def ask_in(viewer: User, person: User) -> list[Participation]:
    """The person's helper roles in programs where the viewer is an active seeker: where the
    viewer may ask them (matching's rules still decide when the request is made)."""
    if viewer.pk == person.pk:
        return []
    seeking = Participation.objects.filter(
        user=viewer, role=Participation.Role.SEEKER, state=Participation.State.ACTIVE
    ).values("program_id")
    return list(
        Participation.objects.filter(
            user=person,
            role__in=Participation.HELPER_ROLES,
            state=Participation.State.ACTIVE,
            program_id__in=seeking,
        ).select_related("program")
    )
