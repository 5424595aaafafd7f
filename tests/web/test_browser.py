"""The site in a real browser: Debian's Chromium driven by Playwright against a live server holding the seeds.

What a user does and sees: search from the home page, narrow by a facet and widen again with its chip, open a
hit's letter at its item, follow a cited page to every item citing it; the pages on a phone screen; axe-core's
accessibility rules; and the same search and facet with JavaScript turned off.

Needs /usr/bin/chromium (`sh scripts/install-test-system-deps.sh`, which `make test` runs). Screenshots of every
step go to var/screenshots/.
"""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tests.browser_support import (
    DESKTOP,
    PHONE,
    axe_violations,
    blocking,
    describe_violations,
    fresh_screenshot_folder,
    headless_chromium,
    horizontal_overflow,
    shoot,
    wait_for_scrolling_to_stop,
)
from tests.conftest import SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUERY = "acupuncture"
TIMEOUT_MS = 20_000
# A link to a cited page, as the letter page names it for screen readers: "MTUS CPMTG page 98: every item citing it".
PAGE_LINK = re.compile(r"page \d+: every item citing it")


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module."""
    fresh_screenshot_folder()
    with headless_chromium() as chromium:
        yield chromium


@pytest.fixture
def site(browser, live_server) -> str:
    """The seed letters ingested (database and this test's own index); the live server's address."""
    call_command("ingest_letters", str(SEEDS), verbosity=0, stdout=StringIO())
    return live_server.url


def new_page(browser, **options) -> Page:
    context = browser.new_context(**{"viewport": DESKTOP, **options})
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


@pytest.fixture
def page(browser):
    page = new_page(browser)
    yield page
    page.context.close()


# -- reading what the user sees through the pages' data-* hooks ------------------------------------


def shown_total(page: Page) -> int:
    """The total of the search, as its data-total says; the same number must be the visible text."""
    total = page.locator("[data-total]")
    expect(total).to_have_count(1)
    value = int(total.get_attribute("data-total"))
    assert total.inner_text().replace(",", "").strip() == str(value), "the total shown differs from data-total"
    return value


def facet_values(page: Page) -> list[dict]:
    return page.locator("[data-facet]").evaluate_all(
        """els => els.map(el => ({facet: el.dataset.facet, value: el.dataset.value, count: +el.dataset.count,
                                  label: (el.querySelector('.facet__label') || el).innerText.trim()}))"""
    )


def pick_narrowing_facet(page: Page, total: int) -> dict:
    """A facet value a user would click to narrow the results: outcome upheld if it narrows, else another."""
    values = facet_values(page)
    assert values, "the search page shows no facet values"
    narrowing = [v for v in values if 0 < v["count"] < total]
    assert narrowing, f"no facet value narrows a search of {total} items: {values}"
    preference = {("outcome", "upheld"): 0, ("outcome", "overturned"): 1}
    return min(narrowing, key=lambda v: (preference.get((v["facet"], v["value"]), 2 if v["facet"] == "category"
                                                        else 3), -v["count"]))


def facet_entry(page: Page, value: dict):
    return page.locator(f'[data-facet="{value["facet"]}"][data-value="{value["value"]}"]')


def click_facet(page: Page, value: dict) -> None:
    """Click a facet value as a user does: the link inside its entry (or the entry when it is the link)."""
    entry = facet_entry(page, value)
    link = entry.get_by_role("link")
    (link if link.count() else entry).first.click()


def hit_ids(page: Page) -> list[int]:
    return [int(i) for i in page.locator("[data-issue]").evaluate_all("els => els.map(el => el.dataset.issue)")]


def chips(page: Page):
    return page.locator("a[data-chip]")


def facet_chip(page: Page, value: dict):
    """The chip of an applied facet value: a link naming the value as the facet list labels it ("Outcome: Denial
    upheld"). Case-sensitive, after the colon, so that the chip of the words ("Words: acupuncture") never
    passes for the category "Acupuncture"."""
    return chips(page).filter(has_text=re.compile(rf":\s*{re.escape(value['label'])}(?![\w-])"))


def search_from_home(page: Page, site: str, query: str) -> None:
    page.goto(f"{site}/")
    box = page.get_by_role("searchbox", name="Search the archive")
    expect(box).to_be_visible()
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?"))


# -- the journey -----------------------------------------------------------------------------------


def test_search_narrow_widen_open_letter_and_follow_a_cited_page(site, page):
    page.goto(f"{site}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shoot(page, "01-home")

    # Search from the home page's search box.
    box = page.get_by_role("searchbox", name="Search the archive")
    box.fill(QUERY)
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(rf"/search/\?(.*&)?q={QUERY}"))
    expect(page.get_by_role("searchbox", name="Words")).to_have_value(QUERY)
    total = shown_total(page)
    hits = hit_ids(page)
    assert total > 0 and hits, f"searching {QUERY!r} found nothing"
    assert len(hits) == min(total, 20)
    expect(chips(page)).to_have_count(1)  # the words are an active filter too, removable like the others
    expect(chips(page)).to_contain_text(QUERY)
    shoot(page, "02-search-results")

    # Narrow by a facet value: the total becomes the count the facet showed, and a chip names the filter.
    chosen = pick_narrowing_facet(page, total)
    click_facet(page, chosen)
    expect(page.locator("[data-total]")).to_have_attribute("data-total", str(chosen["count"]))
    assert shown_total(page) == chosen["count"]
    assert len(hit_ids(page)) == min(chosen["count"], 20)
    if chosen["facet"] == "outcome":
        outcomes = page.locator("[data-issue]").evaluate_all("els => els.map(el => el.dataset.outcome)")
        assert set(outcomes) == {chosen["value"]}, outcomes
    expect(chips(page)).to_have_count(2)
    expect(facet_chip(page, chosen)).to_have_count(1)
    expect(facet_entry(page, chosen).get_by_role("link")).to_have_attribute("aria-current", "true")
    expect(page.get_by_role("searchbox", name="Words")).to_have_value(QUERY)
    shoot(page, "03-search-facet-applied")

    # Remove the chip: the search widens back to where it was.
    facet_chip(page, chosen).click()
    expect(chips(page)).to_have_count(1)
    expect(facet_chip(page, chosen)).to_have_count(0)
    expect(page.locator("[data-total]")).to_have_attribute("data-total", str(total))
    assert hit_ids(page) == hits
    expect(page.get_by_role("searchbox", name="Words")).to_have_value(QUERY)
    shoot(page, "04-search-chip-removed")

    # Open hits' letters until one whose item cites a page (the letter opens at that item).
    results_url = page.url
    for issue_id in hits:
        page.goto(results_url)
        title = page.locator(f'[data-issue="{issue_id}"]').get_by_role("heading").get_by_role("link")
        treatment = title.inner_text().strip()
        title.click()
        page.wait_for_url(re.compile(r"/(case/[^/]+|letter/[0-9a-f]{16})/(\?q=[^#]*)?#item-\d+$"))
        anchor = page.url.rsplit("#", 1)[1]
        item = page.locator(f"#{anchor}")
        wait_for_scrolling_to_stop(page)
        box = item.bounding_box()
        assert box and 0 <= box["y"] <= 100, f"the letter did not open at {anchor}: its top is at {box}"
        expect(item.get_by_role("heading").first).to_contain_text(treatment)
        page_links = item.get_by_role("link", name=PAGE_LINK)
        if page_links.count():
            break
    else:
        pytest.fail(f"none of the {len(hits)} hits for {QUERY!r} cites a guideline page")
    shoot(page, "05-letter-at-item-screen", full_page=False)
    shoot(page, "05-letter-at-item")

    # Follow the citation's page: every determination citing that page, ours among them.
    cited = page_links.first
    label = cited.get_attribute("aria-label")
    number = cited.inner_text().strip()
    cited.click()
    page.wait_for_url(re.compile(rf"/guidelines/[^/]+/page/{number}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"page {number}")
    assert label.split(" page ")[0] in page.get_by_role("heading", level=1).inner_text()
    cited_total = shown_total(page)
    listed = hit_ids(page)
    assert cited_total >= 1 and listed
    assert len(listed) == min(cited_total, 20)
    if cited_total <= 20:
        assert issue_id in listed, f"item {issue_id} cites page {number} but is not listed on its page"
    shoot(page, "06-guideline-page-view")

    # Up to the guideline: the page just visited is in its table of cited pages.
    page.locator(".breadcrumb").get_by_role("link").last.click()
    page.wait_for_url(re.compile(r"/guidelines/[^/]+/$"))
    expect(page.locator(f'[data-page="{number}"]')).to_have_count(1)
    shoot(page, "07-guideline")


# -- a phone screen --------------------------------------------------------------------------------


def test_pages_fit_a_phone_screen_without_sideways_scrolling(site, browser):
    page = new_page(browser, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    try:
        problems = []
        search_from_home(page, site, QUERY)
        letter_url = page.locator("[data-issue]").first.get_by_role("heading").get_by_role("link").get_attribute(
            "href")
        for name, path in (("home", "/"), ("search", f"/search/?q={QUERY}"), ("letter", letter_url)):
            page.goto(f"{site}{path}")
            wait_for_scrolling_to_stop(page)
            shoot(page, f"phone-{name}-screen", full_page=False)
            shoot(page, f"phone-{name}")
            overflow = horizontal_overflow(page, PHONE["width"])
            if overflow:
                problems.append(f"{name} page ({path}) scrolls sideways: {overflow}")
        assert not problems, "\n".join(problems)
    finally:
        page.context.close()


# -- accessibility ---------------------------------------------------------------------------------


def test_pages_have_no_serious_accessibility_violations(site, page):
    pages: list[tuple[str, str]] = []
    search_from_home(page, site, QUERY)
    pages.append(("home", f"{site}/"))
    pages.append(("search", page.url))
    chosen = pick_narrowing_facet(page, shown_total(page))
    click_facet(page, chosen)
    expect(facet_chip(page, chosen)).to_have_count(1)
    pages.append(("search with a filter", page.url))
    page.locator("[data-issue]").first.get_by_role("heading").get_by_role("link").click()
    page.wait_for_url(re.compile(r"#item-\d+$"))
    pages.append(("letter", page.url))
    page.goto(f"{site}/guidelines/")
    pages.append(("guidelines", page.url))
    page.locator("[data-guideline]").filter(has=page.locator("td a")).first.get_by_role("rowheader").get_by_role(
        "link").click()
    page.wait_for_url(re.compile(r"/guidelines/[^/]+/$"))
    pages.append(("guideline", page.url))
    page.locator("[data-page]").first.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/page/\d+/$"))
    pages.append(("guideline page", page.url))

    # Every page on a desktop screen, then on a phone screen (its own layout: wrapped header, stacked filters).
    report, failing = [], []
    for screen, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        for name, url in pages:
            page.goto(url)
            wait_for_scrolling_to_stop(page)
            violations = axe_violations(page)
            if violations:
                report.append(f"{name}, {screen} ({url}):\n{describe_violations(violations)}")
            if blocking(violations):
                failing.append(f"{name} ({screen})")
    print("\naxe-core findings:\n" + ("\n".join(report) if report else "none"))
    assert not failing, (f"serious or critical accessibility violations on: {', '.join(failing)}\n"
                         + "\n".join(report))


# -- without JavaScript ----------------------------------------------------------------------------


def test_search_and_facet_work_without_javascript(site, browser):
    page = new_page(browser, java_script_enabled=False)
    try:
        search_from_home(page, site, QUERY)
        total = shown_total(page)
        assert total > 0 and hit_ids(page)
        chosen = pick_narrowing_facet(page, total)
        click_facet(page, chosen)
        expect(page.locator("[data-total]")).to_have_attribute("data-total", str(chosen["count"]))
        expect(facet_chip(page, chosen)).to_have_count(1)
        shoot(page, "nojs-facet-applied")
        facet_chip(page, chosen).click()
        expect(facet_chip(page, chosen)).to_have_count(0)
        expect(page.locator("[data-total]")).to_have_attribute("data-total", str(total))
    finally:
        page.context.close()
