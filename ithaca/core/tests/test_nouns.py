"""A role or a kind inside a sentence: lower case, except in German where nouns keep a capital."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext_lazy

from ithaca.core.nouns import in_sentence


def test_nouns_keep_their_capital_in_german_only() -> None:
    with translation.override("de"):
        assert in_sentence(gettext_lazy("Seeker")) == "Teilnehmende"
        rendered = Template("{% load ithaca %}({{ role|noun }})").render(
            Context({"role": "Mentor"})
        )
        assert rendered == "(Mentor)"
    with translation.override("fr"):
        assert in_sentence("Mentor") == "mentor"
    with translation.override("en"):
        assert in_sentence(gettext_lazy("Seeker")) == "seeker"


@pytest.mark.django_db
def test_the_console_names_a_stuck_applicants_role_with_its_capital_in_german() -> None:
    import datetime as dt

    from django.test import Client
    from django.utils import timezone

    from ithaca.console.tests.factories import make_world
    from ithaca.programs.models import Participation

    world = make_world()
    Participation.objects.filter(user=world.applied).update(
        created_at=timezone.now() - dt.timedelta(days=20)
    )
    client = Client()
    client.force_login(world.manager)
    page = client.get(f"/console/programs/{world.program.slug}/", HTTP_ACCEPT_LANGUAGE="de")
    text = page.content.decode()
    assert f"{world.applied.display_name} (Teilnehmende)" in text
