"""The embedded full-text backend: a Whoosh index on disk, one document per Issue.

Every Whoosh call of the project lives in this module (whoosh-reloaded is no
longer developed; keeping it here keeps a swap cheap). Prose is indexed with
a stemming analyzer but not stored: snippets are highlighted from the text the
database holds. Facet fields are columns, so counting them does not read
stored documents. Searches without words never come here: the database
answers those (see service.py).
"""

from __future__ import annotations

import heapq
import logging
import os
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from whoosh import collectors, highlight, index, writing
from whoosh.analysis import BiWordFilter, StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.qparser import MultifieldParser
from whoosh.query import And, NumericRange, Or, Phrase, Query, Term

from imr_archive.search.documents import IssueDocument, documents_for_letters
from imr_archive.search.query import FACETS, SORT_OLDEST, SORT_RELEVANCE, Hit, SearchQuery, SearchResults
from imr_archive.search.query_text import TEXT_FIELDS, QueryText, read_query
from imr_archive.search.snippets import plain_snippet

logger = logging.getLogger(__name__)

_PROSE = StemmingAnalyzer()
SCHEMA = Schema(
    issue_id=ID(stored=True, unique=True),
    letter_id=ID(stored=True),
    stamp=STORED(),
    treatment=TEXT(analyzer=_PROSE, field_boost=3.0),
    # Everything else an item says: rationale, guideline lines, case summary and diagnoses.
    # Searching two fields (treatment, text) instead of four halves the postings read per word.
    text=TEXT(analyzer=_PROSE),
    summary=TEXT(analyzer=_PROSE),
    guideline_text=TEXT(analyzer=_PROSE),
    # Adjacent word pairs ("function-improv"): a phrase is a few term lookups instead of
    # a position check of every candidate, which Whoosh does slowly in Python.
    pairs=TEXT(analyzer=_PROSE | BiWordFilter(), phrase=False),
    case_number=ID,  # indexed lower-case
    treatment_normalized=ID,
    outcome=ID(sortable=True),
    category=ID(sortable=True),
    specialty=ID(sortable=True),
    year=ID(sortable=True),
    guideline=KEYWORD,
    # The set of cited guidelines as one value, so the guideline facet is a
    # column count (a few combinations) instead of a walk over postings.
    guideline_set=ID(sortable=True),
    guideline_page=KEYWORD,
    mtus=ID,
    decision=NUMERIC(int, bits=32, sortable=True),
    injury=NUMERIC(int, bits=32),
    sex=ID,
    age=NUMERIC(int, bits=32),
)
DEFAULT_FIELDS = ("treatment", "text")
COLUMN_FACETS = {"outcome": "outcome", "category": "category", "specialty": "specialty", "year": "year",
                 "guideline": "guideline_set"}
UNKNOWN_DATE = 0


def _day(value: date | None) -> int:
    return value.year * 10000 + value.month * 100 + value.day if value else UNKNOWN_DATE


def _fields(doc: IssueDocument) -> dict:
    fields = {
        "issue_id": str(doc.issue_id),
        "letter_id": str(doc.letter_id),
        "stamp": doc.stamp,
        "treatment": doc.treatment,
        "text": "\n".join([doc.rationale, doc.guideline_text, doc.summary]),
        "summary": doc.summary,
        "guideline_text": doc.guideline_text,
        "pairs": "\n".join([doc.treatment, doc.rationale, doc.guideline_text, doc.summary]),
        "case_number": doc.case_number.lower(),
        "treatment_normalized": doc.treatment_normalized,
        "outcome": doc.outcome,
        "category": doc.category,
        "specialty": doc.specialty,
        "year": str(doc.decision.year) if doc.decision else "",
        "guideline": " ".join(doc.guidelines),
        "guideline_set": " ".join(doc.guidelines),
        "guideline_page": " ".join(doc.guideline_pages),
        "mtus": "yes" if doc.mtus else "no",
        "decision": _day(doc.decision),
        "injury": _day(doc.injury),
        "sex": doc.sex,
    }
    if doc.age is not None:
        fields["age"] = doc.age
    return {name: value for name, value in fields.items() if value != ""}


def _any(field: str, values: Iterable[str]) -> Query:
    return Or([Term(field, value) for value in values])


def _range(field: str, start: date | None, end: date | None) -> Query | None:
    if start is None and end is None:
        return None
    return NumericRange(field, _day(start) if start else 1, _day(end) if end else None)


