"""GET /feed/?<search parameters>: an Atom feed of a search's newest matching items.

Every search page and guideline page view links to the feed of its own
search (<link rel="alternate">), so a feed reader or an e-mail service can
alert on new determinations matching it. The parameters are the search
page's, validated by its FilterSet: a bad one answers 400 with the reason.
Entries are the newest FEED_ITEMS items by decision date; each entry's id is
its item's permalink, which a rebuilt archive keeps.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join

from imr_archive.api.citations import OUTCOME_WORDS, item_citation
from imr_archive.letters.models import Issue
from imr_archive.search import service
from imr_archive.search.query import SORT_NEWEST, SearchQuery
from imr_archive.web.filters import SearchFilterSet
from imr_archive.web.links import PAGE_PARAM, SearchLinks
from imr_archive.web.results import result_rows
from imr_archive.web.views import form_errors

FEED_ITEMS = 50
SORT_PARAM = "sort"


@dataclass
class FeedSearch:
    """The search a feed follows, and the pages it belongs to."""

    query: SearchQuery
    page_url: str  # the search page (or guideline page view) showing the same search
    feed_url: str
    description: str


def page_of_search(params: QueryDict) -> str:
    """The site's page for these search parameters: a guideline page view when they name one guideline page."""
    params = params.copy()
    for name in (PAGE_PARAM, SORT_PARAM):
        params.pop(name, None)
    guidelines = [g for g in params.getlist("guideline") if g]
    page = params.get("page", "")
    if len(guidelines) == 1 and page.isdigit():
        params.pop("guideline")
        params.pop("page")
        path = reverse("web:guideline_page", args=[guidelines[0], int(page)])
    else:
        path = reverse("web:search")
    query = params.urlencode()
    return f"{path}?{query}" if query else path


def describe(params: QueryDict) -> str:
    """The search in words, as the search page's chips name its filters."""
    labels = [chip.label for chip in SearchLinks(reverse("web:search"), params).chips()]
    return "; ".join(labels) if labels else "every determination"


class SearchFeed(Feed):
    """The feed of one request's search (made per request: it keeps the request for absolute addresses)."""

    feed_type = Atom1Feed

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def get_object(self, request: HttpRequest, search: FeedSearch) -> FeedSearch:
        return search

    def title(self, search: FeedSearch) -> str:
        return f"IMR Archive: {search.description}"

    def subtitle(self, search: FeedSearch) -> str:
        return f"The newest {FEED_ITEMS} IMR determination items matching {search.description}, by decision date."

    def link(self, search: FeedSearch) -> str:
        return search.page_url

    def feed_url(self, search: FeedSearch) -> str:
        return search.feed_url

    def items(self, search: FeedSearch) -> list[Issue]:
        return [row.issue for row in result_rows(service.search(search.query).hits)]

    def item_title(self, issue: Issue) -> str:
        letter = issue.letter
        where = f"Case {letter.case_number}" if letter.case_number else "a letter without a case number"
        return f"{issue.treatment} ({OUTCOME_WORDS.get(issue.outcome, issue.outcome)}), {where}"

    def item_description(self, issue: Issue) -> str:
        cited = format_html_join(", ", "{}", ((c.guideline.short_name,) for c in issue.citations.all()))
        return format_html("<p>{}: {}. Guidelines cited: {}.</p><p>{}</p>", issue.category,
                           OUTCOME_WORDS.get(issue.outcome, issue.outcome), cited or "none read",
                           item_citation(issue, issue.letter, self.request.build_absolute_uri(
                               issue.letter.get_absolute_url())))

    def item_link(self, issue: Issue) -> str:
        return issue.get_absolute_url()

    def item_pubdate(self, issue: Issue) -> datetime | None:
        """The decision date (an entry without one has no <published> and comes last)."""
        decided = issue.letter.date_decision
        return timezone.make_aware(datetime.combine(decided, time())) if decided else None

    def item_updateddate(self, issue: Issue) -> datetime:
        return issue.letter.modified

    def item_categories(self, issue: Issue) -> list[str]:
        return [issue.category, OUTCOME_WORDS.get(issue.outcome, issue.outcome)]


def search_feed(request: HttpRequest) -> HttpResponse:
    filterset = SearchFilterSet(request.GET)
    if not filterset.is_valid():
        reasons = " ".join(form_errors(filterset.form))
        return HttpResponse(f"This feed's search cannot be run. {reasons}\n", status=400,
                            content_type="text/plain; charset=utf-8")
    query = replace(filterset.search_query(), sort=SORT_NEWEST, page_number=1, per_page=FEED_ITEMS)
    search = FeedSearch(query, page_of_search(request.GET), request.get_full_path(), describe(request.GET))
    return SearchFeed(request)(request, search=search)
