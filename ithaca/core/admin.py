"""Admin pieces shared by every app."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError


class ConstraintCheckedForm(forms.ModelForm):
    """Checks every database constraint before saving, also those naming read-only fields.

    Django skips a constraint that names a field the form does not edit, so a
    change that breaks it reached the database and answered 500. Here it is a
    message on the form and nothing is saved.
    """

    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]
        if self.errors:
            return
        try:
            self.instance.validate_constraints()
        except ValidationError as exc:
            self._update_errors(exc)  # type: ignore[attr-defined]
