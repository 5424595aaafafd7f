"""The PostgreSQL full-text backend: the search lives in the database every app server shares.

Every search reads the narrow search table (models.py): words become tsquery
conditions on its weighted tsvectors (RUM-indexed), the filters that are not
facets an `IN` over the issues, and one statement counts the total and the
facets (one_pass.py). A relevance page comes in order from the RUM index, a
date page from a date index; snippets are ts_headline of the page's texts,
escaped here. The page is read on a second connection while the counts are
(alongside.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connection, connections, transaction
from django.db.models import F, FloatField, Func, Q, QuerySet
from django.utils.html import escape

from imr_archive.letters.models import Guideline, Issue, Letter
from imr_archive.search import alongside
from imr_archive.search import query as search_query
from imr_archive.search.database import date_order, facet_conditions, other_conditions
from imr_archive.search.documents import IssueDocument, letter_stamp
from imr_archive.search.models import CitingItem, FacetCombination, IssueSearchDocument
from imr_archive.search.one_pass import Counted, combination_conditions, count_matches
from imr_archive.search.query_syntax import All, Exact, Node, Not, Words, parse
from imr_archive.search.query_text import read_query
from imr_archive.search.snippets import plain_snippet

CONFIG = "english"
# Text field -> the weight its words carry in the document.
WEIGHTS = {"treatment": "A", "guideline_text": "B", "text": "BCD", "summary": "D"}
# field:value of the query language -> lookup on the search table.
EXACT_LOOKUPS = {"outcome": "outcome", "category": "category", "specialty": "reviewer_specialty",
                 "case_number": "issue__letter__case_number__iexact"}
# Where a hit's snippet may come from, best first: the first with a matched word wins.
SNIPPET_SOURCES = ("rationale", "treatment", "letter__case_summary")
_START, _STOP = "\x02", "\x03"  # ts_headline's markers, swapped for <mark> after escaping

# The facet values of each item of the given letters as a FacetCombination holds them (the year 0 when
# unknown, the guideline ids sorted); both statements below read it.
ITEM_FACETS = """
SELECT i.id AS issue_id, i.outcome, i.category, i.reviewer_specialty, coalesce(i.decision_year, 0) AS decision_year,
       ARRAY(SELECT DISTINCT c.guideline_id::integer FROM letters_citation c WHERE c.issue_id = i.id ORDER BY 1)
           AS guideline_ids
FROM letters_issue i WHERE i.letter_id = ANY(%s::bigint[])
"""
# Number the combinations of facet values the given letters' items have and none had before.
NUMBER_COMBINATIONS_SQL = f"""
INSERT INTO search_facetcombination (outcome, category, reviewer_specialty, decision_year, guideline_ids)
SELECT DISTINCT outcome, category, reviewer_specialty, decision_year, guideline_ids FROM ({ITEM_FACETS}) item
ORDER BY 1, 2, 3, 4, 5
ON CONFLICT DO NOTHING
"""
# The search rows of the letters given (ids, then ids and stamps as two arrays). The letter's part of
# the vector (case summary and diagnoses) is computed once per letter, not once per item: MATERIALIZED.
# Each item finds its combination in the unique index: joined to the combinations instead, the items
# were estimated at one row, and the plan compared every item with every letter of the batch.
INDEX_SQL = f"""
WITH indexed AS MATERIALIZED (
    SELECT l.id AS letter_id, given.stamp,
           setweight(to_tsvector('english', l.case_summary || ' ' || l.diagnoses::text), 'D') AS summary
    FROM letters_letter l JOIN unnest(%s::bigint[], %s::text[]) AS given(letter_id, stamp) ON given.letter_id = l.id),
combined AS (
    SELECT item.issue_id,
           (SELECT f.id FROM search_facetcombination f
            WHERE (f.outcome, f.category, f.reviewer_specialty, f.decision_year, f.guideline_ids)
                = (item.outcome, item.category, item.reviewer_specialty, item.decision_year, item.guideline_ids))
               AS combination_id
    FROM ({ITEM_FACETS}) item)
INSERT INTO search_issuesearchdocument (issue_id, letter_id, stamp, document, outcome, category,
                                        reviewer_specialty, decision_year, decision_date, combination_id)