def filter_query(query: SearchQuery) -> Query | None:
    """The query's filters but the facets' as a Whoosh query (facet filters are `_facet_tests`)."""
    parts: list[Query | None] = []
    if query.treatment:
        parts.append(_any("treatment_normalized", query.treatment))
    if query.mtus is not None:
        parts.append(Term("mtus", "yes" if query.mtus else "no"))
    parts.append(_range("decision", query.decision_from, query.decision_to))
    parts.append(_range("injury", query.injury_from, query.injury_to))
    if query.sex:
        parts.append(Term("sex", query.sex))
    if query.age_min is not None or query.age_max is not None:
        parts.append(NumericRange("age", query.age_min, query.age_max))
    if query.case_number:
        parts.append(Term("case_number", query.case_number.lower()))
    if query.letter_id is not None:
        parts.append(Term("letter_id", str(query.letter_id)))
    present = [p for p in parts if p is not None]
    return And(present) if present else None


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
                writer.add_document(**_fields(doc))
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
                    writer.add_document(**_fields(doc))
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
                values = [v.decode("utf-8") if isinstance(v, bytes) else v for v in _column(reader, field, "")]
                columns[facet] = [tuple(v.split()) for v in values] if facet == "guideline" else values
            columns["decision"] = _column(reader, "decision", UNKNOWN_DATE)
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
                _any("guideline_page", [f"{slug}:{query.page}" for slug in query.guideline])))
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
        words = parsed.accept(_phrase_as_pairs)
        searcher = self._searcher()
        columns = self._columns(searcher)
        others = filter_query(query)
        base = And([words, others]) if others else words
        counter = FacetCounter(self._facet_tests(searcher, query, columns), columns)
        wanted = query.offset + query.per_page
        if query.effective_sort == SORT_RELEVANCE:
            # One pass: the collector counts every match and scores only those passing every filter.
            collector = _CountingTopCollector(counter, limit=wanted)
            searcher.search_with_collector(base, collector)
            page = [(hit.docnum, hit.score) for hit in collector.results()][query.offset:]
        else:
            for docnum in searcher.docs_for_query(base):
                counter.add(docnum)
            decision = columns["decision"]
            if query.effective_sort == SORT_OLDEST:
                order = heapq.nsmallest(wanted, counter.matched,
                                        key=lambda d: (decision[d] == UNKNOWN_DATE, decision[d], d))
            else:
                order = heapq.nlargest(wanted, counter.matched, key=lambda d: (decision[d], d))
            page = [(docnum, None) for docnum in order[query.offset:]]
        ids = [int(searcher.stored_fields(docnum)["issue_id"]) for docnum, _ in page]
        hit_texts = texts(ids)
        hits = [Hit(issue_id=issue_id, score=score, snippet=_snippet(hit_texts.get(issue_id, []), terms))
                for issue_id, (_, score) in zip(ids, page, strict=True)]
        return SearchResults(hits=hits, total=len(counter.matched), facets=counter.facets(), notes=list(read.notes))


def _phrase_as_pairs(node: Query) -> Query:
    """An unfielded phrase (the parser's Or of one Phrase per default field) as word-pair terms."""
    if isinstance(node, Or) and node.subqueries and all(isinstance(q, Phrase) for q in node.subqueries):
        fields = {q.fieldname for q in node.subqueries}
        words = node.subqueries[0].words
        if fields == set(DEFAULT_FIELDS) and all(q.words == words for q in node.subqueries) and len(words) > 1:
            return And([Term("pairs", f"{a}-{b}") for a, b in zip(words, words[1:], strict=False)])
    return node


def _column(reader, field: str, default: object) -> list:
    """A column's values by document number across segments.

    A segment where no document has the field has no column at all: its
    documents get `default`, so positions stay document numbers.
    """
    values: list = []
    for leaf, _ in reader.leaf_readers():
        column = list(leaf.column_reader(field)) if leaf.has_column(field) else []
        size = leaf.doc_count_all()
        values.extend(column[:size] + [default] * (size - len(column)))
    return values


class FacetCounter:
    """Counts facet values over every match, and keeps the matches passing every filter.

    The standard multi-select rule: a document counts towards a facet when it
    passes every other facet's filter, whether or not it passes that facet's own.
    """

    def __init__(self, tests: dict[str, Callable[[int], bool]], columns: dict[str, list]) -> None:
        self.tests = list(tests.items())
        self.columns = columns
        self.counts: dict[str, Counter[str]] = {facet: Counter() for facet in FACETS}
        self.matched: list[int] = []

    def add(self, docnum: int) -> bool:
        """Count one matching document; True when it passes every filter."""
        failed = [facet for facet, passes in self.tests if not passes(docnum)]
        if len(failed) > 1:
            return False
        for facet in failed or FACETS:
            value = self.columns[facet][docnum]
            self.counts[facet].update(value if facet == "guideline" else (value,))
        if failed:
            return False
        self.matched.append(docnum)
        return True

    def facets(self) -> dict[str, list[tuple[str, int]]]:
        return {facet: sorted(((v, n) for v, n in counter.items() if v), key=lambda item: (-item[1], item[0]))
                for facet, counter in self.counts.items()}


class _CountingTopCollector(collectors.TopCollector):
    """Whoosh's top-N collector that first hands each match to a FacetCounter.

    Documents failing a filter are counted for the facets but never scored.
    """

    def __init__(self, counter: FacetCounter, limit: int) -> None:
        super().__init__(limit=limit, usequality=False)
        self.counter = counter

    def collect(self, sub_docnum: int):
        if self.counter.add(self.offset + sub_docnum):
            return super().collect(sub_docnum)
        return None


class _MarkFormatter(highlight.HtmlFormatter):
    """Matched words in a bare <mark>; the text around them escaped by HtmlFormatter."""

    def format_token(self, text, token, replace=False):
        return f"<mark>{self._text(highlight.get_text(text, token, replace))}</mark>"


_MARK = _MarkFormatter(between=" … ")


def _snippet(texts: list[str], terms: set[str]) -> str:
    """Fragments of the first text holding a matched word, escaped, the words in <mark>."""
    for text in texts:
        marked = highlight.highlight(text, terms, _PROSE, highlight.ContextFragmenter(maxchars=240, surround=60),
                                     _MARK, top=2)
        if marked:
            return marked
    return plain_snippet(texts[0] if texts else "")
