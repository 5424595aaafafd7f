"""The home page's numbers and the letter page of the seed letters."""

from __future__ import annotations

import re
from collections import Counter

from django.utils.html import escape

from imr_archive.letters.models import Citation, Letter
from imr_archive.parsing import vocabulary
from tests.conftest import SEEDS, seed_letters
from tests.web.conftest import html, total

# -- home ----------------------------------------------------------------------


def test_home_shows_the_archive_size_and_outcome_split(client, site):
    page = html(client.get("/"))
    assert f'data-letters="{len(seed_letters())}"' in page
    assert f'data-items="{len(site)}"' in page
    for outcome, count in Counter(i.outcome for i in site).items():
        assert f'data-outcome-count="{outcome}" data-count="{count}"' in page
    assert 'action="/search/"' in page and 'name="q"' in page


def test_home_lists_the_most_cited_pages_a_cited_range_in_one_row(client, site):
    page = html(client.get("/"))
    shown = [(slug, int(first), int(last), int(count)) for slug, first, last, count in
             re.findall(r'data-top-page="([\w-]+):(\d+)" data-last-page="(\d+)" data-count="(\d+)"', page)]
    assert len(shown) == 10
    per_item = Counter()
    for item in site:
        per_item.update({(vocabulary.GUIDELINE_BY_NAME[c["guideline"]].slug, p)
                         for c in item.item["citations"] for p in c["pages"]})
    assert shown[0][3] == max(per_item.values())
    counts = [count for *_, count in shown]
    assert counts == sorted(counts, reverse=True)
    for slug, first, last, count in shown:
        # Every page of a row is cited by as many items, and the pages either side by a different number.
        assert all(per_item[(slug, number)] == count for number in range(first, last + 1)), (slug, first, last)
        assert per_item[(slug, first - 1)] != count and per_item[(slug, last + 1)] != count
        assert f'href="/guidelines/{slug}/page/{first}/"' in page
    # The seeds' most cited citation is MTUS Chronic Pain pages 76-80 (Norco and its like): one row, not five.
    assert ("mtus-chronic-pain", 76, 80) in [row[:3] for row in shown]
    assert "MTUS Chronic Pain, pages 76–80</a>" in page


def test_home_names_treatments_as_the_letters_write_them(client, site):
    page = html(client.get("/"))
    assert '<a href="/search/?treatment=mri">MRI</a>' in page
    assert '<a href="/search/?treatment=norco">Norco</a>' in page


def test_home_lists_the_most_disputed_treatments_and_each_link_finds_them(client, site):
    page = html(client.get("/"))
    shown = re.findall(r'data-top-treatment="([^"]*)" data-count="(\d+)"><a href="([^"]*)"', page)
    assert 0 < len(shown) <= 10
    counts = [int(c) for _, c, _ in shown]
    assert counts == sorted(counts, reverse=True)
    for _, count, link in shown[:3]:
        assert total(client.get(link.replace("&amp;", "&"))) == int(count)


# -- letter page ----------------------------------------------------------------


def letter_with_case() -> Letter:
    return Letter.objects.exclude(case_number=None).order_by("id").first()


def test_a_letter_with_a_case_number_lives_at_its_case_url(client, site):
    letter = letter_with_case()
    response = client.get(f"/letters/{letter.pk}/")
    assert response.status_code == 302 and response["Location"] == f"/case/{letter.case_number}/"
    assert client.get(f"/case/{letter.case_number}/").status_code == 200
    lower = client.get(f"/case/{letter.case_number.lower()}/")
    assert lower.status_code == 301 and lower["Location"] == f"/case/{letter.case_number}/"
    assert client.get("/case/CM99-9999999/").status_code == 404
    assert client.get("/letters/999999/").status_code == 404


def test_a_letter_without_a_case_number_lives_at_its_content_key(client, site):
    letter = Letter.objects.filter(case_number=None).first()
    assert letter is not None, "the seeds include letters without a case number"
    key = letter.sha256[:16]
    assert letter.get_absolute_url() == f"/letter/{key}/"
    assert client.get(f"/letter/{key}/").status_code == 200
    by_id = client.get(f"/letters/{letter.pk}/")
    assert by_id.status_code == 302 and by_id["Location"] == f"/letter/{key}/"
    upper = client.get(f"/letter/{key.upper()}/")
    assert upper.status_code == 301 and upper["Location"] == f"/letter/{key}/"
    assert client.get("/letter/0000000000000000/").status_code == 404


