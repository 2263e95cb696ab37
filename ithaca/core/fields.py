"""Text fields that erasure may blank, shown blanked in the reader's language.

Erasing a person (`ithaca.privacy.erasure`) keeps what they wrote into shared
records (a goal, an action, a reflection, a referral's reason) but replaces the
text with the marker `ERASED` ("(erased)"), stored in English so every row,
old or new, is recognized. A field declared with one of these classes reads the
marker back as a lazy translation, so the page, the API and the exports show
it in the reader's language, and writes it back as the English marker.
To the migrations they are the plain Django fields they extend.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy, gettext_noop

ERASED = gettext_noop("(erased)")
ERASED_SHOWN = gettext_lazy(ERASED)


def shown(value: Any) -> Any:
    """The marker as the reader reads it; any other value as it is."""
    return ERASED_SHOWN if value == ERASED and isinstance(value, str) else value


class _Erasable:
    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        return shown(value)

    def to_python(self, value: Any) -> Any:
        if value is ERASED_SHOWN:
            return value  # cleaning a loaded row keeps the marker, not its translation
        return super().to_python(value)  # type: ignore[misc]

    def get_prep_value(self, value: Any) -> Any:
        if value is ERASED_SHOWN:
            return ERASED
        return super().get_prep_value(value)  # type: ignore[misc]

    def deconstruct(self) -> tuple[Any, str, list[Any], dict[str, Any]]:
        name, _path, args, kwargs = super().deconstruct()  # type: ignore[misc]
        base = next(b for b in type(self).__mro__ if b.__module__ == "django.db.models.fields")
        return name, f"django.db.models.{base.__name__}", args, kwargs


class ErasableCharField(_Erasable, models.CharField):
    """A CharField whose erased marker reads in the reader's language."""


class ErasableTextField(_Erasable, models.TextField):
    """A TextField whose erased marker reads in the reader's language."""
