"""Who may see a notification: only the person it was for (404 for anyone else)."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.notifications.models import Notification


def access_notification(user: User, notification_id: int) -> Notification:
    notification = Notification.objects.filter(pk=notification_id, recipient=user).first()
    if notification is None:
        raise Http404(_("No such notification."))
    return notification