def test_the_letter_page_shows_every_item_with_its_outcome_and_citations(client, site):
    for path in seed_letters()[:6]:
        letter = Letter.objects.get(source_name=path.name)
        expected = [i for i in site if i.letter["file"] == path.name]
        page = html(client.get(letter.get_absolute_url()))
        assert len(re.findall(r'<section class="item" id="item-\d+"', page)) == len(expected)
        for n, item in enumerate(expected, start=1):
            block = page.split(f'id="item-{n}"', 1)[1].split("</section>", 1)[0]
            label = {"upheld": "Denial upheld", "overturned": "Denial overturned",
                     "partial": "Partially overturned", "unknown": "Outcome unclear"}[item.outcome]
            # The outcome row says what the outcome was, then how the letter gives it.
            row = block.split("data-outcome-row>", 1)[1].split("</dd>", 1)[0]
            how = "as the letter states it" if item.item["outcome_stated"] else "read from the rationale"
            assert row.startswith(f"{label}, {how}"), row
            for citation in item.item["citations"]:
                slug = vocabulary.GUIDELINE_BY_NAME[citation["guideline"]].slug
                assert f'href="/guidelines/{slug}/"' in block
                for number in citation["pages"]:
                    assert f'href="/guidelines/{slug}/page/{number}/"' in block


def test_the_letter_page_shows_every_parsed_field(client, site):
    path = SEEDS / "dev-001.txt"
    letter = Letter.objects.get(source_name=path.name)
    page = html(client.get(letter.get_absolute_url()))
    expected = next(i.letter for i in site if i.letter["file"] == path.name)
    assert expected["case_number"] in page
    assert expected["reviewer"]["specialty"] in page
    assert expected["reviewer"]["subspecialty"] in page
    for diagnosis in expected["diagnoses"]:
        assert escape(diagnosis) in page
    assert f"{expected['patient']['age']} years" in page
    assert letter.parser_version in page
    assert "January 14, 2015" in page  # the decision date


def test_the_full_text_marks_each_cited_passage(client, site):
    letter = letter_with_case()
    page = html(client.get(letter.get_absolute_url()))
    text = page.split('<pre class="letter-text"', 1)[1].split("</pre>", 1)[0]
    cited = Citation.objects.filter(issue__letter=letter, span_start__isnull=False)
    spans = set(cited.values_list("span_start", "span_end"))
    assert spans and text.count("<mark") >= 1
    for start, end in spans:
        assert escape(letter.text[start:end]) in text
    marked = re.findall(r'<mark id="(passage-\d+)"', text)
    assert marked and all(f'href="#{anchor}"' in page for anchor in marked)


def test_the_original_is_downloaded_never_rendered(client, site):
    letter = letter_with_case()
    response = client.get(f"/letters/{letter.pk}/original/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert f'filename="{letter.source_name}"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == (SEEDS / letter.source_name).read_bytes()
    assert client.get("/letters/999999/original/").status_code == 404


def test_fields_an_editor_corrected_are_labelled(client, site):
    letter = letter_with_case()
    letter.corrected_fields = ["reviewer_specialty"]
    letter.save()
    issue = letter.issues.get(ordinal=1)
    issue.corrected_fields = ["outcome", "citations"]
    issue.save()
    page = html(client.get(letter.get_absolute_url()))
    assert "corrected these fields by hand: reviewer specialty." in page
    assert "Corrected by an editor: outcome, citations." in page


def test_pages_run_a_bounded_number_of_queries(client, site, django_assert_max_num_queries):
    letter = letter_with_case()
    # The letter, its items, their citations with guidelines; the similar items' rows (the index finds them
    # and counts their treatments' outcomes).
    with django_assert_max_num_queries(4):
        client.get(letter.get_absolute_url())
    with django_assert_max_num_queries(6):  # letters, outcomes, pages (twice at most), treatments and their names
        client.get("/")
    with django_assert_max_num_queries(4):
        client.get("/guidelines/mtus-chronic-pain/")
    with django_assert_max_num_queries(1):
        client.get("/guidelines/")
