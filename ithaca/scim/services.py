"""Writes made by provisioning: people and groups as the identity provider says.

Callers (the SCIM storage) have already validated the SCIM document; these
functions check Ithaca's own rules (an e-mail address per account, unique
names), write in one transaction, and audit what they did. A rule broken raises
`ProvisioningConflict` (-> 409) or `ProvisioningInvalid` (-> 400).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ithaca.accounts.models import User
from ithaca.accounts.services import profile_ensure, user_create
from ithaca.audit.models import Action
from ithaca.audit.services import record
from ithaca.core.errors import DomainError
from ithaca.core.tasks import enqueue_on_commit
from ithaca.programs.models import Participation, Program
from ithaca.programs.services import participation_add
from ithaca.scim.models import ScimClient, ScimGroup, ScimUser
from ithaca.scim.tasks import tell_managers_someone_left
from ithaca.scim.tokens import digest, new_token
from ithaca.sso.services import department_for

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"


class ProvisioningConflict(Exception):
    """A unique value (userName, e-mail address, group name) is taken."""


class ProvisioningInvalid(Exception):
    """A value Ithaca cannot use (no e-mail address, for instance)."""


@dataclass
class PersonFields:
    """What Ithaca reads from a SCIM User; `document` is the whole resource as sent."""

    user_name: str
    email: str
    external_id: str = ""
    first_name: str = ""
    last_name: str = ""
    active: bool = True
    job_title: str | None = None
    department: str | None = None
    document: dict[str, Any] = field(default_factory=dict)


@dataclass
class GroupFields:
    display_name: str
    external_id: str = ""
    member_ids: list[int] = field(default_factory=list)
    document: dict[str, Any] = field(default_factory=dict)


# RFC 7643 requires only a userName. An account without an address gets one under
# the reserved .invalid domain (RFC 2606), which no mail server accepts, until the
# directory sends a real one; such a person signs in by SAML only (docs/deployment.md).
PLACEHOLDER_DOMAIN = "provisioned.invalid"


def _check_email(email: str, user_name: str = "") -> str:
    email = email.strip().lower()
    if not email:
        digest_ = hashlib.sha256(user_name.strip().lower().encode()).hexdigest()[:20]
        return f"scim-{digest_}@{PLACEHOLDER_DOMAIN}"
    try:
        validate_email(email)
    except ValidationError:
        raise ProvisioningInvalid(f"{email!r} is not an e-mail address.") from None
    return email


def _check_user_name_free(user_name: str, *, user: User | None) -> None:
    taken = ScimUser.objects.filter(user_name__iexact=user_name, deleted_at__isnull=True)
    plain = User.objects.filter(email__iexact=user_name, scim__isnull=True)
    if user is not None:
        taken, plain = taken.exclude(user=user), plain.exclude(pk=user.pk)
    if taken.exists() or plain.exists():
        raise ProvisioningConflict(f"The userName {user_name} is already taken.")


def _record(action: str, code: str, user: User, **params: object) -> None:
    record(action=action, code=code, params=params, target=user, actor=None, subject_id=user.pk)


@transaction.atomic
def scim_user_create(*, client: ScimClient, fields: PersonFields) -> User:
    """Provision a person: a new account (or a deleted one revived), ready for SSO."""
    email = _check_email(fields.email, fields.user_name)
    revived = User.objects.filter(email__iexact=email, scim__deleted_at__isnull=False).first()
    _check_user_name_free(fields.user_name, user=revived)
    if revived is None:
        try:
            user = user_create(
                email=email, first_name=fields.first_name, last_name=fields.last_name
            )
        except DomainError:
            raise ProvisioningConflict(f"{email} already has an account.") from None
        # The directory vouches for the address: single sign-on may use it at once.
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        ScimUser.objects.create(user=user, client=client, user_name=fields.user_name)
    else:
        user = revived
        ScimUser.objects.filter(user=user).update(deleted_at=None, client=client)
    _record(
        Action.PROVISIONING,
        "scim.provisioned",
        user,
        client=str(client),
        user_name=fields.user_name,
    )
    return scim_user_update(client=client, user=user, fields=fields, audit=False)


@transaction.atomic
def scim_user_update(
    *, client: ScimClient, user: User, fields: PersonFields, audit: bool = True
) -> User:
    """Make the account match the IdP's resource; deactivation means the person left."""
    user = User.objects.select_for_update().get(pk=user.pk)
    email = _check_email(fields.email, fields.user_name) if fields.email.strip() else user.email
    _check_user_name_free(fields.user_name, user=user)
    if (
        email != user.email
        and User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists()
    ):
        raise ProvisioningConflict(f"{email} already has an account.")
    was_active = user.is_active
    _apply_account(user, fields, email)
    scim, _ = ScimUser.objects.get_or_create(user=user, defaults={"user_name": fields.user_name})
    _apply_profile(user, fields, before=scim.document)
    ScimUser.objects.filter(pk=scim.pk).update(
        client=client,
        user_name=fields.user_name,
        external_id=fields.external_id,
        document=fields.document,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    if was_active and not fields.active:
        person_left(user=user, code="scim.left.deactivated", client=client)
    elif not was_active and fields.active:
        person_returned(user=user, client=client)
    elif audit:
        _record(Action.PROVISIONING, "scim.updated", user, client=str(client))
    return user


def _apply_account(user: User, fields: PersonFields, email: str) -> None:
    if email != user.email:
        EmailAddress.objects.filter(user=user, primary=True).update(primary=False)
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    user.email = email
    user.first_name = fields.first_name[:150]
    user.last_name = fields.last_name[:150]
    user.is_active = fields.active
    user.save(update_fields=["email", "first_name", "last_name", "is_active"])


def _apply_profile(user: User, fields: PersonFields, *, before: dict[str, Any]) -> None:
    """Title and department as the IdP sends them. A value it sent before and no
    longer sends is removed; one it never sent (an imported title, a department
    from group membership) is Ithaca's own and stays."""
    profile = profile_ensure(user=user)
    if fields.job_title:
        profile.job_title = fields.job_title[:160]
    elif before.get("title"):
        profile.job_title = ""
    if fields.department:
        profile.department = department_for(name=fields.department)
    elif before.get(ENTERPRISE, {}).get("department"):
        profile.department = None
    profile.save(update_fields=["job_title", "department", "updated_at"])


@transaction.atomic
def scim_user_delete(*, client: ScimClient, user: User) -> None:
    """DELETE /Users/{id}: the person left; the account is kept for the records
    (relationships, reports, retention) but is gone from SCIM and cannot sign in."""
    ScimUser.objects.update_or_create(
        user=user,
        defaults={"deleted_at": timezone.now(), "client": client},
        create_defaults={"deleted_at": timezone.now(), "client": client, "user_name": user.email},
    )
    for group in ScimGroup.objects.filter(members=user):
        group.members.remove(user)
    if user.is_active:
        User.objects.filter(pk=user.pk).update(is_active=False)
        person_left(user=user, code="scim.left.deleted", client=client)
    else:
        _record(Action.DEPROVISIONING, "scim.deleted", user, client=str(client))


def person_left(
    *,
    user: User,
    code: str = "scim.left",
    client: ScimClient | None = None,
    on: dt.date | None = None,
) -> None:
    """Treat a deactivated person as having left the organization.

    Their leaving date feeds the retention figures; the managers of the programs
    in which they have an open relationship are told, so they can close it or
    find the other person a new match. Signing in is refused (is_active False).
    """
    profile = profile_ensure(user=user)
    if profile.left_on is None:
        left_on = on or timezone.localdate()
        if profile.started_on and profile.started_on > left_on:
            left_on = profile.started_on
        profile.left_on = left_on
        profile.save(update_fields=["left_on", "updated_at"])
    _record(Action.DEPROVISIONING, code, user, **({"client": str(client)} if client else {}))
    enqueue_on_commit(tell_managers_someone_left, user_id=user.pk)


def person_returned(*, user: User, client: ScimClient) -> None:
    """A reactivated person is back: no leaving date any more."""
    profile = profile_ensure(user=user)
    if profile.left_on is not None:
        profile.left_on = None
        profile.save(update_fields=["left_on", "updated_at"])
    _record(Action.PROVISIONING, "scim.returned", user, client=str(client))


# --- Groups ------------------------------------------------------------------


def _check_group_name_free(name: str, *, group: ScimGroup | None) -> None:
    taken = ScimGroup.objects.filter(display_name__iexact=name)
    if group is not None:
        taken = taken.exclude(pk=group.pk)
    if taken.exists():
        raise ProvisioningConflict(f"A group named {name} already exists.")


def _members(ids: list[int]) -> list[User]:
    users = list(User.objects.filter(pk__in=ids, is_superuser=False))
    if len(users) != len(set(ids)):
        raise ProvisioningInvalid("A member is not a known user.")
    return users


@transaction.atomic
def scim_group_create(*, client: ScimClient, fields: GroupFields) -> ScimGroup:
    _check_group_name_free(fields.display_name, group=None)
    group = ScimGroup.objects.create(client=client, display_name=fields.display_name)
    return scim_group_update(client=client, group=group, fields=fields, created=True)


@transaction.atomic
def scim_group_update(
    *, client: ScimClient, group: ScimGroup, fields: GroupFields, created: bool = False
) -> ScimGroup:
    """Make the group match the IdP's resource, and apply its membership in Ithaca."""
    group = ScimGroup.objects.select_for_update().get(pk=group.pk)
    _check_group_name_free(fields.display_name, group=group)
    members = _members(fields.member_ids)
    before = set(group.members.values_list("pk", flat=True))
    group.display_name = fields.display_name
    group.external_id = fields.external_id
    group.document = fields.document
    group.client = client
    group.version = group.version + (0 if created else 1)
    _link(group)
    group.save()
    group.members.set(members)
    after = {member.pk for member in members}
    _apply_membership(group, added=after - before, removed=before - after)
    record(
        action=Action.PROVISIONING,
        code="scim.group.created" if created else "scim.group.updated",
        params={
            "client": str(client),
            "group": group.display_name,
            "added": len(after - before),
            "removed": len(before - after),
        },
        target=group,
        actor=None,
    )
    return group


def _link(group: ScimGroup) -> None:
    mode = settings.ITHACA_SCIM_GROUPS
    if mode == "departments":
        group.department = department_for(name=group.display_name)
    elif mode == "programs":
        group.program = Program.objects.filter(name__iexact=group.display_name).first()


def _apply_membership(group: ScimGroup, *, added: set[int], removed: set[int]) -> None:
    from ithaca.accounts.models import Profile

    if group.department_id is not None:
        Profile.objects.filter(user_id__in=added).update(department=group.department_id)
        Profile.objects.filter(user_id__in=removed, department=group.department_id).update(
            department=None
        )
    if group.program is not None:
        enrolled = set(
            Participation.objects.filter(
                program=group.program, user_id__in=added, role=Participation.Role.SEEKER
            ).values_list("user_id", flat=True)
        )
        for user in User.objects.filter(pk__in=added - enrolled):
            participation_add(program=group.program, user=user, role=Participation.Role.SEEKER)


@transaction.atomic
def scim_group_delete(*, client: ScimClient, group: ScimGroup) -> None:
    """The group goes; its members keep their department or enrolment."""
    record(
        action=Action.PROVISIONING,
        code="scim.group.deleted",
        params={"client": str(client), "group": group.display_name},
        target=group,
        actor=None,
    )
    group.delete()


# --- Clients -----------------------------------------------------------------


@transaction.atomic
def scim_client_token_issue(*, client: ScimClient) -> str:
    """Give the client a new bearer token (saving a new client); returns it, once."""
    token = new_token()
    client.token_prefix = token[:12]
    client.token_digest = digest(token)
    client.revoked_at = None
    client.save()
    return token


@transaction.atomic
def scim_client_revoke(*, client: ScimClient) -> None:
    ScimClient.objects.filter(pk=client.pk).update(revoked_at=timezone.now())
