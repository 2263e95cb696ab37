"""Provisioning from identity providers: their tokens, and the SCIM side of people and groups."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from ithaca.core.models import TimeStampedModel


class ScimClient(TimeStampedModel):
    """An identity provider allowed to provision people through /scim/v2/.

    Its bearer token is shown once, when an administrator creates the client in
    the admin; only its SHA-256 digest is kept (the token is 256 random bits, so
    a fast digest is as safe as a slow hash), with a prefix to tell tokens apart.
    """

    name = models.CharField(
        _("name"), max_length=120, unique=True, help_text=_("e.g. Okta, Entra ID")
    )
    token_prefix = models.CharField(_("token prefix"), max_length=12, editable=False)
    token_digest = models.CharField(
        max_length=64, unique=True, editable=False, verbose_name=_("token digest")
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("SCIM client (identity provider)")
        verbose_name_plural = _("SCIM clients (identity providers)")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ScimUser(TimeStampedModel):
    """The SCIM side of an account: the IdP's names for it and the attributes that
    Ithaca does not use but must give back as the IdP sent them.

    Accounts without a row are SCIM users too (userName is their e-mail address);
    a row appears on their first provisioning write. `version` is the ETag.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="scim",
        verbose_name=_("user"),
    )
    client = models.ForeignKey(
        ScimClient,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("identity provider"),
    )
    user_name = models.CharField(_("userName"), max_length=255)
    external_id = models.CharField(max_length=255, blank=True, verbose_name=_("external id"))
    document = models.JSONField(default=dict, blank=True, verbose_name=_("document"))
    version = models.PositiveIntegerField(default=1, verbose_name=_("version"))
    deleted_at = models.DateTimeField(
        _("deleted at"),
        null=True,
        blank=True,
        help_text=_("Deleted through SCIM: hidden from /scim/v2/."),
    )

    class Meta:
        verbose_name = _("SCIM user")
        verbose_name_plural = _("SCIM users")
        constraints = [
            models.UniqueConstraint(Lower("user_name"), name="scim_user_name_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.user_name


class ScimGroup(TimeStampedModel):
    """A group the identity provider manages, and what it means in Ithaca.

    Depending on SCIM_GROUPS its members are placed in `department` or enrolled
    in `program`; the link is made from the group's display name.
    """

    client = models.ForeignKey(
        ScimClient,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("identity provider"),
    )
    display_name = models.CharField(_("display name"), max_length=255)
    external_id = models.CharField(_("external ID"), max_length=255, blank=True)
    document = models.JSONField(default=dict, blank=True, verbose_name=_("document"))
    version = models.PositiveIntegerField(_("version"), default=1)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("members")
    )
    department = models.ForeignKey(
        "accounts.Department",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("department"),
    )
    program = models.ForeignKey(
        "programs.Program",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("program"),
    )

    class Meta:
        verbose_name = _("SCIM group")
        verbose_name_plural = _("SCIM groups")
        ordering = ["display_name"]
        constraints = [
            models.UniqueConstraint(Lower("display_name"), name="scim_group_name_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.display_name
