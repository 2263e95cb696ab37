"""Console forms. They validate input only; services write."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.forms.models import fields_for_model, model_to_dict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.accounts.importing.files import MAX_UPLOAD_BYTES
from ithaca.core.errors import DomainError
from ithaca.programs import bounds
from ithaca.programs.models import Participation, Program, shown_choices
from ithaca.programs.modes import COACHING_MODES, KINDS, MENTORING_MODES
from ithaca.programs.services import clean_questions

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

RULE_FIELDS = [
    "description", "requires_training", "review_period_days", "session_count",
    "session_cadence_days", "session_length_minutes", "nudge_after_days",
    "request_expiry_days", "independence_depth",
]  # fmt: skip
MODE_CHOICES = [
    (_("Mentoring"), shown_choices(MENTORING_MODES)),
    (_("Coaching"), shown_choices(COACHING_MODES)),
]


class QuestionsField(forms.CharField):
    """Enrolment questions, typed one per line."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            required=False,
            widget=forms.Textarea(attrs={"rows": 4}),
            label=_("Enrolment questions"),
            help_text=_("One per line, at most five. Everyone who applies answers them."),
            **kwargs,
        )

    def clean(self, value: Any) -> list[str]:
        text = super().clean(value) or ""
        try:
            return clean_questions(text.splitlines())
        except DomainError as exc:
            raise forms.ValidationError(exc.message) from None


class ProgramForm(forms.Form):
    """Create a program (name, address, kind, mode, rules) or edit one (kind and address fixed)."""

    def __init__(self, *args: Any, program: Program | None = None, **kwargs: Any) -> None:
        if program is not None:
            kwargs.setdefault(
                "initial", model_to_dict(program, fields=["name", "mode", *RULE_FIELDS])
            )
        super().__init__(*args, **kwargs)
        self.program = program
        self.fields["name"] = forms.CharField(max_length=160, label=_("Name"))
        if program is None:
            self.fields["slug"] = forms.SlugField(
                max_length=80, required=False, label=_("Address"),
                help_text=_(
                    "Used in links, e.g. new-managers. Left empty, it is made from the name."
                ),
            )  # fmt: skip
            self.fields["kind"] = forms.ChoiceField(choices=shown_choices(KINDS), label=_("Kind"))
        self.fields["mode"] = forms.ChoiceField(choices=MODE_CHOICES, label=_("Mode"))
        self.fields.update(fields_for_model(Program, fields=RULE_FIELDS))
        for name, field_bounds in bounds.PROGRAM.items():
            # The browser and the form refuse what the database would.
            old = self.fields[name]
            self.fields[name] = forms.IntegerField(
                label=old.label,
                min_value=field_bounds.low,
                max_value=field_bounds.high,
                help_text=old.help_text
                or _("From %(low)s to %(high)s.")
                % {"low": field_bounds.low, "high": field_bounds.high},
                initial=old.initial,
                error_messages={
                    "min_value": field_bounds.message(),
                    "max_value": field_bounds.message(),
                },
            )
        self.fields["enrolment_questions"] = QuestionsField(
            initial="\n".join(program.enrolment_questions) if program else ""
        )
        if program is None:
            self.fields["enrolment_open"] = forms.BooleanField(
                required=False, initial=True, label=_("Open for enrolment now")
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # An empty address is made from the name by program_create, in any script.
        return data

    def changes(self) -> dict[str, Any]:
        """The fields to give program_update: only those that differ."""
        assert self.program is not None
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if getattr(self.program, name) != value
        }


ROLE_LABELS = {
    "seeker": _("Seeker (to be mentored or coached)"),
    "mentor": _("Mentor"),
    "coach": _("Coach"),
    "sponsor": _("Sponsor"),
}


def roles_for(program: Program) -> list[tuple[str, StrPromise]]:
    roles = ["seeker", "mentor"] if program.is_mentoring else ["seeker", "coach", "sponsor"]
    return [(role, ROLE_LABELS[role]) for role in roles]


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(
        max_length=150, required=False, label=_("First name"), help_text=_("For someone new.")
    )
    last_name = forms.CharField(max_length=150, required=False, label=_("Last name"))
    capacity = forms.IntegerField(
        min_value=bounds.CAPACITY.low,
        max_value=bounds.CAPACITY.high,
        required=False,
        label=_("Capacity"),
        help_text=_("Mentors and coaches: how many at once."),
    )

    def __init__(self, *args: Any, program: Program, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"] = forms.ChoiceField(choices=roles_for(program), label=_("Role"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("role") in Participation.HELPER_ROLES and not data.get("capacity"):
            data["capacity"] = 1
        return data


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("HR export (CSV or XLSX)"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext(
            "Up to %(megabytes)s MB. Nothing is written until you have seen the dry run and "
            "pressed “Run import”."
        ) % {"megabytes": MAX_UPLOAD_BYTES // 1024 // 1024}

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                gettext(
                    "The file is %(size)s MB; the limit is %(limit)s MB. Split it into smaller "
                    "files."
                )
                % {
                    "size": f"{upload.size / 1024 / 1024:.1f}",
                    "limit": MAX_UPLOAD_BYTES // 1024 // 1024,
                }
            )
        return upload
