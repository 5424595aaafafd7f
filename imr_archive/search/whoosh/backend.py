"""The Whoosh index on disk: writing documents, and answering searches with words."""

from __future__ import annotations

import heapq
import os
import pickle
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from whoosh import index, writing
from whoosh.query import And, Every, Query, Term

from imr_archive.child_processes import children_die_with_this_process
from imr_archive.search.breakdowns import Breakdown, OutcomeCounts
from imr_archive.search.documents import IssueDocument, documents_for_letters
from imr_archive.search.engine import Answer
from imr_archive.search.errors import IndexBusy
from imr_archive.search.facets import CountingPass
from imr_archive.search.query import NO_YEAR, SORT_OLDEST, SORT_RELEVANCE, SearchQuery
from imr_archive.search.query_syntax import Node
from imr_archive.search.query_text import DEFAULT_FIELDS
from imr_archive.search.similar import Probe
from imr_archive.search.whoosh.breakdowns import BreakdownColumns
from imr_archive.search.whoosh.columns import Columns
from imr_archive.search.whoosh.compile import compile_words
from imr_archive.search.whoosh.counting import count_facets
from imr_archive.search.whoosh.postings import FAST_PATH, PostingsCache
from imr_archive.search.whoosh.ranking import Scored, Unsupported, best, evaluate
from imr_archive.search.whoosh.schema import SCHEMA, UNKNOWN_DATE, any_of, document_fields, filter_query
from imr_archive.search.whoosh.similar import excluded, similar_query

# Postings each process of a bulk writer keeps in memory: past it, Whoosh writes sorted runs to disk and
# merges them in Python at the commit. At 256 MB a rebuild of 4,000 letters spilled and took 74 CPU
# seconds, at 1,024 MB 47 (a process peaked at 860 MB), and ingesting 2,000 letters (a sync every
# 2,000) went from 16 to 26 letters/s. A rebuild of 10,000 letters spills either way.
BULK_POOL_MB = 1024


