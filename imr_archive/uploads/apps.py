from django.apps import AppConfig


class UploadsConfig(AppConfig):
    name = "imr_archive.uploads"
    verbose_name = "Uploads"
