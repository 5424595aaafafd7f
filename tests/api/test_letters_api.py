"""Letters by permalink, items and guideline counts in the API, checked against the annotated letters."""

from __future__ import annotations

from collections import Counter

import pytest

from imr_archive.letters.models import Letter
from imr_archive.parsing import vocabulary
from tests.conftest import expected_parse, seed_letters

pytestmark = pytest.mark.django_db


def get(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.parametrize("path", seed_letters(), ids=lambda p: p.stem)
def test_each_letter_answers_at_its_permalink_with_what_the_annotations_say(client, archive, path):
    expected = expected_parse(path)
    stored = Letter.objects.get(source_name=path.name)
    name = expected["case_number"] or stored.sha256[:16]
    letter = get(client, f"/api/v1/letters/{name}/")
    assert letter["case_number"] == expected["case_number"]
    assert letter["date_decision"] == expected["dates"]["decision"]
    assert letter["date_injury"] == expected["dates"]["injury"]
    assert letter["reviewer_specialty"] == (expected["reviewer"]["specialty"] or "")
    assert letter["patient_age"] == expected["patient"]["age"]
    assert letter["diagnoses"] == expected["diagnoses"]
    assert letter["permalink"] == f"http://testserver{stored.get_absolute_url()}"
    assert [(i["treatment"], i["category"], i["outcome"], i["outcome_stated"]) for i in letter["items"]] == [
        (i["treatment"], i["category"], i["outcome"], i["outcome_stated"]) for i in expected["issues"]]
    for item, annotated in zip(letter["items"], expected["issues"], strict=True):
        assert [(c["guideline"]["name"], sorted(c["pages"])) for c in item["citations"]] == [
            (c["guideline"], sorted(set(c["pages"]))) for c in annotated["citations"]]
    assert letter["links"]["api"] == f"http://testserver/api/v1/letters/{name}/"
    assert get(client, f"/api/v1/letters/{name.lower()}/")["permalink"] == letter["permalink"]


def test_a_letter_lists_its_records_reviewed(client, archive):
    records = [{"text": "Primary treating physician's progress report", "date": "2014-11-03"},
               {"text": "Utilization review determination", "date": None}]
    Letter.objects.filter(case_number="CM14-0203117").update(records_reviewed=records)
    assert get(client, "/api/v1/letters/CM14-0203117/")["records_reviewed"] == records


def test_an_unknown_letter_or_item_is_404(client, archive):
    for url in ("/api/v1/letters/CM99-9999999/", "/api/v1/letters/0123456789abcdef/", "/api/v1/items/999999/"):
        response = client.get(url)
        assert response.status_code == 404 and response.json()["status"] == 404


def test_an_item_answers_with_its_rationale_and_its_letters_links(client, archive):
    item = next(i for i in archive if i.letter["case_number"] == "CM14-0203117" and i.item["treatment"].startswith(
        "Cyclobenzaprine"))
    answer = get(client, f"/api/v1/items/{item.issue_id}/")
    assert answer["item_number"] == 2 and answer["outcome"] == "upheld"
    assert answer["citation"] == ("IMR Final Determination, Case CM14-0203117 (Cal. Div. Workers' Comp. "
                                  "Jan. 14, 2015), item 2, Cyclobenzaprine 7.5mg #60 (denial upheld)")
    assert "cyclobenzaprine" in answer["rationale"].lower()
    assert answer["links"]["page"] == "http://testserver/case/CM14-0203117/#item-2"
    assert get(client, answer["links"]["letter"])["case_number"] == "CM14-0203117"


def annotated_splits(page: int | None = None) -> dict[str, Counter]:
    """Items by outcome per guideline slug (citing `page`, when given), from the annotations."""
    splits: dict[str, Counter] = {}
    for path in seed_letters():
        for item in expected_parse(path)["issues"]:
            cited = {vocabulary.GUIDELINE_BY_NAME[c["guideline"]].slug for c in item["citations"]
                     if page is None or page in c["pages"]}
            for slug in cited:
                splits.setdefault(slug, Counter())[item["outcome"]] += 1
    return splits


def split_of(answer: dict) -> Counter:
    return Counter({outcome: n for outcome, n in answer["split"].items() if n})


def test_guidelines_list_every_guideline_with_its_items_and_outcomes(client, archive):
    answer = get(client, "/api/v1/guidelines/")
    assert [g["slug"] for g in answer][:len(vocabulary.GUIDELINES)] == [g.slug for g in vocabulary.GUIDELINES]
    expected = annotated_splits()
    for guideline in answer:
        assert split_of(guideline) == expected.get(guideline["slug"], Counter()), guideline["slug"]
        assert guideline["items"] == sum(expected.get(guideline["slug"], Counter()).values())


def test_a_guideline_lists_its_cited_pages_with_their_outcomes(client, archive):
    answer = get(client, "/api/v1/guidelines/mtus-chronic-pain/")
    assert split_of(answer) == annotated_splits()["mtus-chronic-pain"]
    pages = {row["page"]: row for row in answer["pages"]}
    for number in (76, 79, 99):
        assert split_of(pages[number]) == annotated_splits(number)["mtus-chronic-pain"], number
        assert get(client, pages[number]["links"]["api"])["items"] == pages[number]["items"]
    assert answer["chapters"] and all(row["items"] > 0 for row in answer["chapters"])


def test_a_guideline_page_counts_the_items_citing_it_and_links_their_search(client, archive):
    answer = get(client, "/api/v1/guidelines/mtus-chronic-pain/pages/99/")
    expected = annotated_splits(99)["mtus-chronic-pain"]
    assert split_of(answer) == expected and answer["items"] == sum(expected.values())
    assert get(client, answer["links"]["search"])["total"] == answer["items"]
    assert client.get(answer["links"]["feed"]).status_code == 200
    never_cited = get(client, "/api/v1/guidelines/mtus-chronic-pain/pages/5000/")
    assert never_cited["items"] == 0
    assert client.get("/api/v1/guidelines/no-such-guideline/").status_code == 404
    assert client.get("/api/v1/guidelines/mtus-chronic-pain/pages/0/").status_code == 404
