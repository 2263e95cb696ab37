"""Writes to people and accounts."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils.translation import gettext as _

from ithaca.accounts.models import Profile, User
from ithaca.accounts.tasks import send_invitation_email
from ithaca.core.errors import DomainError
from ithaca.core.tasks import enqueue_on_commit


@transaction.atomic
def user_create(
    *,
    email: str,
    first_name: str = "",
    last_name: str = "",
    password: str | None = None,
) -> User:
    """Create an account with an empty profile. Refuses a duplicate e-mail address."""
    email = email.strip().lower()
    if not email:
        raise DomainError(_("An e-mail address is required."), field="email")
    if User.objects.filter(email__iexact=email).exists():
        raise DomainError(_("%(email)s already has an account.") % {"email": email}, field="email")
    user = User.objects.create_user(
        email=email, password=password, first_name=first_name.strip(), last_name=last_name.strip()
    )
    Profile.objects.create(user=user)
    return user


@transaction.atomic
def user_invite(
    *, email: str, first_name: str = "", last_name: str = "", invited_by: User | None = None
) -> User:
    """Create an account without a password and e-mail its owner a link to choose one."""
    user = user_create(email=email, first_name=first_name, last_name=last_name)
    # Only the invitation link to this address lets the person set a password,
    # so following it proves the address: it needs no second confirmation.
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    # Their first sign-in (after choosing a password) opens the welcome wizard.
    Profile.objects.filter(user=user).update(welcome=Profile.Welcome.PENDING)
    inviter_id = invited_by.pk if invited_by else None
    enqueue_on_commit(send_invitation_email, user_id=user.pk, invited_by_id=inviter_id)
    return user


def profile_ensure(*, user: User) -> Profile:
    """Every account has a profile; accounts made by allauth get theirs here."""
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def user_reinvite(*, user: User, invited_by: User | None = None) -> bool:
    """Invite someone who has an account but no password yet (an imported person).

    Returns False, and sends nothing, when they already chose a password.
    """
    if user.has_usable_password():
        return False
    # As in user_invite: the link goes to this address only, which proves it.
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    Profile.objects.filter(user=user, welcome="").update(welcome=Profile.Welcome.PENDING)
    inviter_id = invited_by.pk if invited_by else None
    enqueue_on_commit(send_invitation_email, user_id=user.pk, invited_by_id=inviter_id)
    return True
