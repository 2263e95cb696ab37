"""Django's `{% url %}`, `{% translate %}` and `{% static %}`, worked out once per process.

The home page and the site's layout reverse about forty links and translate
about forty labels per page: 25 to 35 µs a link, mostly the URL resolver
walking its patterns for the same few names again, and 5 to 10 µs a label,
gettext finding the same catalogue entry again. This library's tags are
Django's own (same syntax, same output, `as var` included), loaded after
Django's built-ins (`{% load i18n once %}`), and remember what they worked out:

- `{% url %}` with a literal view name and positional arguments that are
  texts or positive whole numbers (primary keys): each number is reversed
  once as a stand-in number, which each row's number then replaces; texts
  (an action's name, a slug) are part of the key, and at most `LIMIT` links
  are kept. The stand-ins are checked against the real reversal the first
  time, so a pattern that would not take any number (`\\d{4}`) is never
  remembered. A link reverses by its URLconf, script prefix, language and
  current application namespace: all four are in the key (all but the
  language stay the same through a request, and are read once in it). Anything else
  (keyword arguments, other values, a view name from a variable) is
  reversed as Django does.
- `{% translate "literal" %}` (with a literal `context`, or none): its text
  by language and autoescaping. A variable, a filter or `noop` is
  translated as Django does. `makemessages` finds the messages as before:
  it reads the tag's name, not its library.

- `{% static "literal" %}`: its address.

What is remembered is forgotten when a test changes the languages or the
catalogues' folders (`setting_changed`).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.base import FilterExpression, Parser, Token, render_value_in_context
from django.template.context import Context
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.templatetags.i18n import TranslateNode
from django.templatetags.i18n import do_translate as django_translate
from django.templatetags.static import StaticNode
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language

register = template.Library()

# A number no row has: reversed once per link, then replaced by each row's.
_MARK = 987654321
# At most this many links remembered (text arguments, such as slugs, are part of the key).
LIMIT = 5000
# A link as its texts and, between them, the positions of the numbers to put in.
Shape = list[str | int]
# Each link's shape, by (name, texts, URLconf, prefix, language, application).
_REVERSED: dict[tuple[Any, ...], Shape | None] = {}
# Each static file's address, by its path.
_STATIC: dict[str, str] = {}
# Each label's text, by (message, context, language, autoescape).
_TRANSLATED: dict[tuple[Any, ...], str] = {}


@receiver(setting_changed)
def _forget(*, setting: str, **kwargs: Any) -> None:
    if setting in {
        "LANGUAGES",
        "LANGUAGE_CODE",
        "LOCALE_PATHS",
        "ROOT_URLCONF",
        "INSTALLED_APPS",
        "STATIC_URL",
        "STORAGES",
    }:
        _REVERSED.clear()
        _TRANSLATED.clear()
        _STATIC.clear()


def _current_app(context: Context) -> str | None:
    request = getattr(context, "request", None)
    if request is None:
        return None
    current = getattr(request, "current_app", None)
    if current is not None:
        return current
    match = getattr(request, "resolver_match", None)
    return getattr(match, "namespace", None)


class ReusedURLNode(URLNode):
    """Django's URLNode, remembering the reversals of a fixed view name."""

    def __init__(self, node: URLNode) -> None:
        super().__init__(node.view_name, node.args, node.kwargs, node.asvar)
        literal = node.view_name.var
        fixed = isinstance(literal, str) and not node.view_name.filters and not node.kwargs
        self.name = literal if fixed else None

    def render(self, context: Context) -> str:
        if self.name is None:
            return super().render(context)
        url = reversed_once(context, self.name, [arg.resolve(context) for arg in self.args])
        if url is None:
            return super().render(context)
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


def reversed_once(context: Context, name: str, values: list[Any]) -> str | None:
    """The link `{% url name *values %}` gives, when it can be remembered (see the
    module); None when Django must reverse it."""
    kept: list[str | None] = []  # each text argument, None for each number
    for value in values:
        if type(value) is int and value > 0:
            kept.append(None)
        elif isinstance(value, str):
            kept.append(str(value))
        else:
            return None
    request = getattr(context, "request", None)
    where = getattr(request, "_reversed_once_where", None)
    if where is None:
        # The URLconf and script prefix are set as a request starts: the same all through.
        where = (get_urlconf(), get_script_prefix(), _current_app(context))
        if request is not None:
            request._reversed_once_where = where
    key = (name, tuple(kept), get_language(), *where)
    if key in _REVERSED:
        shape = _REVERSED[key]
    elif len(_REVERSED) < LIMIT:
        shape = _REVERSED[key] = _shape(name, values, where[2])
    else:
        shape = None
    return None if shape is None else _fill(shape, values)


