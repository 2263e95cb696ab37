"""Languages people speak: stored as ISO 639-1 codes, always shown by name.

Names come from Django's own table of languages (English names), so no
dependency is needed; regional variants (en-gb, pt-br) fold into their
language because people say they speak Portuguese, not pt-br.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf.locale import LANG_INFO

# Languages people list often that Django's table does not carry.
_EXTRA = {
    "am": "Amharic",
    "ha": "Hausa",
    "so": "Somali",
    "tl": "Tagalog",
    "yo": "Yoruba",
    "zh": "Chinese",
    "zu": "Zulu",
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


def language_code(value: str) -> str | None:
    """The code for a language given by name (any case) or by code; None if unknown."""
    value = value.strip()
    if value.lower() in LANGUAGES:
        return value.lower()
    return _BY_NAME.get(value.lower())
