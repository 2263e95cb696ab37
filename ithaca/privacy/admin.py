"""Staff erase a person on request: an action on the user list, with a confirmation page.

The action is added to the user admin that accounts registers: accounts sits
below privacy and cannot import it, so privacy extends the registered class.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ithaca.accounts.http import current_user
from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.privacy.erasure import person_erase

RegisteredUserAdmin: Any = type(admin.site._registry[User])


@admin.action(description=gettext_lazy("Erase personal data (on the person's request)"))
def erase_personal_data(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[User]
) -> HttpResponse | None:
    staff = current_user(request)
    people = list(queryset.exclude(pk=staff.pk))
    if len(people) != queryset.count():
        modeladmin.message_user(
            request, _("Erase your own data from your privacy page, not here."), messages.ERROR
        )
        return None
    if request.POST.get("confirmed") != "yes":
        context = {
            **modeladmin.admin_site.each_context(request),
            "people": people,
            "opts": modeladmin.model._meta,
            "title": _("Erase personal data?"),
        }
        return TemplateResponse(request, "privacy/admin_erase_confirm.html", context)
    erased = 0
    for person in people:
        try:
            person_erase(user=person, by=staff)
            erased += 1
        except DomainError as exc:
            modeladmin.message_user(request, f"{person.pk}: {exc.message}", messages.WARNING)
    modeladmin.message_user(
        request,
        ngettext(
            "Erased the personal data of %(count)d person.",
            "Erased the personal data of %(count)d people.",
            erased,
        )
        % {"count": erased},
    )
    return None


class PrivacyUserAdmin(RegisteredUserAdmin):
    actions = [*RegisteredUserAdmin.actions, erase_personal_data]


admin.site.unregister(User)
admin.site.register(User, PrivacyUserAdmin)
