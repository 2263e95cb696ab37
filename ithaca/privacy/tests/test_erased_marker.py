"""What erasure blanks reads "(erased)" in the reader's language, rows blanked before too."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from ithaca.coaching.models import ActionItem
from ithaca.coaching.models import Goal as CoachingGoal
from ithaca.intake.models import Referral
from ithaca.mentoring.models import Goal
from ithaca.privacy.erasure import person_erase

pytestmark = pytest.mark.django_db


def test_blanked_writing_reads_in_the_readers_language(world) -> None:
    person_erase(user=world.person, by=None)
    r = world.records
    goal = Goal.objects.get(pk=r["goal"].pk)
    coaching_goal = CoachingGoal.objects.get(pk=r["coaching goal"].pk)
    action = ActionItem.objects.get(pk=r["action"].pk)
    referral = Referral.objects.get(pk=r["referral"].pk)
    with translation.override("fr"):
        assert str(goal.title) == "(effacé)" and str(coaching_goal.metric) == "(effacé)"
    with translation.override("de"):
        assert str(action.title) == "(gelöscht)" and str(referral.reason) == "(gelöscht)"
        assert [
            str(t) for t in Goal.objects.filter(pk=goal.pk).values_list("title", flat=True)
        ] == ["(gelöscht)"]
    with translation.override("es"):
        assert str(coaching_goal.statement) == "(borrado)"
    # Stored as the English marker whatever the language it was saved back in.
    with translation.override("de"):
        goal.save()
        action.full_clean(exclude=["created_by"])
        action.save()
    assert Goal.objects.filter(pk=goal.pk, title="(erased)").exists()
    assert ActionItem.objects.filter(pk=action.pk, title="(erased)").exists()


def test_the_other_side_reads_it_on_the_workspace_in_their_language(world) -> None:
    person_erase(user=world.person, by=None)
    mentor = Client()
    mentor.force_login(world.mentor)
    page = mentor.get(
        f"/mentoring/{world.relationship.pk}/", HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    assert "(effacé)" in page and "(erased)" not in page
    coach = Client()
    coach.force_login(world.coach)
    page = coach.get(
        f"/coaching/{world.engagement.pk}/goals/", HTTP_ACCEPT_LANGUAGE="de"
    ).content.decode()
    assert "(gelöscht)" in page and "(erased)" not in page


def test_a_row_blanked_before_reads_translated_and_real_text_stays() -> None:
    from ithaca.mentoring.tests.factories import GoalFactory

    old, real = GoalFactory(), GoalFactory(title="Speak at the (erased) meetup")
    Goal.objects.filter(pk=old.pk).update(title="(erased)")
    with translation.override("fr"):
        assert str(Goal.objects.get(pk=old.pk).title) == "(effacé)"
        assert Goal.objects.get(pk=real.pk).title == "Speak at the (erased) meetup"
