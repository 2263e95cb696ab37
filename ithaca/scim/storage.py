"""Where scim2-server reads and writes: Ithaca's accounts and SCIM groups.

scim2-server does the protocol (routing, validation, filters, PATCH, ETags,
error bodies); this storage turns resources into calls to `scim.services` and
rows back into resources. Rules it follows are those of `ScimStorage`.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from scim2_models import (
    EnterpriseUser,
    InvalidValueException,
    NotFoundException,
    PreconditionFailedException,
    Resource,
    ResourceType,
    ResponseParameters,
    SearchRequest,
    UniquenessException,
)
from scim2_models.path.expressions import CompareOperator, Comparison
from scim2_server.storage import ScimStorage, SearchPage

from ithaca.accounts.models import User
from ithaca.scim import services
from ithaca.scim.models import ScimClient, ScimGroup, ScimUser

USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"


def etag(version: int) -> str:
    return f'W/"{version}"'


def users() -> QuerySet[User]:
    """Every account SCIM may see: not superusers, not deleted through SCIM."""
    return (
        User.objects.filter(is_superuser=False)
        .exclude(scim__deleted_at__isnull=False)
        .select_related("scim", "profile__department")
        .order_by("pk")
    )


def groups() -> QuerySet[ScimGroup]:
    return ScimGroup.objects.prefetch_related("members").order_by("pk")


def _scim_of(user: User) -> ScimUser | None:
    try:
        return user.scim
    except ScimUser.DoesNotExist:
        return None


def _emails(sent: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """The addresses exactly as the IdP sent them. The account's own address was
    taken from them (the primary one, else the first), or is Ithaca's placeholder."""
    return [dict(item) for item in sent or []]


def user_document(user: User) -> dict[str, Any]:
    scim = _scim_of(user)
    doc: dict[str, Any] = dict(scim.document) if scim else {}
    profile = getattr(user, "profile", None)
    name = {**doc.get("name", {}), "givenName": user.first_name, "familyName": user.last_name}
    doc.update(
        schemas=[USER_SCHEMA, ENTERPRISE],
        id=str(user.pk),
        userName=scim.user_name if scim else user.email,
    )
    name = {key: value for key, value in name.items() if value}
    if name:
        doc["name"] = name
    else:
        doc.pop("name", None)
    # "active" absent means active (RFC 7643 gives no default); say so only when sent
    # or when the answer is no.
    if "active" in doc or not user.is_active:
        doc["active"] = user.is_active
    # Never provisioned: the account's own address; otherwise as the IdP sent them.
    emails = _emails(doc.get("emails")) if scim else [{"value": user.email, "primary": True}]
    if emails:
        doc["emails"] = emails
    else:
        doc.pop("emails", None)
    if scim and scim.external_id:
        doc["externalId"] = scim.external_id
    if profile and profile.job_title:
        doc["title"] = profile.job_title
    department = profile.department.name if profile and profile.department else None
    extension = {**doc.get(ENTERPRISE, {}), "department": department}
    extension = {key: value for key, value in extension.items() if value is not None}
    if extension:
        doc[ENTERPRISE] = extension
    else:
        doc.pop(ENTERPRISE, None)
        doc["schemas"] = [USER_SCHEMA]
    modified = scim.updated_at if scim else user.date_joined
    doc["meta"] = {
        "resourceType": "User",
        "created": user.date_joined.isoformat(),
        "lastModified": max(modified, user.date_joined).isoformat(),
        "version": etag(scim.version if scim else 0),
    }
    return doc


