"""A label used as a noun inside a sentence ("Ada (mentor), applied 3 days ago").

English, French and Spanish write such a noun in lower case; German writes every
noun with a capital ("Ada (Teilnehmende)", "Ihre Rolle als Mentor"), so lowering
a role or a kind there is a spelling mistake. Use this for roles and kinds, never
`lower()`; statuses are adjectives and may be lowered everywhere.
"""

from __future__ import annotations

from django.utils.translation import get_language

# Languages that capitalize every noun.
CAPITALIZED_NOUNS = frozenset({"de"})


def in_sentence(label: object) -> str:
    """The label as a noun inside a sentence, in the active language's spelling."""
    text = str(label)
    language = (get_language() or "en").split("-")[0]
    return text if language in CAPITALIZED_NOUNS else text.lower()
