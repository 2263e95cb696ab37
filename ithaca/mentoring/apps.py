from django.apps import AppConfig


class MentoringConfig(AppConfig):
    name = "ithaca.mentoring"
    label = "mentoring"
    verbose_name = "Mentoring"