def group_document(group: ScimGroup) -> dict[str, Any]:
    doc: dict[str, Any] = dict(group.document)
    doc.update(
        schemas=[GROUP_SCHEMA],
        id=str(group.pk),
        displayName=group.display_name,
        meta={
            "resourceType": "Group",
            "created": group.created_at.isoformat(),
            "lastModified": group.updated_at.isoformat(),
            "version": etag(group.version),
        },
    )
    # Members as the IdP sent them (display names, references), for those still members.
    sent = {str(item.get("value")): item for item in doc.get("members", [])}
    members = [
        sent.get(str(member.pk))
        or {"value": str(member.pk), "$ref": f"Users/{member.pk}", "type": "User"}
        for member in sorted(group.members.all(), key=lambda member: member.pk)
    ]
    if members:
        doc["members"] = members
    else:
        doc.pop("members", None)
    if group.external_id:
        doc["externalId"] = group.external_id
    return doc


def _sent(resource: Resource[Any]) -> dict[str, Any]:
    return resource.model_dump(exclude={"meta", "id"})


def person_fields(resource: Any) -> services.PersonFields:
    emails = list(resource.emails or [])
    primary = next((e for e in emails if e.primary), emails[0] if emails else None)
    email = (primary.value if primary else None) or ""
    if not email and "@" in (resource.user_name or ""):
        email = resource.user_name
    name = resource.name
    try:
        extension = resource[EnterpriseUser]
    except (KeyError, TypeError):
        extension = None
    department = extension.department if extension is not None else None
    return services.PersonFields(
        user_name=resource.user_name or "",
        email=str(email),
        external_id=resource.external_id or "",
        first_name=(name.given_name if name else None) or "",
        last_name=(name.family_name if name else None) or "",
        active=resource.active is not False,
        job_title=resource.title,
        department=department,
        document=_sent(resource),
    )


def group_fields(resource: Any) -> services.GroupFields:
    ids: list[int] = []
    for member in resource.members or []:
        try:
            ids.append(int(member.value))
        except (TypeError, ValueError):
            raise InvalidValueException(detail=f"Unknown member {member.value!r}.") from None
    return services.GroupFields(
        display_name=resource.display_name or "",
        external_id=resource.external_id or "",
        member_ids=ids,
        document=_sent(resource),
    )


# Filters an IdP sends before every write: answered by one indexed query.
_USER_EQUALITIES = {
    "username": lambda v: Q(scim__user_name__iexact=v) | Q(scim__isnull=True, email__iexact=v),
    "externalid": lambda v: Q(scim__external_id=v),
    "id": lambda v: Q(pk=int(v)) if str(v).isdigit() else Q(pk__in=[]),
}
_GROUP_EQUALITIES = {
    "displayname": lambda v: Q(display_name__iexact=v),
    "externalid": lambda v: Q(external_id=v),
    "id": lambda v: Q(pk=int(v)) if str(v).isdigit() else Q(pk__in=[]),
}


def _equality(search: SearchRequest[Any], table: dict[str, Any]) -> Q | None:
    scim_filter = search.filter
    node = getattr(scim_filter, "ast", None) if scim_filter is not None else None
    if not (isinstance(node, Comparison) and node.op == CompareOperator.eq):
        return None
    path = node.attr_path
    if path.sub_attr is not None or not isinstance(node.value, str):
        return None
    build = table.get(path.attr.lower())
    return build(node.value) if build else None


def _version(resource: Resource[Any]) -> str | None:
    return resource.meta.version if resource.meta else None


