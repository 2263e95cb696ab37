"""The pure builder: deterministic, believable, and never breaking a matching rule."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest

from ithaca.demo.builder import build_organization
from ithaca.demo.builder import departments as depts
from ithaca.demo.builder.hierarchy import Independence
from ithaca.demo.builder.records import (
    ACTIVE,
    CONCLUDED,
    DECLINED,
    OPEN,
    PAUSED,
    STATUSES,
    WITHDRAWN,
    DemoOrganization,
)
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import Participation

ANCHOR = datetime(2026, 9, 1, tzinfo=UTC)


def build(seed: int = 1, people: int = 300) -> DemoOrganization:
    return build_organization(seed=seed, people=people, anchor=ANCHOR)


@pytest.fixture(scope="module", params=[(1, 300), (3, 50), (11, 2500)], ids=lambda p: f"{p}")
def org(request: pytest.FixtureRequest) -> DemoOrganization:
    seed, people = request.param
    return build(seed, people)


def all_relationships(org: DemoOrganization):
    return org.mentoring + org.coaching


def test_it_builds_the_same_organization_twice_from_one_seed():
    assert build(seed=7) == build(seed=7)


def test_it_builds_a_different_organization_from_another_seed():
    first, second = build(seed=7), build(seed=8)
    assert [p.email for p in first.people] != [p.email for p in second.people]
    pairs = [(r.helper, r.seeker, r.status) for r in first.mentoring]
    assert pairs != [(r.helper, r.seeker, r.status) for r in second.mentoring]


def test_it_refuses_fewer_than_fifty_people():
    with pytest.raises(ValueError, match="at least 50"):
        build(people=49)


def test_it_refuses_a_naive_anchor():
    with pytest.raises(ValueError, match="timezone-aware"):
        build_organization(seed=1, people=50, anchor=datetime(2026, 9, 1))


def test_it_gives_everyone_but_the_chief_a_more_senior_manager_up_the_tree(org):
    staff = [p for p in org.people if p.department is not None]
    assert [p.job_title for p in staff if p.line_manager is None] == ["Chief Executive"]
    for person in staff:
        if person.line_manager is None:
            continue
        manager = org.people[person.line_manager]
        key = person.department.removeprefix(depts.SLUG_PREFIX)
        allowed = {person.department, *(depts.slug_of(k) for k in depts.ancestors(key))}
        assert manager.grade > person.grade
        assert manager.department in allowed


def test_it_keeps_careers_in_order_and_in_line_with_experience(org):
    for person in org.people:
        assert 1 <= len(person.career) <= 4
        assert person.career[-1].ended_on is None
        assert person.career[-1].role == person.job_title
        for earlier, later in zip(person.career, person.career[1:], strict=False):
            assert earlier.started_on <= earlier.ended_on <= later.started_on
        years_working = (ANCHOR.date() - person.career[0].started_on).days / 365
        assert years_working >= person.years_experience


def test_it_writes_emails_from_names_and_never_twice(org):
    emails = [p.email for p in org.people]
    assert len(set(emails)) == len(emails)
    assert all(e.endswith("@demo.ithaca.example") and e.isascii() for e in emails)
    assert sum(1 for e in emails if e.split("@")[0].count(".") == 1) >= len(emails) - 7


def test_it_never_pairs_a_mentor_with_their_managers_or_assessors(org):
    independence = Independence(org.people)
    for row in all_relationships(org):
        seeker = org.people[row.seeker]
        assert row.helper != row.seeker
        assert row.helper not in independence.chain(row.seeker)
        assert row.helper not in seeker.assessors


def test_it_never_exceeds_a_helpers_capacity(org):
    capacity = {
        (p.program, p.person): p.capacity
        for p in org.participations
        if p.role in ("mentor", "coach")
    }
    open_counts = Counter((r.program, r.helper) for r in all_relationships(org) if r.status in OPEN)
    for key, count in open_counts.items():
        assert count <= capacity[key]


def test_it_pairs_only_active_participants_and_trained_mentors(org):
    active = {(p.program, p.person, p.role) for p in org.participations if p.state == ACTIVE}
    trained = {(p.program, p.person) for p in org.participations if p.training_completed_at}
    needs_training = {p.slug for p in org.programs if p.requires_training}
    for row in org.mentoring:
        assert (row.program, row.helper, "mentor") in active
        assert (row.program, row.seeker, "seeker") in active
        if row.program in needs_training:
            assert (row.program, row.helper) in trained
    for row in org.coaching:
        assert (row.program, row.helper, "coach") in active
        assert (row.program, row.seeker, "seeker") in active


def test_it_keeps_sponsors_third_parties_enrolled_as_sponsors(org):
    sponsors = {(p.program, p.person) for p in org.participations if p.role == "sponsor"}
    for row in org.coaching:
        if row.sponsor is not None:
            assert row.sponsor not in (row.helper, row.seeker)
            assert (row.program, row.sponsor) in sponsors


def test_it_gives_a_seeker_at_most_one_open_relationship_per_program(org):
    open_by_seeker = Counter(
        (r.program, r.seeker) for r in all_relationships(org) if r.status in OPEN
    )
    assert max(open_by_seeker.values()) == 1


def test_it_orders_every_relationships_lifecycle_before_the_anchor(org):
    for row in all_relationships(org):
        moments = [row.created_at, row.updated_at, row.helper_accepted_at, row.seeker_accepted_at]
        assert all(m < ANCHOR for m in moments if m is not None)
        if row.status in (ACTIVE, PAUSED, CONCLUDED):
            assert row.helper_accepted_at and row.seeker_accepted_at and row.started_at
            assert row.started_at == max(row.helper_accepted_at, row.seeker_accepted_at)
        if row.status in (CONCLUDED, DECLINED, WITHDRAWN):
            assert row.ended_at is not None
            assert row.ended_at >= (row.started_at or row.created_at)
        else:
            assert row.ended_at is None
        if row.starts_on is not None:
            assert row.ends_on > row.starts_on


def test_it_spreads_history_over_about_eighteen_months():
    created = [r.created_at for r in all_relationships(build())]
    assert 400 <= (ANCHOR - min(created)).days <= 550
    assert (ANCHOR - max(created)).days <= 14


def test_it_shows_every_status_in_every_program():
    org = build()
    for program in org.programs:
        rows = [r for r in all_relationships(org) if r.program == program.slug]
        assert {r.status for r in rows} == set(STATUSES), program.slug


def test_its_words_match_the_models():
    assert set(STATUSES) == set(Status.values)
    assert {"seeker", "mentor", "coach", "sponsor"} == set(Participation.Role.values)
    assert {"pending", "active", "declined", "left"} == set(Participation.State.values)
