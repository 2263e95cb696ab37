"""Languages people speak: stored as ISO 639-1 codes, always shown by name.

Names come from Django's own table of languages (English names), so no
dependency is needed; regional variants (en-gb, pt-br) fold into their
language because people say they speak Portuguese, not pt-br. A person reads
and types them in their own language ("anglais, irlandais"): `shown_name`,
`shown_languages` and `language_code` use Django's catalogues, which name the
languages, and ours for the few Django does not carry.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf.locale import LANG_INFO
from django.utils.translation import get_language, gettext, gettext_noop

# Languages people list often that Django's table does not carry.
_EXTRA = {
    "am": gettext_noop("Amharic"),
    "ha": gettext_noop("Hausa"),
    "so": gettext_noop("Somali"),
    "tl": gettext_noop("Tagalog"),
    "yo": gettext_noop("Yoruba"),
    "zh": gettext_noop("Chinese"),
    "zu": gettext_noop("Zulu"),
}

LANGUAGES: dict[str, str] = dict(
    sorted(
        (
            {
                code: info["name"]
                for code, info in LANG_INFO.items()
                if "name" in info and "-" not in code
            }
            | _EXTRA
        ).items(),
        key=lambda item: item[1],
    )
)
_BY_NAME = {name.lower(): code for code, name in LANGUAGES.items()}


def language_name(code: str) -> str:
    """`ga` -> `Irish`; an unknown code is shown as it is rather than hidden."""
    return LANGUAGES.get(code, code)


def language_names(codes: Iterable[str] | None) -> list[str]:
    return [language_name(code) for code in codes or []]


def shown_name(code: str) -> str:
    """`ga` -> `Irish` in the reader's language (`irlandais`, `Irisch`)."""
    return gettext(language_name(code))


def shown_names(codes: Iterable[str] | None) -> list[str]:
    return [shown_name(code) for code in codes or []]


_SHOWN: dict[str, dict[str, str]] = {}


def shown_languages() -> dict[str, str]:
    """Every language by code, named and ordered in the reader's language."""
    language = get_language() or "en"
    if language not in _SHOWN:
        names = {code: gettext(name) for code, name in LANGUAGES.items()}
        _SHOWN[language] = dict(sorted(names.items(), key=lambda item: item[1].casefold()))
    return _SHOWN[language]


def language_code(value: str) -> str | None:
    """The code for a language given by name (any case; in English or in the reader's
    language) or by code; None if unknown."""
    value = value.strip()
    if value.lower() in LANGUAGES:
        return value.lower()
    if value.lower() in _BY_NAME:
        return _BY_NAME[value.lower()]
    shown = {name.casefold(): code for code, name in shown_languages().items()}
    return shown.get(value.casefold())
