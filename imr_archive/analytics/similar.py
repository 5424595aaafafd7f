"""The letter page's similar determinations: for each item, the items of other letters most like it
(search/similar.py's rule, answered by the search service) and how often items of its treatment were overturned.

One engine query per item for the similar items, one aggregation for every
treatment of the letter, one database query for the rows shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import QueryDict

from imr_archive.analytics.breakdowns import Row
from imr_archive.analytics.links import url
from imr_archive.letters.models import Issue, Letter
from imr_archive.search import service
from imr_archive.search.breakdowns import Breakdown
from imr_archive.search.query import SearchQuery
from imr_archive.search.similar import Probe


@dataclass
class Similar:
    """One item's similar items, and the record of its treatment across the archive."""

    items: list[Issue] = field(default_factory=list)  # with their letters
    treatment: str = ""
    record: Row | None = None  # every item of the treatment, by outcome
    search_url: str = ""  # every item of the treatment
    overturned_url: str = ""  # those overturned, fully or in part


def probe(issue: Issue, letter: Letter) -> Probe:
    """What the item is compared by; its citations must be loaded with their guidelines."""
    pages = dict.fromkeys(f"{c.guideline.slug}:{page}" for c in issue.citations.all() for page in c.pages)
    return Probe(issue.id, letter.id, issue.treatment_normalized, tuple(letter.diagnoses or ()), tuple(pages))


def _treatment_search(treatment: str, *outcomes: str) -> str:
    params = QueryDict(mutable=True)
    params["treatment"] = treatment
    params.setlist("outcome", list(outcomes))
    return url("web:search", params)


def similar_items(letter: Letter, issues: list[Issue]) -> dict[int, Similar]:
    """issue id -> its Similar, for the letter's `issues`."""
    found = {issue.id: service.similar_items(probe(issue, letter)) for issue in issues}
    shown = Issue.objects.select_related("letter").only(
        "id", "ordinal", "treatment", "outcome", "letter__case_number", "letter__permalink",
        "letter__date_decision").in_bulk([pk for ids in found.values() for pk in ids])
    treatments = sorted({issue.treatment_normalized for issue in issues if issue.treatment_normalized})
    records = service.outcome_counts(SearchQuery(treatment=tuple(treatments)), Breakdown("treatment"))[0].values \
        if treatments else {}
    similar = {}
    for issue in issues:
        name = issue.treatment_normalized
        one = Similar([shown[pk] for pk in found[issue.id] if pk in shown], name)
        if name in records and records[name].total() > 1:  # an item alone with its treatment has no record
            one.record = Row.of("treatment", name, records[name])
            one.search_url = _treatment_search(name)
            one.overturned_url = _treatment_search(name, "overturned", "partial")
        similar[issue.id] = one
    return similar
