"""Fetching a person's own account objects: 404 for anyone else's."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext

from ithaca.accounts.models import ApiToken, User


def access_api_token(user: User, token_id: int) -> ApiToken:
    """One of your own API tokens; anyone else's is not found."""
    token = ApiToken.objects.filter(pk=token_id, user=user).first()
    if token is None:
        raise Http404(gettext("No such token."))
    return token
