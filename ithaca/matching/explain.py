"""A pair's breakdown as stored and shown: the score, each factor, each rule, in words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from ithaca.accounts.languages import language_name
from ithaca.matching import engine
from ithaca.matching.engine.phrase import Phrase
from ithaca.matching.phrases import in_english, localized
from ithaca.matching.words import FACTOR_LABELS, RULE_LABELS

if TYPE_CHECKING:
    from ithaca.matching.engine.stored import PoolTables


def _named(check: engine.RuleCheck) -> str:
    """The engine speaks of language codes; people read language names ("speaks Irish")."""
    if check.rule != "shared_language" or " speaks " not in check.explanation:
        return check.explanation
    head, _, tail = check.explanation.partition(" speaks ")
    code, _, rest = tail.partition(" with ")
    return f"{head} speaks {language_name(code)} with {rest}"


def _phrase(text: str) -> dict[str, Any] | None:
    return text.as_data() if isinstance(text, Phrase) else None


# Factor and rule labels as text, per active language: turning a lazy label into
# text looks up the catalogue each time, and a round explains 70,000 pairs of
# seventeen labels each (most of the time it spent explaining).
_LABELS: dict[str | None, tuple[dict[str, str], dict[str, str]]] = {}


def _labels() -> tuple[dict[str, str], dict[str, str]]:
    language = get_language()
    found = _LABELS.get(language)
    if found is None:
        found = _LABELS[language] = (
            {key: str(label) for key, label in FACTOR_LABELS.items()},
            {key: str(label) for key, label in RULE_LABELS.items()},
        )
    return found


def breakdown_json(breakdown: engine.Breakdown, checks: list[engine.RuleCheck]) -> dict[str, Any]:
    """What both people and the program manager read about why a pair was proposed."""
    factor_labels = _labels()[0]
    return {
        "score": round(breakdown.total, 2),
        "factors": [
            {
                "factor": f.factor,
                "label": factor_labels.get(f.factor, f.factor),
                "level": f.level,
                "value": round(f.value, 4),
                "points": round(f.points, 2),
                "applicable": f.applicable,
                "explanation": f.explanation,
                "phrase": _phrase(f.explanation),
            }
            for f in breakdown.factors
        ],
        "rules": rules_json(checks),
        "excluded_by": list(breakdown.excluded_by),
    }


def rules_json(checks: list[engine.RuleCheck]) -> list[dict[str, Any]]:
    """A breakdown's "rules": each hard rule checked, in words."""
    rule_labels = _labels()[1]
    return [
        {
            "rule": c.rule,
            "label": rule_labels.get(c.rule, c.rule),
            "passed": c.passed,
            "explanation": _named(c),
            "phrase": _phrase(c.explanation),
        }
        for c in checks
    ]


def localized_breakdown(breakdown: dict[str, Any] | None) -> dict[str, Any]:
    """A stored breakdown with its labels and sentences in the reader's language.

    Breakdowns are stored once, in English, with each sentence's template and
    values; this renders them again for whoever reads them.
    """
    if not breakdown:
        return {}
    factor_labels, rule_labels = _labels()  # translated once per language
    labels = {"factors": factor_labels, "rules": rule_labels}
    keys = {"factors": "factor", "rules": "rule"}
    english = in_english()
    out = dict(breakdown)
    for part in ("factors", "rules"):
        items = []
        for item in breakdown.get(part, []):
            item = dict(item)
            label = labels[part].get(item.get(keys[part], ""))
            if label is not None:
                item["label"] = label
            explanation = item.get("explanation", "")
            item["explanation"] = (
                explanation if english else localized(explanation, item.get("phrase"))
            )
            items.append(item)
        out[part] = items
    return out


# What a program manager should look at, by the level of a factor the pair does not meet.
UNCHECKED_WARNINGS = {
    "must": gettext_lazy("%(label)s is a must-have here but could not be checked: %(why)s."),
}
ZERO_WARNINGS = {
    "must": gettext_lazy("%(label)s is a must-have here and this pair scores 0 on it: %(why)s."),
    "high": gettext_lazy("%(label)s weighs high here and this pair scores 0 on it: %(why)s."),
}
WARN_LEVELS = ("must", "high")


def _warning_of(factor: dict[str, Any]) -> Any:
    """The warning a breakdown's factor calls for (a lazy sentence), or None."""
    level = factor.get("level", "")
    if level not in WARN_LEVELS:
        return None
    if not factor.get("applicable", True):
        return UNCHECKED_WARNINGS.get(level)
    if float(factor.get("value", 0.0)) <= 0.0:
        return ZERO_WARNINGS[level]
    return None