def _fill(shape: Shape, values: list[Any]) -> str:
    """The link: the shape's texts with each number put in its place."""
    return "".join(part if isinstance(part, str) else str(values[part]) for part in shape)


def _shape(name: str, values: list[Any], current_app: str | None) -> Shape | None:
    """The link reversed with a stand-in for each number, as its texts and the
    positions of the numbers between them, if putting these `values` back in gives
    what Django reverses them to (else None: reversed by Django each time)."""
    numbers = [i for i, value in enumerate(values) if type(value) is int]
    stand_ins = [_MARK + i if i in numbers else v for i, v in enumerate(values)]
    try:
        url = reverse(name, args=values, current_app=current_app)
        reversed_ = reverse(name, args=stand_ins, current_app=current_app)
    except NoReverseMatch:
        return None
    shape: Shape = [reversed_]
    for position in numbers:
        mark, last = str(_MARK + position), shape[-1]
        if type(last) is not str or last.count(mark) != 1:
            return None
        before, after = last.split(mark)
        shape[-1:] = [before, position, after]
    again = _fill(shape, values)
    return shape if again == url else None


@register.tag
def url(parser: Parser, token: Token) -> URLNode:
    """Django's `{% url %}`, remembering the reversals it can (see the module)."""
    node = django_url(parser, token)
    return ReusedURLNode(node) if isinstance(node.view_name, FilterExpression) else node


class TranslatedOnceNode(TranslateNode):
    """Django's TranslateNode, remembering literal messages' text per language."""

    def __init__(self, node: TranslateNode) -> None:
        super().__init__(node.filter_expression, node.noop, node.asvar, node.message_context)
        expression, context = node.filter_expression, node.message_context
        literal = getattr(expression.var, "literal", None)
        fixed_context = context is None or (isinstance(context.var, str) and not context.filters)
        self.key = (
            (literal, None if context is None else str(context.var))
            if isinstance(literal, str)
            and not expression.filters
            and not node.noop
            and fixed_context
            else None
        )

    def render(self, context: Context) -> str:
        if self.key is None:
            return super().render(context)
        key = (*self.key, get_language(), context.autoescape)
        value = _TRANSLATED.get(key)
        if value is None:
            value = _TRANSLATED[key] = self._text(context)
        if self.asvar:
            context[self.asvar] = value
            return ""
        return value

    def _text(self, context: Context) -> str:
        """What Django's `TranslateNode.render` returns (without `as var`)."""
        self.filter_expression.var.translate = True
        if self.message_context:
            self.filter_expression.var.message_context = self.message_context.resolve(context)
        value = render_value_in_context(self.filter_expression.resolve(context), context)
        is_safe = isinstance(value, SafeData)
        value = value.replace("%%", "%")
        return mark_safe(value) if is_safe else value


@register.tag("translate")
@register.tag("trans")
def translate(parser: Parser, token: Token) -> TranslateNode:
    """Django's `{% translate %}`, remembering literal messages' text (see the module)."""
    node = django_translate(parser, token)
    return TranslatedOnceNode(node) if isinstance(node, TranslateNode) else node


class StaticOnceNode(StaticNode):
    """Django's StaticNode, remembering each literal path's address."""

    def url(self, context: Context) -> str:
        path = self.path.var
        if not isinstance(path, str) or self.path.filters:
            return super().url(context)
        if path not in _STATIC:
            _STATIC[path] = super().url(context)
        return _STATIC[path]


@register.tag
def static(parser: Parser, token: Token) -> StaticNode:
    """Django's `{% static %}`, remembering literal paths' addresses (hashed names
    come from the manifest, read once per process: the same all along)."""
    node = StaticNode.handle_token(parser, token)
    return StaticOnceNode(varname=node.varname, path=node.path)
