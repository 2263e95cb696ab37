"""SAML assertions already used to sign in, so that none is accepted twice."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class ConsumedAssertion(models.Model):
    """The ID of a SAML assertion that has signed someone in.

    The unique constraint is the replay check: a second insert of the same
    issuer and ID fails, even when two servers receive the copies at once.
    Rows are kept until the assertion's own validity ends (`manage.py periodic`).
    """

    issuer = models.CharField(max_length=512, verbose_name=_("issuer"))
    assertion_id = models.CharField(max_length=256, verbose_name=_("assertion id"))
    not_on_or_after = models.DateTimeField(verbose_name=_("not on or after"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("used SAML assertion")
        verbose_name_plural = _("used SAML assertions")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "assertion_id"], name="sso_assertion_used_once"
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(assertion)s from %(issuer)s") % {
            "assertion": self.assertion_id,
            "issuer": self.issuer,
        }
