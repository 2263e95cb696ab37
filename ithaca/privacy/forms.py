"""The erasure confirmation: the person types their own e-mail address."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ithaca.accounts.models import User


class EraseForm(forms.Form):
    email = forms.CharField(
        label=_("Type your e-mail address to confirm"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self) -> str:
        typed = self.cleaned_data["email"].strip().lower()
        if typed != self.user.email.lower():
            raise forms.ValidationError(_("That is not the address of this account."))
        return typed
