"""Names that libraries mark for translation but translate into none of our languages.

django-tasks-db's model and field names are lazy (gettext) but its catalogues
have no French, Spanish or German. Listing them here puts them in the root
catalogue, where Ithaca translates them, so the admin reads in the person's
language. Nothing imports this module: it exists for makemessages. Names a
library leaves as plain strings (allauth's MFA "authenticators", named after its
class, and its fields "user", "type", "data") cannot be translated this way and
stay as the library writes them.
"""

from django.utils.translation import gettext_noop

NAMES = (
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
    gettext_noop("enqueued at"),
    gettext_noop("priority"),
    gettext_noop("task path"),
    gettext_noop("worker id"),
    gettext_noop("queue name"),
    gettext_noop("backend name"),
    gettext_noop("run after"),
    gettext_noop("return value"),
    gettext_noop("exception class path"),
    gettext_noop("traceback"),
)
