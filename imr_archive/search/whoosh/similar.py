"""Similar items on Whoosh (search/similar.py's rule), from Whoosh's own query objects.

Whoosh's `Searcher.more_like` searches the key terms of one field alone;
the rule also asks for the same treatment and the cited pages. So the
diagnoses' key terms are picked as `more_like` picks them
(`key_terms_from_text`, the Bo1 model) and joined, each weighed by its
key-term weight, with terms of the treatment and each page. Those fields
are unscored (ID, KEYWORD): Whoosh scores their term by its weight, 1,
times the boost, so each adds a constant, as Tantivy's constant-score
queries do. The query is of terms and one OR: the backend's fast path
(ranking.py) scores it from cached postings.
"""

from __future__ import annotations

from whoosh.query import NullQuery, Or, Query, Term

from imr_archive.search.similar import DIAGNOSIS_TERMS, SAME_TREATMENT, SHARED_PAGE, Probe


def similar_query(searcher, probe: Probe) -> Query:
    parts: list[Query] = []
    if probe.treatment:
        parts.append(Term("treatment_normalized", probe.treatment, boost=SAME_TREATMENT))
    parts.extend(Term("guideline_page", page, boost=SHARED_PAGE) for page in probe.pages)
    if probe.diagnoses:
        key_terms = searcher.key_terms_from_text("summary", "\n".join(probe.diagnoses), numterms=DIAGNOSIS_TERMS)
        parts.extend(Term("summary", word, boost=weight) for word, weight in key_terms)
    return Or(parts) if parts else NullQuery


def excluded(probe: Probe) -> Query:
    """The probe's own letter's items: never similar."""
    return Term("letter_id", str(probe.letter_id))
