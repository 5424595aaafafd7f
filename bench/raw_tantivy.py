#!/usr/bin/env python
"""Bare Tantivy doing a search page's work, in one process: what the engine costs without the archive around it.

    python bench/raw_tantivy.py INDEX_DIR [--runs 40]

For each query of bench/queries.py, against the archive's own Tantivy index
folder: the top 20 (by score; without words by the newest or oldest key),
the exact total and the five facet counts over all matches, a filtered facet
counted without its own filter and a guideline page's guideline not counted,
as the page does. No Django, no database, no HTML: tantivy calls one after
the other, the query built by hand from the index's field names and the
project's analyzer (which the index needs to be opened with). Prints one
JSON object: per query type, median and p95 ms. bench/measure_stack.py
imports `RawSearch` to time it beside the pages in the same run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import tantivy
from queries import query_types
from tantivy import Occur, Order, Query

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from imr_archive.search.analysis import PROSE, analyze, prose_analyzer  # noqa: E402 - after the path
from imr_archive.search.query_text import DEFAULT_FIELDS  # noqa: E402 - the fields a word is looked for in

FACETS = {"outcome": "outcome", "category": "category", "guideline": "guideline", "specialty": "specialty",
          "year": "year"}


class RawSearch:
    def __init__(self, index_dir: Path) -> None:
        self.index = tantivy.Index.open(str(index_dir))
        self.index.register_tokenizer(PROSE, prose_analyzer())
        self.schema = self.index.schema
        self.searcher = self.index.searcher()

    def words(self, q: str) -> Query | None:
        if not q:
            return None
        if q.startswith('"'):
            terms = analyze(q.strip('"'))
            return Query.boolean_query([(Occur.Should, Query.boost_query(Query.phrase_query(self.schema, f, terms), b))
                                        for f, b in DEFAULT_FIELDS.items()])
        return Query.boolean_query([(Occur.Must, Query.boolean_query([
            (Occur.Should, Query.boost_query(Query.term_query(self.schema, f, term), b))
            for f, b in DEFAULT_FIELDS.items()])) for term in analyze(q)])

    def answer(self, page: dict[str, str]) -> int:
        """The page's top 20, total and facet counts; returns the total."""
        filters = {facet: Query.term_set_query(self.schema, field, [page[facet]])
                   for facet, field in FACETS.items() if facet in page and facet != "guideline"}
        if "page" in page:
            filters["guideline"] = Query.term_set_query(self.schema, "guideline_page",
                                                        [f"{page['guideline']}:{page['page']}"])
        elif "guideline" in page:
            filters["guideline"] = Query.term_set_query(self.schema, "guideline", [page["guideline"]])
        words = self.words(page.get("q", ""))

        def matching(leave_out: str | None) -> Query:
            clauses = [(Occur.Must, Query.const_score_query(f, 0.0)) for facet, f in filters.items()
                       if facet != leave_out]
            if words is not None:
                clauses.append((Occur.Must, words))
            return Query.boolean_query(clauses) if clauses else Query.all_query()

        offset = (int(page.get("p", "1")) - 1) * 20
        if words is not None:
            found = self.searcher.search(matching(None), 20, offset=offset)
        elif page.get("sort") == "oldest":
            found = self.searcher.search(matching(None), 20, offset=offset, order_by_field="oldest",
                                         order=Order.Asc)
        else:
            found = self.searcher.search(matching(None), 20, offset=offset, order_by_field="newest")
        self.searcher.fast_field_values("issue_id", [address for _, address in found.hits])
        counted = [facet for facet in FACETS if not (facet == "guideline" and "page" in page)]
        unfiltered = [facet for facet in counted if facet not in filters]
        passes = [(None, unfiltered)] + [(facet, [facet]) for facet in counted if facet in filters]
        for leave_out, facets in passes:
            self.searcher.aggregate(matching(leave_out), {facet: {"terms": {"field": FACETS[facet], "size": 10_000}}
                                                          for facet in facets})
        return found.count

    def timed_ms(self, page: dict[str, str]) -> float:
        started = time.perf_counter()
        self.answer(page)
        return (time.perf_counter() - started) * 1000


def latency(raw: RawSearch, pages: list[dict[str, str]], runs: int) -> dict[str, int]:
    times = [raw.timed_ms(pages[run % len(pages)]) for run in range(max(runs, len(pages)))]
    return {"median": round(statistics.median(times), 1), "p95": round(statistics.quantiles(times, n=20)[-1], 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("index_dir", type=Path)
    parser.add_argument("--runs", type=int, default=40, help="timed queries per query type")
    args = parser.parse_args()
    raw = RawSearch(args.index_dir)
    print(json.dumps({name: latency(raw, pages, args.runs) for name, pages in query_types().items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
