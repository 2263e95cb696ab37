from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "ithaca.people"
    label = "people"
    verbose_name = _("People: profiles, cards and directories")

    def ready(self) -> None:
        from ithaca.people import zone  # noqa: F401  (remembers each person's zone at sign-in)
