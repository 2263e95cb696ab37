from django.apps import AppConfig


class CoachingConfig(AppConfig):
    name = "ithaca.coaching"
    label = "coaching"
    verbose_name = "Coaching"

    def ready(self) -> None:
        from ithaca.coaching.selectors import bookings
        from ithaca.programs.calendar import register

        register("coaching-session", bookings)
