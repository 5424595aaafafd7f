"""Outcome analytics from Tantivy's aggregations: one request for a search's breakdowns over every match.

The request counts the matches by outcome ("outcome") and, inside each
outcome, the values of each breakdown's fast field ("by0", "by1"...: a
terms aggregation, a range aggregation for age bands); a breakdown keeping
only its most frequent values has them counted outside, each with its
outcomes inside. The search's query is run once however many breakdowns
are asked. Each
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
OUTCOME = {"terms": {"field": "outcome", "size": 16}}  # more buckets than there are outcomes
TERMS_FIELDS = {"category": "category", "treatment": "treatment_normalized", "guideline": "guideline",
                "page": "guideline_page", "specialty": "specialty", "year": "year", "month": "month", "sex": "sex"}


def regex_text(text: str) -> str:
    """`text` as a regular expression matching it literally (every character but a letter or digit escaped)."""
    return "".join(ch if ch.isascii() and ch.isalnum() else f"\\x{{{ord(ch):X}}}" for ch in text)


def _values_request(breakdown: Breakdown, size: int) -> dict:
    """The aggregation of the breakdown's values (without its outcomes)."""
    if breakdown.field == "age":
        ranges = [{"key": band.key, **({"from": band.low} if band.low is not None else {}),
                   **({"to": band.high + 1} if band.high is not None else {})} for band in AGE_BANDS]
        return {"range": {"field": "age", "ranges": ranges}}
    terms: dict[str, object] = {"field": TERMS_FIELDS[breakdown.field], "size": size, "segment_size": EVERY_VALUE}
    if breakdown.field == "treatment" and breakdown.containing:
        terms["include"] = f".*{regex_text(breakdown.containing)}.*"
    return {"terms": terms}


def _by_outcome(bucket: dict) -> Counter[str]:
    return Counter({outcome["key"]: outcome["doc_count"] for outcome in bucket["outcome"]["buckets"]})


def _complete(breakdown: Breakdown, buckets: list[dict], size: int) -> bool:
    """Whether the buckets hold every value of the breakdown's first `limit`: ties at the limit's count may go
    past the buckets returned, so there must be one below it, or fewer buckets than asked."""
    limit = breakdown.limit
    return len(buckets) < size or buckets[-1]["doc_count"] < buckets[limit - 1]["doc_count"]


def _request(breakdowns: Sequence[Breakdown], sizes: dict[int, int]) -> dict:
    """Every value of an unlimited breakdown inside each outcome (a few outcome buckets to fill: cheaper than
    an outcome aggregation inside each of many values); a limited one's most frequent values, with their
    outcomes inside."""
    inside = {f"by{i}": _values_request(b, EVERY_VALUE) for i, b in enumerate(breakdowns) if b.limit is None}
    outer = {f"by{i}": {**_values_request(breakdowns[i], size), "aggs": {"outcome": OUTCOME}}
             for i, size in sizes.items()}
    return {"outcome": {**OUTCOME, "aggs": inside}, **outer}


def outcome_counts(searcher: tantivy.Searcher, matching: Query, breakdowns: Sequence[Breakdown]) -> list[OutcomeCounts]:
    """Every match by outcome, and for each breakdown its values by outcome (the `limit` most frequent ones)."""
    sizes = {i: b.limit * 2 for i, b in enumerate(breakdowns) if b.limit is not None}
    while True:
        found = searcher.aggregate(matching, _request(breakdowns, sizes))
        short = [i for i, size in sizes.items() if not _complete(breakdowns[i], found[f"by{i}"]["buckets"], size)]
        if not short:
            break
        for i in short:
            sizes[i] *= 4
    outcomes = found["outcome"]["buckets"]
    total = Counter({bucket["key"]: bucket["doc_count"] for bucket in outcomes})
    counted = []
    for i, breakdown in enumerate(breakdowns):
        values: dict[str, Counter[str]] = {}
        if breakdown.limit is None:
            for outcome in outcomes:
                for bucket in outcome[f"by{i}"]["buckets"]:
                    if bucket["doc_count"]:
                        value = stated(breakdown.field, str(bucket["key"]))
                        values.setdefault(value, Counter())[outcome["key"]] += bucket["doc_count"]
        else:
            values = {stated(breakdown.field, str(bucket["key"])): _by_outcome(bucket)
                      for bucket in found[f"by{i}"]["buckets"] if bucket["doc_count"]}
        counted.append(with_not_stated(breakdown, OutcomeCounts(total.copy(), most_items(values, breakdown.limit))))
    return counted
