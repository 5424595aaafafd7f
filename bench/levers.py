#!/usr/bin/env python
"""The Tantivy engine's levers, measured in one process on an archive's index: keep a lever only if it pays.

    python bench/levers.py ARCHIVE_VAR_DIR [--rounds 3]

Answers every query of bench/queries.py through the engine (no HTTP, no
snippets) in turn under each variant, rounds interleaved so a busy machine
slows every variant alike, and prints each query type's median and p95 ms:
  sequential      the page's top-N search, then each counting pass, one after the other
  parallel        the top-N search and the counting passes on threads side by side (Tantivy lets go of the GIL)
  one pass        all counting passes in one aggregation: filter aggregations under the words and
                  non-facet filters, so the words' postings are walked once for every count
  raw             bench/raw_tantivy.py: bare Tantivy doing the same work (the yardstick)
Needs Django settings for the archive (IMR_VAR_DIR, DATABASE_URL); reads only the index.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("var", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    os.environ.update(IMR_VAR_DIR=str(args.var.resolve()), DJANGO_SETTINGS_MODULE="imr_archive.settings",
                      IMR_SEARCH_BACKEND="tantivy")
    import django

    django.setup()
    from django.http import QueryDict
    from queries import query_types

    from imr_archive.search import service
    from imr_archive.search.facets import counting_passes
    from imr_archive.search.tantivy import backend as engine
    from imr_archive.web.filters import SearchFilterSet

    index = service.text_index()
    variants = {"sequential": {"parallel": False}, "parallel": {"parallel": True}}

    def one_pass(search, passes):
        """Every pass's counts from one aggregation: a filter aggregation per pass, under the shared matches."""
        shared = engine.search_query(search.words, search.others)
        aggregations = {}
        for n, (leave_out, facets) in enumerate(passes):
            filters = [facet_filter_string(search.query, facet) for facet in search.facet_filters
                       if facet != leave_out]
            aggregations[f"p{n}"] = {"filter": " AND ".join(filters) or "*", "aggs": {
                facet: {"terms": {"field": engine.FACET_FIELDS[facet], "size": engine.TERMS}} for facet in facets}}
        result = search.searcher.aggregate(shared, aggregations)
        return {facet: Counter({b["key"]: b["doc_count"] for b in result[f"p{n}"][facet]["buckets"]})
                for n, (_, facets) in enumerate(passes) for facet in facets}

    def facet_filter_string(query, facet):
        field = engine.FACET_FIELDS[facet]
        if facet == "guideline" and query.page is not None:
            return "(" + " OR ".join(f'guideline_page:"{slug}:{query.page}"' for slug in query.guideline) + ")"
        return "(" + " OR ".join(f'{field}:"{value}"' for value in getattr(query, facet)) + ")"

    def answer_one_pass(query, words, passes):
        search = engine._Search(index.folder.searcher(), query, words)
        futures = [engine._executor().submit(search.page, query.offset, query.per_page),
                   engine._executor().submit(one_pass, search, passes)]
        return [f.result() for f in futures]

    def queries_of(pages):
        found = []
        for page in pages:
            filterset = SearchFilterSet(QueryDict(urlencode(page)))
            assert filterset.is_valid(), filterset.errors
            query = filterset.search_query()
            if "page" in page:
                query = type(query)(**{**query.__dict__, "fixed": ("guideline",)})
            found.append(query)
        return found

    from raw_tantivy import RawSearch

    raw = RawSearch(args.var / "index")
    pages_of = query_types()
    types = {name: queries_of(pages) for name, pages in pages_of.items()}
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.rounds):
        for variant in [*variants, "one pass", "raw"]:
            for name, queries in types.items():
                for page, query in zip(pages_of[name], queries, strict=True):
                    if variant == "raw":
                        times.setdefault((variant, name), []).append(raw.timed_ms(page))
                        continue
                    query, reading = service._read(query)
                    passes = counting_passes(query)
                    started = time.perf_counter()
                    if variant == "one pass":
                        answer_one_pass(query, reading.node, passes)
                    else:
                        index.parallel = variants[variant]["parallel"]
                        index.answer(query, reading.node, passes)
                    times.setdefault((variant, name), []).append((time.perf_counter() - started) * 1000)
    print(f"{'query type':28s}" + "".join(f"{v:>22s}" for v in [*variants, "one pass", "raw"]))
    for name in types:
        cells = []
        for variant in [*variants, "one pass", "raw"]:
            found = times[(variant, name)]
            cells.append(f"{statistics.median(found):10.1f} /{statistics.quantiles(found, n=20)[-1]:7.1f}")
        print(f"{name:28s}" + "".join(f"{c:>22s}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
