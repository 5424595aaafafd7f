from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "imr_archive.api"
    label = "api"
    verbose_name = "REST API, exports, feeds and citations"
