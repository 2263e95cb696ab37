"""/privacy/: download everything Ithaca holds about you, or have it erased."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ithaca.accounts.http import current_user
from ithaca.audit.models import Action
from ithaca.audit.services import record
from ithaca.core.errors import DomainError
from ithaca.privacy.erasure import person_erase
from ithaca.privacy.export import person_export
from ithaca.privacy.forms import EraseForm


@login_required
def privacy(request: HttpRequest) -> HttpResponse:
    """The page, and the erasure request (POST) once the address is typed."""
    user = current_user(request)
    form = EraseForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            person_erase(user=user, by=user)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            logout(request)
            messages.success(
                request, _("Your personal data has been erased and you are signed out.")
            )
            return redirect("home")
    status = 400 if request.method == "POST" else 200
    return render(request, "privacy/privacy.html", {"form": form}, status=status)


@login_required
@require_GET
def export(request: HttpRequest) -> HttpResponse:
    """All your data as a JSON file; the download goes into the audit log."""
    user = current_user(request)
    body = json.dumps(person_export(user), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
    record(
        action=Action.EXPORT,
        code="export.own",
        target=user,
        actor=user,
        subject_id=user.pk,
    )
    name = f"ithaca-my-data-{timezone.localdate():%Y-%m-%d}.json"
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
