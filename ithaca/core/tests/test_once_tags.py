"""The `once` tags render exactly what Django's `{% url %}` and `{% translate %}` do."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.template import Context, Template
from django.urls import NoReverseMatch, path, re_path
from django.utils import translation

from ithaca.core.templatetags import once


def _view(request):  # pragma: no cover - only reversed
    return HttpResponse()


urlpatterns = [
    path("", _view, name="top"),
    path("item/<int:pk>/", _view, name="item"),
    path("item/<int:pk>/<str:action>/", _view, name="item-action"),
    path("program/<slug:slug>/", _view, name="program"),
    re_path(r"^year/(?P<year>[0-9]{4})/$", _view, name="year"),
    path("q/<str:text>/", _view, name="text"),
    path("pair/<int:a>/<int:b>/", _view, name="pair"),
]
pytestmark = pytest.mark.urls(__name__)

LINKS = (
    "{% url 'top' %}|{% url 'item' pk %}|{% url 'item-action' pk 'pause' %}|"
    "{% url 'program' slug %}|{% url 'year' year %}|{% url 'text' text %}|"
    "{% url 'item' pk as link %}[{{ link }}]|{% url 'item' pk=pk %}"
)


def both(source: str, **values) -> tuple[str, str]:
    django = Template("{% load i18n %}" + source).render(Context(values))
    ours = Template("{% load i18n once %}" + source).render(Context(values))
    return django, ours


@pytest.mark.parametrize("pk", [1, 42, 987654321, 123456789012])
def test_links_are_the_same_as_djangos_for_any_number(pk) -> None:
    values = {"pk": pk, "slug": "north-wind", "year": 2026, "text": "a b&c"}
    django, ours = both(LINKS, **values)
    assert ours == django
    assert both(LINKS, **values) == (django, django)  # remembered, still the same


def test_a_pattern_that_takes_only_some_numbers_is_reversed_each_time() -> None:
    assert both("{% url 'year' year %}", year=2026) == ("/year/2026/", "/year/2026/")
    with pytest.raises(NoReverseMatch):
        both("{% url 'year' year %}", year=12345)


def test_values_that_are_not_remembered_go_through_django() -> None:
    for pk in [0, -3, "7", None]:
        source = "{% url 'item' pk %}"
        try:
            expected = Template("{% load i18n %}" + source).render(Context({"pk": pk}))
        except NoReverseMatch:
            with pytest.raises(NoReverseMatch):
                Template("{% load once %}" + source).render(Context({"pk": pk}))
        else:
            assert Template("{% load once %}" + source).render(Context({"pk": pk})) == expected


def test_text_arguments_are_escaped_as_djangos(settings) -> None:
    source = "{% url 'text' text %}{% autoescape off %}{% url 'text' text %}{% endautoescape %}"
    django, ours = both(source, text="<b>&")
    assert ours == django


def test_numbers_that_look_like_the_stand_ins_are_put_in_whole() -> None:
    source = "{% url 'pair' a b %}"
    for a, b in [(987654322, 5), (5, 987654321), (987654322, 987654321)]:
        django, ours = both(source, a=a, b=b)
        assert ours == django == f"/pair/{a}/{b}/"


def test_at_most_limit_links_are_remembered(monkeypatch) -> None:
    monkeypatch.setattr(once, "LIMIT", len(once._REVERSED))
    django, ours = both("{% url 'program' slug %}", slug="not-remembered")
    assert ours == django and not any("not-remembered" in str(k) for k in once._REVERSED)


LABELS = (
    '{% translate "Home" %}|{% translate "Main" context "navigation" %}|'
    '{% translate "Sign out" as out %}[{{ out }}]|{% translate "100%% <sure>" %}|'
    '{% translate label %}|{% translate "Open" context "link to a page" %}|'
    '{% autoescape off %}{% translate "100%% <sure>" %}{% endautoescape %}'
)


@pytest.mark.parametrize("language", ["en", "fr", "es", "de"])
def test_labels_are_the_same_as_djangos_in_every_language(language) -> None:
    with translation.override(language):
        django, ours = both(LABELS, label="Messages")
        assert ours == django
        assert both(LABELS, label="Account")[1] == both(LABELS, label="Account")[0]
    if language != "en":
        with translation.override("en"):
            assert both(LABELS, label="Messages")[1] != ours  # the language is in the key


def test_static_addresses_are_the_same_as_djangos() -> None:
    source = (
        "{% load static %}{% static 'css/ithaca.css' %}|{% static path %}|"
        "{% static 'a b.js' as s %}{{ s }}"
    )
    django = Template(source).render(Context({"path": "img/ithaca.svg"}))
    ours = Template(source.replace("{% load static %}", "{% load static once %}")).render(
        Context({"path": "img/ithaca.svg"})
    )
    assert ours == django
