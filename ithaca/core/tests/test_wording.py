"""Ithaca's own wording wins over Django's and allauth's for the same message."""

from __future__ import annotations

from django.test import Client
from django.utils import translation

from ithaca.core.catalogues import ROOT, messages, po_files


def test_every_translation_of_ours_is_the_one_shown() -> None:
    """Django's and allauth's catalogues come before the apps': a short word they
    translate otherwise ("Sichern" for Save) must be in the root catalogue
    (config/wording.py) or carry a context."""
    shadowed = []
    for path in po_files():
        language = path.parts[-3]
        for (context, msgid), entry in messages(path).items():
            ours = entry.msgstr.get(0)
            if entry.msgid_plural or not ours or "fuzzy" in entry.flags:
                continue
            with translation.override(language):
                shown = (
                    translation.pgettext(context, msgid) if context else translation.gettext(msgid)
                )
            if shown != ours:
                shadowed.append(f"{path.relative_to(ROOT)}: {msgid!r} shows {shown!r}")
    assert shadowed == []


def test_the_save_button_reads_naturally_in_german(db) -> None:
    from ithaca.accounts.tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory())
    page = client.get("/notifications/settings/", HTTP_ACCEPT_LANGUAGE="de")
    assert page.status_code == 200
    assert "Speichern" in page.content.decode() and "Sichern" not in page.content.decode()
    with translation.override("de"):
        assert translation.gettext("Save") == "Speichern"
        assert translation.gettext("Show all") == "Alle anzeigen"
    with translation.override("fr"):
        assert translation.gettext("Note") == "Note"
