""""Cite this" in a real browser: the button copies the citation; without JavaScript the text is there to select."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from imr_archive.letters.models import Letter
from tests.browser_support import DESKTOP, axe_violations, blocking, describe_violations, headless_chromium, shoot
from tests.conftest import SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ITEM_2 = ("IMR Final Determination, Case CM14-0203117 (Cal. Div. Workers' Comp. Jan. 14, 2015), "
          "item 2, Cyclobenzaprine 7.5mg #60 (denial upheld)")
TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def browser():
    with headless_chromium() as chromium:
        yield chromium


@pytest.fixture
def letter_url(browser, live_server) -> str:
    call_command("ingest_letters", str(SEEDS / "dev-001.txt"), verbosity=0, stdout=StringIO())
    return live_server.url + Letter.objects.get().get_absolute_url()


def test_the_copy_button_puts_the_items_citation_on_the_clipboard(browser, letter_url):
    context = browser.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto(letter_url)
    item = page.locator("#item-2")
    button = item.get_by_role("button", name="Copy the citation of this item")
    expect(button).to_be_visible()

    button.click()

    expect(item.get_by_role("status")).to_have_text("Copied.")
    assert page.evaluate("() => navigator.clipboard.readText()") == ITEM_2
    shoot(page, "cite-this-copied", full_page=False)
    problems = blocking(axe_violations(page))
    assert not problems, describe_violations(problems)
    context.close()


def test_without_javascript_the_citation_is_text_to_select_and_no_button_shows(browser, letter_url):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto(letter_url)
    item = page.locator("#item-2")

    expect(item.locator("[data-cite-text]")).to_have_text(ITEM_2)
    expect(item.get_by_role("button", name="Copy the citation of this item")).to_be_hidden()
    item.locator("[data-cite-text]").click()  # one click selects the whole citation (user-select: all)
    assert page.evaluate("() => window.getSelection().toString()") == ITEM_2
    context.close()
