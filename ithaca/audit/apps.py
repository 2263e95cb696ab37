from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "ithaca.audit"
    label = "audit"
    verbose_name = "Audit log"
