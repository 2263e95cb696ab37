"""A program's whole pool as the engine sees it, read in a fixed number of queries.

`programs.eligibility` turns ONE pair into engine values for the write path;
this module does the same for every seeker and helper of a program at once
(bulk queries, management chains walked in Python over one id -> manager
map), for rounds, candidate lists and offers. Both feed the same engine
rules, and `validate_proposal` checks each pair again when it is written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import Any, NamedTuple, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import connection
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Case,
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.utils import timezone

from ithaca.accounts.models import CareerEntry, Profile, User
from ithaca.intake.models import Intake, Referral
from ithaca.matching import engine
from ithaca.matching.kinds import helper_role, model_for
from ithaca.matching.models import MatchingConfig, MatchProfile
from ithaca.matching.selectors import config_of
from ithaca.programs.eligibility import MAX_CHAIN, spoken
from ithaca.programs.lifecycle import OPEN_STATUSES, Status
from ithaca.programs.models import PairExclusion, Participation, PersonBlock, Program

Ids = frozenset[int]
T = TypeVar("T")


class Taken(NamedTuple):
    """A program's open relationships (proposed, active, paused), counted."""

    in_use: Mapping[int, int]  # helper id -> open relationships
    busy_seekers: AbstractSet[int]  # seekers with one


@dataclass(frozen=True, eq=False)
class Pool:
    """Engine values for one program, plus the rows behind them for pages."""

    program: Program
    config: MatchingConfig
    rules: engine.Program
    seekers: tuple[engine.Seeker, ...]
    helpers: tuple[engine.Helper, ...]
    # Who `people` reads: the members' ids, or a query of them.
    members: list[int] | QuerySet[Any] = field(default_factory=list)

    @cached_property
    def people(self) -> Mapping[int, User]:
        """Every member (busy seekers too) as a user with their profile, for pages.

        Read when first asked for, in one query: a round never asks, and the engine's
        values are read as plain rows, without building a model instance per person.
        """
        if isinstance(self.members, list) and not self.members:
            return {}
        users = User.objects.filter(pk__in=self.members).select_related("profile__department")
        return {user.pk: user for user in users}

    @cached_property
    def text(self) -> engine.TextIndex:
        """TF-IDF over this pool, shared by every score so pages and rounds agree."""
        return engine.tfidf_index(self.seekers, self.helpers)

    @cached_property
    def seeker_by_id(self) -> dict[int, engine.Seeker]:
        return {s.id: s for s in self.seekers}

    @cached_property
    def helper_by_id(self) -> dict[int, engine.Helper]:
        return {h.id: h for h in self.helpers}


def build_pool(
    program: Program,
    *,
    seeker_ids: Iterable[int] | None = None,
    helper_ids: Iterable[int] | None = None,
    waiting_only: bool = True,
    now: dt.datetime | None = None,
    rules_only: bool = False,
    config: MatchingConfig | None = None,
    taken: Taken | None = None,
) -> Pool:
    """Seekers and helpers of `program` (optionally only some), with every rule's inputs.

    With `waiting_only`, seekers who already have an open relationship in the
    program (proposed, active or paused) are left out: a round matches the
    people still waiting. Helpers' capacity is what is left after their open
    relationships in the program.

    `rules_only` leaves out what only the scores read (helpers' careers, seekers'
    match profiles): for re-checking the hard rules of pairs scored elsewhere.
    `config`, when the caller holds the program's current settings, is not read again;
    nor are the program's open relationships (`taken`) when the caller read them in this
    request (`poolcache.open_pairs`).
    """
    parts = _participations(program, seeker_ids, helper_ids)
    restricted = seeker_ids is not None or helper_ids is not None
    facts = _Facts(
        program,
        parts,
        now or timezone.now(),
        restricted=restricted,
        rules_only=rules_only,
        taken=taken,
    )
    seeker_rows = [r for r in facts.rows if r.role == Participation.Role.SEEKER]
    if waiting_only:
        seeker_rows = [r for r in seeker_rows if r.user_id not in facts.busy_seekers]
    helper_rows = [r for r in facts.rows if r.role != Participation.Role.SEEKER]
    seekers = tuple(facts.seeker(r) for r in seeker_rows)
    helpers = tuple(facts.helper(r) for r in helper_rows)
    config = config if config is not None else config_of(program)
    return Pool(
        program=program,
        config=config,
        rules=engine_rules(program, config, facts.declined, facts.eligible(seekers)),
        seekers=seekers,
        helpers=helpers,
        members=[r.user_id for r in facts.rows] if restricted else parts.values("user_id"),
    )


