from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "imr_archive.analytics"
    verbose_name = "Outcome analytics"
