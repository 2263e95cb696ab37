"""`{% action_forms %}` writes exactly what the included template programs/_actions.html did."""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import pytest
from django.middleware.csrf import _unmask_cipher_token
from django.template import RequestContext, engines
from django.test import RequestFactory
from django.utils import translation

# The template the tag replaces, as it was (its file ended with a newline).
OLD = """{% load i18n ithaca once %}{% with actions=item|actions_for:user %}{% if actions %}
<div class="actions">
  {% for action, label in actions %}
    {% if base == 'mentoring' %}{% url 'mentoring:action' item.pk action as target %}{% else %}{% url 'coaching:action' item.pk action as target %}{% endif %}<form method="post" action="{{ target }}"
          hx-post="{{ target }}"
          hx-target="#{{ base }}-{{ item.pk }}" hx-swap="outerHTML" class="inline"
          {% if action == 'conclude' or action == 'decline' or action == 'withdraw' %}hx-confirm="{% blocktranslate trimmed %}{{ label }}: are you sure? This cannot be undone.{% endblocktranslate %}"{% endif %}>
      {% csrf_token %}<input type="hidden" name="next" value="{{ request.get_full_path }}">
      <button type="submit" class="{% if action == 'accept' %}{% else %}outline{% endif %}">{{ label }}</button>
    </form>
  {% endfor %}
</div>
{% endif %}{% endwith %}
"""  # noqa: E501
NEW = "{% load ithaca %}{% action_forms item base %}"
LIVE = ("proposed", "active", "paused")
NOW = dt.datetime(2026, 12, 7, 12, tzinfo=dt.UTC)


def item(status: str, pk: int = 7, helper_accepted: bool = False, seeker_accepted: bool = False):
    return SimpleNamespace(
        pk=pk,
        status=status,
        helper_id_value=1,
        seeker_id_value=2,
        helper_accepted_at=NOW if helper_accepted else None,
        seeker_accepted_at=NOW if seeker_accepted else None,
    )


def render_both(card, user_pk: int, base: str, path: str) -> tuple[str, str]:
    request = RequestFactory().get(path)
    engine = engines["django"].engine
    context = RequestContext(request, {"item": card})
    # Above the context processors' values, as a card's include sees them.
    context.update({"base": base, "user": SimpleNamespace(pk=user_pk)})
    old, new = engine.from_string(OLD).render(context), engine.from_string(NEW).render(context)
    return unmasked(old), unmasked(new)


def unmasked(html: str) -> str:
    """The CSRF field with the secret its token carries: each render masks it anew."""
    return re.sub(
        r'name="csrfmiddlewaretoken" value="([^"]+)"',
        lambda m: f'name="csrfmiddlewaretoken" value="{_unmask_cipher_token(m[1])}"',
        html,
    )


CARDS = [
    item("proposed"),
    item("proposed", helper_accepted=True),
    item("proposed", seeker_accepted=True),
    item("active", pk=1234567),
    item("paused"),
    item("ended"),
    item("declined"),
]


@pytest.mark.parametrize("language", ["en", "fr", "es", "de"])
@pytest.mark.parametrize("base", ["mentoring", "coaching"])
@pytest.mark.parametrize("user_pk", [1, 2, 3])
def test_it_writes_what_the_template_wrote(language, base, user_pk) -> None:
    with translation.override(language):
        for card in CARDS:
            old, new = render_both(card, user_pk, base, '/?next=<a>&x="1"')
            assert new == old
            assert ("<form" in new) == (user_pk != 3 and card.status in LIVE)


def test_it_writes_the_forms_and_their_confirmation() -> None:
    old, new = render_both(item("active"), 1, "mentoring", "/")
    assert new == old
    assert new.count("<form") == 2 and "csrfmiddlewaretoken" in new
    assert 'action="/mentoring/7/conclude/"' in new and "hx-confirm=" in new
