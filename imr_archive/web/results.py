"""The rows of a results page: the hits' Issue rows with their letter and citations.

A page costs two queries whatever its size: the issues joined to their
letters, and their citations joined to their guidelines. Hit order is kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.utils.safestring import SafeString, mark_safe

from imr_archive.letters.models import Citation, Guideline, Issue
from imr_archive.search.query import Hit

logger = logging.getLogger(__name__)

# Long text a results row never shows.
DEFERRED = ("rationale", "claims_administrator_guideline", "reviewer_guideline", "letter__text",
            "letter__case_summary", "letter__determination_method", "letter__diagnoses")


@dataclass
class CitedGuideline:
    guideline: Guideline
    pages: list[int]


@dataclass
class ResultRow:
    issue: Issue
    snippet: SafeString
    guidelines: list[CitedGuideline]
    url: str = ""  # the item on its letter's page, carrying the search's words to mark there


def cited_guidelines(citations: list[Citation]) -> list[CitedGuideline]:
    """The item's guidelines in citing order, each with every page any of its citations names."""
    merged: dict[int, CitedGuideline] = {}
    for citation in citations:
        entry = merged.setdefault(citation.guideline_id, CitedGuideline(citation.guideline, []))
        entry.pages = sorted(set(entry.pages) | set(citation.pages))
    return list(merged.values())


def item_url(issue: Issue, words: str) -> str:
    """The item on its letter's page (/case/CM14-0203117/#item-2), with ?q= when the search has words."""
    page, _, item = issue.get_absolute_url().partition("#")
    query = f"?{urlencode({'q': words})}" if words else ""
    return f"{page}{query}#{item}"


def result_rows(hits: list[Hit], words: str = "") -> list[ResultRow]:
    ids = [hit.issue_id for hit in hits]
    issues = (
        Issue.objects.filter(id__in=ids)
        .select_related("letter")
        .defer(*DEFERRED)
        .prefetch_related(Prefetch("citations", queryset=Citation.objects.select_related("guideline")))
    )
    by_id = {issue.id: issue for issue in issues}
    rows = []
    for hit in hits:
        issue = by_id.get(hit.issue_id)
        if issue is None:  # the index is ahead of the database; `check_index` reports such drift
            logger.warning("search hit %s has no Issue row", hit.issue_id)
            continue
        # The backend escapes the text and adds only <mark> tags (search/snippets.py).
        rows.append(ResultRow(issue, mark_safe(hit.snippet), cited_guidelines(list(issue.citations.all())),  # noqa: S308
                              item_url(issue, words)))
    return rows