def engine_rules(
    program: Program,
    config: MatchingConfig,
    declined: frozenset[tuple[int, int]] = frozenset(),
    eligible_seekers: bool | Ids = True,
) -> engine.Program:
    """The program's rules and weights as the engine reads them.

    `eligible_seekers` is True (every seeker in the pool) or the ids allowed.
    """
    return engine.Program(
        kind=program.kind,  # type: ignore[arg-type]
        mode=program.mode,
        weights=dict(config.levels or {}),
        requires_training=program.requires_training,
        chain_depth=max(program.independence_depth, 1),
        eligible_seekers=eligible_seekers,
        declined=declined,
    )


def _participations(
    program: Program, seeker_ids: Iterable[int] | None, helper_ids: Iterable[int] | None
) -> QuerySet[Participation]:
    seekers = Q(role=Participation.Role.SEEKER)
    helpers = Q(role=helper_role(program))
    if seeker_ids is not None:
        seekers &= Q(user_id__in=list(seeker_ids))
    if helper_ids is not None:
        helpers &= Q(user_id__in=list(helper_ids))
    parts = Participation.objects.filter(seekers | helpers, program=program)
    return parts.filter(state=Participation.State.ACTIVE).order_by("role", "user_id")


class _Row(NamedTuple):
    """A member's participation and profile: only the columns the engine's people read."""

    user_id: int
    role: str
    capacity: int | None
    accepting: bool
    paused_until: dt.date | None
    trained: bool
    modalities: str | None  # JSON columns: their text
    first_name: str
    last_name: str
    email: str
    has_profile: Any  # the profile's key, None without a profile
    languages: str | None
    interests: str | None
    time_zone: str
    years_experience: int
    grade: int
    department: str | None
    identities: str | None
    job_title: str
    expertise: str | None
    bio: str


def _rows(parts: QuerySet[Participation], *, diversity: bool) -> list[_Row]:
    """The members' rows as plain tuples, in `parts`' order.

    JSON columns come as their text, decoded once per distinct value (`_Facts.decoded`:
    a pool has a few dozen sets of languages for thousands of people). Those only
    helpers use are left NULL for seekers, and disclosed identities (diversity
    mentoring only) elsewhere.
    """
    helper = ~Q(role=Participation.Role.SEEKER)

    def text(column: str) -> Cast:
        return Cast(F(column), TextField())

    def helpers_only(column: str) -> Case:
        return Case(When(helper, then=text(column)), output_field=TextField())

    profile = "user__profile__"
    rows = parts.values_list(
        "user_id",
        "role",
        "capacity",
        "accepting",
        "paused_until",
        ExpressionWrapper(Q(training_completed_at__isnull=False), output_field=BooleanField()),
        helpers_only("modalities"),
        "user__first_name",
        "user__last_name",
        "user__email",
        f"{profile}pk",
        text(f"{profile}languages"),
        text(f"{profile}interests"),
        f"{profile}time_zone",
        f"{profile}years_experience",
        f"{profile}grade",
        f"{profile}department__name",
        text(f"{profile}disclosed_identities") if diversity else Value(None, TextField()),
        f"{profile}job_title",
        helpers_only(f"{profile}expertise"),
        f"{profile}bio",
    )
    return [_Row(*row) for row in rows]


