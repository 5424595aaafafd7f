"""The Tantivy engine: keeping the index's documents, and answering every search page from it."""

from __future__ import annotations

import os
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from functools import cache
from pathlib import Path

import tantivy
from django.core.exceptions import ImproperlyConfigured
from tantivy import FieldType, Order, Query

from imr_archive.search.breakdowns import Breakdown, OutcomeCounts
from imr_archive.search.documents import IssueDocument, documents_for_letters
from imr_archive.search.engine import Answer
from imr_archive.search.facets import CountingPass, FacetCounts, filtered_facets
from imr_archive.search.query import SORT_NEWEST, SORT_RELEVANCE, SearchQuery
from imr_archive.search.query_syntax import Node
from imr_archive.search.query_text import DEFAULT_FIELDS
from imr_archive.search.similar import Probe
from imr_archive.search.tantivy.breakdowns import outcome_counts
from imr_archive.search.tantivy.compile import compile_words, facet_filter, other_filters, search_query
from imr_archive.search.tantivy.folder import IndexFolder
from imr_archive.search.tantivy.schema import FACET_FIELDS, document, schema
from imr_archive.search.tantivy.similar import similar_query

TERMS = 10_000  # buckets a facet count returns: far more values than any facet has, so counts are exact
BULK_HEAP_BYTES = 1_000_000_000
STAMP_CHUNK = 200_000  # issue ids read per pass when listing the index's stamps
COUNTS_KEPT = 512  # searches whose facet counts a process keeps


@cache
def _executor() -> ThreadPoolExecutor:
    """Threads for a search's parts (Tantivy lets go of the GIL while it searches), made in each process."""
    return ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2), thread_name_prefix="tantivy-search")


class TantivyBackend:
    """Index and search Issue documents in a Tantivy index folder."""

    answers_browse = True

    def __init__(self, index_dir: Path, lock_timeout: float = 60.0, *, parallel: bool = True) -> None:
        self.folder = IndexFolder(index_dir, lock_timeout)
        self.parallel = parallel
        self._counts = KeptCounts()

    # -- writing ------------------------------------------------------------

    def replace_letters(self, letter_ids: Iterable[int], documents: Iterable[IssueDocument]) -> None:
        """Drop every document of these letters, then add `documents` (one commit)."""
        ids, built = list(letter_ids), [document(doc) for doc in documents]
        with self.folder.writer() as writer:
            for letter_id in ids:
                writer.delete_documents_by_term("letter_id", letter_id)
            for doc in built:
                writer.add_document(doc)

    @contextmanager
    def bulk(self) -> Iterator[Callable[[list[int]], None]]:
        """Index many letters: yields a function taking a batch of letter ids; one commit at the end.

        Tantivy indexes on every core while this process reads the next batch
        from the database; searchers see the new letters once the run ends.
        On an index empty when the run began (a rebuild), a batch of letters
        all above those given so far has no documents to drop, so it deletes nothing.
        """
        with self.folder.writer(BULK_HEAP_BYTES, max(1, min(os.cpu_count() or 1, 4))) as writer:
            empty_until = None if self.folder.searcher().num_docs else 0  # letters above have no document

            def replace(letter_ids: list[int]) -> None:
                nonlocal empty_until
                if not letter_ids:
                    return
                if empty_until is None or min(letter_ids) <= empty_until:
                    empty_until = None
                    for letter_id in letter_ids:
                        writer.delete_documents_by_term("letter_id", letter_id)
                else:
                    empty_until = max(letter_ids)
                for doc in documents_for_letters(letter_ids):
                    writer.add_document(document(doc))

            yield replace

    def words_beginning(self, prefix: str) -> dict[str, int]:
        searcher = self.folder.searcher()
        found: dict[str, int] = {}
        for field in DEFAULT_FIELDS:
            for word, items in searcher.terms_with_prefix(field, prefix):
                found[word] = max(found.get(word, 0), items)
        return found

    def clear(self) -> None:
        """Empty the index (by a commit, so every reader sees it); one of another schema is made anew."""
        try:
            with self.folder.writer() as writer:
                writer.delete_all_documents()
        except ImproperlyConfigured:
            self.folder.recreate()

    def problems(self) -> list[str]:
        """Nothing beyond drift: an index of another schema is reported when opened."""
        return []

    def indexed_stamps(self) -> dict[int, tuple[int, str]]:
        """issue id -> (letter id, stamp) of every document, read from fast fields a range of ids at a time."""
        searcher = self.folder.searcher()
        if not searcher.num_docs:
            return {}
        highest = searcher.search(Query.all_query(), 1, count=False, order_by_field="issue_id").hits[0][0]
        stamps: dict[int, tuple[int, str]] = {}
        for low in range(0, highest + 1, STAMP_CHUNK):
            ids = Query.range_query(schema(), "issue_id", FieldType.Integer, low, low + STAMP_CHUNK - 1)
            hits = searcher.search(ids, STAMP_CHUNK, count=False, order_by_field="stamp").hits
            addresses = [address for _, address in hits]
            issue_ids = searcher.fast_field_values("issue_id", addresses)
            letter_ids = searcher.fast_field_values("letter_id", addresses)
            stamps.update(zip(issue_ids, zip(letter_ids, (stamp for stamp, _ in hits), strict=True), strict=True))
        return stamps

    # -- searching ------------------------------------------------------------

    def answer(self, query: SearchQuery, words: Node | None, passes: list[CountingPass]) -> Answer:
        """The page, the exact total and each pass's facet counts, the parts run side by side.

        Counts are kept per index state: another page or order of the same search counts nothing again.
        """
        searcher, state = self.folder.snapshot()
        search = _Search(searcher, query, words)
        key = (state, replace(query, page_number=1, sort=SORT_RELEVANCE), words, tuple(passes))
        kept = self._counts.get(key)
        tasks: list[Callable[[], object]] = [lambda: search.page(query.offset, query.per_page)]
        if kept is None:
            tasks += [lambda p=p: search.count(p) for p in passes]
        done = list(_executor().map(lambda task: task(), tasks)) if self.parallel and len(tasks) > 1 else \
            [task() for task in tasks]
        total, page = done[0]
        if kept is None:
            kept = {facet: counted for part in done[1:] for facet, counted in part.items()}
            self._counts.put(key, kept)
        return Answer(total, page, kept)

    def matching_ids(self, query: SearchQuery, words: Node | None, limit: int) -> list[int]:
        _, page = _Search(self.folder.searcher(), query, words).page(0, limit)
        return [issue_id for issue_id, _ in page]

    def outcome_counts(self, query: SearchQuery, words: Node | None,
                       breakdowns: Sequence[Breakdown]) -> list[OutcomeCounts]:
        """The matches by outcome, and each breakdown's values by outcome: one aggregation (breakdowns.py)."""
        searcher = self.folder.searcher()
        return outcome_counts(searcher, _Search(searcher, query, words).matching(), breakdowns)

    def similar(self, probe: Probe, limit: int) -> list[int]:
        if not probe.asks_anything:
            return []
        searcher = self.folder.searcher()
        found = searcher.search(similar_query(probe), limit, count=False)
        return searcher.fast_field_values("issue_id", [address for _, address in found.hits])