class DjangoStorage(ScimStorage):
    """Users are accounts; Groups are `ScimGroup` rows. One instance per request."""

    def __init__(self, *, client: ScimClient, models: dict[str, type[Resource[Any]]]) -> None:
        self.client = client
        self.models = models

    def operation(self) -> Any:
        """Each operation in a savepoint, so a refused one leaves nothing half-written."""
        return transaction.atomic()

    def _user(self, resource_id: str) -> User:
        user = users().filter(pk=int(resource_id)).first() if resource_id.isdigit() else None
        if user is None:
            raise NotFoundException(detail=f"No User {resource_id}.")
        return user

    def _group(self, resource_id: str) -> ScimGroup:
        group = groups().filter(pk=int(resource_id)).first() if resource_id.isdigit() else None
        if group is None:
            raise NotFoundException(detail=f"No Group {resource_id}.")
        return group

    def _resource(self, resource_type: ResourceType, row: Any) -> Resource[Any]:
        is_user = resource_type.name == "User"
        document = user_document(row) if is_user else group_document(row)
        return self.models[str(resource_type.name)].model_validate(document)

    def get(
        self,
        resource_type: ResourceType,
        resource_id: str,
        *,
        response_parameters: ResponseParameters[Any] | None = None,
    ) -> Resource[Any]:
        if resource_type.name == "User":
            return self._resource(resource_type, self._user(resource_id))
        return self._resource(resource_type, self._group(resource_id))

    def search(
        self,
        resource_types: list[ResourceType],
        search_request: SearchRequest[Any],
        *,
        position: Any = None,
    ) -> SearchPage:
        found: list[Resource[Any]] = []
        total = 0
        start = search_request.start_index_0 or 0
        count = search_request.count
        for resource_type in resource_types:
            is_user = resource_type.name == "User"
            rows: QuerySet[Any] = users() if is_user else groups()
            fast = _equality(search_request, _USER_EQUALITIES if is_user else _GROUP_EQUALITIES)
            if fast is not None or search_request.filter is None:
                rows = rows.filter(fast) if fast is not None else rows
                total_here = rows.count()
                stop = None if count is None else start + count
                window = rows[start:stop] if stop is not None else rows[start:]
                found += [self._resource(resource_type, row) for row in window]
                total += total_here
                continue
            # Any other filter: scim2-models evaluates it on each resource (RFC 7644
            # semantics, case rules included). Directories use the fast path above.
            matching = [
                resource
                for resource in (self._resource(resource_type, row) for row in rows)
                if search_request.filter.match(resource)
            ]
            total += len(matching)
            found += matching[start : None if count is None else start + count]
        return SearchPage(total, found)

    def create(self, resource_type: ResourceType, resource: Resource[Any]) -> Resource[Any]:
        try:
            if resource_type.name == "User":
                user = services.scim_user_create(client=self.client, fields=person_fields(resource))
                return self._resource(resource_type, self._user(str(user.pk)))
            group = services.scim_group_create(client=self.client, fields=group_fields(resource))
            return self._resource(resource_type, self._group(str(group.pk)))
        except services.ProvisioningConflict as error:
            raise UniquenessException(detail=str(error)) from None
        except services.ProvisioningInvalid as error:
            raise InvalidValueException(detail=str(error)) from None

    def update(
        self,
        resource_type: ResourceType,
        resource: Resource[Any],
        *,
        expected_version: str | None = None,
    ) -> Resource[Any]:
        current = self.get(resource_type, str(resource.id))
        if expected_version is not None and _version(current) != expected_version:
            raise PreconditionFailedException(detail="The resource changed since that version.")
        try:
            if resource_type.name == "User":
                user = self._user(str(resource.id))
                services.scim_user_update(
                    client=self.client, user=user, fields=person_fields(resource)
                )
            else:
                group = self._group(str(resource.id))
                services.scim_group_update(
                    client=self.client, group=group, fields=group_fields(resource)
                )
        except services.ProvisioningConflict as error:
            raise UniquenessException(detail=str(error)) from None
        except services.ProvisioningInvalid as error:
            raise InvalidValueException(detail=str(error)) from None
        return self.get(resource_type, str(resource.id))

    def delete(
        self,
        resource_type: ResourceType,
        resource_id: str,
        *,
        expected_version: str | None = None,
    ) -> None:
        current = self.get(resource_type, resource_id)
        if expected_version is not None and _version(current) != expected_version:
            raise PreconditionFailedException(detail="The resource changed since that version.")
        if resource_type.name == "User":
            services.scim_user_delete(client=self.client, user=self._user(resource_id))
        else:
            services.scim_group_delete(client=self.client, group=self._group(resource_id))
