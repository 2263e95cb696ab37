from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsoleConfig(AppConfig):
    name = "ithaca.console"
    label = "console"
    verbose_name = _("Program manager console")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from ithaca.console.context_processors import on_login

        user_logged_in.connect(on_login, dispatch_uid="ithaca-console-access")
