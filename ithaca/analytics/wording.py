"""Sentences the analytics API answers with, kept here so they are translated in this
app's catalogue (ithaca/analytics/locale/) with the rest of analytics' words.

Lazy: each is read when the response is written, in the caller's language.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

END_BEFORE_START = _("The end must not be before the start.")
REPORT_NOT_READY = _("This report is not ready yet.")
PDF_OR_HTML = _("Use pdf or html.")
