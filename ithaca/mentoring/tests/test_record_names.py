"""What the admin shows as a record's name reads in the reader's language: a matching
round, an excluded pair and a mentoring closing in German, and in English again."""

from __future__ import annotations

import pytest
from django.utils import translation

from ithaca.matching.models import MatchingRound
from ithaca.mentoring.models import Closing
from ithaca.programs.models import PairExclusion

pytestmark = pytest.mark.django_db


def test_record_names_read_in_german_and_in_english(rel) -> None:
    program = rel.program
    matching_round = MatchingRound.objects.create(
        program=program, status=MatchingRound.Status.DRAFT
    )
    exclusion = PairExclusion.objects.create(
        program=program,
        helper=rel.mentor,
        seeker=rel.mentee,
        reason=PairExclusion.Reason.MANAGER,
    )
    closing = Closing.objects.create(
        relationship=rel,
        side="mentee",
        reflection="It went well.",
        growth=4,
        career_clarity=3,
        belonging=4,
        would_recommend=True,
    )

    with translation.override("de"):
        assert str(matching_round) == (f"Runde {matching_round.pk} von {program} (Entwurf)")
        assert str(exclusion) == (f"{rel.mentor} und {rel.mentee} in {program} ausgeschlossen")
        assert str(closing) == f"Abschluss der Beziehung {rel.pk} (Seite: Mentee)"
        assert str(rel) == f"{rel.mentor} als Mentor von {rel.mentee}"

    with translation.override("en"):
        assert str(matching_round) == f"Round {matching_round.pk} of {program} (Draft)"
        assert str(exclusion) == f"{rel.mentor} and {rel.mentee} excluded in {program}"
        assert str(closing) == f"Closing by the mentee of relationship {rel.pk}"
        assert str(rel) == f"{rel.mentor} mentoring {rel.mentee}"
