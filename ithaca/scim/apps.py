from django.apps import AppConfig


class ScimConfig(AppConfig):
    name = "ithaca.scim"
    label = "scim"
    verbose_name = "Provisioning (SCIM)"
