"""Plain-English queries as attorneys and claims staff type them, and the filtered search each must be offered.

Each row: the query, then the suggestion's words and filters (URL parameters), then how the page words it.
Written from what the request means, not from the code's output. The last year a filter accepts is fixed
at 2027 so "since 2016" has a known end.
"""

from __future__ import annotations

import pytest

from imr_archive.web.understanding import understand

LAST_YEAR = 2027
UP, OVER, PART = ("upheld",), ("overturned",), ("partial",)

TABLE = [
    # The issue's own examples: outcome and year are filters, not words.
    ("acupuncture overturned 2015", "", {"category": ("Acupuncture",), "outcome": OVER, "year": ("2015",)},
     "category Acupuncture, outcome overturned, decided in 2015"),
    ("acupuncture overturned", "", {"category": ("Acupuncture",), "outcome": OVER},
     "category Acupuncture, outcome overturned"),
    ("norco upheld", "norco", {"outcome": UP}, "norco, outcome upheld"),
    # "Denials" names the UR denial being reviewed: with "overturned" it asks for overturned ones.
    ("acupuncture denials overturned in 2015", "", {"category": ("Acupuncture",), "outcome": OVER, "year": ("2015",)},
     "category Acupuncture, outcome overturned, decided in 2015"),
    ("UR denial overturned Norco", "Norco", {"outcome": OVER}, "Norco, outcome overturned"),
    # Alone, a denial word means the IMR upheld the denial.
    ("norco denied", "norco", {"outcome": UP}, "norco, outcome upheld"),
    ("denied physical therapy", "", {"category": ("Physical Therapy",), "outcome": UP},
     "category Physical Therapy, outcome upheld"),
    # The letters' own decision words (the parser's vocabulary).
    ("lumbar MRI not certified", "lumbar MRI", {"outcome": UP}, "lumbar MRI, outcome upheld"),
    ("non-certified Lyrica", "Lyrica", {"outcome": UP}, "Lyrica, outcome upheld"),
    ("epidural steroid injections partially overturned", "epidural steroid",
     {"category": ("Injections",), "outcome": PART},
     "epidural steroid, category Injections, outcome partially overturned"),
    ("modified opioid requests", "opioid", {"outcome": PART}, "opioid, outcome partially overturned"),
    ("treatment:norco reversed", "treatment:norco", {"outcome": OVER}, "treatment:norco, outcome overturned"),
    ("psychotherapy certified in 2017", "", {"category": ("Psychological Services",), "outcome": OVER,
                                             "year": ("2017",)},
     "category Psychological Services, outcome overturned, decided in 2017"),
    # Two outcomes asked for: either.
    ("medications upheld or overturned", "", {"category": ("Pharmaceuticals",), "outcome": ("upheld", "overturned")},
     "category Pharmaceuticals, outcome upheld or overturned"),
    # Guidelines by the names people use and the names letters print; a page of one.
    ("MTUS chronic pain page 98", "", {"guideline": ("mtus-chronic-pain",), "page": ("98",)},
     "citing MTUS Chronic Pain page 98"),
    ("Chronic Pain Medical Treatment Guidelines p. 98 upheld", "",
     {"outcome": UP, "guideline": ("mtus-chronic-pain",), "page": ("98",)},
     "outcome upheld, citing MTUS Chronic Pain page 98"),
    ("ODG low back", "low back", {"guideline": ("odg",)}, "low back, citing ODG"),
    ("knee surgery Official Disability Guidelines", "knee", {"category": ("Surgery",), "guideline": ("odg",)},
     "knee, category Surgery, citing ODG"),
    ("ACOEM chapter 12", "chapter 12", {"guideline": ("acoem",)}, "chapter 12, citing ACOEM"),
    # "Acupuncture guidelines" is the MTUS guideline, not the treatment category.
    ("acupuncture guidelines overturned", "", {"outcome": OVER, "guideline": ("mtus-acupuncture",)},
     "outcome overturned, citing MTUS Acupuncture"),
    # guideline: searches the guideline lines as written; the canonical guideline is the filter.
    ('guideline:"MTUS Chronic Pain"', "", {"guideline": ("mtus-chronic-pain",)}, "citing MTUS Chronic Pain"),
    ("MTUS denials of physical therapy", "", {"category": ("Physical Therapy",), "outcome": UP, "mtus": ("yes",)},
     "category Physical Therapy, outcome upheld, citing the MTUS"),
    ("non-MTUS surgery overturned", "", {"category": ("Surgery",), "outcome": OVER, "mtus": ("no",)},
     "category Surgery, outcome overturned, citing no MTUS guideline"),
    # The reviewer's specialty, named by the person or as "<specialty> reviewer".
    ("reviewed by a psychiatrist", "", {"specialty": ("Psychiatry",)}, "reviewer in Psychiatry"),
    ("orthopedic surgeon reviewer overturned", "", {"outcome": OVER, "specialty": ("Orthopedic Surgery",)},
     "outcome overturned, reviewer in Orthopedic Surgery"),
    ("pain management reviewer denials", "", {"outcome": UP, "specialty": ("Pain Management",)},
     "outcome upheld, reviewer in Pain Management"),
    ("DME denied by orthopedist", "", {"category": ("DMEPOS",), "outcome": UP, "specialty": ("Orthopedic Surgery",)},
     "category DMEPOS, outcome upheld, reviewer in Orthopedic Surgery"),
    ("FRP denials reviewed by a chiropractor in 2015", "FRP",
     {"outcome": UP, "specialty": ("Chiropractic",), "year": ("2015",)},
     "FRP, outcome upheld, reviewer in Chiropractic, decided in 2015"),
    # Years and spans of years.
    ("home health care denials since 2016", "",
     {"category": ("Home Health",), "outcome": UP, "year": tuple(str(y) for y in range(2016, 2028))},
     "category Home Health, outcome upheld, decided in 2016 to 2027"),
    ("cases decided between 2014 and 2016 overturned", "", {"outcome": OVER, "year": ("2014", "2015", "2016")},
     "outcome overturned, decided in 2014 to 2016"),
    ("topical compounds overturned 2014-2015", "topical compounds", {"outcome": OVER, "year": ("2014", "2015")},
     "topical compounds, outcome overturned, decided in 2014 or 2015"),
    ("TENS unit upheld before 2015", "TENS unit", {"outcome": UP, "year": ("2013", "2014")},
     "TENS unit, outcome upheld, decided in 2013 or 2014"),
    # A year before the program began is not a decision year: it stays a word.
    ("2010 acupuncture", "2010", {"category": ("Acupuncture",)}, "2010, category Acupuncture"),
    # Case numbers typed in the box: the case filter (a prefix for a year's cases).
    ("CM14-0203117", "", {"case": ("CM14-0203117",)}, "case CM14-0203117"),
    ("case cm15", "", {"case": ("CM15",)}, "case number starting CM15"),
    # Request words go once something else is a filter; quoted phrases stay as typed.
    ("show me all IMR decisions on acupuncture", "", {"category": ("Acupuncture",)}, "category Acupuncture"),
    ('"functional improvement" upheld', '"functional improvement"', {"outcome": UP},
     '"functional improvement", outcome upheld'),
]

