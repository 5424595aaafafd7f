from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class SearchConfig(AppConfig):
    name = "imr_archive.search"
    verbose_name = "Search"

    def ready(self) -> None:
        """Refuse to start with a search engine the service does not have: an ingest would store letters
        and then fail to index them."""
        from imr_archive.search.service import BACKENDS

        backend = settings.IMR_SEARCH_BACKEND
        if backend not in BACKENDS:
            wrong = (f"IMR_SEARCH_BACKEND={backend!r} names no search engine" if backend
                     else "IMR_SEARCH_BACKEND is empty")
            raise ImproperlyConfigured(f"{wrong}: choose one of {', '.join(BACKENDS)}.")
