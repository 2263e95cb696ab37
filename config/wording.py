"""Short words whose translation by Django or allauth reads wrong in Ithaca.

Django merges catalogues with `LOCALE_PATHS` (the root `locale/`) first, then the
apps in `INSTALLED_APPS` order, where `django.contrib.*` and allauth come before
Ithaca's apps; so for a message without context their translation beats the one
in an app's catalogue (German "Sichern" for Save, "Zeige alle" for Show all).
Marking the words here puts them in the root catalogue, which wins, with the
same translation as the apps' catalogues. Nothing imports this module: it exists
for makemessages. Add a word when `scripts/check_translations.py` or a page
shows Django's wording instead of Ithaca's; for a word that means something else
in one place, give that place a context instead (docs/translation.md).
"""

from django.utils.translation import gettext_noop

WORDS = (
    gettext_noop("Save"),
    gettext_noop("Create"),
    gettext_noop("Note"),
    gettext_noop("Show all"),
    gettext_noop("All"),
    gettext_noop("No, take me back"),
    gettext_noop("Not found."),
    gettext_noop("Warning:"),
    # A coaching session's field label: French "séance", not Django's "session".
    gettext_noop("session"),
)
