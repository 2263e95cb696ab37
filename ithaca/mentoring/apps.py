from django.apps import AppConfig


class MentoringConfig(AppConfig):
    name = "ithaca.mentoring"
    label = "mentoring"
    verbose_name = "Mentoring"

    def ready(self) -> None:
        from ithaca.mentoring.selectors import bookings
        from ithaca.programs.calendar import register

        register("mentoring-meeting", bookings)
