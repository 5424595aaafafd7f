"""The guideline index, a guideline's page, and the page view of one guideline page."""

from __future__ import annotations

import re
from collections import Counter

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


def test_a_guideline_page_lists_its_cited_chapters(client, site):
    response = client.get("/guidelines/mtus-chronic-pain/")
    chapters = Counter()
    for item in site:
        chapters.update({c["chapter"] for c in item.item["citations"]
                         if c["guideline"] == vocabulary.MTUS_CHRONIC_PAIN and c["chapter"]})
    shown = {k.replace("&amp;", "&").replace("&#x27;", "'"): v["items"] for k, v in rows(response, "chapter").items()}
    assert shown == dict(chapters)


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