class _Facts:
    """Everything about the pool's people that the rules and factors read, in bulk."""

    def __init__(
        self,
        program: Program,
        parts: QuerySet[Participation],
        now: dt.datetime,
        *,
        restricted: bool = False,
        rules_only: bool = False,
        taken: Taken | None = None,
    ) -> None:
        self.program, self.now = program, now
        self.rows = _rows(parts, diversity=program.mode == "diversity")
        members = parts.values("user_id")
        seekers = parts.filter(role=Participation.Role.SEEKER).values("user_id")
        helpers = parts.exclude(role=Participation.Role.SEEKER).values("user_id")
        # A pool of a few people (a page checking the pairs it shows) reads only their
        # relationships and management chains, not the whole program's and organisation's.
        # Their ids go in as a literal list: with a subquery on each side PostgreSQL
        # guessed one row and nested-looped over the program's relationships for seconds.
        ids = [p.user_id for p in self.rows] if restricted else None
        self._relationships(program, ids, taken)
        self.opted, self.conflicts, self.assessors, self.referred = _about_members(
            members, seekers, program.kind
        )
        self.managers = (
            _chains_of([p.user_id for p in self.rows])
            if restricted
            else dict(
                Profile.objects.filter(line_manager__isnull=False).values_list(
                    "user_id", "line_manager_id"
                )
            )
        )
        self.careers = {} if rules_only else _careers(helpers)
        self.profiles = (
            {}
            if rules_only
            else {
                user_id: _Wish(target, need, preferences)
                for user_id, target, need, preferences in MatchProfile.objects.filter(
                    program=program, user_id__in=seekers
                ).values_list("user_id", "target", "need", Cast("preferences", TextField()))
            }
        )
        self._offsets: dict[str, float | None] = {}
        self._decoded: dict[tuple[str, str | None], Any] = {}

    def _relationships(
        self,
        program: Program,
        members: list[int] | None,
        taken: Taken | None,
    ) -> None:
        model = model_for(program)
        helper_f, seeker_f = f"{model.HELPER_FIELD}_id", f"{model.SEEKER_FIELD}_id"
        declined = model.objects.filter(program=program, status=Status.DECLINED)
        exclusions = PairExclusion.objects.filter(program=program)
        if members is not None:
            declined = declined.filter(**{f"{seeker_f}__in": members, f"{helper_f}__in": members})
            exclusions = exclusions.filter(seeker_id__in=members, helper_id__in=members)
        if taken is None:
            rows = model.objects.filter(program=program, status__in=OPEN_STATUSES)
            if members is not None:
                rows = rows.filter(
                    Q(**{f"{helper_f}__in": members}) | Q(**{f"{seeker_f}__in": members})
                )
            in_use: dict[int, int] = defaultdict(int)
            busy: set[int] = set()
            for helper_id, seeker_id in rows.values_list(helper_f, seeker_f):
                in_use[helper_id] += 1
                busy.add(seeker_id)
            taken = Taken(in_use, busy)
        self.in_use, self.busy_seekers = taken
        # Declined pairs and the managers' exclusions in one query.
        pairs = (
            declined.order_by()
            .values_list(seeker_f, helper_f)
            .union(exclusions.order_by().values_list("seeker_id", "helper_id"), all=True)
        )
        self.declined = frozenset(pairs)

    def eligible(self, seekers: Iterable[engine.Seeker]) -> bool | Ids:
        """True when nobody is held back, else the ids of those who may be matched."""
        ids = [s.id for s in seekers]
        if not self.referred.intersection(ids):
            return True
        return frozenset(i for i in ids if i not in self.referred)

    def chain(self, person_id: int) -> tuple[int, ...]:
        chain: list[int] = []
        manager = self.managers.get(person_id)
        while manager is not None and len(chain) < MAX_CHAIN and manager not in chain:
            chain.append(manager)
            manager = self.managers.get(manager)
        return tuple(chain)

    def decoded(self, what: str, text: str | None, make: Callable[[Any], T]) -> T:
        """`make` of a JSON column's value, worked out once per distinct text."""
        key = (what, text)
        if key not in self._decoded:
            self._decoded[key] = make(json.loads(text) if text is not None else None)
        return self._decoded[key]

    def offset(self, name: str) -> float | None:
        if name not in self._offsets:
            self._offsets[name] = utc_offset(name, self.now)
        return self._offsets[name]

    def common(self, row: _Row) -> dict[str, Any]:
        """Fields seekers and helpers share, read from the profile."""
        name = User.display_name_of(row.user_id, row.first_name, row.last_name, row.email)
        if row.has_profile is None:
            return {"id": row.user_id, "name": name, "languages": spoken(None)}
        return {
            "id": row.user_id,
            "name": name,
            # Exactly as the write path reads them (an empty profile speaks the default).
            "languages": self.decoded("languages", row.languages, spoken),
            "blocked_ids": self.opted.get(row.user_id, frozenset()),
            "conflict_ids": self.conflicts.get(row.user_id, frozenset()),
            "interests": self.decoded("interests", row.interests, _interests),
            "utc_offset": self.offset(row.time_zone),
            "years": float(row.years_experience),
            "grade": row.grade,
            "department": row.department or "",
            # Disclosed identities serve diversity mentoring only; elsewhere they stay
            # unused (and unread: `_rows`).
            "identities": self.decoded("identities", row.identities, _set),
        }

    def seeker(self, row: _Row) -> engine.Seeker:
        wish = self.profiles.get(row.user_id)
        return engine.Seeker(
            **self.common(row),
            manager_chain=self.chain(row.user_id),
            assessor_ids=self.assessors.get(row.user_id, frozenset()),
            target=wish.target if wish else "",
            # Only what the seeker wrote for matching in this program: the reasons
            # quote shared words to the helper, so an intake (private to its author)
            # or an application note (written to the managers) never feeds them.
            need=wish.need.strip() if wish else "",
            preferences=self.decoded("preferences", wish.preferences, _set)
            if wish
            else frozenset(),
        )

    def helper(self, row: _Row) -> engine.Helper:
        profile = row.has_profile is not None
        roles, transitions = self.careers.get(row.user_id, ((), ()))
        if profile and row.job_title and row.job_title not in roles:
            roles = (*roles, row.job_title)
        # A helper who paused or stopped taking people has no free place to offer
        # (Participation.is_taking_new_people).
        today = self.now.date()
        taking = row.accepting and (row.paused_until is None or row.paused_until <= today)
        return engine.Helper(
            **self.common(row),
            capacity=(row.capacity or 0) - self.in_use.get(row.user_id, 0) if taking else 0,
            trained=row.trained,
            modalities=self.decoded("modalities", row.modalities, _set),
            roles=roles,
            transitions=transitions,
            expertise=self.decoded("expertise", row.expertise, _listed) if profile else "",
            bio=row.bio if profile else "",
        )


