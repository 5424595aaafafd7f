"""The search layer's front door: which engine answers, opened lazily from settings.

    search(SearchQuery) -> SearchResults         a page of hits, the exact total, facet counts, notes
    matching_ids(SearchQuery, limit) -> [id]     every match in the page's order (exports, the API)
    marked(text, q) -> HTML                      the text with the words q searches for marked
    corrections(words) -> {word: suggestion}     words no item holds, and what they likely meant
    text_index()                                 the configured engine, which search.sync keeps in step
    outcome_counts(SearchQuery, *Breakdown)      every match by outcome, per value of fields (analytics; the index)
    similar_items(Probe, limit) -> [id]          items of other letters like one item, best first (similar.py)

IMR_SEARCH_BACKEND picks the engine: "whoosh" (the embedded default) or
"tantivy" (production), each an index folder (IMR_INDEX_DIR) on this
machine. The query is read once (query_syntax.py) and the tree handed to the
engine; the facet rule is facets.py's. Tantivy answers every search; with
Whoosh, searches without words are answered by the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from imr_archive.letters.models import Issue
from imr_archive.search.breakdowns import Breakdown, OutcomeCounts
from imr_archive.search.database import DatabaseSearch
from imr_archive.search.engine import SearchEngine, TextIndex
from imr_archive.search.facets import counting_passes, facet_lists
from imr_archive.search.query import Hit, SearchQuery, SearchResults
from imr_archive.search.query_syntax import Reading, read
from imr_archive.search.similar import SIMILAR, Probe
from imr_archive.search.snippets import Marks, marked_snippet, marked_text, plain_snippet
from imr_archive.search.spelling import correction

BACKENDS = ("whoosh", "tantivy")
MATCHING_IDS_LIMIT = 100_000


@cache
def _opened(backend: str, index_dir: Path, lock_timeout: float) -> TextIndex:
    if backend == "tantivy":
        from imr_archive.search.tantivy import TantivyBackend

        return TantivyBackend(index_dir, lock_timeout)
    from imr_archive.search.whoosh import WhooshBackend

    return WhooshBackend(index_dir, lock_timeout)


def text_index(backend: str | None = None) -> TextIndex:
    """The configured full-text engine (or the one named), opened on first use."""
    backend = backend or settings.IMR_SEARCH_BACKEND
    if backend not in BACKENDS:
        raise ImproperlyConfigured(f"IMR_SEARCH_BACKEND={backend!r}: choose one of {', '.join(BACKENDS)}")
    return _opened(backend, Path(settings.IMR_INDEX_DIR), float(settings.IMR_INDEX_LOCK_TIMEOUT))


def _read(query: SearchQuery) -> tuple[SearchQuery, Reading]:
    """The query's words read; a query whose text holds no word becomes a search without words, with a note."""
    if not query.q.strip():
        return query, Reading(None)
    reading = read(query.q)
    if reading.node is None:
        reading.notes = reading.notes or ["Your query has no words, so every item is shown."]
        return replace(query, q=""), reading
    return query, reading


def _engine(reading: Reading) -> SearchEngine:
    index = text_index()
    return index if reading.node is not None or index.answers_browse else DatabaseSearch()


def search(query: SearchQuery) -> SearchResults:
    query, reading = _read(query)
    answer = _engine(reading).answer(query, reading.node, counting_passes(query))
    marks = Marks.of(reading.node)
    snippets = _snippets([issue_id for issue_id, _ in answer.page], marks)
    hits = [Hit(issue_id=issue_id, score=score, snippet=snippets.get(issue_id, "")) for issue_id, score in answer.page]
    return SearchResults(hits=hits, total=answer.total, facets=facet_lists(answer.counts), notes=reading.notes)


def _snippets(issue_ids: list[int], marks: Marks) -> dict[int, str]:
    """Each hit's snippet from the database's text: marked from the first text holding a marked word
    (rationale, treatment, case summary), else the rationale's opening."""
    if not marks:
        return {pk: plain_snippet(rationale)
                for pk, rationale in Issue.objects.filter(id__in=issue_ids).values_list("id", "rationale")}
    rows = Issue.objects.filter(id__in=issue_ids).values_list("id", "rationale", "treatment", "letter__case_summary")
    return {pk: marked_snippet(list(texts), marks) for pk, *texts in rows}


def marked(text: str, q: str) -> str:
    """`text` escaped, the words `q` searches for in <mark> (as snippets mark them); "" when none is in it."""
    return marked_text(text, Marks.of(read(q).node)) if q.strip() else ""


def corrections(words: Iterable[str]) -> dict[str, str]:
    """Each of `words` that no item holds, and the word the index holds it likely meant (spelling.py)."""
    index = text_index()
    found = {}
    for word in dict.fromkeys(words):
        if (suggested := correction(word, index.words_beginning)) is not None:
            found[word] = suggested
    return found


def matching_ids(query: SearchQuery, limit: int = MATCHING_IDS_LIMIT) -> list[int]:
    """The ids of the search's first `limit` matches, in the order of its pages."""
    query, reading = _read(query)
    return _engine(reading).matching_ids(query, reading.node, limit)


def outcome_counts(query: SearchQuery, *breakdowns: Breakdown) -> list[OutcomeCounts]:
    """The search's matches by outcome, overall and for each breakdown per value of its field (one search).

    The index answers, words or not: Whoosh's columns count a whole archive's values in milliseconds
    where the database's GROUP BYs over citations and pages took hundreds (bench/analytics.py)."""
    query, reading = _read(query)
    return text_index().outcome_counts(query, reading.node, breakdowns)



def similar_items(probe: Probe, limit: int = SIMILAR) -> list[int]:
    """The ids of the `limit` items of other letters most like the probe's item (the full-text index answers)."""
    return text_index().similar(probe, limit)
