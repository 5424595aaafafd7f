"""The query language's tree and a search's filters as Tantivy query objects; never Tantivy's own parser.

Words are analyzed by the project's analyzer (the index holds its stems) and
looked up as terms; a phrase is a phrase query at the positions the analyzer
gives. Filters score nothing (a constant 0), so relevance is the words' alone.
"""

from __future__ import annotations

import re

from tantivy import FieldType, Occur, Query

from imr_archive.search import query_syntax as syntax
from imr_archive.search.analysis import phrase_terms
from imr_archive.search.query import NO_YEAR, SearchQuery
from imr_archive.search.query_text import DEFAULT_FIELDS
from imr_archive.search.tantivy.schema import FACET_FIELDS, day, schema


def _fields(field: str | None) -> dict[str, float]:
    return {field: 1.0} if field else DEFAULT_FIELDS


def _any(queries: list[Query]) -> Query:
    return queries[0] if len(queries) == 1 else Query.boolean_query([(Occur.Should, q) for q in queries])


def _boosted(query: Query, boost: float) -> Query:
    return query if boost == 1.0 else Query.boost_query(query, boost)


def _words(node: syntax.Words) -> Query:
    terms = phrase_terms(node.words)
    if not terms:
        return Query.empty_query()
    if len(terms) == 1:
        return _any([_boosted(Query.term_query(schema(), f, terms[0][1]), b) for f, b in _fields(node.field).items()])
    return _any([_boosted(Query.phrase_query(schema(), f, terms), b) for f, b in _fields(node.field).items()])


def _prefix(node: syntax.Prefix) -> Query:
    pattern = re.escape(node.prefix) + ".*"
    return _any([_boosted(Query.regex_query(schema(), f, pattern), b) for f, b in _fields(node.field).items()])


def compile_words(node: syntax.Node) -> Query:
    """The Tantivy query matching what `node` matches (depth bounded by query_syntax.MAX_DEPTH)."""
    if isinstance(node, syntax.Words):
        return _words(node)
    if isinstance(node, syntax.Prefix):
        return _prefix(node)
    if isinstance(node, syntax.Exact):
        return Query.term_query(schema(), node.field, node.value)
    if isinstance(node, syntax.Not):
        return Query.boolean_query([(Occur.Must, Query.all_query()), (Occur.MustNot, compile_words(node.node))])
    if isinstance(node, syntax.All):
        clauses = [(Occur.MustNot, compile_words(n.node)) if isinstance(n, syntax.Not) else
                   (Occur.Must, compile_words(n)) for n in node.nodes]
        if all(occur == Occur.MustNot for occur, _ in clauses):
            clauses.insert(0, (Occur.Must, Query.all_query()))
        return Query.boolean_query(clauses)
    return _any([compile_words(n) for n in node.nodes])


def _filter(query: Query) -> tuple[Occur, Query]:
    return Occur.Must, Query.const_score_query(query, 0.0)


def _range(field: str, low: int | None, high: int | None) -> Query:
    return Query.range_query(schema(), field, FieldType.Integer, low, high)


def facet_filter(query: SearchQuery, facet: str) -> Query:
    """The items passing the search's filter on `facet` (its values combined with OR).

    A guideline's page and chapter narrow it: the item cites the page, and the chapter, of the guideline.
    """
    if facet == "guideline" and (query.page is not None or query.chapter):
        citing = []
        if query.page is not None:
            citing.append(Query.term_set_query(schema(), "guideline_page",
                                               [f"{slug}:{query.page}" for slug in query.guideline]))
        if query.chapter:
            citing.append(Query.term_set_query(schema(), "guideline_chapter",
                                               [f"{slug}:{query.chapter}" for slug in query.guideline]))
        return citing[0] if len(citing) == 1 else Query.boolean_query([(Occur.Must, q) for q in citing])
    return Query.term_set_query(schema(), FACET_FIELDS[facet], [NO_YEAR if value is None else str(value)
                                                                for value in getattr(query, facet)])


def other_filters(query: SearchQuery) -> list[Query]:
    """The search's filters that are not facets."""
    found: list[Query] = []
    if query.treatment:
        found.append(Query.term_set_query(schema(), "treatment_normalized", list(query.treatment)))
    if query.mtus is not None:
        found.append(Query.term_query(schema(), "mtus", "yes" if query.mtus else "no"))
    for field, start, end in (("decision", query.decision_from, query.decision_to),
                              ("injury", query.injury_from, query.injury_to)):
        if start or end:
            found.append(_range(field, day(start) if start else None, day(end) if end else None))
    if query.sex:
        found.append(Query.term_query(schema(), "sex", query.sex))
    if query.age_min is not None or query.age_max is not None:
        found.append(_range("age", query.age_min, query.age_max))
    if query.case_number:  # a case number or its beginning
        found.append(Query.regex_query(schema(), "case_number", re.escape(query.case_number.lower()) + ".*"))
    if query.letter_id is not None:
        found.append(Query.term_query(schema(), "letter_id", query.letter_id))
    return found


def search_query(words: Query | None, filters: list[Query]) -> Query:
    """The words (None: every item) and every filter."""
    if not filters:
        return words if words is not None else Query.all_query()
    clauses = [_filter(f) for f in filters]
    if words is not None:
        clauses.insert(0, (Occur.Must, words))
    return Query.boolean_query(clauses)