def factor_warnings(breakdown: dict[str, Any]) -> list[str]:
    """What a program manager should look at before proposing this pair, in words.

    A pair the engine allows can still score 0 on a factor the program weighs
    high, or leave a must-have unchecked because the seeker gave nothing to
    check it against (a must-have is only enforced where it applies). Works on
    the stored breakdown, so drafts computed before this check are warned too.
    """
    warnings = []
    for f in localized_breakdown(breakdown).get("factors", []):
        sentence = _warning_of(f)
        if sentence is not None:
            words = {"label": f.get("label", f.get("factor", "")), "why": f.get("explanation", "")}
            warnings.append(str(sentence) % words)
    return warnings


def has_warning(breakdown: dict[str, Any]) -> bool:
    """Whether `factor_warnings(breakdown)` says anything, without writing its sentences.

    The sentences depend on the reader's language, whether there is one does
    not: a round counts its warned pairs with this. A breakdown a round stored
    unexplained (`unexplained`) carries the answer, worked out by `warned`.
    """
    if "warning" in breakdown and "factors" not in breakdown:
        return bool(breakdown["warning"])
    return any(_warning_of(f) is not None for f in breakdown.get("factors", []))


def warned(levels: dict[str, str], values: Any, applicable: Any) -> Any:
    """`has_warning` of many pairs at once from their factor arrays (`stored.PairValues`):
    a factor weighed high or must-have that scores 0, or a must-have that cannot be
    checked, as `_warning_of` says of each factor."""
    import numpy as np

    out = np.zeros(values.shape[0], dtype=bool)
    for j, f in enumerate(engine.FACTORS):
        level = levels[f]
        if level not in WARN_LEVELS:
            continue
        if level in UNCHECKED_WARNINGS:
            out |= ~applicable[:, j]
        out |= applicable[:, j] & (values[:, j] <= 0.0)
    return out


# A round stores each pair's numbers and explains the pair when it is shown (see
# round_pairs.py): the values of its factors in `engine.FACTORS` order (None where a
# factor does not apply), their levels, the words behind the text similarity, whether
# the manager is warned, and the score.


def stored_pairs(
    pairs: list[tuple[engine.Seeker, engine.Helper]],
    rules: engine.Program,
    text: engine.TextIndex,
    tables: PoolTables | None = None,
) -> list[dict[str, Any]]:
    """What a round stores of each pair, worked out for all of them at once (from the
    pool's factor tables when the round built them while solving)."""
    from ithaca.matching.engine.stored import pair_values

    found = pair_values(pairs, rules, text, tables)
    levels = [found.levels[f] for f in engine.FACTORS]
    flags = warned(found.levels, found.values, found.applicable).tolist()
    return [
        {
            "score": round(total, 2),
            "levels": levels,
            "values": values,
            "words": words,
            "warning": flag,
        }
        for total, values, words, flag in zip(
            found.totals.tolist(), found.stored(), found.words, flags, strict=True
        )
    ]


def unexplained(breakdown: dict[str, Any]) -> bool:
    """Whether a stored breakdown holds a round's numbers only (`stored_pairs`)."""
    return "values" in breakdown and "factors" not in breakdown


def explained(
    breakdown: dict[str, Any],
    seeker: engine.Seeker | None,
    helper: engine.Helper | None,
    rules: engine.Program,
) -> dict[str, Any]:
    """A breakdown a round stored unexplained, with its factors in words: `breakdown_json`
    of `explain` on the round's pool, less the hard rules (`round_pairs` adds them).

    Without either person (they have left the program) the factors keep their
    numbers and have no sentences.
    """
    from ithaca.matching.engine.scoring import breakdown_from_values

    levels = dict(zip(engine.FACTORS, breakdown["levels"], strict=True))
    scored = breakdown_from_values(
        seeker, helper, rules, levels, breakdown["values"], breakdown["words"]
    )
    out = breakdown_json(scored, [])
    del out["rules"]
    return out


def explain(
    seeker: engine.Seeker,
    helper: engine.Helper,
    rules: engine.Program,
    text: engine.TextIndex | None = None,
) -> tuple[engine.Breakdown, list[engine.RuleCheck]]:
    return engine.score_pair(seeker, helper, rules, text), engine.check_rules(seeker, helper, rules)


def refusal(checks: list[engine.RuleCheck], breakdown: engine.Breakdown) -> str | None:
    """Why this pair may not be proposed, in words; None when it may."""
    failed = [said(c.explanation) for c in checks if not c.passed]
    if failed:
        return _("This pair cannot be proposed: %(reasons)s.") % {"reasons": "; ".join(failed)}
    if breakdown.excluded:
        musts = [
            said(f.explanation) for f in breakdown.factors if f.factor in breakdown.excluded_by
        ]
        return _("This pair is not proposed in this program: %(reasons)s.") % {
            "reasons": "; ".join(musts)
        }
    return None


def said(text: str) -> str:
    """An engine sentence (a rule check's or a factor's explanation) in the active language."""
    return localized(text, _phrase(text))
