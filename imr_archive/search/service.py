"""The search layer's front door: which backend answers, opened lazily from settings.

    search(SearchQuery) -> SearchResults
    reindex_letters(ids), remove_letters(ids): keep the index in step with the database

IMR_SEARCH_BACKEND picks the engine: "whoosh" (default; the index folder is
IMR_INDEX_DIR) answers searches with words, the database everything else.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from imr_archive.letters.models import Issue
from imr_archive.search.database import DatabaseSearch
from imr_archive.search.documents import documents_for_letters
from imr_archive.search.query import SearchQuery, SearchResults
from imr_archive.search.whoosh_backend import WhooshBackend

BACKENDS = ("whoosh",)


@cache
def whoosh_backend(index_dir: str, lock_timeout: float) -> WhooshBackend:
    return WhooshBackend(index_dir, lock_timeout)


def text_index() -> WhooshBackend:
    """The configured full-text index (opened on first use)."""
    if settings.IMR_SEARCH_BACKEND not in BACKENDS:
        raise ImproperlyConfigured(
            f"IMR_SEARCH_BACKEND={settings.IMR_SEARCH_BACKEND!r}: choose one of {', '.join(BACKENDS)}"
        )
    return whoosh_backend(str(settings.IMR_INDEX_DIR), settings.IMR_INDEX_LOCK_TIMEOUT)


def _hit_texts(issue_ids: list[int]) -> dict[int, list[str]]:
    """The texts a hit's snippet may come from, best first."""
    rows = Issue.objects.filter(id__in=issue_ids).values_list("id", "rationale", "treatment", "letter__case_summary")
    return {pk: [rationale, treatment, summary] for pk, rationale, treatment, summary in rows}


def search(query: SearchQuery) -> SearchResults:
    if not query.q.strip():
        return DatabaseSearch().search(query)
    return text_index().search(query, _hit_texts)


def reindex_letters(letter_ids: Iterable[int]) -> None:
    """Bring the index entries of these letters in line with the database (deleted ones vanish)."""
    ids = list(letter_ids)
    if ids:
        text_index().replace_letters(ids, documents_for_letters(ids))


def remove_letters(letter_ids: Iterable[int]) -> None:
    ids = list(letter_ids)
    if ids:
        text_index().replace_letters(ids, [])
