"""The embedded full-text backend: a Whoosh index on disk, one document per Issue.

Every Whoosh call of the project lives in this module (whoosh-reloaded is no
longer developed; keeping it here keeps a swap cheap). Prose is indexed with
a stemming analyzer but not stored: snippets are highlighted from the text the
database holds. Facet fields are columns, so counting them does not read
stored documents. Searches without words never come here: the database
answers those (see service.py).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from whoosh import highlight, index, sorting
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.qparser import MultifieldParser
from whoosh.query import And, NumericRange, Or, Query, Term

from imr_archive.search.documents import IssueDocument
from imr_archive.search.query import FACETS, SORT_OLDEST, Hit, SearchQuery, SearchResults
from imr_archive.search.query_text import TEXT_FIELDS, QueryText, read_query
from imr_archive.search.snippets import plain_snippet

logger = logging.getLogger(__name__)

_PROSE = StemmingAnalyzer()
SCHEMA = Schema(
    issue_id=ID(stored=True, unique=True),
    letter_id=ID(stored=True),
    stamp=STORED(),
    treatment=TEXT(analyzer=_PROSE, field_boost=3.0),
    rationale=TEXT(analyzer=_PROSE),
    summary=TEXT(analyzer=_PROSE),
    guideline_text=TEXT(analyzer=_PROSE),
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
        "rationale": doc.rationale,
        "summary": doc.summary,
        "guideline_text": doc.guideline_text,
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


def filter_query(query: SearchQuery, exclude_facet: str | None = None) -> Query | None:
    """Whoosh filters of every filter of the query but `exclude_facet`'s own."""
    parts: list[Query | None] = []
    for facet in ("outcome", "category", "specialty"):
        values = getattr(query, facet)
        if values and facet != exclude_facet:
            parts.append(_any(facet, values))
    if query.year and exclude_facet != "year":
        parts.append(_any("year", [str(y) for y in query.year]))
    if query.guideline and exclude_facet != "guideline":
        if query.page is not None:
            parts.append(_any("guideline_page", [f"{slug}:{query.page}" for slug in query.guideline]))
        else:
            parts.append(_any("guideline", query.guideline))
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


def _count_facet(results, facet: str) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for value, count in results.groups(facet).items():
        if isinstance(value, bytes):
            value = value.decode("utf-8")
        # guideline_set holds several slugs: each counts the item once.
        for part in str(value).split() if facet == "guideline" else [value]:
            if part:
                counts[part] += count
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


class WhooshBackend:
    """Index and search Issue documents in a Whoosh index folder."""

    def __init__(self, index_dir: Path, lock_timeout: float = 60.0) -> None:
        self.index_dir = Path(index_dir)
        self.lock_timeout = lock_timeout
        self._index: index.Index | None = None
        self._parser = MultifieldParser(list(TEXT_FIELDS), SCHEMA, fieldboosts={"treatment": 3.0})

    # -- the index on disk ------------------------------------------------

    def _open(self) -> index.Index:
        if self._index is None:
            self.index_dir.mkdir(parents=True, exist_ok=True)
            if index.exists_in(str(self.index_dir)):
                self._index = index.open_dir(str(self.index_dir))
            else:
                self._index = index.create_in(str(self.index_dir), SCHEMA)
        return self._index

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

    def clear(self) -> None:
        self._open()
        self._index = index.create_in(str(self.index_dir), SCHEMA)

    def indexed_stamps(self) -> dict[int, tuple[int, str]]:
        """issue id -> (letter id, stamp) of every document in the index."""
        with self._open().searcher() as searcher:
            return {int(f["issue_id"]): (int(f["letter_id"]), f["stamp"]) for f in searcher.all_stored_fields()}

    # -- searching --------------------------------------------------------

    def search(self, query: SearchQuery, texts: Callable[[list[int]], dict[int, list[str]]]) -> SearchResults:
        """Answer a search with words.

        `texts` gives each hit's texts from the database (rationale first): the
        snippet comes from the first one where a matched word occurs.
        """
        read: QueryText = read_query(query.q)
        words = self._parser.parse(read.text)
        notes = list(read.notes)
        ix = self._open()
        with ix.searcher() as searcher:
            filters = filter_query(query)
            active = {f for f in FACETS if getattr(query, f)}
            grouped = {f: sorting.FieldFacet(COLUMN_FACETS[f], maptype=sorting.Count)
                       for f in FACETS if f not in active}
            sort_kwargs = {}
            if query.effective_sort != "relevance":
                sort_kwargs = {"sortedby": "decision", "reverse": query.effective_sort != SORT_OLDEST}
            results = searcher.search(
                And([words, filters]) if filters else words,
                limit=query.offset + query.per_page,
                groupedby=grouped or None,
                terms=True,
                **sort_kwargs,
            )
            facets = {f: _count_facet(results, f) for f in grouped}
            for facet in active:
                others = filter_query(query, exclude_facet=facet)
                counted = searcher.search(
                    And([words, others]) if others else words, limit=1,
                    groupedby={facet: sorting.FieldFacet(COLUMN_FACETS[facet], maptype=sorting.Count)},
                )
                facets[facet] = _count_facet(counted, facet)
            page = results[query.offset: query.offset + query.per_page]
            ids = [int(hit["issue_id"]) for hit in page]
            hit_texts = texts(ids)
            terms = {t.decode("utf-8") if isinstance(t, bytes) else t
                     for name, t in results.matched_terms() if name in TEXT_FIELDS}
            hits = [Hit(issue_id=issue_id, score=hit.score, snippet=_snippet(hit_texts.get(issue_id, []), terms))
                    for issue_id, hit in zip(ids, page, strict=True)]
            return SearchResults(hits=hits, total=len(results),
                                 facets={f: facets[f] for f in FACETS}, notes=notes)


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
