from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "imr_archive.search"
    verbose_name = "Search"
