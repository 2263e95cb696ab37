from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "ithaca.matching"
    label = "matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        from ithaca.matching.explain import said
        from ithaca.programs.eligibility import register_reader

        register_reader(said)
