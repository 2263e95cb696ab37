from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "ithaca.programs"
    label = "programs"
    verbose_name = "Programs"
