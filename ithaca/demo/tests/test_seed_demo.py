"""`manage.py seed_demo`: what lands in the database, and that it lands only once."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, Q
from django.utils import timezone

from ithaca.accounts.models import CareerEntry, Department, Profile, User
from ithaca.coaching.models import CoachingEngagement
from ithaca.demo.builder import build_organization
from ithaca.demo.builder.logins import PINNED
from ithaca.demo.management.commands.seed_demo import Command
from ithaca.mentoring.models import MentoringRelationship, MutualInterest
from ithaca.programs.lifecycle import OPEN_STATUSES, Status
from ithaca.programs.models import Participation, Program

pytestmark = pytest.mark.django_db


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def table_counts() -> dict[str, int]:
    models = (User, Profile, Department, CareerEntry, Program, Participation)
    counts = {model.__name__: model.objects.count() for model in models}
    counts["mentoring"] = MentoringRelationship.objects.count()
    counts["coaching"] = CoachingEngagement.objects.count()
    return counts


def test_it_loads_a_believable_organization_at_default_size():
    output = seed()
    staff = Profile.objects.filter(department__isnull=False)
    assert staff.count() >= 300
    assert Department.objects.count() >= 6
    assert Department.objects.filter(parent__isnull=False, children__isnull=False).exists()
    assert set(Program.objects.values_list("kind", "mode")) == {
        ("mentoring", "one_to_one"),
        ("mentoring", "peer"),
        ("coaching", "executive"),
        ("coaching", "leadership"),
    }
    assert Program.objects.get(mode="one_to_one").requires_training
    helpers = Participation.objects.values("role").annotate(people=Count("user", distinct=True))
    people_by_role = {row["role"]: row["people"] for row in helpers}
    assert people_by_role["mentor"] >= 40
    assert people_by_role["coach"] >= 8
    assert people_by_role["sponsor"] >= 4
    assert "300 staff" in output


def test_it_loads_internal_and_external_coaches_with_the_right_terms():
    seed()
    coaches = Participation.objects.filter(role="coach")
    assert set(coaches.values_list("coach_type", flat=True)) == {"internal", "external"}
    external = coaches.filter(coach_type="external")
    assert not external.filter(Q(hourly_rate__isnull=True) | Q(accreditation="")).exists()
    assert not coaches.filter(coach_type="internal", hourly_rate__isnull=False).exists()
    for coach in coaches:
        assert coach.program.mode in coach.modalities
        assert 3 <= coach.capacity <= 8
    mentors = Participation.objects.filter(role="mentor")
    assert {m.capacity for m in mentors} <= {1, 2, 3, 4}
    assert Participation.objects.filter(role="seeker", state="pending").exists()


def test_it_loads_every_lifecycle_status_in_mentoring_and_coaching():
    seed()
    for model in (MentoringRelationship, CoachingEngagement):
        assert set(model.objects.values_list("status", flat=True)) == set(Status.values)
        proposed = model.objects.filter(status=Status.PROPOSED)
        assert proposed.filter(helper_accepted_at__isnull=True, seeker_accepted_at__isnull=True)
        assert proposed.filter(helper_accepted_at__isnull=False, seeker_accepted_at__isnull=True)
        assert proposed.filter(helper_accepted_at__isnull=True, seeker_accepted_at__isnull=False)


def test_it_keeps_the_history_it_was_given_instead_of_stamping_today():
    seed()
    created = MentoringRelationship.objects.values_list("created_at", flat=True)
    assert min(created) < timezone.now() - timedelta(days=365)
    assert max(created) < timezone.now()
    assert Participation.objects.filter(created_at__lt=timezone.now() - timedelta(days=500))
    # The loader turns auto_now off only while it writes.
    assert Profile._meta.get_field("created_at").auto_now_add
    assert MentoringRelationship._meta.get_field("updated_at").auto_now


def test_it_writes_what_the_builder_made_for_the_seed():
    seed("--seed", "7")
    anchor = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    org = build_organization(seed=7, people=300, anchor=anchor)
    emails = [person.email for person in org.people]
    assert sorted(User.objects.values_list("email", flat=True)) == sorted(emails)
    built = Counter((emails[r.helper], emails[r.seeker], r.status) for r in org.mentoring)
    # The mentoring demo adds offers from an event's mutual marks on top of the builder's.
    from_events = MutualInterest.objects.exclude(relationship=None).values("relationship")
    stored = Counter(
        MentoringRelationship.objects.exclude(pk__in=from_events).values_list(
            "mentor__email", "mentee__email", "status"
        )
    )
    assert stored == built


def test_it_changes_nothing_when_run_again():
    seed()
    before = table_counts()
    output = seed("--seed", "2")
    assert "The demo organization is already loaded." in output
    assert "admin@demo.ithaca.example" in output
    assert table_counts() == before


def test_it_never_lets_a_mentor_manage_or_assess_their_mentee():
    seed()
    managers = dict(Profile.objects.values_list("user_id", "line_manager_id"))
    assessed = set(Profile.assessors.through.objects.values_list("profile_id", "user_id"))
    for mentor, mentee in MentoringRelationship.objects.values_list("mentor_id", "mentee_id"):
        chain, current = set(), managers[mentee]
        while current is not None:
            chain.add(current)
            current = managers[current]
        assert mentor not in chain
        assert (mentee, mentor) not in assessed


def test_it_never_exceeds_capacity_or_doubles_an_open_pair():
    seed()
    capacity = {
        (p.program_id, p.user_id): p.capacity
        for p in Participation.objects.filter(role__in=["mentor", "coach"])
    }
    for model, helper in ((MentoringRelationship, "mentor_id"), (CoachingEngagement, "coach_id")):
        open_rows = model.objects.filter(status__in=OPEN_STATUSES)
        per_helper = Counter(open_rows.values_list("program_id", helper))
        assert all(count <= capacity[key] for key, count in per_helper.items())


def test_it_keeps_sponsors_out_of_the_coaching_pair():
    seed()
    sponsored = CoachingEngagement.objects.filter(sponsor__isnull=False)
    assert sponsored.exists()
    for engagement in sponsored:
        assert engagement.sponsor_id not in (engagement.coach_id, engagement.coachee_id)
        assert Participation.objects.filter(
            program=engagement.program, user=engagement.sponsor, role="sponsor"
        ).exists()


def test_the_demo_logins_work_with_the_demo_password():
    seed()
    for person in PINNED:
        assert authenticate(username=person.email, password="ithaca-demo") is not None
    admin = User.objects.get(email="admin@demo.ithaca.example")
    assert admin.is_staff and admin.is_superuser
    assert authenticate(username=PINNED[0].email, password="wrong") is None


def test_the_demo_accounts_have_the_stories_they_promise():
    seed()
    mentee = User.objects.get(email="mentee@demo.ithaca.example")
    mentor = User.objects.get(email="mentor@demo.ithaca.example")
    assert MentoringRelationship.objects.filter(mentor=mentor, mentee=mentee, status="active")
    assert MentoringRelationship.objects.filter(
        mentee=mentee, status="proposed", seeker_accepted_at__isnull=True
    )
    assert MentoringRelationship.objects.filter(mentor=mentor, status="active").count() >= 2
    coach = CoachingEngagement.objects.filter(coach__email="coach@demo.ithaca.example")
    assert coach.filter(status="active").count() >= 2
    assert coach.filter(
        coachee__email="coachee@demo.ithaca.example",
        sponsor__email="sponsor@demo.ithaca.example",
        status="active",
    )
    manager = User.objects.get(email="manager@demo.ithaca.example")
    assert manager.managed_programs.count() == 4


def test_it_reports_progress_only_for_big_loads():
    out = StringIO()
    command = Command(stdout=out)
    command._progress("people", 2000, 3000)
    command._progress("people", 10000, 100000)
    command._progress("people", 100000, 100000)
    assert out.getvalue().splitlines() == ["  people 10000/100000", "  people 100000/100000"]


def test_it_loads_a_small_organization():
    output = seed("--people", "120")
    assert Profile.objects.filter(department__isnull=False).count() == 120
    assert MentoringRelationship.objects.filter(status="active").exists()
    assert "120 staff" in output


def test_it_refuses_too_few_people_clearly():
    with pytest.raises(CommandError, match="--people must be at least 50"):
        seed("--people", "10")
    assert not User.objects.exists()


def test_it_writes_nothing_when_part_of_the_load_fails():
    # A program already using a demo address makes the load fail half-way.
    Program.objects.create(
        name="Taken", slug="northwind-peer-circles", kind="mentoring", mode="peer"
    )
    with pytest.raises(CommandError, match="nothing was written"):
        seed()
    assert not User.objects.exists()
    assert Program.objects.count() == 1


@pytest.mark.django_db
def test_demo_logins_get_past_mandatory_email_verification(client, settings) -> None:
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    call_command("seed_demo", "--people", "60", stdout=StringIO())
    response = client.post(
        "/accounts/login/", {"login": "mentee@demo.ithaca.example", "password": "ithaca-demo"}
    )
    assert response.status_code == 302 and response["Location"] == "/"
