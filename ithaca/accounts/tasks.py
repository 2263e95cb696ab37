"""Background work for accounts. Tasks take ids and are safe to run twice."""

from __future__ import annotations

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from ithaca.accounts.interface_language import in_language_of
from ithaca.accounts.models import User


@task()
def send_invitation_email(user_id: int, invited_by_id: int | None = None) -> bool:
    """E-mail an invited person a link to set their password.

    Returns False (and sends nothing) when the person has already set a
    password, so a retried task never sends a second invitation.
    """
    user = User.objects.filter(pk=user_id).first()
    if user is None or user.has_usable_password():
        return False
    inviter = User.objects.filter(pk=invited_by_id).first() if invited_by_id else None
    path = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    context = {"user": user, "inviter": inviter, "link": f"{settings.SITE_URL}{path}"}
    with in_language_of(user):
        subject = _("You are invited to Ithaca")
        message = render_to_string("accounts/email/invitation.txt", context)
    send_mail(subject=subject, message=message, from_email=None, recipient_list=[user.email])
    return True


@task()
def process_people_import(import_id: int) -> bool:
    """Check or apply a large people import (see ithaca/accounts/imports.py).

    Safe to run twice: the service claims only a queued import, so a done
    import is never applied again.
    """
    # Imported here: the import service enqueues this task, so it imports this module.
    from ithaca.accounts.imports import people_import_process

    return people_import_process(import_id=import_id)
