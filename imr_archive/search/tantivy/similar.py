"""Similar items on Tantivy (search/similar.py's rule): one boolean query of constant-score terms and a
MoreLikeThis query over the diagnoses."""

from __future__ import annotations

from tantivy import Occur, Query

from imr_archive.search.similar import DIAGNOSIS_TERMS, SAME_TREATMENT, SHARED_PAGE, Probe
from imr_archive.search.tantivy.schema import schema


def similar_query(probe: Probe) -> Query:
    clauses: list[tuple[Occur, Query]] = [(Occur.MustNot, Query.term_query(schema(), "letter_id", probe.letter_id))]
    if probe.treatment:
        same = Query.term_query(schema(), "treatment_normalized", probe.treatment)
        clauses.append((Occur.Should, Query.const_score_query(same, SAME_TREATMENT)))
    for page in probe.pages:
        clauses.append((Occur.Should, Query.const_score_query(Query.term_query(schema(), "guideline_page", page),
                                                              SHARED_PAGE)))
    if probe.diagnoses:
        # The diagnoses' words, weighed against the whole archive's summaries: each word counts once
        # in the letter, so a single occurrence is enough; a word in fewer than two items tells nothing.
        words = Query.more_like_this_document_fields_query(
            schema(), {"summary": list(probe.diagnoses)}, min_doc_frequency=2, min_term_frequency=1,
            max_query_terms=DIAGNOSIS_TERMS)
        clauses.append((Occur.Should, words))
    return Query.boolean_query(clauses)
