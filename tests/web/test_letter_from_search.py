"""A letter page reached from a search hit: the rationales holding the search's words are open, the words marked."""

from __future__ import annotations

import re

from imr_archive.letters.models import Letter
from tests.conftest import SEEDS
from tests.web.conftest import html

CASE = "/case/CM14-0203117/"  # dev-001: item 1 Norco, item 2 Cyclobenzaprine, item 3 urine drug screen


def rationale(page: str, number: int) -> str:
    """The <details> of item `number`'s rationale, opening tag included."""
    block = page.split(f'id="item-{number}"', 1)[1].split("</section>", 1)[0]
    return "<details" + block.split("<details", 1)[1].split("</details>", 1)[0]


def test_the_rationale_holding_the_words_is_open_with_the_words_marked(client, site):
    assert Letter.objects.get(case_number="CM14-0203117").source_name == (SEEDS / "dev-001.txt").name
    page = html(client.get(CASE, {"q": "cyclobenzaprine"}))
    second = rationale(page, 2)
    assert second.startswith('<details class="rationale" open>')
    assert re.search(r"<mark>cyclobenzaprine</mark>", second, re.IGNORECASE)
    third = rationale(page, 3)  # the urine drug screen's rationale does not name it: closed, nothing marked
    assert third.startswith('<details class="rationale">') and "<mark>" not in third


def test_without_search_words_every_rationale_is_closed_and_nothing_is_marked(client, site):
    page = html(client.get(CASE))
    for number in (1, 2, 3):
        assert rationale(page, number).startswith('<details class="rationale">')
        assert "<mark>" not in rationale(page, number)


def test_words_the_search_form_would_refuse_mark_nothing(client, site):
    response = client.get(CASE, {"q": "cyclobenzaprine " * 60})  # over the search's 50 words
    assert response.status_code == 200
    assert "<mark>" not in rationale(html(response), 2)


def test_the_marked_rationale_is_escaped_text(client, site):
    page = html(client.get(CASE, {"q": "<script>cyclobenzaprine"}))
    assert "<script>" not in page.split("<main", 1)[1]
