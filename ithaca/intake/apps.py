from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "ithaca.intake"
    label = "intake"
    verbose_name = "Intake and referrals"