NOTHING_TO_OFFER = [
    "functional restoration program",  # no word names a filter value
    "Acupunture",  # a misspelling is the spelling suggestion's business
    "norco OR hydrocodone upheld",  # OR: taking "upheld" out would change what OR joins
    "lumbar fusion NOT overturned",
    "(acupuncture) overturned",
    "-acupuncture overturned",
    "page 98",  # a page of no guideline is no filter
    "",
]


@pytest.mark.parametrize(("q", "words", "filters", "description"), TABLE, ids=[row[0] for row in TABLE])
def test_a_plain_english_query_is_offered_as_its_filtered_search(q, words, filters, description):
    suggestion = understand(q, LAST_YEAR)
    assert suggestion is not None, f"{q!r} names filter values but nothing was offered"
    assert (suggestion.words, suggestion.filters, suggestion.description) == (words, filters, description)


@pytest.mark.parametrize("q", NOTHING_TO_OFFER)
def test_a_query_naming_no_filter_value_or_using_operators_is_left_alone(q):
    assert understand(q, LAST_YEAR) is None


def test_the_table_holds_at_least_thirty_plain_english_queries():
    assert len(TABLE) >= 30


def test_a_page_is_the_page_of_the_guideline_the_search_already_filters_by():
    suggestion = understand("page 98 overturned", LAST_YEAR, has_guideline=True)
    assert suggestion.filters == {"outcome": OVER, "page": ("98",)}
    assert suggestion.description == "outcome overturned, page 98"
    # Without a guideline the page stays words; the outcome is still offered.
    alone = understand("page 98 overturned", LAST_YEAR)
    assert (alone.words, alone.filters) == ("page 98", {"outcome": OVER})
