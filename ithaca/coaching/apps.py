from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoachingConfig(AppConfig):
    name = "ithaca.coaching"
    label = "coaching"
    verbose_name = _("Coaching")

    def ready(self) -> None:
        from ithaca.coaching.selectors import bookings
        from ithaca.programs.calendar import register

        register("coaching-session", bookings)
