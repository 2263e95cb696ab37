from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "ithaca.api"
    label = "api"
    verbose_name = _("API")

    def ready(self) -> None:
        # Registers the schema's description of token authentication (a small module).
        from ithaca.api import schema_auth  # noqa: F401