class WhooshBackend:
    """Index and search Issue documents in a Whoosh index folder."""

    answers_browse = False  # the database answers searches without words faster

    def __init__(self, index_dir: Path, lock_timeout: float = 60.0) -> None:
        self.index_dir = Path(index_dir)
        self.lock_timeout = lock_timeout
        self._index: index.Index | None = None
        self._column_cache: tuple[tuple | None, Columns | None] = (None, None)  # no state seen yet
        self._breakdown_cache: tuple[tuple | None, BreakdownColumns | None] = (None, None)
        self._postings = PostingsCache()
        self._local = threading.local()

    # -- the index on disk ------------------------------------------------

    def _open(self) -> index.Index:
        if self._index is None:
            self.index_dir.mkdir(parents=True, exist_ok=True)
            try:
                self._index = self._open_existing()
            except index.EmptyIndexError:
                self._index = index.create_in(str(self.index_dir), SCHEMA)
        return self._index

    def _open_existing(self) -> index.Index:
        """The index in the folder, if this version of IMR Archive built it.

        Whoosh pickles the schema, analyzers included: one naming a class
        this version no longer has does not even load.
        """
        another = ImproperlyConfigured(f"the search index in {self.index_dir} was built by another version of "
                                       "IMR Archive: run `python manage.py rebuild_index`")
        try:
            opened = index.open_dir(str(self.index_dir))
        except (AttributeError, ImportError, pickle.UnpicklingError):
            raise another from None
        schema = opened.schema
        if sorted(schema.names()) != sorted(SCHEMA.names()) or any(
                schema[name].analyzer != SCHEMA[name].analyzer for name in SCHEMA.names()
                if hasattr(SCHEMA[name], "analyzer")):
            raise another
        return opened

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
        index shows the new letters once the run ends. The writer's processes
        die with this one, however it ends, and never keep the index lock.
        """
        cores = max(1, min(os.cpu_count() or 1, 4))
        with children_die_with_this_process():
            writer = self._writer(limitmb=BULK_POOL_MB, procs=cores, multisegment=cores > 1)

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

    def words_beginning(self, prefix: str) -> dict[str, int]:
        reader = self._searcher().reader()
        found: dict[str, int] = {}
        for field in DEFAULT_FIELDS:
            for term in reader.expand_prefix(field, prefix):
                word = term.decode("utf-8") if isinstance(term, bytes) else term
                found[word] = max(found.get(word, 0), reader.doc_frequency(field, word))
        return found

    def indexed_stamps(self) -> dict[int, tuple[int, str]]:
        """issue id -> (letter id, stamp) of every document in the index."""
        with self._open().searcher() as searcher:
            return {int(f["issue_id"]): (int(f["letter_id"]), f["stamp"]) for f in searcher.all_stored_fields()}

    # -- searching --------------------------------------------------------

    def _state(self, searcher) -> tuple:
        """What identifies the index a searcher sees, for the caches kept per index state.

        Segment ids are random per segment: they tell a changed index, even one rebuilt from scratch.
        An empty index has no segment: its state is the empty tuple.
        """
        return tuple((segment.segment_id(), leaf.doc_count()) for leaf, _ in searcher.reader().leaf_readers()
                     if (segment := leaf.segment()) is not None)

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
                holding = (columns.holding(facet, NO_YEAR if value is None else str(value))
                           for value in getattr(query, facet))
                passing[facet] = matches.intersection(chain.from_iterable(holding))
        if query.guideline and (query.page is not None or query.chapter):
            # The item cites the page, and the chapter, of the guideline (as the database reads it).
            citing = matches
            if query.page is not None:
                citing = citing.intersection(searcher.docs_for_query(
                    any_of("guideline_page", [f"{slug}:{query.page}" for slug in query.guideline])))
            if query.chapter:
                citing = citing.intersection(searcher.docs_for_query(
                    any_of("guideline_chapter", [f"{slug}:{query.chapter}" for slug in query.guideline])))
            passing["guideline"] = citing
        elif query.guideline:
            holding = (columns.holding("guideline", slug) for slug in query.guideline)
            passing["guideline"] = matches.intersection(chain.from_iterable(holding))
        return passing

    def _scored(self, searcher, state: tuple, compiled: Query) -> Scored | None:
        """`compiled`'s matches, scored lazily by the fast path (postings.py), or None where it does not apply."""
        if not FAST_PATH:
            return None

        def term_scores(term: Term) -> dict[int, float]:
            postings = self._postings.get(searcher, state, term.fieldname, term.text, term.boost)
            return dict(zip(postings.ids, postings.scores, strict=True))

        try:
            return evaluate(compiled, term_scores, searcher.reader().all_doc_ids)
        except Unsupported:
            return None

    def _select(self, query: SearchQuery, words: Node | None) -> _Selection:
        searcher = self._searcher()
        state = self._state(searcher)
        columns = self._columns(searcher, state)
        compiled = compile_words(words) if words is not None else Every()
        others = filter_query(query)
        base = And([compiled, others]) if others else compiled
        scored = self._scored(searcher, state, compiled) if words is not None else None
        if scored is None:
            matches = set(searcher.docs_for_query(base))
        else:
            matches = set(scored.docs)
            if others:
                matches.intersection_update(searcher.docs_for_query(others))
        passing = self._facet_filters(searcher, query, columns, matches)
        matched = set.intersection(matches, *passing.values()) if passing else matches
        return _Selection(searcher, columns, base, scored, matches, passing, matched)

    def answer(self, query: SearchQuery, words: Node | None, passes: list[CountingPass]) -> Answer:
        """Matches and scores from the fast path where it applies (else Whoosh's matchers and top-N search),
        facet counts from the columns."""
        selected = self._select(query, words)
        page = selected.ordered(query, query.offset + query.per_page)[query.offset:]
        return Answer(len(selected.matched), page,
                      count_facets(passes, selected.matches, selected.passing, selected.columns))

    def matching_ids(self, query: SearchQuery, words: Node | None, limit: int) -> list[int]:
        return [issue_id for issue_id, _ in self._select(query, words).ordered(query, limit)]

    def outcome_counts(self, query: SearchQuery, words: Node | None,
                       breakdowns: Sequence[Breakdown]) -> list[OutcomeCounts]:
        """The matches by outcome, and each breakdown's values by outcome: one search (breakdowns.py)."""
        selected = self._select(query, words)
        state = self._state(selected.searcher)
        if self._breakdown_cache[0] != state:
            self._breakdown_cache = (state, BreakdownColumns(selected.searcher.reader(), selected.columns))
        return [self._breakdown_cache[1].outcome_counts(selected.matched, b) for b in breakdowns]

    def similar(self, probe: Probe, limit: int) -> list[int]:
        if not probe.asks_anything:
            return []
        searcher = self._searcher()
        state = self._state(searcher)
        issue_id = self._columns(searcher, state).issue_id
        query = similar_query(searcher, probe)
        scored = self._scored(searcher, state, query)
        if scored is None:
            return [issue_id[hit.docnum] for hit in searcher.search(query, limit=limit, mask=excluded(probe))]
        others = set(scored.docs).difference(searcher.docs_for_query(excluded(probe)))
        return [issue_id[docnum] for docnum, _ in best(scored, others, limit)]


@dataclass
class _Selection:
    """One search's matches over one searcher: before the facet filters, each filter's, and after them all."""

    searcher: object
    columns: Columns
    base: Query  # the words and the non-facet filters
    scored: Scored | None  # the words' matches with their scores, when the fast path applies
    matches: set[int]  # documents matching `base`
    passing: dict[str, set[int]]  # filtered facet -> its matches passing its filter
    matched: set[int]  # documents passing every filter

    def ordered(self, query: SearchQuery, limit: int) -> list[tuple[int, float | None]]:
        """The first `limit` of `matched` in the search's order, as (issue id, score).

        Unless facet filters narrowed the matches, Whoosh's own top-N search
        runs unfiltered: it then skips blocks of postings that cannot make the top.
        """
        issue_id = self.columns.issue_id
        if query.effective_sort == SORT_RELEVANCE and self.scored is not None:
            return [(issue_id[d], score) for d, score in best(self.scored, self.matched, limit)]
        if query.effective_sort == SORT_RELEVANCE:
            top = self.searcher.search(self.base, limit=limit, filter=self.matched if self.passing else None)
            return [(issue_id[hit.docnum], hit.score) for hit in top]
        decision = self.columns.decision
        if query.effective_sort == SORT_OLDEST:
            order = heapq.nsmallest(limit, self.matched,
                                    key=lambda d: (decision[d] == UNKNOWN_DATE, decision[d], issue_id[d]))
        else:
            order = heapq.nlargest(limit, self.matched, key=lambda d: (decision[d], issue_id[d]))
        return [(issue_id[d], None) for d in order]