class _Wish(NamedTuple):
    """A seeker's match profile in the program: what they aim for and ask."""

    target: str
    need: str
    preferences: str  # JSON text


def _set(values: list[str] | None) -> frozenset[str]:
    return frozenset(values or [])


def _interests(values: list[Any] | None) -> frozenset[str]:
    return frozenset(str(i).strip().lower() for i in values or [])


def _listed(values: list[Any] | None) -> str:
    return ", ".join(str(e) for e in values or [])


def utc_offset(name: str, now: dt.datetime) -> float | None:
    """Hours ahead of UTC in this time zone at `now`; None for an unknown zone."""
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    offset = now.astimezone(zone).utcoffset()
    return offset.total_seconds() / 3600 if offset is not None else None


def _chains_of(people: list[int]) -> dict[int, int]:
    """Line managers of these people and of their managers, up to MAX_CHAIN levels.

    One recursive query (a query per level cost five round trips for a page's
    pool); the pairs are those of walking up level by level from the people.
    """
    if not people:
        return {}
    quote = connection.ops.quote_name
    table = quote(Profile._meta.db_table)
    person, manager = quote("user_id"), quote("line_manager_id")
    ids = ", ".join(["%s"] * len(people))
    sql = (
        f"WITH RECURSIVE chain (person, manager, depth) AS ("
        f"SELECT {person}, {manager}, 1 FROM {table} "
        f"WHERE {person} IN ({ids}) AND {manager} IS NOT NULL "
        f"UNION SELECT p.{person}, p.{manager}, c.depth + 1 FROM {table} p "
        f"JOIN chain c ON p.{person} = c.manager "
        f"WHERE p.{manager} IS NOT NULL AND c.depth < %s"
        f") SELECT DISTINCT person, manager FROM chain"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*people, MAX_CHAIN])
        return dict(cursor.fetchall())


