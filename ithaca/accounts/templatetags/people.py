"""Cards, avatars and language names for templates: `{% load people %}`."""

from __future__ import annotations

import hashlib
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html

from ithaca.accounts.languages import shown_name, shown_names

register = template.Library()


def _profile(person: Any) -> Any:
    return getattr(person, "profile", None)


@register.filter
def person_name(person: Any) -> str:
    """The name the person chose to be called, else their full name."""
    profile = _profile(person)
    return (profile.preferred_name if profile else "") or person.display_name


@register.filter
def languages(codes: Any) -> str:
    """['en', 'ga'] -> 'English, Irish', in the reader's language ('Englisch, Irisch')."""
    return ", ".join(shown_names(codes))


@register.filter(name="language_name")
def language_name_filter(code: str) -> str:
    """'ga' -> 'Irish' (Django's catalogues name the languages in the reader's language)."""
    return shown_name(code)


def initials(name: str) -> str:
    letters = [word[0] for word in name.replace("@", " ").split() if word[:1].isalpha()]
    return "".join(letters[:2]).upper() or "?"


@register.simple_tag
def avatar(person: Any, size: str = "") -> str:
    """The person's photo (read through the access-checked photo view), or their initials."""
    profile = _profile(person)
    name = person_name(person)
    css = f"avatar {size}".strip()
    if profile is not None and profile.photo:
        # The stored name changes with each upload, so the address can be cached for long.
        version = hashlib.sha256(profile.photo.name.encode()).hexdigest()[:10]
        url = reverse("people:photo", args=[person.pk])
        return format_html(
            '<img class="{}" src="{}?v={}" alt="" width="96" height="96">', css, url, version
        )
    hue = (person.pk * 47) % 360
    return format_html(
        '<span class="{} initials" data-hue="{}" aria-hidden="true">{}</span>',
        css,
        hue // 30,
        initials(name),
    )


@register.inclusion_tag("accounts/_card.html")
def profile_card(person: Any, entry: Any = None, compact: bool = False) -> dict[str, Any]:
    """A person's card: what they say about themselves. Callers fetch `person` through
    an access helper (or are one of its parties); the card holds nothing private."""
    return {"person": person, "profile": _profile(person), "entry": entry, "compact": compact}