SELECT i.id, i.letter_id, indexed.stamp,
       setweight(to_tsvector('english', i.treatment), 'A')
    || setweight(to_tsvector('english', i.claims_administrator_guideline || ' ' || i.reviewer_guideline), 'B')
    || setweight(to_tsvector('english', i.rationale), 'C')
    || indexed.summary,
       i.outcome, i.category, i.reviewer_specialty, i.decision_year, i.decision_date, combined.combination_id
FROM letters_issue i JOIN indexed ON indexed.letter_id = i.letter_id
     JOIN combined ON combined.issue_id = i.id
ON CONFLICT (issue_id) DO UPDATE SET (letter_id, stamp, document, outcome, category, reviewer_specialty,
                                      decision_year, decision_date, combination_id)
    = (EXCLUDED.letter_id, EXCLUDED.stamp, EXCLUDED.document, EXCLUDED.outcome, EXCLUDED.category,
       EXCLUDED.reviewer_specialty, EXCLUDED.decision_year, EXCLUDED.decision_date, EXCLUDED.combination_id)
"""
# The citing items (models.CitingItem) of the given letters' search rows.
CITING_ITEMS_SQL = """
INSERT INTO search_citingitem (issue_id, letter_id, guideline_id, page, combination_id)
SELECT DISTINCT p.issue_id, d.letter_id, p.guideline_id, p.page, d.combination_id
FROM search_issuesearchdocument d JOIN letters_citedpage p ON p.issue_id = d.issue_id
WHERE d.letter_id = ANY(%s::bigint[])
"""
# The full-text index (created by migration 0002); dropped while many rows are written (bulk).
RUM_INDEX = "search_document_rum"
CREATE_RUM_INDEX = (f"CREATE INDEX IF NOT EXISTS {RUM_INDEX} ON search_issuesearchdocument "
                    "USING rum (document rum_tsvector_ops)")


def _quoted(word: str) -> str:
    return "'" + word.replace("'", "''").replace("\\", "") + "'"


def _tsquery(node: Words) -> SearchQuery:
    if node.field is None:
        if len(node.words) == 1:
            return SearchQuery(_quoted(node.words[0]), search_type="raw", config=CONFIG)
        return SearchQuery(" ".join(node.words), search_type="phrase", config=CONFIG)
    weight = WEIGHTS.get(node.field, "ABCD")
    return SearchQuery(" <-> ".join(f"{_quoted(w)}:{weight}" for w in node.words), search_type="raw", config=CONFIG)


def _rank_tsquery(node: Words) -> SearchQuery:
    """What ranks a match of `node`: its words, each anywhere (RUM's distance to a phrase is erratic)."""
    weight = f":{WEIGHTS.get(node.field, 'ABCD')}" if node.field else ""
    return SearchQuery(" & ".join(f"{_quoted(w)}{weight}" for w in node.words), search_type="raw", config=CONFIG)


def _condition(node: Node) -> tuple[Q, list[SearchQuery]]:
    """The WHERE condition of a query tree, and the tsqueries that rank a match."""
    if isinstance(node, Words):
        return Q(document=_tsquery(node)), [_rank_tsquery(node)]
    if isinstance(node, Exact):
        return Q(**{EXACT_LOOKUPS[node.field]: node.value}), []
    if isinstance(node, Not):
        inner, _ = _condition(node.node)
        return ~inner, []
    parts = [_condition(child) for child in node.nodes]
    combined = Q()
    for part, _ in parts:
        combined = combined & part if isinstance(node, All) else combined | part
    return combined, [tsquery for _, queries in parts for tsquery in queries]


def _combined(queries: list[SearchQuery]) -> SearchQuery | None:
    result = None
    for tsquery in queries:
        result = tsquery if result is None else result | tsquery
    return result


class RumDistance(Func):
    """`document <=> query`: the RUM index's distance (smaller is more relevant), read from the index."""

    template = "%(expressions)s"
    arg_joiner = " <=> "
    output_field = FloatField()


def ranked_page(matches: QuerySet[IssueSearchDocument], rank_query: SearchQuery, offset: int, limit: int) -> list[int]:
    """Ids of one page of `matches`, most relevant first, read in order from the RUM index.

    The RUM index sorts every match by distance and returns them in that
    order, the same for every page, so pages neither repeat nor skip items
    tied at a page's edge (common: a word's distance depends on how often
    and where it occurs, not on the text's length). That holds only if the
    query is answered by the index's ordered scan, so this forbids the
    other plans for the rest of the caller's transaction: one sorting the
    matches itself keeps the top rows of each LIMIT, ties in another order
    each time.
    """
    with connections[matches.db].cursor() as cursor:
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
    nearest = matches.order_by(RumDistance(F("document"), rank_query))
    return list(nearest.values_list("issue_id", flat=True)[offset: offset + limit])


def _page_items(query: search_query.SearchQuery, matches: QuerySet[IssueSearchDocument]) -> QuerySet:
    """What a search without words or other filters counts: on a guideline page view, the page's citing
    items (its other facet filters are decided per combination), else the matches themselves."""
    if query.fixed != ("guideline",) or not query.guideline or query.page is None:
        return matches
    cited = Guideline.objects.filter(slug__in=query.guideline).values("id")
    return CitingItem.objects.using(matches.db).filter(guideline_id__in=cited, page=query.page)


@contextmanager
def _planned(using: str, with_words: bool) -> Iterator[None]:
    """A transaction whose plans read words from the RUM index, never by scanning the table.

    Matching a tsvector stored out of line costs far more than the planner
    assumes: a common phrase made it scan the whole table (700 ms at 100,000
    letters) where the RUM index answers without reading a vector (230 ms).
    """
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        if with_words:
            cursor.execute("SET LOCAL enable_seqscan = off")
        yield


class PostgresSearch:
    """Searches (with words or without) over the narrow search table.

    One statement counts the matches and their facets (one_pass); the page
    comes in relevance order from the RUM index, or in date order; snippets
    are ts_headline of the page's texts. The page and the counts are read
    side by side, each in a transaction of its own.
    """

    def __init__(self) -> None:
        self._parsed: dict[str, tuple[Q | None, SearchQuery | None, list[str]]] = {}

    def _read(self, q: str) -> tuple[Q | None, SearchQuery | None, list[str]]:
        if q not in self._parsed:
            read = read_query(q)
            tree = parse(read.text)
            if tree is None:
                self._parsed[q] = (None, None, read.notes)
            else:
                condition, queries = _condition(tree)
                self._parsed[q] = (condition, _combined(queries), read.notes)
        return self._parsed[q]

    def search(self, query: search_query.SearchQuery) -> search_query.SearchResults:
        condition, rank_query, notes = self._read(query.q) if query.q.strip() else (None, None, [])
        matches = IssueSearchDocument.objects.filter(condition or Q())
        others = [c for c in other_conditions(query) if c]
        if others:
            matches = matches.filter(issue_id__in=Issue.objects.filter(*others).values("id"))
        by_combination = {facet: rule for facet, rule in combination_conditions(query).items()
                          if facet not in query.fixed}
        by_match = {facet: rule for facet, rule in facet_conditions(query, item_id="issue_id").items()
                    if facet not in by_combination}
        # A fixed facet is not counted: its filter narrows the matches, so fewer rows are counted.
        narrowing = [by_match.pop(facet) for facet in query.fixed if facet in by_match]
        matches = matches.filter(*narrowing)
        matches = matches.using(matches.db)  # the router's choice, made in this thread (see alongside)
        shown = matches.filter(*by_match.values())
        if by_combination:
            shown = shown.filter(combination_id__in=FacetCombination.objects.filter(*by_combination.values())
                                 .values("id"))
        with_words = condition is not None
        counted = matches if with_words or others else _page_items(query, matches)

        def count() -> Counted:
            with _planned(matches.db, with_words):
                return count_matches(counted, by_match, by_combination)

        def page() -> list[search_query.Hit]:
            with _planned(matches.db, with_words):
                if query.effective_sort == search_query.SORT_RELEVANCE and rank_query is not None:
                    page_ids = ranked_page(shown, rank_query, query.offset, query.per_page)
                else:
                    by_date = shown.order_by(*date_order(query, item_id="issue_id")).values_list("issue_id", flat=True)
                    page_ids = list(by_date[query.offset: query.offset + query.per_page])
            return self._hits(page_ids, rank_query, matches.db)

        hits, counted = alongside.both(page, count, using=matches.db)
        return search_query.SearchResults(hits=hits, total=counted.total, facets=counted.facets, notes=list(notes))

    def _hits(self, page_ids: list[int], rank_query: SearchQuery | None, using: str) -> list[search_query.Hit]:
        """The page's hits with ts_headline snippets (the rationale's start when no word shows)."""
        if rank_query is None:  # field:value only: no word to mark
            rationales = dict(Issue.objects.using(using).filter(id__in=page_ids).values_list("id", "rationale"))
            return [search_query.Hit(issue_id=pk, snippet=plain_snippet(rationales[pk])) for pk in page_ids]
        headlines = Issue.objects.using(using).filter(id__in=page_ids).annotate(
            **{f"h{n}": SearchHeadline(source, rank_query, config=CONFIG, start_sel=_START, stop_sel=_STOP,
                                       max_fragments=2, max_words=35, min_words=15, fragment_delimiter=" … ")
               for n, source in enumerate(SNIPPET_SOURCES)}
        ).values_list("id", "rationale", *(f"h{n}" for n in range(len(SNIPPET_SOURCES))))
        by_issue = {row[0]: row[1:] for row in headlines}
        hits = []
        for pk in page_ids:
            rationale, *marked = by_issue[pk]
            best = next((text for text in marked if text and _START in text), None)
            snippet = (escape(best).replace(_START, "<mark>").replace(_STOP, "</mark>") if best
                       else plain_snippet(rationale))
            hits.append(search_query.Hit(issue_id=pk, snippet=snippet))
        return hits


class PostgresBackend:
    """Keeps IssueSearchDocument rows in step with the database; answers searches with words."""

    def replace_letters(self, letter_ids: Iterable[int], documents: Iterable[IssueDocument]) -> None:
        """Re-compute the search rows and citing items of these letters (deleted items' rows go with them)."""
        ids = list(letter_ids)
        with transaction.atomic():
            IssueSearchDocument.objects.filter(letter_id__in=ids).delete()
            CitingItem.objects.filter(letter_id__in=ids).delete()
            stamps = dict(Letter.objects.filter(id__in=ids).values_list("id", "modified"))
            stored = list(stamps)  # the letters given that still exist
            with connection.cursor() as cursor:
                cursor.execute(NUMBER_COMBINATIONS_SQL, [stored])
                cursor.execute(INDEX_SQL, [stored, [letter_stamp(modified) for modified in stamps.values()], stored])
                cursor.execute(CITING_ITEMS_SQL, [stored])

    @contextmanager
    def bulk(self) -> Iterator[Callable[[list[int]], None]]:
        """Index many letters: yields a function taking a batch of letter ids; the RUM index waits for the end.

        Adding a row to a RUM index rewrites (and WAL-logs) a page per
        distinct word of the row, about 2 ms per item; building the index
        from the table costs a fraction of that per row. So the index is
        dropped while the rows are written and built after, however the run
        ends (should the process be killed, `check_index` reports the index
        missing and `rebuild_index` builds it).
        Searches meanwhile work without it, slower.

        The rows are written by a second connection, from a thread: the
        server computes a batch's vectors while the caller stores the next
        batch. Inside a transaction the rows are written by the caller's own
        connection (another could not see its uncommitted letters).
        """
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {RUM_INDEX}")
        try:
            if connection.in_atomic_block:
                yield lambda letter_ids: self.replace_letters(letter_ids, [])
            else:
                with ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-rows") as writer:
                    written = []
                    try:
                        yield lambda letter_ids: written.append(writer.submit(self.replace_letters, letter_ids, []))
                    finally:
                        written.append(writer.submit(lambda: connection.close()))  # the thread's own connection
                for done in written:
                    done.result()  # raises what failed in the thread
        finally:
            with connection.cursor() as cursor:
                cursor.execute(CREATE_RUM_INDEX)
                cursor.execute("ANALYZE search_issuesearchdocument")

    def clear(self) -> None:
        IssueSearchDocument.objects.all().delete()
        CitingItem.objects.all().delete()

    def problems(self) -> list[str]:
        """The full-text index missing (a bulk run killed before it built the index again)."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [RUM_INDEX])
            if cursor.fetchone() is None:
                return [f"the full-text index {RUM_INDEX} is missing (an interrupted bulk ingest?): "
                        "searches work, slowly"]
        return []

    def indexed_stamps(self) -> dict[int, tuple[int, str]]:
        return {issue_id: (letter_id, stamp) for issue_id, letter_id, stamp
                in IssueSearchDocument.objects.values_list("issue_id", "letter_id", "stamp").iterator()}

    def search(self, query: search_query.SearchQuery, texts: object = None) -> search_query.SearchResults:
        return PostgresSearch().search(query)