def _grouped(pairs: Iterable[tuple[int, int]]) -> dict[int, Ids]:
    out: dict[int, set[int]] = defaultdict(set)
    for key, value in pairs:
        out[key].add(value)
    return {key: frozenset(values) for key, values in out.items()}


ASSESSOR, REFERRED = "assessor", "referred"


def _about_members(
    members: QuerySet[Any], seekers: QuerySet[Any], kind: str
) -> tuple[dict[int, Ids], dict[int, Ids], dict[int, Ids], Ids]:
    """Each member's opt-outs and conflicts, each seeker's assessors, and the seekers held
    back by a referral: (opted, conflicts, assessors, referred), in one query.

    Three small reads of (person, other, what) rows, sent as one UNION ALL: a page
    that checks the pairs it shows pays one round trip and one query's planning.
    """
    blocks = (
        PersonBlock.objects.filter(person_id__in=members)
        .order_by()
        .values_list("person_id", "other_id", "kind")
    )
    assessors = (
        Profile.assessors.through.objects.filter(profile_id__in=seekers)
        .order_by()
        .annotate(what=Value(ASSESSOR, output_field=CharField()))
        .values_list("profile_id", "user_id", "what")  # type: ignore[misc]  # an annotation
    )
    referred = (
        _referred(seekers, kind)
        .annotate(
            other=Value(None, output_field=BigIntegerField()),
            what=Value(REFERRED, output_field=CharField()),
        )
        .values_list("person_id", "other", "what")
    )
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for person, other, what in blocks.union(assessors, referred, all=True):
        found[what].append((person, other))
    return (
        _grouped(found[PersonBlock.Kind.OPT_OUT]),
        _grouped(found[PersonBlock.Kind.CONFLICT]),
        _grouped(found[ASSESSOR]),
        frozenset(person for person, _ in found[REFERRED]),
    )


def _careers(helpers: QuerySet[Any]) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each helper's roles held, and each move between consecutive roles ("A to B")."""
    rows = CareerEntry.objects.filter(user_id__in=helpers).order_by("user_id", "started_on")
    held: dict[int, list[str]] = defaultdict(list)
    for user_id, role in rows.values_list("user_id", "role"):
        held[user_id].append(role)
    return {
        user_id: (
            tuple(roles),
            tuple(f"{a} to {b}" for a, b in pairwise(roles)),
        )
        for user_id, roles in held.items()
    }


def _referred(seekers: QuerySet[Any], kind: str) -> QuerySet[Referral]:
    """Referrals holding seekers back: accepted, of this kind, not yet answered by the
    person's own intake.

    The same condition as intake.selectors.referral_blocks, for many people at once:
    the propose services refuse these people, so a round does not pair them.
    """
    own_intake = Intake.objects.filter(
        author=OuterRef("person"), created_at__gte=OuterRef("responded_at")
    )
    rows = Referral.objects.filter(
        person_id__in=seekers, kind=kind, status=Referral.Status.ACCEPTED
    ).exclude(Exists(own_intake))
    return rows.order_by()
