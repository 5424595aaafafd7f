"""Similar items on Whoosh (search/similar.py's rule), from Whoosh's own query objects.

Whoosh's `Searcher.more_like` searches the key terms of one field alone;
the rule also asks for the same treatment and the cited pages. So the
diagnoses' key terms are picked as `more_like` picks them
(`key_terms_from_text`, the Bo1 model) and joined, each weighed by its
key-term weight, with constant-score terms for the treatment and each page.
"""

from __future__ import annotations

from whoosh.query import ConstantScoreQuery, NullQuery, Or, Query, Term

from imr_archive.search.similar import DIAGNOSIS_TERMS, SAME_TREATMENT, SHARED_PAGE, Probe


def similar_query(searcher, probe: Probe) -> Query:
    parts: list[Query] = []
    if probe.treatment:
        parts.append(ConstantScoreQuery(Term("treatment_normalized", probe.treatment), SAME_TREATMENT))
    parts.extend(ConstantScoreQuery(Term("guideline_page", page), SHARED_PAGE) for page in probe.pages)
    if probe.diagnoses:
        key_terms = searcher.key_terms_from_text("summary", "\n".join(probe.diagnoses), numterms=DIAGNOSIS_TERMS)
        parts.extend(Term("summary", word, boost=weight) for word, weight in key_terms)
    return Or(parts) if parts else NullQuery


def excluded(probe: Probe) -> Query:
    """The probe's own letter's items: never similar."""
    return Term("letter_id", str(probe.letter_id))
