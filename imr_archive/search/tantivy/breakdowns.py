"""Outcome analytics from Tantivy's aggregations: one request per breakdown over every match.

The request counts the matches by outcome ("all") and the values of the
breakdown's fast field ("by": a terms aggregation, a range aggregation for
age bands) each with an outcome terms aggregation inside. Each segment
reports every value (segment_size), so the counts are exact, not the
per-segment estimates a terms aggregation gives by default.
"""

from __future__ import annotations

from collections import Counter

import tantivy
from tantivy import Occur, Query

from imr_archive.search.breakdowns import AGE_BANDS, Breakdown, OutcomeCounts, most_items, stated, with_not_stated
from imr_archive.search.tantivy.schema import schema

EVERY_VALUE = 1_000_000  # a segment holds fewer distinct values of any field than this
OUTCOMES = 16  # buckets of the outcome aggregation: more than there are outcomes
TERMS_FIELDS = {"category": "category", "treatment": "treatment_normalized", "guideline": "guideline",
                "page": "guideline_page", "specialty": "specialty", "year": "year", "month": "month", "sex": "sex"}


def regex_text(text: str) -> str:
    """`text` as a regular expression matching it literally (every character but a letter or digit escaped)."""
    return "".join(ch if ch.isascii() and ch.isalnum() else f"\\x{{{ord(ch):X}}}" for ch in text)


def _values_request(breakdown: Breakdown, size: int) -> dict:
    outcome = {"outcome": {"terms": {"field": "outcome", "size": OUTCOMES}}}
    if breakdown.field == "age":
        ranges = [{"key": band.key, **({"from": band.low} if band.low is not None else {}),
                   **({"to": band.high + 1} if band.high is not None else {})} for band in AGE_BANDS]
        return {"range": {"field": "age", "ranges": ranges}, "aggs": outcome}
    terms: dict[str, object] = {"field": TERMS_FIELDS[breakdown.field], "size": size, "segment_size": EVERY_VALUE}
    if breakdown.field == "page":
        terms["include"] = regex_text(f"{breakdown.guideline}:") + ".*"
    elif breakdown.field == "treatment" and breakdown.containing:
        terms["include"] = f".*{regex_text(breakdown.containing)}.*"
    return {"terms": terms, "aggs": outcome}


def _narrowed(matching: Query, breakdown: Breakdown) -> Query:
    """The matches the breakdown counts values of: those citing its guideline, or decided in its year."""
    if breakdown.field == "page":
        term = Query.term_query(schema(), "guideline", breakdown.guideline)
    elif breakdown.field == "month":
        term = Query.term_query(schema(), "year", str(breakdown.year))
    else:
        return matching
    return Query.boolean_query([(Occur.Must, matching), (Occur.Must, Query.const_score_query(term, 0.0))])


def _outcomes(bucket: dict) -> Counter[str]:
    return Counter({outcome["key"]: outcome["doc_count"] for outcome in bucket["outcome"]["buckets"]})


def _value(breakdown: Breakdown, key: object) -> str:
    return str(key).split(":", 1)[1] if breakdown.field == "page" else stated(breakdown.field, str(key))


def outcome_counts(searcher: tantivy.Searcher, matching: Query, breakdown: Breakdown) -> OutcomeCounts:
    """Every match by outcome, and each value of the breakdown by outcome (the `limit` most frequent ones)."""
    limit = breakdown.limit
    size = EVERY_VALUE if limit is None else limit * 2
    narrowed = _narrowed(matching, breakdown)
    every_outcome = {"terms": {"field": "outcome", "size": OUTCOMES}}
    while True:
        if narrowed is matching:
            found = searcher.aggregate(matching, {"outcome": every_outcome, "by": _values_request(breakdown, size)})
            total = _outcomes(found)
        else:  # the values are counted over fewer matches than the total
            found = searcher.aggregate(narrowed, {"by": _values_request(breakdown, size)})
            total = _outcomes(searcher.aggregate(matching, {"outcome": every_outcome}))
        buckets = found["by"]["buckets"]
        # Ties at the limit's count may go past the buckets returned: ask for more until one falls below it.
        if limit is None or len(buckets) < size or buckets[-1]["doc_count"] < buckets[limit - 1]["doc_count"]:
            break
        size *= 4
    values = {_value(breakdown, bucket["key"]): _outcomes(bucket) for bucket in buckets if bucket["doc_count"]}
    return with_not_stated(breakdown, OutcomeCounts(total, most_items(values, limit)))
