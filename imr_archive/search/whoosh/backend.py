"""The Whoosh index on disk: writing documents, and answering searches with words."""

from __future__ import annotations

import heapq
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from whoosh import index, writing
from whoosh.query import And, Every, Query

from imr_archive.search.documents import IssueDocument, documents_for_letters
from imr_archive.search.engine import Answer
from imr_archive.search.errors import IndexBusy
from imr_archive.search.facets import CountingPass
from imr_archive.search.query import SORT_OLDEST, SORT_RELEVANCE, SearchQuery
from imr_archive.search.query_syntax import Node
from imr_archive.search.whoosh.columns import Columns
from imr_archive.search.whoosh.compile import compile_words
from imr_archive.search.whoosh.counting import count_facets
from imr_archive.search.whoosh.schema import SCHEMA, UNKNOWN_DATE, any_of, document_fields, filter_query


class WhooshBackend:
    """Index and search Issue documents in a Whoosh index folder."""

    answers_browse = False  # the database answers searches without words faster

    def __init__(self, index_dir: Path, lock_timeout: float = 60.0) -> None:
        self.index_dir = Path(index_dir)
        self.lock_timeout = lock_timeout
        self._index: index.Index | None = None
        self._column_cache: tuple[tuple, Columns | None] = ((), None)
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

    def _writer(self, **options):
        """The index's single writer; a second process waits for the lock up to the timeout."""
        try:
            return self._open().writer(timeout=self.lock_timeout, delay=0.05, **{"limitmb": 128, **options})
        except index.LockError:
            raise IndexBusy(f"the search index is being written by another process "
                            f"(waited {self.lock_timeout:g} s for its lock)") from None

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

    @contextmanager
    def bulk(self) -> Iterator[Callable[[list[int]], None]]:
        """Index many letters: yields a function taking a batch of letter ids; one commit at the end.

        One writer (indexing on every core) for the whole run: committing per
        batch made Whoosh merge ever larger segments again and again. The
        index shows the new letters once the run ends.
        """
        cores = max(1, min(os.cpu_count() or 1, 4))
        writer = self._writer(limitmb=256, procs=cores, multisegment=cores > 1)

        def replace(letter_ids: list[int]) -> None:
            for letter_id in letter_ids:
                writer.delete_by_term("letter_id", str(letter_id))
            for doc in documents_for_letters(letter_ids):
                writer.add_document(**document_fields(doc))

        try:
            yield replace
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

    def problems(self) -> list[str]:
        """Nothing beyond drift: an index of another schema is reported when opened."""
        return []

    def indexed_stamps(self) -> dict[int, tuple[int, str]]:
        """issue id -> (letter id, stamp) of every document in the index."""
        with self._open().searcher() as searcher:
            return {int(f["issue_id"]): (int(f["letter_id"]), f["stamp"]) for f in searcher.all_stored_fields()}

    # -- searching --------------------------------------------------------

    def _state(self, searcher) -> tuple:
        """What identifies the index a searcher sees, for the caches kept per index state.

        Segment ids are random per segment: they tell a changed index, even one rebuilt from scratch.
        """
        return tuple((leaf.segment().segment_id(), leaf.doc_count()) for leaf, _ in searcher.reader().leaf_readers())

    def _columns(self, searcher, state: tuple) -> Columns:
        if self._column_cache[0] != state:
            self._column_cache = (state, Columns(searcher.reader()))
        return self._column_cache[1]

    def _facet_filters(self, searcher, query: SearchQuery, columns: Columns,
                       matches: set[int]) -> dict[str, set[int]]:
        """For each filtered facet, the matches that pass its filter."""
        passing: dict[str, set[int]] = {}
        for facet in ("outcome", "category", "specialty", "year"):
            if getattr(query, facet):
                holding = (columns.holding(facet, str(value)) for value in getattr(query, facet))
                passing[facet] = matches.intersection(chain.from_iterable(holding))
        if query.guideline and query.page is not None:
            passing["guideline"] = matches.intersection(searcher.docs_for_query(
                any_of("guideline_page", [f"{slug}:{query.page}" for slug in query.guideline])))
        elif query.guideline:
            holding = (columns.holding("guideline", slug) for slug in query.guideline)
            passing["guideline"] = matches.intersection(chain.from_iterable(holding))
        return passing

    def _matches(self, searcher, query: SearchQuery, words: Node | None,
                 columns: Columns) -> tuple[Query, set[int], dict[str, set[int]]]:
        """The Whoosh query of the words and the non-facet filters, the documents it matches, and for each
        filtered facet those of them passing its filter."""
        compiled = compile_words(words) if words is not None else Every()
        others = filter_query(query)
        base = And([compiled, others]) if others else compiled
        matches = set(searcher.docs_for_query(base))
        return base, matches, self._facet_filters(searcher, query, columns, matches)

    def answer(self, query: SearchQuery, words: Node | None, passes: list[CountingPass]) -> Answer:
        """Matches from Whoosh's matchers, facet counts from the columns, the page from Whoosh's top-N search."""
        searcher = self._searcher()
        columns = self._columns(searcher, self._state(searcher))
        base, matches, passing = self._matches(searcher, query, words, columns)
        matched = set.intersection(matches, *passing.values()) if passing else matches
        wanted = query.offset + query.per_page
        page = self._ordered(searcher, query, base, matched, bool(passing), columns, wanted)[query.offset:]
        return Answer(len(matched), page, count_facets(passes, matches, passing, columns))

    def matching_ids(self, query: SearchQuery, words: Node | None, limit: int) -> list[int]:
        searcher = self._searcher()
        columns = self._columns(searcher, self._state(searcher))
        base, matches, passing = self._matches(searcher, query, words, columns)
        matched = set.intersection(matches, *passing.values()) if passing else matches
        return [issue_id for issue_id, _ in self._ordered(searcher, query, base, matched, bool(passing), columns,
                                                          limit)]

    def _ordered(self, searcher, query: SearchQuery, base: Query, matched: set[int], narrowed: bool,
                 columns: Columns, limit: int) -> list[tuple[int, float | None]]:
        """The first `limit` of `matched` in the search's order, as (issue id, score).

        Unless facet filters narrowed the matches of `base`, Whoosh's top-N search
        runs unfiltered: it then skips blocks of postings that cannot make the top.
        """
        if query.effective_sort == SORT_RELEVANCE:
            top = searcher.search(base, limit=limit, filter=matched if narrowed else None)
            return [(columns.issue_id[hit.docnum], hit.score) for hit in top]
        decision, issue_id = columns.decision, columns.issue_id
        if query.effective_sort == SORT_OLDEST:
            order = heapq.nsmallest(limit, matched,
                                    key=lambda d: (decision[d] == UNKNOWN_DATE, decision[d], issue_id[d]))
        else:
            order = heapq.nlargest(limit, matched, key=lambda d: (decision[d], issue_id[d]))
        return [(issue_id[d], None) for d in order]
