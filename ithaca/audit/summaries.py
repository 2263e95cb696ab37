"""What an audit event says, kept as a code and its values, read in the reader's
language.

An event stores a `code` (one of `TEMPLATES`) and its `params` beside the
English sentence in `summary`. The audit page and the admin render the code
again when shown, so a German program manager reads German whoever caused the
event and whatever language was active then. Events recorded before codes keep
their English `summary` and are shown as they are.

A value in `params` is one of:

- a plain string or number, shown as it is (names, ids, what people wrote);
- `{"word": msgid}` (and `"context"`), a word of Ithaca's translated when shown
  (a role, a note's visibility); made by `word()`;
- `{"counts": [[n, singular, plural], ...]}`, counted things ("3 journal
  entries"), each translated with ngettext; made by `counts()`;
- `{"change": json}` the admin's change message, which Django itself renders
  in the active language (`LogEntry.get_change_message`).

Audit codes are identifiers: never translate them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.admin.models import LogEntry
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_noop, ngettext, pgettext

# Each code's English sentence (gettext_noop: translated when shown, not now).
TEMPLATES: dict[str, str] = {
    # programs
    "manager.made": gettext_noop("Made a manager of %(program)s"),
    "role.given": gettext_noop("Given the role “%(role)s” in %(program)s"),
    "application.approved": gettext_noop("Application as “%(role)s” in %(program)s approved"),
    "application.declined": gettext_noop("Application as “%(role)s” in %(program)s declined"),
    # coaching
    "note.read": gettext_noop("Read a coaching session note (%(visibility)s)"),
    "report.read": gettext_noop("Read a sponsor report as “%(role)s”"),
    "party.made": gettext_noop("Made “%(party)s” of coaching engagement %(engagement)s"),
    "party.removed": gettext_noop("Removed as “%(party)s” of coaching engagement %(engagement)s"),
    # intake
    "intake.read": gettext_noop("Read an intake shared with the managers of %(program)s"),
    "intake.read.no_program": gettext_noop("Read an intake shared with a program's managers"),
    # privacy
    "export.own": gettext_noop("Downloaded their own data"),
    "erasure.own": gettext_noop("Personal data erased at their own request: %(done)s"),
    "erasure.own.nothing": gettext_noop(
        "Personal data erased at their own request: nothing beyond the account"
    ),
    "erasure.staff": gettext_noop("Personal data erased by staff: %(done)s"),
    "erasure.staff.nothing": gettext_noop(
        "Personal data erased by staff: nothing beyond the account"
    ),
    "erasure.role_ended": gettext_noop("Role “%(role)s” in %(program)s ended by erasure"),
    "erasure.manager_ended": gettext_noop("No longer a manager of %(program)s: erased"),
    "retention.deleted": gettext_noop("Retention (%(years)s years): deleted %(done)s"),
    # sso
    "sso.signed_in": gettext_noop("Signed in through SAML single sign-on (%(idp)s)"),
    "sso.created": gettext_noop(
        "Account created and signed in through SAML single sign-on (%(idp)s)"
    ),
    "sso.refused": gettext_noop("SAML sign-in refused (%(idp)s): %(reason)s. %(detail)s"),
    # scim
    "scim.provisioned": gettext_noop("Provisioned by %(client)s (userName %(user_name)s)"),
    "scim.updated": gettext_noop("Updated by %(client)s"),
    "scim.deleted": gettext_noop("Deleted by %(client)s"),
    "scim.left.deactivated": gettext_noop(
        "Deactivated by %(client)s: account deactivated, marked as left"
    ),
    "scim.left.deleted": gettext_noop("Deleted by %(client)s: account deactivated, marked as left"),
    "scim.left": gettext_noop("Account deactivated, marked as left"),
    "scim.returned": gettext_noop("Reactivated by %(client)s: account active again"),
    "scim.group.created": gettext_noop(
        "Group created by %(client)s: %(group)s (+%(added)s / -%(removed)s members)"
    ),
    "scim.group.updated": gettext_noop(
        "Group updated by %(client)s: %(group)s (+%(added)s / -%(removed)s members)"
    ),
    "scim.group.deleted": gettext_noop("Group deleted by %(client)s: %(group)s"),
    # the Django admin
    "admin.added": gettext_noop("Admin: added %(model)s “%(object)s”"),
    "admin.changed": gettext_noop("Admin: changed %(model)s “%(object)s”"),
    "admin.deleted": gettext_noop("Admin: deleted %(model)s “%(object)s”"),
    "admin.added.detail": gettext_noop("Admin: added %(model)s “%(object)s”: %(change)s"),
    "admin.changed.detail": gettext_noop("Admin: changed %(model)s “%(object)s”: %(change)s"),
    "admin.deleted.detail": gettext_noop("Admin: deleted %(model)s “%(object)s”: %(change)s"),
    "admin.action": gettext_noop("Admin action “%(name)s” on %(count)s %(model)s: %(selected)s"),
    "admin.action.more": gettext_noop(
        "Admin action “%(name)s” on %(count)s %(model)s: %(selected)s and more"
    ),
}

# Counted things of erasure and retention: (singular, plural), translated when shown.
COUNTED: dict[str, tuple[str, str]] = {
    "relationships ended": ("%(count)s relationship ended", "%(count)s relationships ended"),
    "roles ended": ("%(count)s role ended", "%(count)s roles ended"),
    "notifications about them": (
        "%(count)s notification about them",
        "%(count)s notifications about them",
    ),
    "messages": ("%(count)s message", "%(count)s messages"),
    "meeting notes": ("%(count)s meeting note", "%(count)s meeting notes"),
    "goal notes": ("%(count)s goal note", "%(count)s goal notes"),
    "journal entries": ("%(count)s journal entry", "%(count)s journal entries"),
    "session notes": ("%(count)s session note", "%(count)s session notes"),
    "closing reflections": ("%(count)s closing reflection", "%(count)s closing reflections"),
    "close-out reflections": ("%(count)s close-out reflection", "%(count)s close-out reflections"),
    "intakes": ("%(count)s intake", "%(count)s intakes"),
    "agenda topics": ("%(count)s agenda topic", "%(count)s agenda topics"),
    "calendar feeds": ("%(count)s calendar feed", "%(count)s calendar feeds"),
    "career entries": ("%(count)s career entry", "%(count)s career entries"),
    "continue marks": ("%(count)s continue mark", "%(count)s continue marks"),
    "event sign-ups": ("%(count)s event sign-up", "%(count)s event sign-ups"),
    "match profiles": ("%(count)s match profile", "%(count)s match profiles"),
    "notification settings": ("%(count)s notification setting", "%(count)s notification settings"),
    "notifications": ("%(count)s notification", "%(count)s notifications"),
    "opt-outs": ("%(count)s opt-out", "%(count)s opt-outs"),
    "training answers": ("%(count)s training answer", "%(count)s training answers"),
    "actions blanked": ("%(count)s action blanked", "%(count)s actions blanked"),
    "check-in comments blanked": (
        "%(count)s check-in comment blanked",
        "%(count)s check-in comments blanked",
    ),
    "closing reflections blanked": (
        "%(count)s closing reflection blanked",
        "%(count)s closing reflections blanked",
    ),
    "fit-check reasons blanked": (
        "%(count)s fit-check reason blanked",
        "%(count)s fit-check reasons blanked",
    ),
    "goals blanked": ("%(count)s goal blanked", "%(count)s goals blanked"),
    "referral reasons blanked": (
        "%(count)s referral reason blanked",
        "%(count)s referral reasons blanked",
    ),
    "reflections blanked": ("%(count)s reflection blanked", "%(count)s reflections blanked"),
    "survey answers blanked": (
        "%(count)s survey answer blanked",
        "%(count)s survey answers blanked",
    ),
}


def _mark_counted() -> None:  # pragma: no cover - only for makemessages
    ngettext("%(count)s relationship ended", "%(count)s relationships ended", 1)
    ngettext("%(count)s role ended", "%(count)s roles ended", 1)
    ngettext("%(count)s notification about them", "%(count)s notifications about them", 1)
    ngettext("%(count)s message", "%(count)s messages", 1)
    ngettext("%(count)s meeting note", "%(count)s meeting notes", 1)
    ngettext("%(count)s goal note", "%(count)s goal notes", 1)
    ngettext("%(count)s journal entry", "%(count)s journal entries", 1)
    ngettext("%(count)s session note", "%(count)s session notes", 1)
    ngettext("%(count)s closing reflection", "%(count)s closing reflections", 1)
    ngettext("%(count)s close-out reflection", "%(count)s close-out reflections", 1)
    ngettext("%(count)s intake", "%(count)s intakes", 1)
    ngettext("%(count)s agenda topic", "%(count)s agenda topics", 1)
    ngettext("%(count)s calendar feed", "%(count)s calendar feeds", 1)
    ngettext("%(count)s career entry", "%(count)s career entries", 1)
    ngettext("%(count)s continue mark", "%(count)s continue marks", 1)
    ngettext("%(count)s event sign-up", "%(count)s event sign-ups", 1)
    ngettext("%(count)s match profile", "%(count)s match profiles", 1)
    ngettext("%(count)s notification setting", "%(count)s notification settings", 1)
    ngettext("%(count)s notification", "%(count)s notifications", 1)
    ngettext("%(count)s opt-out", "%(count)s opt-outs", 1)
    ngettext("%(count)s training answer", "%(count)s training answers", 1)
    ngettext("%(count)s action blanked", "%(count)s actions blanked", 1)
    ngettext("%(count)s check-in comment blanked", "%(count)s check-in comments blanked", 1)
    ngettext("%(count)s closing reflection blanked", "%(count)s closing reflections blanked", 1)
    ngettext("%(count)s fit-check reason blanked", "%(count)s fit-check reasons blanked", 1)
    ngettext("%(count)s goal blanked", "%(count)s goals blanked", 1)
    ngettext("%(count)s referral reason blanked", "%(count)s referral reasons blanked", 1)
    ngettext("%(count)s reflection blanked", "%(count)s reflections blanked", 1)
    ngettext("%(count)s survey answer blanked", "%(count)s survey answers blanked", 1)


def word(label: str | Promise, context: str = "") -> dict[str, str]:
    """A word of Ithaca's (a choice label, usually lazy) kept to be translated when shown."""
    args = getattr(label, "_args", None)
    if isinstance(label, Promise) and args and all(isinstance(a, str) for a in args):
        if len(args) == 2:
            context, label = args
        else:
            label = args[0]
    value = {"word": str(label)}
    if context:
        value["context"] = context
    return value