class KeptCounts:
    """The facet counts of the last searches, least recently used going first; only this process's."""

    def __init__(self, size: int = COUNTS_KEPT) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._kept: OrderedDict[tuple, FacetCounts] = OrderedDict()

    def get(self, key: tuple) -> FacetCounts | None:
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        return None

    def put(self, key: tuple, counts: FacetCounts) -> None:
        with self._lock:
            self._kept[key] = counts
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)


class _Search:
    """One search's compiled queries over one searcher (one index state)."""

    def __init__(self, searcher: tantivy.Searcher, query: SearchQuery, words: Node | None) -> None:
        self.searcher, self.query = searcher, query
        self.words = compile_words(words) if words is not None else None
        self.others = other_filters(query)
        self.facet_filters = {facet: facet_filter(query, facet) for facet in filtered_facets(query)}

    def matching(self, leave_out: str | None = None) -> Query:
        """The search's words and filters, without the filter of `leave_out`."""
        return search_query(self.words, self.others + [f for facet, f in self.facet_filters.items()
                                                       if facet != leave_out])

    def page(self, offset: int, limit: int) -> tuple[int, list[tuple[int, float | None]]]:
        """The exact total, and (issue id, score) of the matches offset..offset+limit in the search's order."""
        sort = self.query.effective_sort
        if sort == SORT_RELEVANCE:
            found = self.searcher.search(self.matching(), limit, offset=offset)
        else:
            found = self.searcher.search(self.matching(), limit, offset=offset,
                                         order_by_field="newest" if sort == SORT_NEWEST else "oldest",
                                         order=Order.Desc if sort == SORT_NEWEST else Order.Asc)
        ids = self.searcher.fast_field_values("issue_id", [address for _, address in found.hits])
        scores = [score if sort == SORT_RELEVANCE else None for score, _ in found.hits]
        return found.count, list(zip(ids, scores, strict=True))

    def count(self, counting: CountingPass) -> FacetCounts:
        aggregations = {facet: {"terms": {"field": FACET_FIELDS[facet], "size": TERMS}} for facet in counting.facets}
        result = self.searcher.aggregate(self.matching(counting.leave_out), aggregations)
        return {facet: Counter({bucket["key"]: bucket["doc_count"] for bucket in result[facet]["buckets"]})
                for facet in counting.facets}
