"""One English word, two meanings: the audit's column and the coaching button.

Django merges every app's catalogue into one, and the first app that has a
msgid wins. The audit log's "Record" (the thing the event is about) is a noun;
a goal's "Record" button (save a check-in) is a verb. Without a context the
audit's noun took over the button in every language.
"""

from __future__ import annotations

import pytest
from django.template import engines
from django.utils import translation

BUTTON = '{% load i18n %}{% translate "Record" context "verb" %}'
COLUMN = '{% load i18n %}{% translate "Record" context "audit: the object concerned" %}'


@pytest.mark.parametrize(
    ("language", "button", "column"),
    [
        ("de", "Erfassen", "Datensatz"),
        ("fr", "Enregistrer", "Enregistrement"),
        ("es", "Registrar", "Registro"),
    ],
)
def test_the_check_in_button_is_a_verb_and_the_audit_column_a_noun(
    language: str, button: str, column: str
) -> None:
    django_engine = engines["django"]
    with translation.override(language):
        assert django_engine.from_string(BUTTON).render({}) == button
        assert django_engine.from_string(COLUMN).render({}) == column
