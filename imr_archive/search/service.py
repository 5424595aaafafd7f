"""The search layer's front door: which backend answers, opened lazily from settings.

    search(SearchQuery) -> SearchResults
    marked(text, q) -> HTML                                 the text with the words q searches for marked
    reindex_letters(ids), remove_letters(ids): keep the index in step with the database

IMR_SEARCH_BACKEND picks the engine that answers searches with words:
"whoosh" (default; an index folder, IMR_INDEX_DIR, on this machine).
Searches without words are answered by the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import replace
from functools import cache
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from imr_archive.letters.models import Issue
from imr_archive.search.database import DatabaseSearch
from imr_archive.search.documents import IssueDocument, documents_for_letters
from imr_archive.search.query import SearchQuery, SearchResults
from imr_archive.search.query_text import plain_words, read_query
from imr_archive.search.whoosh import WhooshBackend

BACKENDS = ("whoosh",)


class TextIndex(Protocol):
    """What a full-text backend does."""

    def replace_letters(self, letter_ids: Iterable[int], documents: Iterable[IssueDocument]) -> None: ...
    def bulk(self) -> AbstractContextManager[Callable[[list[int]], None]]: ...
    def clear(self) -> None: ...
    def indexed_stamps(self) -> dict[int, tuple[int, str]]: ...
    def problems(self) -> list[str]: ...  # what is wrong with the index itself, a line each
    def search(self, query: SearchQuery, texts: Callable[[list[int]], dict[int, list[str]]]) -> SearchResults: ...
    def marked(self, text: str, q: str) -> str: ...


@cache
def whoosh_backend(index_dir: str, lock_timeout: float) -> WhooshBackend:
    return WhooshBackend(index_dir, lock_timeout)


def text_index(backend: str | None = None) -> TextIndex:
    """The configured full-text backend (or the one named), opened on first use."""
    backend = backend or settings.IMR_SEARCH_BACKEND
    if backend == "whoosh":
        return whoosh_backend(str(settings.IMR_INDEX_DIR), settings.IMR_INDEX_LOCK_TIMEOUT)
    raise ImproperlyConfigured(f"IMR_SEARCH_BACKEND={backend!r}: choose one of {', '.join(BACKENDS)}")


def _hit_texts(issue_ids: list[int]) -> dict[int, list[str]]:
    """The texts a hit's snippet may come from, best first."""
    rows = Issue.objects.filter(id__in=issue_ids).values_list("id", "rationale", "treatment", "letter__case_summary")
    return {pk: [rationale, treatment, summary] for pk, rationale, treatment, summary in rows}


def search(query: SearchQuery) -> SearchResults:
    results = _answer(query)
    results.facets = {facet: counts for facet, counts in results.facets.items() if facet not in query.fixed}
    return results


def _answer(query: SearchQuery) -> SearchResults:
    if query.q.strip():
        read = read_query(query.q)
        if plain_words(read.text):
            return text_index().search(query, _hit_texts)
        # Only operators or punctuation: nothing to match, so browse, and say why.
        results = browse(replace(query, q=""))
        results.notes = read.notes or ["Your query has no words, so every item is shown."]
        return results
    return browse(query)


def marked(text: str, q: str) -> str:
    """`text` escaped, the words `q` searches for (as the engine reads them) in <mark>; "" when none is in it."""
    return text_index().marked(text, q) if plain_words(read_query(q).text) else ""


def browse(query: SearchQuery) -> SearchResults:
    """A search without words: the database answers."""
    return DatabaseSearch().search(query)


def reindex_letters(letter_ids: Iterable[int]) -> None:
    """Bring the index entries of these letters in line with the database (deleted ones vanish)."""
    ids = list(letter_ids)
    if ids:
        text_index().replace_letters(ids, documents_for_letters(ids))


def remove_letters(letter_ids: Iterable[int]) -> None:
    ids = list(letter_ids)
    if ids:
        text_index().replace_letters(ids, [])
