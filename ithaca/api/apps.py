from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ithaca.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        # Registers the schema's description of token authentication (a small module).
        from ithaca.api import schema_auth  # noqa: F401
