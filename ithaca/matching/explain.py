"""A pair's breakdown as stored and shown: the score, each factor, each rule, in words."""

from __future__ import annotations

from typing import Any

from ithaca.accounts.languages import language_name
from ithaca.matching import engine
from ithaca.matching.words import FACTOR_LABELS, RULE_LABELS


def _named(check: engine.RuleCheck) -> str:
    """The engine speaks of language codes; people read language names ("speaks Irish")."""
    if check.rule != "shared_language" or " speaks " not in check.explanation:
        return check.explanation
    head, _, tail = check.explanation.partition(" speaks ")
    code, _, rest = tail.partition(" with ")
    return f"{head} speaks {language_name(code)} with {rest}"


def breakdown_json(breakdown: engine.Breakdown, checks: list[engine.RuleCheck]) -> dict[str, Any]:
    """What both people and the program manager read about why a pair was proposed."""
    return {
        "score": round(breakdown.total, 2),
        "factors": [
            {
                "factor": f.factor,
                "label": FACTOR_LABELS.get(f.factor, f.factor),
                "level": f.level,
                "value": round(f.value, 4),
                "points": round(f.points, 2),
                "applicable": f.applicable,
                "explanation": f.explanation,
            }
            for f in breakdown.factors
        ],
        "rules": [
            {
                "rule": c.rule,
                "label": RULE_LABELS.get(c.rule, c.rule),
                "passed": c.passed,
                "explanation": _named(c),
            }
            for c in checks
        ],
        "excluded_by": list(breakdown.excluded_by),
    }


# Levels at which a factor the pair does not meet deserves the manager's attention.
WARN_LEVELS = {"must": "is a must-have", "high": "weighs high"}


def factor_warnings(breakdown: dict[str, Any]) -> list[str]:
    """What a program manager should look at before proposing this pair, in words.

    A pair the engine allows can still score 0 on a factor the program weighs
    high, or leave a must-have unchecked because the seeker gave nothing to
    check it against (a must-have is only enforced where it applies). Works on
    the stored breakdown, so drafts computed before this check are warned too.
    """
    warnings = []
    for f in breakdown.get("factors", []):
        level = WARN_LEVELS.get(f.get("level", ""))
        if level is None:
            continue
        label, why = f.get("label", f.get("factor", "")), f.get("explanation", "")
        if not f.get("applicable", True):
            if f["level"] == "must":
                warnings.append(f"{label} {level} here but could not be checked: {why}.")
        elif float(f.get("value", 0.0)) <= 0.0:
            warnings.append(f"{label} {level} here and this pair scores 0 on it: {why}.")
    return warnings


def explain(
    seeker: engine.Seeker,
    helper: engine.Helper,
    rules: engine.Program,
    text: engine.TextIndex | None = None,
) -> tuple[engine.Breakdown, list[engine.RuleCheck]]:
    return engine.score_pair(seeker, helper, rules, text), engine.check_rules(seeker, helper, rules)


def refusal(checks: list[engine.RuleCheck], breakdown: engine.Breakdown) -> str | None:
    """Why this pair may not be proposed, in words; None when it may."""
    failed = [c.explanation for c in checks if not c.passed]
    if failed:
        return f"This pair cannot be proposed: {'; '.join(failed)}."
    if breakdown.excluded:
        musts = [f.explanation for f in breakdown.factors if f.factor in breakdown.excluded_by]
        return f"This pair is not proposed in this program: {'; '.join(musts)}."
    return None
