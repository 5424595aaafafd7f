"""The Whoosh index on disk: writing documents, and answering searches with words."""

from __future__ import annotations

import heapq
import os
import threading
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from whoosh import index, writing
from whoosh.qparser import MultifieldParser
from whoosh.query import And, Query, Term

from imr_archive.child_processes import children_die_with_this_process
from imr_archive.search.documents import IssueDocument, documents_for_letters
from imr_archive.search.errors import IndexBusy
from imr_archive.search.query import FACETS, NO_YEAR, SORT_OLDEST, SORT_RELEVANCE, Hit, SearchQuery, SearchResults
from imr_archive.search.query_text import TEXT_FIELDS, QueryText, read_query
from imr_archive.search.whoosh.columns import Columns
from imr_archive.search.whoosh.counting import count_facets
from imr_archive.search.whoosh.highlighting import snippet, whole_text_marked
from imr_archive.search.whoosh.postings import PostingsCache
from imr_archive.search.whoosh.ranking import Scored, Unsupported, best, evaluate
from imr_archive.search.whoosh.schema import (
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
        self._column_cache: tuple[tuple, Columns | None] = ((), None)
        self._postings = PostingsCache()
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
        index shows the new letters once the run ends. The writer's processes
        die with this one, however it ends, and never keep the index lock.
        """
        cores = max(1, min(os.cpu_count() or 1, 4))
        with children_die_with_this_process():
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
                holding = (columns.holding(facet, NO_YEAR if value is None else str(value))
                           for value in getattr(query, facet))
                passing[facet] = matches.intersection(chain.from_iterable(holding))
        if query.guideline and (query.page is not None or query.chapter):
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

    def _evaluate(self, searcher, state: tuple, words: Query) -> Scored:
        """The documents `words` matches, scored lazily; Unsupported for nodes only Whoosh scores."""
        def term_scores(term: Term) -> dict[int, float]:
            postings = self._postings.get(searcher, state, term.fieldname, term.text, term.boost)
            return dict(zip(postings.ids, postings.scores, strict=True))

        return evaluate(words, term_scores, searcher.reader().all_doc_ids)

    @staticmethod
    def _terms(parsed: Query) -> set[str]:
        return {text.decode("utf-8") if isinstance(text, bytes) else text
                for field, text in parsed.iter_all_terms() if field in TEXT_FIELDS}

    def marked(self, text: str, q: str) -> str:
        """`text` escaped, the words `q` searches for in <mark>: empty when it holds none of them."""
        return whole_text_marked(text, self._terms(self._parser.parse(read_query(q).text)))

    def search(self, query: SearchQuery, texts: Callable[[list[int]], dict[int, list[str]]]) -> SearchResults:
        """Answer a search with words.

        Matches and scores come from scored postings (ranking.py). A query
        holding a node ranking.py does not score (a phrase within one field,
        a prefix) is matched by docs_for_query and ranked by Whoosh's own
        top-N search; its counts never come from that search's collector,
        which may replace its matcher and drop matches. `texts` gives each
        hit's texts from the database (rationale first): the snippet comes
        from the first one where a matched word occurs.
        """
        read: QueryText = read_query(query.q)
        parsed = self._parser.parse(read.text)
        terms = self._terms(parsed)
        words = parsed.accept(phrase_as_pairs)
        searcher = self._searcher()
        state = self._state(searcher)
        columns = self._columns(searcher, state)
        others = filter_query(query)
        base = And([words, others]) if others else words
        try:
            scored: Scored | None = self._evaluate(searcher, state, words)
            matches: Collection[int] = scored.docs & set(searcher.docs_for_query(others)) if others else scored.docs
        except Unsupported:
            scored, matches = None, list(searcher.docs_for_query(base))
        passing: dict[str, set[int]] = {}
        if any(getattr(query, facet) for facet in FACETS):
            passing = self._facet_filters(searcher, query, columns,
                                          matches if isinstance(matches, set) else set(matches))
        matched, facets = count_facets(matches, passing, columns)
        wanted = query.offset + query.per_page
        if query.effective_sort == SORT_RELEVANCE and scored is not None:
            page: list[tuple[int, float | None]] = best(scored, matched, wanted)[query.offset:]
        elif query.effective_sort == SORT_RELEVANCE:
            # Whoosh's own top-N search, with its shortcuts: counting is already done.
            top = searcher.search(base, limit=wanted, filter=matched if passing else None)
            page = [(hit.docnum, hit.score) for hit in top][query.offset:]
        else:
            decision = columns.decision
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
