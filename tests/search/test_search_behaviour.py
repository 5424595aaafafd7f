"""What a researcher gets from a search, checked against the annotated seed letters.

Expected counts are computed from seeds/*.json (the annotations), never from
the code under test. Searches with words go to the full-text index; searches
without words to the database: both are exercised.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from imr_archive.letters.models import Issue
from imr_archive.search.query import SORT_NEWEST, SORT_OLDEST, SearchQuery
from imr_archive.search.service import search

CHRONIC_PAIN = "MTUS Chronic Pain Medical Treatment Guidelines"


def all_ids(query: SearchQuery) -> set[int]:
    """Every hit of a search, across its pages."""
    first = search(query)
    ids = {h.issue_id for h in first.hits}
    pages = -(-first.total // query.per_page)
    for number in range(2, pages + 1):
        ids |= {h.issue_id for h in search(SearchQuery(**{**query.__dict__, "page_number": number})).hits}
    assert len(ids) == first.total
    return ids


def ids_where(items, predicate) -> set[int]:
    return {i.issue_id for i in items if predicate(i)}


def facet(results, name: str) -> dict[str, int]:
    return dict(results.facets[name])


# -- browsing without words: the database path ---------------------------------

def test_browse_all_counts_every_item_and_its_outcomes(items):
    results = search(SearchQuery())
    assert results.total == len(items)
    assert facet(results, "outcome") == Counter(i.item["outcome"] for i in items)
    assert facet(results, "category") == Counter(i.item["category"] for i in items)


def test_guideline_facet_counts_items_citing_each_guideline(items):
    from imr_archive.parsing.vocabulary import GUIDELINE_BY_NAME

    expected = Counter(GUIDELINE_BY_NAME[g].slug for i in items for g in {c["guideline"] for c in i.item["citations"]})
    assert facet(search(SearchQuery()), "guideline") == expected
    assert facet(search(SearchQuery(q="necessary")), "guideline") == Counter(
        GUIDELINE_BY_NAME[g].slug
        for i in items if i.issue_id in all_ids(SearchQuery(q="necessary"))
        for g in {c["guideline"] for c in i.item["citations"]}
    )


def test_specialty_and_year_facets(items):
    results = search(SearchQuery())
    assert facet(results, "specialty") == Counter(i.letter["reviewer"]["specialty"] for i in items
                                                  if i.letter["reviewer"]["specialty"])
    # An item whose letter states no decision date counts under "none".
    assert facet(results, "year") == Counter((i.letter["dates"]["decision"] or "none")[:4] for i in items)


@pytest.mark.parametrize("q", ["", "necessary"])
@pytest.mark.parametrize(
    ("filters", "predicate"),
    [
        ({"outcome": ("overturned",)}, lambda i: i.item["outcome"] == "overturned"),
        ({"outcome": ("upheld", "partial")}, lambda i: i.item["outcome"] in ("upheld", "partial")),
        ({"category": ("Pharmaceuticals",)}, lambda i: i.item["category"] == "Pharmaceuticals"),
        ({"guideline": ("odg",)}, lambda i: i.cites("Official Disability Guidelines")),
        ({"guideline": ("mtus-chronic-pain",), "page": 99}, lambda i: i.cites(CHRONIC_PAIN, 99)),
        ({"mtus": True}, lambda i: any(c["mtus"] for c in i.item["citations"])),
        ({"mtus": False}, lambda i: not any(c["mtus"] for c in i.item["citations"])),
        ({"specialty": ("Orthopedic Surgery",)}, lambda i: i.letter["reviewer"]["specialty"] == "Orthopedic Surgery"),
        ({"year": (2014,)}, lambda i: (i.letter["dates"]["decision"] or "").startswith("2014")),
        ({"decision_from": date(2014, 7, 1), "decision_to": date(2014, 10, 31)},
         lambda i: "2014-07-01" <= (i.letter["dates"]["decision"] or "0") <= "2014-10-31"),
        ({"injury_to": date(2009, 12, 31)}, lambda i: (i.letter["dates"]["injury"] or "9") <= "2009-12-31"),
        ({"sex": "female"}, lambda i: i.letter["patient"]["sex"] == "female"),
        ({"age_min": 40, "age_max": 55}, lambda i: 40 <= (i.letter["patient"]["age"] or -1) <= 55),
    ],
    ids=["overturned", "upheld-or-partial", "pharma", "odg", "chronic-pain-p99", "mtus", "non-mtus",
         "ortho", "2014", "decision-range", "injured-before-2010", "female", "age-40-55"],
)
def test_each_filter_keeps_exactly_the_matching_items(items, q, filters, predicate):
    words = all_ids(SearchQuery(q=q)) if q else {i.issue_id for i in items}
    expected = words & ids_where(items, predicate)
    assert expected, "the seeds should hold an example of this filter"
    assert all_ids(SearchQuery(q=q, **filters)) == expected


@pytest.mark.parametrize("q", ["", "necessary"])
def test_case_number_and_treatment_filters(items, q):
    item = next(i for i in items if i.letter["case_number"])
    by_case = all_ids(SearchQuery(q=q, case_number=item.letter["case_number"].lower()))
    assert by_case == ids_where(items, lambda i: i.letter["case_number"] == item.letter["case_number"])
    norco = all_ids(SearchQuery(q=q, treatment=("norco",)))
    assert norco == ids_where(items, lambda i: i.item["treatment"].lower().startswith("norco"))


# -- words: the full-text path ---------------------------------------------------

def test_stemming_finds_other_forms_of_a_word(items):
    injection_items = ids_where(items, lambda i: "injection" in i.item["treatment"].lower())
    assert injection_items and injection_items <= all_ids(SearchQuery(q="injections"))


def test_a_quoted_phrase_matches_the_words_in_that_order(items):
    hits = all_ids(SearchQuery(q='"functional restoration program"'))
    assert hits
    for issue in Issue.objects.filter(id__in=hits).select_related("letter"):
        text = " ".join(f"{issue.treatment} {issue.rationale} {issue.letter.case_summary} "
                        f"{issue.claims_administrator_guideline} {issue.reviewer_guideline}".lower().split())
        assert "functional restoration program" in text
    assert all_ids(SearchQuery(q='"program restoration functional"')) == set()


def test_boolean_operators(items):
    acupuncture = all_ids(SearchQuery(q="acupuncture"))
    chiropractic = all_ids(SearchQuery(q="chiropractic"))
    assert acupuncture and chiropractic
    assert all_ids(SearchQuery(q="acupuncture OR chiropractic")) == acupuncture | chiropractic
    assert all_ids(SearchQuery(q="acupuncture AND chiropractic")) == acupuncture & chiropractic
    assert all_ids(SearchQuery(q="acupuncture NOT chiropractic")) == acupuncture - chiropractic


def test_field_value_searches_one_field(items):
    acupuncture = ids_where(items, lambda i: i.item["category"] == "Acupuncture")
    assert all_ids(SearchQuery(q="category:acupuncture")) == acupuncture
    assert all_ids(SearchQuery(q="outcome:overturned")) == ids_where(items, lambda i: i.item["outcome"] == "overturned")
    in_treatment = all_ids(SearchQuery(q="treatment:tramadol"))
    assert in_treatment == ids_where(items, lambda i: "tramadol" in i.item["treatment"].lower())


@pytest.mark.parametrize("q", ['"unbalanced quote', "pain AND", "(acupuncture", "NOT NOT pain", "treatment:"])
def test_a_malformed_query_is_searched_as_plain_words_with_a_note(items, q):
    results = search(SearchQuery(q=q))
    assert results.notes and "plain words" in results.notes[0]


@pytest.mark.parametrize("q", ["AND", "OR OR", "NOT", "( )"])
def test_a_query_of_operators_alone_browses_everything_with_a_note(items, q):
    results = search(SearchQuery(q=q))
    assert results.total == len(items)
    assert results.notes and "every item is shown" in results.notes[0]


def test_a_leading_minus_excludes_a_word(items):
    assert all_ids(SearchQuery(q="acupuncture -chiropractic")) == all_ids(SearchQuery(q="acupuncture NOT chiropractic"))
    assert all_ids(SearchQuery(q="-pain")) == {i.issue_id for i in items} - all_ids(SearchQuery(q="pain"))


def test_a_hit_carries_a_snippet_with_the_matched_words_marked(items):
    results = search(SearchQuery(q="acupuncture"))
    assert results.hits and all("<mark>" in h.snippet.lower() for h in results.hits)


# -- facets, items, sorting, pages -----------------------------------------------

@pytest.mark.parametrize("q", ["", "necessary"])
def test_a_facet_ignores_its_own_filter_but_applies_the_others(items, q):
    words = all_ids(SearchQuery(q=q)) if q else {i.issue_id for i in items}
    pool = [i for i in items if i.issue_id in words]
    results = search(SearchQuery(q=q, outcome=("overturned",)))
    assert facet(results, "outcome") == Counter(i.item["outcome"] for i in pool)
    assert facet(results, "category") == Counter(i.item["category"] for i in pool if i.item["outcome"] == "overturned")
    both = search(SearchQuery(q=q, outcome=("overturned", "upheld")))
    assert both.total == sum(1 for i in pool if i.item["outcome"] in ("overturned", "upheld"))


def test_an_item_matches_through_its_own_outcome_not_its_letters(items):
    mixed = next(i.letter for i in items
                 if {x["outcome"] for x in i.letter["issues"]} >= {"upheld", "overturned"})
    upheld = next(i for i in items if i.letter is mixed and i.item["outcome"] == "upheld")
    word = upheld.item["treatment"].split()[0]
    overturned_hits = all_ids(SearchQuery(q=word, outcome=("overturned",), case_number=mixed["case_number"] or ""))
    assert upheld.issue_id not in overturned_hits
    assert upheld.issue_id in all_ids(SearchQuery(q=word, outcome=("upheld",)))


@pytest.mark.parametrize("q", ["", "necessary"])
def test_sorting_by_decision_date(items, q):
    def dates(sort: str) -> list[date]:
        hits = search(SearchQuery(q=q, sort=sort, per_page=100)).hits
        rows = dict(Issue.objects.filter(id__in=[h.issue_id for h in hits]).values_list("id", "letter__date_decision"))
        return [rows[h.issue_id] for h in hits if rows[h.issue_id]]

    assert dates(SORT_NEWEST) == sorted(dates(SORT_NEWEST), reverse=True)
    assert dates(SORT_OLDEST) == sorted(dates(SORT_OLDEST))


def test_pages_do_not_overlap_and_cover_every_hit(items):
    first, second = search(SearchQuery(page_number=1)), search(SearchQuery(page_number=2))
    assert len(first.hits) == 20 and second.hits
    assert not {h.issue_id for h in first.hits} & {h.issue_id for h in second.hits}
    assert all_ids(SearchQuery()) == {i.issue_id for i in items}
