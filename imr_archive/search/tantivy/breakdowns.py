"""Outcome analytics from Tantivy's aggregations: one request for a search's breakdowns over every match.

The request counts the matches by outcome ("outcome") and the values of
each breakdown's fast field ("by0", "by1"...: a terms aggregation, a range
aggregation for age bands) each with an outcome terms aggregation inside,
so the search's query is run once however many breakdowns are asked. Each
segment reports every value (segment_size), so the counts are exact, not
the per-segment estimates a terms aggregation gives by default.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import tantivy
from tantivy import Query

from imr_archive.search.breakdowns import AGE_BANDS, Breakdown, OutcomeCounts, most_items, stated, with_not_stated

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
    if breakdown.field == "treatment" and breakdown.containing:
        terms["include"] = f".*{regex_text(breakdown.containing)}.*"
    return {"terms": terms, "aggs": outcome}


def _outcomes(bucket: dict) -> Counter[str]:
    return Counter({outcome["key"]: outcome["doc_count"] for outcome in bucket["outcome"]["buckets"]})


def _complete(breakdown: Breakdown, buckets: list[dict], size: int) -> bool:
    """Whether the buckets hold every value of the breakdown's first `limit`: ties at the limit's count may go
    past the buckets returned, so there must be one below it, or fewer buckets than asked."""
    limit = breakdown.limit
    return limit is None or len(buckets) < size or buckets[-1]["doc_count"] < buckets[limit - 1]["doc_count"]


def outcome_counts(searcher: tantivy.Searcher, matching: Query, breakdowns: Sequence[Breakdown]) -> list[OutcomeCounts]:
    """Every match by outcome, and for each breakdown its values by outcome (the `limit` most frequent ones)."""
    sizes = [EVERY_VALUE if b.limit is None else b.limit * 2 for b in breakdowns]
    while True:
        request = {f"by{i}": _values_request(b, sizes[i]) for i, b in enumerate(breakdowns)}
        found = searcher.aggregate(matching, {"outcome": {"terms": {"field": "outcome", "size": OUTCOMES}}, **request})
        short = [i for i, b in enumerate(breakdowns) if not _complete(b, found[f"by{i}"]["buckets"], sizes[i])]
        if not short:
            break
        for i in short:
            sizes[i] *= 4
    total = _outcomes(found)
    counted = []
    for i, breakdown in enumerate(breakdowns):
        values = {stated(breakdown.field, str(bucket["key"])): _outcomes(bucket)
                  for bucket in found[f"by{i}"]["buckets"] if bucket["doc_count"]}
        counted.append(with_not_stated(breakdown, OutcomeCounts(total.copy(), most_items(values, breakdown.limit))))
    return counted
