"""Reasons Ithaca stored as English text are shown in the reader's language."""

from __future__ import annotations

from django.utils import translation

from ithaca.programs import reasons
from ithaca.programs.reasons import reason_text


def test_a_stored_english_reason_of_ithacas_is_shown_translated() -> None:
    stored = "Withdrawn automatically: the seeker started with someone else in this program."
    assert stored == reasons.COMPETING  # what rows hold, old and new
    with translation.override("de"):
        assert reason_text(stored) == (
            "Automatisch zurückgezogen: Die teilnehmende Person hat in diesem Programm "
            "mit jemand anderem begonnen."
        )
        assert reason_text("No answer in time.") == "Keine rechtzeitige Antwort."
        assert reason_text("Ended because one person's data was erased.") == (
            "Beendet, weil die Daten einer der beiden Personen gelöscht wurden."
        )
        assert reason_text("expired") == "Niemand hat rechtzeitig geantwortet."
    with translation.override("es"):
        assert reason_text("No answer in time.") == "Sin respuesta a tiempo."


def test_what_a_person_wrote_is_shown_as_written() -> None:
    with translation.override("de"):
        assert reason_text("We no longer work together.") == "We no longer work together."
        assert reason_text("") == ""


def test_an_independence_withdrawal_is_stored_as_codes_and_worded_when_shown() -> None:
    stored = reasons.independence_withdrawal(["not_line_manager", "not_assessor"])
    assert stored == "independence:not_line_manager,not_assessor"
    with translation.override("es"):
        assert reason_text(stored) == (
            "Retirada automáticamente: el mentor es el responsable directo del mentorizado; "
            "el mentor evalúa el trabajo del mentorizado."
        )
    with translation.override("en"):
        assert reason_text(stored) == (
            "Withdrawn automatically: the mentor is the mentee's line manager; "
            "the mentor assesses the mentee's work."
        )


def test_older_independence_reasons_keep_their_text() -> None:
    old = "Withdrawn automatically: Ada Lovelace is Bob Stone's line manager."
    with translation.override("de"):
        assert reason_text(old) == old
        assert reasons.flag_reasons_text("Ada Lovelace assesses Bob Stone's work") == (
            "Ada Lovelace assesses Bob Stone's work"
        )
        assert reason_text("independence:someone_said_so") == "independence:someone_said_so"
        assert reasons.flag_reasons_text("not_above_in_chain") == (
            "der Mentor steht in der Führungslinie über dem Mentee"
        )


def test_other_sentences_ithaca_stores_read_translated() -> None:
    with translation.override("fr"):
        assert reason_text(reasons.CONCLUDED_AT_REVIEW) == "Clôturée lors du bilan."
        assert reason_text(reasons.CLOSED_OUT) == "Clôturé avec une évaluation finale."
    with translation.override("de"):
        assert reason_text("Applied from an intake.") == "Aus einer Bedarfsanalyse heraus beworben."
