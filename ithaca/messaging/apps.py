from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "ithaca.messaging"
    label = "messaging"
    verbose_name = _("Messages between the people who work together")

    def ready(self) -> None:
        from ithaca.messaging.views import thread_panel
        from ithaca.programs.conversations import register

        register(thread_panel)
