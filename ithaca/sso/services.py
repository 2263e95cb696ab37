"""Writes of the single sign-on app: replay records, IdP attributes onto a profile, audit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from ithaca.accounts.models import Department, Profile, User
from ithaca.accounts.services import profile_ensure
from ithaca.audit.models import Action
from ithaca.audit.services import record
from ithaca.sso.models import ConsumedAssertion

# How long an assertion is remembered when it names no end of validity.
DEFAULT_ASSERTION_LIFETIME = dt.timedelta(hours=1)


def assertion_consume(
    *, issuer: str, assertion_id: str, not_on_or_after: dt.datetime | None
) -> bool:
    """Record that an assertion signed someone in; False when it already had (a replay)."""
    until = not_on_or_after or timezone.now() + DEFAULT_ASSERTION_LIFETIME
    try:
        with transaction.atomic():
            ConsumedAssertion.objects.create(
                issuer=issuer[:512], assertion_id=assertion_id[:256], not_on_or_after=until
            )
    except IntegrityError:
        return False
    return True


def assertions_forget_expired(*, now: dt.datetime) -> int:
    """Drop the records of assertions that could no longer be accepted anyway."""
    deleted, _ = ConsumedAssertion.objects.filter(not_on_or_after__lt=now).delete()
    return deleted


def mapped_value(attributes: Mapping[str, Sequence[Any]], names: str | Sequence[str]) -> str | None:
    """The first value of the first attribute named in `names` that the IdP sent."""
    for name in [names] if isinstance(names, str) else names:
        values = attributes.get(name) or []
        if values and str(values[0]).strip():
            return str(values[0]).strip()
    return None


@transaction.atomic
def profile_apply_idp_attributes(
    *, user: User, attributes: Mapping[str, Sequence[Any]], mapping: Mapping[str, Any]
) -> Profile:
    """Copy the department and job title the identity provider sent onto the profile.

    The IdP is the organization's directory: what it sends wins; what it does not
    send is left alone. An unknown department name creates that department.
    """
    profile = profile_ensure(user=user)
    changed: list[str] = []
    title = mapped_value(attributes, mapping.get("job_title", []))
    if title is not None and title[:160] != profile.job_title:
        profile.job_title = title[:160]
        changed.append("job_title")
    department_name = mapped_value(attributes, mapping.get("department", []))
    if department_name is not None:
        department = department_for(name=department_name)
        if department.pk != profile.department_id:
            profile.department = department
            changed.append("department")
    if changed:
        profile.save(update_fields=[*changed, "updated_at"])
    return profile


def department_for(*, name: str) -> Department:
    """The department of this name, made when the directory names a new one."""
    name = name.strip()[:120]
    slug = slugify(name)[:120] or "department"
    department = Department.objects.filter(name__iexact=name).first()
    if department is None:
        department, _ = Department.objects.get_or_create(slug=slug, defaults={"name": name})
    return department


def sign_in_recorded(*, user: User, idp: str, created: bool) -> None:
    """Audit a SAML sign-in (and the account it made just in time)."""
    record(
        action=Action.SSO_SIGN_IN,
        code="sso.created" if created else "sso.signed_in",
        params={"idp": idp},
        target=user,
        actor=user,
        subject_id=user.pk,
    )


def sign_in_refused_recorded(*, idp: str, reason: str, detail: str) -> None:
    """Audit a SAML response that was refused, with the library's reason."""
    record(
        action=Action.SSO_SIGN_IN_REFUSED,
        code="sso.refused",
        params={"idp": idp, "reason": reason, "detail": detail},
        object_type="socialaccount.socialapp",
        object_id=idp[:64],
        actor=None,
    )
