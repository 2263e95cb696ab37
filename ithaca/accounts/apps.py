from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ithaca.accounts"
    label = "accounts"
    verbose_name = _("People and accounts")

    def ready(self) -> None:
        # allauth records signing in with a code in the session, but not setting an
        # authenticator up; the MFA rule counts both (accounts.mfa.credential_passed_mfa).
        from allauth.mfa.signals import authenticator_added

        from ithaca.accounts.mfa import record_setup

        authenticator_added.connect(record_setup, dispatch_uid="ithaca-mfa-record-setup")
