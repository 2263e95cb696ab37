"""Names the reader sees in their own language."""

from __future__ import annotations

import pytest
from django.utils import translation


def test_languages_people_speak_are_named_in_the_readers_language() -> None:
    from django.template import Context, Template

    page = Template("{% load people %}{{ codes|languages }} / {{ code|language_name }}")
    with translation.override("de"):
        shown = page.render(Context({"codes": ["en", "ga"], "code": "fr"}))
    assert shown == "Englisch, Irisch / Französisch"


@pytest.mark.django_db
def test_a_profile_is_named_in_the_readers_language_in_the_admin() -> None:
    from django.utils import translation

    from ithaca.accounts.models import Profile
    from ithaca.accounts.tests.factories import UserFactory

    profile = Profile.objects.get(user=UserFactory(first_name="Ada", last_name="Lovelace"))
    with translation.override("de"):
        assert str(profile) == "Profil von Ada Lovelace"
    with translation.override("en"):
        assert str(profile) == "Profile of Ada Lovelace"