def counts(named: Mapping[str, int]) -> dict[str, list[list[Any]]]:
    """Counted things by their name in `COUNTED` (names not there are shown as they are)."""
    rows: list[list[Any]] = []
    for name, n in named.items():
        if n:
            singular, plural = COUNTED.get(name, (f"%(count)s {name}", f"%(count)s {name}"))
            rows.append([n, singular, plural])
    return {"counts": rows}


def _value(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    if "word" in value:
        text = str(value["word"])
        if value.get("context"):
            return pgettext(str(value["context"]), text)
        return gettext(text) if text else text
    if "counts" in value:
        return ", ".join(
            ngettext(str(singular), str(plural), int(n)) % {"count": n}
            for n, singular, plural in value["counts"]
        )
    if "change" in value:
        return LogEntry(change_message=str(value["change"])).get_change_message()
    return str(value)


def render(code: str, params: Mapping[str, Any] | None) -> str:
    """The sentence of `code` with its values, in the active language."""
    values = {key: _value(value) for key, value in (params or {}).items()}
    return gettext(TEMPLATES[code]) % values


def english(code: str, params: Mapping[str, Any] | None) -> str:
    """The sentence as stored beside the code (the admin's search, old readers)."""
    with translation.override("en"):
        return render(code, params)


def summary_text(code: str, params: Mapping[str, Any] | None, stored: str) -> str:
    """An event's summary in the active language; an event from before codes as stored."""
    if code in TEMPLATES:
        try:
            return render(code, params)
        except (KeyError, TypeError, ValueError):
            pass
    return stored
