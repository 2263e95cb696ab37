"""Writes to a person's own profile: their words, photo, languages, zone and career.

Fields the HR import owns (department, line manager, assessors, grade, start
date) are not changed here; `accounts.imports` writes them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import IO, Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ithaca.accounts.interface_language import supported
from ithaca.accounts.languages import language_code
from ithaca.accounts.models import CareerEntry, Profile, User
from ithaca.accounts.photos import PhotoError, make_photo
from ithaca.accounts.zones import is_zone
from ithaca.core.errors import DomainError

MAX_BIO = 2000
MAX_TAGS = 20
MAX_TAG = 50
TEXT_LIMITS = {"preferred_name": 80, "pronouns": 40, "job_title": 160}
EDITABLE = frozenset(
    {*TEXT_LIMITS, "bio", "time_zone", "languages", "interface_language", "expertise", "interests"}
)


def clean_tags(values: Any, field: str) -> list[str]:
    """Tags as typed (a list, or one comma-separated text), trimmed and de-duplicated."""
    if isinstance(values, str):
        values = values.split(",")
    if not isinstance(values, list | tuple):
        raise DomainError(_("Give a list of tags."), field=field)
    tags: list[str] = []
    for value in values:
        tag = " ".join(str(value).split())
        if not tag or tag.lower() in {t.lower() for t in tags}:
            continue
        if len(tag) > MAX_TAG:
            raise DomainError(
                _("Keep each tag under %(limit)d characters.") % {"limit": MAX_TAG}, field=field
            )
        tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise DomainError(_("At most %(limit)d tags.") % {"limit": MAX_TAGS}, field=field)
    return tags


def clean_languages(values: Any) -> list[str]:
    """Language names or codes -> codes; an unknown language is refused by name."""
    if isinstance(values, str):
        values = values.split(",")
    if not isinstance(values, list | tuple):
        raise DomainError(_("Give a list of languages."), field="languages")
    codes: list[str] = []
    for value in values:
        if not str(value).strip():
            continue
        code = language_code(str(value))
        if code is None:
            raise DomainError(
                _("%(value)s is not a language we know.") % {"value": repr(str(value)[:40])},
                field="languages",
            )
        if code not in codes:
            codes.append(code)
    return codes


def _cleaned(changes: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(changes) - EDITABLE)
    if unknown:
        raise DomainError(
            _("%(fields)s cannot be changed here.") % {"fields": ", ".join(unknown)},
            field=unknown[0],
        )
    out: dict[str, Any] = {}
    for field, value in changes.items():
        if field in TEXT_LIMITS or field == "bio":
            text = str(value or "").strip()
            limit = TEXT_LIMITS.get(field, MAX_BIO)
            if len(text) > limit:
                raise DomainError(
                    _("Keep it under %(limit)s characters (this is %(length)s).")
                    % {
                        "limit": number_format(limit, force_grouping=True),
                        "length": number_format(len(text), force_grouping=True),
                    },
                    field=field,
                )
            out[field] = text
        elif field == "time_zone":
            if not is_zone(str(value or "")):
                raise DomainError(_("Choose a time zone from the list."), field=field)
            out[field] = value
        elif field == "languages":
            out[field] = clean_languages(value)
        elif field == "interface_language":
            code = str(value or "")
            if code and not supported(code):
                raise DomainError(_("Choose a language from the list."), field=field)
            out[field] = code
        else:
            out[field] = clean_tags(value, field)
    return out


@transaction.atomic
def profile_update(*, user: User, **changes: Any) -> Profile:
    """Change the person's own profile fields; all checked first, then saved together."""
    cleaned = _cleaned(changes)
    profile, _ = Profile.objects.select_for_update().get_or_create(user=user)
    for field, value in cleaned.items():
        setattr(profile, field, value)
    profile.save(update_fields=[*cleaned, "updated_at"])
    return profile


