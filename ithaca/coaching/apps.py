from django.apps import AppConfig


class CoachingConfig(AppConfig):
    name = "ithaca.coaching"
    label = "coaching"
    verbose_name = "Coaching"
