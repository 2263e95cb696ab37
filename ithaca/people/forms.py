"""Forms of the profile page and the welcome wizard. Services do the real checks; the
forms parse what the browser sent and show each message beside its field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from ithaca.accounts import interface_language as ui_language
from ithaca.accounts.languages import shown_names
from ithaca.accounts.models import CareerEntry, Profile
from ithaca.accounts.photos import MAX_BYTES
from ithaca.accounts.profiles import MAX_BIO
from ithaca.accounts.zones import zone_choices
from ithaca.core.widgets import LongSelect


class DomainForm(forms.Form):
    """A form that shows a service's DomainError beside the field it names."""

    def add_domain_error(self, field: str | None, message: str) -> None:
        self.add_error(field if field in self.fields else None, message)


def _tags_text(values: list[str] | None) -> str:
    return ", ".join(values or [])


class BasicsForm(DomainForm):
    preferred_name = forms.CharField(
        label=_("What should people call you?"), max_length=80, required=False,
        help_text=_("Leave empty to use your full name."),
    )  # fmt: skip
    pronouns = forms.CharField(
        label=_("Pronouns (optional)"), max_length=40, required=False,
        help_text=_("For example she/her, he/him, they/them."),
    )  # fmt: skip
    job_title = forms.CharField(label=_("Job title"), max_length=160, required=False)
    time_zone = forms.ChoiceField(
        label=_("Your time zone"),
        widget=LongSelect,
        help_text=_("Every time Ithaca shows you, and every invitation it sends you, uses it."),
    )
    languages = forms.CharField(
        label=_("Languages you speak"),
        required=False,
        help_text=_("Separate them with commas, for example: English, Irish."),
        widget=forms.TextInput(attrs={"list": "language-names", "autocomplete": "off"}),
    )

    interface_language = forms.ChoiceField(
        label=ui_language.FIELD_LABEL,
        required=False,
        help_text=ui_language.FIELD_HELP,
        choices=ui_language.field_choices,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["time_zone"]
        field.choices = [(z, z.replace("_", " ")) for z in zone_choices()]

    @classmethod
    def for_profile(cls, profile: Profile, data: Any = None) -> BasicsForm:
        initial = {
            "preferred_name": profile.preferred_name,
            "pronouns": profile.pronouns,
            "job_title": profile.job_title,
            "time_zone": profile.time_zone,
            "languages": ", ".join(shown_names(profile.languages)),
            "interface_language": profile.interface_language,
        }
        return cls(data, initial=initial)

    def changes(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class AboutForm(DomainForm):
    bio = forms.CharField(
        label=_("About you"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=lazy(
            lambda: gettext("Up to {limit} characters: what you do, what you care about.").format(
                limit=number_format(MAX_BIO, force_grouping=True)
            ),
            str,
        )(),
    )
    expertise = forms.CharField(
        label=_("Expertise"),
        required=False,
        help_text=_("Separate tags with commas. People search the directory by them."),
        widget=forms.TextInput(attrs={"list": "expertise-tags", "autocomplete": "off"}),
    )
    interests = forms.CharField(
        label=_("Interests"),
        required=False,
        help_text=_("Separate tags with commas. Shared interests count in matching."),
        widget=forms.TextInput(attrs={"list": "interest-tags", "autocomplete": "off"}),
    )

    @classmethod
    def for_profile(cls, profile: Profile, data: Any = None) -> AboutForm:
        initial = {
            "bio": profile.bio,
            "expertise": _tags_text(profile.expertise),
            "interests": _tags_text(profile.interests),
        }
        return cls(data, initial=initial)

    def changes(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class PhotoForm(DomainForm):
    photo = forms.FileField(
        label=_("Photo"),
        help_text=_("A JPEG, PNG or WebP image up to 5 MB. We crop it to a square."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages={"required": _("Choose a photo to upload.")},
    )

    def clean_photo(self) -> Any:
        upload = self.cleaned_data["photo"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("That file is larger than 5 MB: choose a smaller photo."))
        return upload


class CareerForm(DomainForm):
    role = forms.CharField(label=pgettext_lazy("job", "Role"), max_length=160)
    organization = forms.CharField(label=_("Organization"), max_length=160, required=False)
    started_on = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a date, for example 2019-09-01.")},
    )  # fmt: skip
    ended_on = forms.DateField(
        label=_("To"), required=False, help_text=_("Empty while you still hold it."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a date, for example 2021-06-30.")},
    )  # fmt: skip

    @classmethod
    def for_entry(cls, entry: CareerEntry, data: Any = None) -> CareerForm:
        return cls(
            data,
            initial={
                "role": entry.role,
                "organization": entry.organization,
                "started_on": entry.started_on.isoformat(),
                "ended_on": entry.ended_on.isoformat() if entry.ended_on else "",
            },
        )


class AvailabilityForm(DomainForm):
    accepting = forms.TypedChoiceField(
        label=_("New people"),
        choices=[("yes", _("I am taking new people")), ("no", _("I am not taking new people"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    paused_until = forms.DateField(
        label=_("Or pause until"), required=False,
        help_text=_("Leave empty unless you want a break; you reopen on that date by yourself."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a date, for example 2027-01-31.")},
    )  # fmt: skip
    capacity = forms.IntegerField(
        label=_("How many people at once"),
        min_value=0,
        max_value=500,
        error_messages={"required": _("Say how many people you can take on.")},
    )

    def __init__(self, *args: Any, limit: int = 10, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["capacity"].help_text = gettext("At most %(limit)d in this program.") % {
            "limit": limit
        }
        self.fields["capacity"].widget.attrs.update({"min": 1, "max": limit})


WELCOME_REASONS = [
    ("career", _("Growing in my career")),
    ("skill", _("A specific skill or challenge")),
    ("transition", _("A new role or a transition")),
    ("belonging", _("Finding my feet and my people")),
    ("unsure", _("I am not sure yet")),
]


class BringsYouForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What brings you here?"), choices=WELCOME_REASONS, widget=forms.RadioSelect
    )
