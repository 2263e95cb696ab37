"""insert_rows: the fast path for many plain rows (COPY on PostgreSQL)."""

import pytest

from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.bulk import insert_rows
from ithaca.matching.models import MatchingRound, RoundPair
from ithaca.programs.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def test_rows_are_written_with_their_json_and_the_defaults_of_what_they_leave_out() -> None:
    program = ProgramFactory()
    matching_round = MatchingRound.objects.create(program=program, objective="fit")
    people = UserFactory.create_batch(4)
    breakdown = {"score": 61.5, "rules": [{"explanation": 'a "quoted"\ttab\\ and é'}]}
    rows = [
        {
            "round_id": matching_round.pk,
            "seeker_id": people[i].pk,
            "helper_id": people[3].pk,
            "score": 10.0 * i,
            "breakdown": breakdown,
        }
        for i in range(3)
    ]
    assert insert_rows(RoundPair, iter(rows), batch_size=2) == 3
    saved = list(RoundPair.objects.filter(round=matching_round).order_by("score"))
    assert [p.seeker_id for p in saved] == [people[0].pk, people[1].pk, people[2].pk]
    assert [p.score for p in saved] == [0.0, 10.0, 20.0]
    assert saved[2].breakdown == breakdown
    assert {(p.source, p.removed, p.publish_error, p.relationship_id) for p in saved} == {
        ("engine", False, "", None)
    }