@transaction.atomic
def profile_photo_set(*, user: User, upload: IO[bytes], size: int | None = None) -> Profile:
    """Check and store a new photo (a square JPEG); the old one is deleted."""
    try:
        jpeg = make_photo(upload, size)
    except PhotoError as exc:
        raise DomainError(str(exc), field="photo") from None
    profile, _ = Profile.objects.select_for_update().get_or_create(user=user)
    old = profile.photo.name if profile.photo else ""
    # A fresh random name each time: an old link stops working, caches never serve the old face.
    profile.photo.save(f"{uuid.uuid4().hex}.jpg", ContentFile(jpeg), save=False)
    profile.save(update_fields=["photo", "updated_at"])
    if old:
        transaction.on_commit(lambda: profile.photo.storage.delete(old))
    return profile


@transaction.atomic
def profile_photo_remove(*, user: User) -> Profile:
    profile, _ = Profile.objects.select_for_update().get_or_create(user=user)
    if profile.photo:
        name, storage = str(profile.photo.name), profile.photo.storage
        profile.photo = None
        profile.save(update_fields=["photo", "updated_at"])
        transaction.on_commit(lambda: storage.delete(name))
    return profile


@transaction.atomic
def welcome_set(*, user: User, state: str, step: str = "") -> Profile:
    """Offer, advance, skip or finish the welcome wizard."""
    if state not in Profile.Welcome.values:
        raise DomainError(_("Unknown wizard state."))
    profile = Profile.objects.select_for_update().get_or_create(user=user)[0]
    profile.welcome, profile.welcome_step = state, step
    profile.save(update_fields=["welcome", "welcome_step", "updated_at"])
    return profile


# --- Career history: the paths a person has walked ------------------------------


def _career_fields(
    role: str, organization: str, started_on: dt.date | None, ended_on: dt.date | None
) -> dict[str, Any]:
    role, organization = role.strip(), organization.strip()
    if not role:
        raise DomainError(_("Name the role you held."), field="role")
    if len(role) > 160 or len(organization) > 160:
        raise DomainError(
            _("Keep it under 160 characters."), field="role" if len(role) > 160 else "organization"
        )
    if started_on is None:
        raise DomainError(_("When did you start?"), field="started_on")
    if ended_on is not None and ended_on < started_on:
        raise DomainError(_("It cannot end before it starts."), field="ended_on")
    return {
        "role": role,
        "organization": organization,
        "started_on": started_on,
        "ended_on": ended_on,
    }


@transaction.atomic
def career_entry_create(
    *,
    user: User,
    role: str,
    organization: str = "",
    started_on: dt.date | None,
    ended_on: dt.date | None = None,
) -> CareerEntry:
    """Add a role to the person's paths walked, at the end of their list."""
    fields = _career_fields(role, organization, started_on, ended_on)
    last = CareerEntry.objects.filter(user=user).aggregate(m=Max("position"))["m"]
    if CareerEntry.objects.filter(user=user).count() >= 30:
        raise DomainError(_("At most 30 roles: keep the paths that matter."), field="role")
    return CareerEntry.objects.create(user=user, position=(last or 0) + 1, **fields)


@transaction.atomic
def career_entry_update(
    *,
    entry: CareerEntry,
    role: str,
    organization: str = "",
    started_on: dt.date | None,
    ended_on: dt.date | None = None,
) -> CareerEntry:
    fields = _career_fields(role, organization, started_on, ended_on)
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.save(update_fields=list(fields))
    return entry


@transaction.atomic
def career_entry_delete(*, entry: CareerEntry) -> None:
    entry.delete()


@transaction.atomic
def career_entry_move(*, entry: CareerEntry, up: bool) -> list[CareerEntry]:
    """Swap the entry with its neighbour; positions are renumbered 1..n as shown."""
    entries = list(CareerEntry.objects.select_for_update().filter(user_id=entry.user_id))
    index = next(i for i, e in enumerate(entries) if e.pk == entry.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(entries):
        entries[index], entries[other] = entries[other], entries[index]
    for position, item in enumerate(entries, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    return entries
