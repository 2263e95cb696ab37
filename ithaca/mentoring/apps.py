from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "ithaca.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self) -> None:
        from ithaca.mentoring.selectors import bookings
        from ithaca.programs.calendar import register

        register("mentoring-meeting", bookings)
