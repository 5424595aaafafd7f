"""SearchFilterSet: every search parameter defined and validated in one place."""

from __future__ import annotations

from datetime import date

import pytest
from django.http import QueryDict

from imr_archive.search.query import SearchQuery
from imr_archive.web.filters import SearchFilterSet

VALID = [
    ("", SearchQuery()),
    ("q=+norco++refill ", SearchQuery(q="norco refill")),
    ("outcome=upheld&outcome=partial", SearchQuery(outcome=("upheld", "partial"))),
    ("category=Physical+Therapy", SearchQuery(category=("Physical Therapy",))),
    ("treatment=norco&treatment=+gabapentin+", SearchQuery(treatment=("norco", "gabapentin"))),
    ("treatment=Norco&treatment=norco", SearchQuery(treatment=("norco",))),
    ("guideline=odg&guideline=acoem&page=12", SearchQuery(guideline=("odg", "acoem"), page=12)),
    ("mtus=yes", SearchQuery(mtus=True)),
    ("mtus=no", SearchQuery(mtus=False)),
    ("specialty=Pain+Management", SearchQuery(specialty=("Pain Management",))),
    ("year=2015&year=2014", SearchQuery(year=(2015, 2014))),
    ("decision_after=2015-01-01&decision_before=2015-06-30",
     SearchQuery(decision_from=date(2015, 1, 1), decision_to=date(2015, 6, 30))),
    ("injury_before=2012-12-31", SearchQuery(injury_to=date(2012, 12, 31))),
    ("sex=female&age_min=40", SearchQuery(sex="female", age_min=40)),
    ("age_min=30&age_max=30", SearchQuery(age_min=30, age_max=30)),
    ("case=+CM14-0203117+", SearchQuery(case_number="CM14-0203117")),
    ("sort=oldest&p=3", SearchQuery(sort="oldest", page_number=3)),
    ("outcome=&sex=&mtus=&utm_source=mail", SearchQuery()),
]


@pytest.mark.parametrize(("query", "expected"), VALID)
def test_valid_parameters_become_the_search_query(query, expected):
    filterset = SearchFilterSet(QueryDict(query))
    assert filterset.is_valid(), filterset.errors
    assert filterset.search_query() == expected


INVALID = [
    ("outcome=bogus", "outcome"),
    ("category=Massage", "category"),
    ("guideline=mtus", "guideline"),
    ("specialty=Surgery", "specialty"),
    ("year=2012", "year"),
    ("year=twenty", "year"),
    ("page=98", "page"),
    ("guideline=odg&page=0", "page"),
    ("guideline=odg&page=x", "page"),
    ("mtus=true", "mtus"),
    ("sex=f", "sex"),
    ("age_min=-1", "age"),
    ("age_max=121", "age"),
    ("age_min=50&age_max=40", "age"),
    ("age_min=4.5", "age"),
    ("decision_after=notadate", "decision"),
    ("decision_after=2015-02-01&decision_before=2015-01-01", "decision"),
    ("injury_before=yesterday", "injury"),
    ("sort=best", "sort"),
    ("p=abc", "p"),
    ("p=0", "p"),
    ("p=1001", "p"),  # past the last results page a search shows
    ("p=1000000000000000000", "p"),  # an offset past every integer type (issue 16)
    ("guideline=odg&page=10000", "page"),
    ("guideline=odg&page=2147483648", "page"),
    ("age_min=99999999999999999999", "age"),
    ("case=" + "X" * 40, "case"),
    ("case=CM14-0203117%00", "case"),
    ("treatment=" + "x" * 200, "treatment"),
    ("treatment=norco%00", "treatment"),  # a NUL byte, which PostgreSQL refuses to compare (issue 16)
    ("treatment=norco%FF", "treatment"),  # bytes that are not UTF-8
    ("q=therapy%FF", "q"),
    ("q=therapy%00", "q"),
    ("q=" + "a" * 501, "q"),
    ("q=" + "a+" * 51, "q"),  # words as well as characters (170 short words recursed in a retired engine)
    ("q=" + "-".join(["a"] * 51), "q"),  # words joined by hyphens are words all the same
]


@pytest.mark.parametrize(("query", "field"), INVALID)
def test_an_invalid_value_is_a_form_error_on_its_parameter(query, field):
    filterset = SearchFilterSet(QueryDict(query))
    assert not filterset.is_valid()
    assert field in filterset.errors


def test_the_bounds_are_the_form_s_message():
    errors = SearchFilterSet(QueryDict("q=" + "a+" * 60 + "&p=5000&guideline=odg&page=20000")).errors
    assert errors["q"] == ["Has 60 words; a search has at most 50."]
    assert errors["p"] == ["Ensure this value is less than or equal to 1000."]
    assert errors["page"] == ["Ensure this value is less than or equal to 9999."]


def test_the_form_states_the_bounds():
    rendered = str(SearchFilterSet(QueryDict("")).form)
    assert 'name="q" maxlength="500"' in rendered and "At most 500 characters and 50 words." in rendered
    assert 'max="9999"' in rendered and 'max="1000"' in rendered


def test_a_fifty_word_query_is_valid():
    assert SearchFilterSet(QueryDict("q=" + "a+" * 50)).is_valid()


def test_the_filterset_renders_the_readable_parameter_names():
    form = SearchFilterSet(QueryDict("")).form
    rendered = str(form)
    for name in ("decision_after", "decision_before", "injury_after", "injury_before", "age_min", "age_max"):
        assert f'name="{name}"' in rendered


def test_its_queryset_applies_every_filter_through_the_search_layer(site):
    overturned = [i for i in site if i.outcome == "overturned"]
    assert SearchFilterSet(QueryDict("outcome=overturned")).qs.count() == len(overturned)
    cites_odg = [i for i in site if "odg" in i.guidelines and i.outcome == "upheld"]
    assert SearchFilterSet(QueryDict("guideline=odg&outcome=upheld")).qs.count() == len(cites_odg)


def test_an_invalid_filterset_filters_out_everything(site):
    assert SearchFilterSet(QueryDict("outcome=bogus")).qs.count() == 0
