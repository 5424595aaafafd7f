"""The guideline index, a guideline's page, and the page view of one guideline page."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from imr_archive.parsing import vocabulary
from tests.web.conftest import chips, facet_counts, facets, hits, html, nonzero, params, total

PAGE_99 = "/guidelines/mtus-chronic-pain/page/99/"


def rows(response, kind: str) -> dict[str, dict[str, int]]:
    """data-<kind>="key" rows with their other numeric data-* attributes."""
    found = {}
    for attrs in re.findall(rf'<tr (data-{kind}="[^"]*"[^>]*)>', html(response)):
        values = dict(re.findall(r'data-([\w-]+)="([^"]*)"', attrs))
        key = values.pop(kind)
        found[key] = {k: int(v) for k, v in values.items()}
    return found


def test_the_index_lists_every_canonical_guideline_with_its_counts(client, site):
    response = client.get("/guidelines/")
    assert response.status_code == 200
    shown = rows(response, "guideline")
    assert list(shown) == [g.slug for g in vocabulary.GUIDELINES]
    citations = Counter(vocabulary.GUIDELINE_BY_NAME[c["guideline"]].slug
                        for i in site for c in i.item["citations"])
    for slug, counts in shown.items():
        assert counts["citations"] == citations.get(slug, 0), slug
        assert counts["items"] == facet_counts(site, "guideline").get(slug, 0), slug


def test_a_guideline_page_counts_items_per_cited_page_with_their_outcomes(client, site):
    response = client.get("/guidelines/mtus-chronic-pain/")
    assert response.status_code == 200
    shown = rows(response, "page")
    pages = sorted({p for i in site for c in i.item["citations"]
                    if c["guideline"] == vocabulary.MTUS_CHRONIC_PAIN for p in c["pages"]})
    assert [int(p) for p in shown] == pages  # sorted by page number, none missing
    for page, counts in shown.items():
        citing = [i for i in site if i.cites_page("mtus-chronic-pain", int(page))]
        assert counts["items"] == len(citing), page
        assert counts["upheld"] == sum(i.outcome == "upheld" for i in citing), page
        assert counts["overturned"] == sum(i.outcome == "overturned" for i in citing), page
    assert f'href="{PAGE_99}"' in html(response)


# How each chapter of the seed letters is shown: the canonical name of its chapter (written by hand from the
# guidelines' own titles). Wordings not listed are shown as written.
CANONICAL_NAMES = {
    vocabulary.MTUS_CHRONIC_PAIN: {
        "NSAIDs": "NSAIDs (non-steroidal anti-inflammatory drugs)",
        "Physical Medicine": "Physical medicine",
        "Topical Analgesics": "Topical analgesics",
        "Weaning of Medications": "Weaning of medications",
    },
    vocabulary.ODG: {
        "Pain": "Pain (Chronic)",
        "Low Back": "Low Back - Lumbar & Thoracic (Acute & Chronic)",
        "Knee & Leg": "Knee & Leg (Acute & Chronic)",
        "Neck and Upper Back": "Neck & Upper Back (Acute & Chronic)",
        "Shoulder": "Shoulder (Acute & Chronic)",
    },
    vocabulary.ACOEM: {
        "7": "Chapter 7: Independent Medical Examinations and Consultations",
        "8": "Chapter 8: Neck and Upper Back Complaints",
        "9": "Chapter 9: Shoulder Complaints",
        "11": "Chapter 11: Forearm, Wrist, and Hand Complaints",
        "12": "Chapter 12: Low Back Complaints",
        "13": "Chapter 13: Knee Complaints",
    },
}


def chapter_rows(response) -> dict[str, int]:
    """Chapter name shown -> items, read from the rows of the chapters table."""
    table = html(response).split('id="chapters-heading"', 1)[1]
    found = re.findall(r'data-chapter="[^"]*" data-items="(\d+)">\s*<th scope="row">(?:<a [^>]*>)?([^<]*)<', table)
    return {name.replace("&amp;", "&").replace("&#x27;", "'"): int(items) for items, name in found}


@pytest.mark.parametrize("guideline", list(CANONICAL_NAMES))
def test_a_guideline_page_counts_each_chapter_once_however_letters_write_it(client, site, guideline):
    names = CANONICAL_NAMES[guideline]
    chapters = Counter()
    for item in site:
        chapters.update({names.get(c["chapter"], c["chapter"]) for c in item.item["citations"]
                         if c["guideline"] == guideline and c["chapter"]})
    response = client.get(f"/guidelines/{vocabulary.GUIDELINE_BY_NAME[guideline].slug}/")
    assert chapter_rows(response) == dict(chapters)


def test_the_issue_s_split_chapters_are_one_row_each(client, site):
    mtus = chapter_rows(client.get("/guidelines/mtus-chronic-pain/"))
    assert "NSAIDs" not in mtus and "NSAIDs (non-steroidal anti-inflammatory drugs)" in mtus
    odg = chapter_rows(client.get("/guidelines/odg/"))
    assert "Pain" not in odg and "Pain (Chronic)" in odg


def test_the_page_view_lists_every_item_citing_the_page_even_inside_a_range(client, site):
    response = client.get(PAGE_99)
    assert response.status_code == 200
    citing = [i for i in site if i.cites_page("mtus-chronic-pain", 99)]
    assert total(response) == len(citing) == len(hits(response))
    assert any(i.cites_page("mtus-chronic-pain", 98) for i in citing)  # cited as "98-99"
    assert nonzero(facets(response)["outcome"]) == facet_counts(citing, "outcome")


def test_the_page_view_is_the_search_page_with_the_page_fixed(client, site):
    response = client.get(PAGE_99, {"outcome": ["upheld", "overturned"]})
    citing = [i for i in site if i.cites_page("mtus-chronic-pain", 99) and i.outcome in {"upheld", "overturned"}]
    assert total(response) == len(citing)
    assert "guideline" not in facets(response)  # the guideline is the page itself
    links = chips(response)
    assert len(links) == 2 and all(link.startswith(PAGE_99) for link in links)
    assert all(("guideline", "mtus-chronic-pain") not in params(link) for link in links)


def test_the_page_view_validates_like_the_search_page(client, site):
    assert client.get(PAGE_99, {"outcome": "bogus"}).status_code == 400
    assert client.get("/guidelines/nope/page/3/").status_code == 404
    assert client.get("/guidelines/mtus-chronic-pain/page/0/").status_code == 404
    empty = client.get("/guidelines/odg/page/9999/")
    assert empty.status_code == 200 and total(empty) == 0 and "data-no-results" in html(empty)


def test_unknown_and_uncited_guidelines(client, site):
    assert client.get("/guidelines/nope/").status_code == 404
    uncited = [g for g in vocabulary.GUIDELINES if not facet_counts(site, "guideline").get(g.slug)]
    for guideline in uncited:
        assert client.get(f"/guidelines/{guideline.slug}/").status_code == 200
