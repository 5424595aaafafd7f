"""Searches the API's tests run through every path (the search page, the API, the feed, the exports).

Every filter, words (a word, a phrase, operators, a field), sorts, and the
guideline pages; each finds something in the seed letters.
"""

from __future__ import annotations

from html import unescape

from django.http import QueryDict

SEARCHES = [
    "",
    "q=acupuncture",
    "q=%22functional+restoration+program%22",
    "q=norco+OR+tramadol",
    "q=category%3Aacupuncture",
    "outcome=overturned",
    "outcome=upheld&outcome=partial",
    "category=Pharmaceuticals&category=Surgery",
    "treatment=norco",
    "guideline=odg",
    "guideline=mtus-chronic-pain&page=99",
    "mtus=yes",
    "mtus=no",
    "specialty=Orthopedic+Surgery",
    "year=2014&year=2015",
    "decision_after=2014-07-01&decision_before=2014-10-31",
    "injury_before=2009-12-31",
    "sex=female",
    "age_min=40&age_max=55",
    "case=cm14-0203117",
    "sort=oldest",
    "q=necessary&outcome=upheld&category=Pharmaceuticals&sort=newest",
]

# (guideline slug, page) of guideline page views, and the search parameters added to one.
GUIDELINE_PAGES = [("mtus-chronic-pain", 99, ""), ("mtus-chronic-pain", 79, "outcome=upheld"), ("acoem", 303, "")]

INVALID = [
    "outcome=maybe",
    "page=98",
    "age_min=60&age_max=40",
    "decision_after=2015-13-45",
    "p=0",
    "year=1999&sex=other",
]


def page_view_path(slug: str, page: int, extra: str = "") -> str:
    return f"/guidelines/{slug}/page/{page}/" + (f"?{extra}" if extra else "")


def page_view_params(slug: str, page: int, extra: str = "") -> str:
    """The search parameters a guideline page view stands for."""
    params = QueryDict(extra, mutable=True)
    params.setlist("guideline", [slug])
    params["page"] = str(page)
    return params.urlencode(safe=":")


def all_views() -> list[tuple[str, str]]:
    """(page address, its search parameters) of every search above and every guideline page view."""
    return ([(f"/search/?{params}", params) for params in SEARCHES]
            + [(page_view_path(slug, page, extra), page_view_params(slug, page, extra))
               for slug, page, extra in GUIDELINE_PAGES])


def link_in(html: str, marker: str) -> str:
    """The href of the one element carrying `marker` (e.g. 'data-feed') on a page."""
    start = html.index(marker)
    tag_start = html.rindex("<", 0, start)
    tag = html[tag_start:html.index(">", start)]
    return unescape(tag.split('href="', 1)[1].split('"', 1)[0])

