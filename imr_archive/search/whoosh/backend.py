"""The Whoosh index on disk: writing documents, and answering searches with words."""

from __future__ import annotations

import heapq
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from whoosh import index, writing
from whoosh.qparser import MultifieldParser
from whoosh.query import And

from imr_archive.search.documents import IssueDocument, documents_for_letters
from imr_archive.search.query import SORT_OLDEST, SORT_RELEVANCE, Hit, SearchQuery, SearchResults
from imr_archive.search.query_text import TEXT_FIELDS, QueryText, read_query
from imr_archive.search.whoosh.counting import column_values, count_facets
from imr_archive.search.whoosh.highlighting import snippet
from imr_archive.search.whoosh.schema import (
    COLUMN_FACETS,
    DEFAULT_FIELDS,
    SCHEMA,
    UNKNOWN_DATE,
    any_of,
    document_fields,
    filter_query,
    phrase_as_pairs,
)


class WhooshBackend:
    """Index and search Issue documents in a Whoosh index folder."""

    def __init__(self, index_dir: Path, lock_timeout: float = 60.0) -> None:
        self.index_dir = Path(index_dir)
        self.lock_timeout = lock_timeout
        self._index: index.Index | None = None
        self._parser = MultifieldParser(list(DEFAULT_FIELDS), SCHEMA, fieldboosts={"treatment": 3.0})
        self._column_cache: tuple[tuple, dict[str, list]] = ((), {})
        self._local = threading.local()

    # -- the index on disk ------------------------------------------------

    def _open(self) -> index.Index:
        if self._index is None:
            self.index_dir.mkdir(parents=True, exist_ok=True)
            if not index.exists_in(str(self.index_dir)):
                self._index = index.create_in(str(self.index_dir), SCHEMA)
            else:
                opened = index.open_dir(str(self.index_dir))
                if sorted(opened.schema.names()) != sorted(SCHEMA.names()):
                    raise ImproperlyConfigured(
                        f"the search index in {self.index_dir} was built by another version of IMR Archive: "
                        "run `python manage.py rebuild_index`")
                self._index = opened
        return self._index

    def _searcher(self):
        """This thread's searcher, reopened only when the index has changed.

        Opening a searcher opens every segment's files: doing it once per
        request would cost more than many searches.
        """
        searcher = getattr(self._local, "searcher", None)
        if searcher is None or not searcher.up_to_date():
            # Not Searcher.refresh(): it reuses the readers of unchanged segment ids,
            # and a segment that gained deletions keeps its id, so deleted documents came back.
            if searcher is not None:
                searcher.close()
            searcher = self._local.searcher = self._open().searcher()
        return searcher

    def _writer(self):
        """The index's single writer; a second process waits for the lock up to the timeout."""
        return self._open().writer(timeout=self.lock_timeout, delay=0.05, limitmb=128)

    def replace_letters(self, letter_ids: Iterable[int], documents: Iterable[IssueDocument]) -> None:
        """Drop every document of these letters, then add `documents` (one commit)."""
        writer = self._writer()
        try:
            for letter_id in letter_ids:
                writer.delete_by_term("letter_id", str(letter_id))
            for doc in documents:
                writer.add_document(**document_fields(doc))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def rebuild(self, batches: Iterable[list[int]], progress: Callable[[int], None]) -> None:
        """The index anew from batches of letter ids, through one writer and one commit.

        Committing per batch made Whoosh merge ever larger segments again and
        again; one writer, indexing on every core, writes each document once.
        """
        self.clear()
        cores = max(1, min(os.cpu_count() or 1, 4))
        writer = self._open().writer(timeout=self.lock_timeout, delay=0.05, limitmb=256, procs=cores,
                                     multisegment=cores > 1)
        try:
            for letter_ids in batches:
                for doc in documents_for_letters(letter_ids):
                    writer.add_document(**document_fields(doc))
                progress(len(letter_ids))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def clear(self) -> None:
        """Empty the index; one of another schema is replaced by a new one.

        Emptying by a commit keeps the generation number growing, so open
        searchers (other threads, other processes) see that the index changed.
        """
        try:
            writer = self._writer()
        except ImproperlyConfigured:
            self._index = index.create_in(str(self.index_dir), SCHEMA)
            return
        writer.commit(mergetype=writing.CLEAR)

    def indexed_stamps(self) -> dict[int, tuple[int, str]]:
        """issue id -> (letter id, stamp) of every document in the index."""
        with self._open().searcher() as searcher:
            return {int(f["issue_id"]): (int(f["letter_id"]), f["stamp"]) for f in searcher.all_stored_fields()}

    # -- searching --------------------------------------------------------

    def _columns(self, searcher) -> dict[str, list]:
        """Facet and sort columns as lists by document number, read once per index generation.

        Whoosh has no aggregation engine: counting facets means looking at
        every match. Reading each match's values from these lists is one lean
        pass, where Whoosh's own grouping walks postings per facet.
        """
        reader = searcher.reader()
        # Segment ids are random per segment: they tell a changed index, even one rebuilt from scratch.
        generation = tuple((leaf.segment().segment_id(), leaf.doc_count()) for leaf, _ in reader.leaf_readers())
        if self._column_cache[0] != generation:
            columns: dict[str, list] = {}
            for facet, field in COLUMN_FACETS.items():
                values = [v.decode("utf-8") if isinstance(v, bytes) else v for v in column_values(reader, field, "")]
                columns[facet] = [tuple(v.split()) for v in values] if facet == "guideline" else values
            columns["decision"] = column_values(reader, "decision", UNKNOWN_DATE)
            self._column_cache = (generation, columns)
        return self._column_cache[1]

    def _facet_tests(self, searcher, query: SearchQuery, columns: dict[str, list]) -> dict[str, Callable]:
        """For each active facet, whether a document passes that facet's filter."""
        tests: dict[str, Callable[[int], bool]] = {}
        for facet in ("outcome", "category", "specialty", "year"):
            if getattr(query, facet):
                wanted, column = {str(v) for v in getattr(query, facet)}, columns[facet]
                tests[facet] = lambda d, wanted=wanted, column=column: column[d] in wanted
        if query.guideline and query.page is not None:
            cited = set(searcher.docs_for_query(
                any_of("guideline_page", [f"{slug}:{query.page}" for slug in query.guideline])))
            tests["guideline"] = cited.__contains__
        elif query.guideline:
            wanted, column = set(query.guideline), columns["guideline"]
            tests["guideline"] = lambda d: not wanted.isdisjoint(column[d])
        return tests

    def search(self, query: SearchQuery, texts: Callable[[list[int]], dict[int, list[str]]]) -> SearchResults:
        """Answer a search with words.

        `texts` gives each hit's texts from the database (rationale first): the
        snippet comes from the first one where a matched word occurs.
        """
        read: QueryText = read_query(query.q)
        parsed = self._parser.parse(read.text)
        terms = {text.decode("utf-8") if isinstance(text, bytes) else text
                 for field, text in parsed.iter_all_terms() if field in TEXT_FIELDS}
        words = parsed.accept(phrase_as_pairs)
        searcher = self._searcher()
        columns = self._columns(searcher)
        others = filter_query(query)
        base = And([words, others]) if others else words
        tests = self._facet_tests(searcher, query, columns)
        matched, facets = count_facets(searcher.docs_for_query(base), tests, columns)
        wanted = query.offset + query.per_page
        if query.effective_sort == SORT_RELEVANCE:
            # Whoosh's own top-N search, with its shortcuts: counting is already done.
            top = searcher.search(base, limit=wanted, filter=set(matched) if tests else None)
            page = [(hit.docnum, hit.score) for hit in top][query.offset:]
        else:
            decision = columns["decision"]
            if query.effective_sort == SORT_OLDEST:
                order = heapq.nsmallest(wanted, matched, key=lambda d: (decision[d] == UNKNOWN_DATE, decision[d], d))
            else:
                order = heapq.nlargest(wanted, matched, key=lambda d: (decision[d], d))
            page = [(docnum, None) for docnum in order[query.offset:]]
        ids = [int(searcher.stored_fields(docnum)["issue_id"]) for docnum, _ in page]
        hit_texts = texts(ids)
        hits = [Hit(issue_id=issue_id, score=score, snippet=snippet(hit_texts.get(issue_id, []), terms))
                for issue_id, (_, score) in zip(ids, page, strict=True)]
        return SearchResults(hits=hits, total=len(matched), facets=facets, notes=list(read.notes))
