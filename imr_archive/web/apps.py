from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "imr_archive.web"
    verbose_name = "Web"
