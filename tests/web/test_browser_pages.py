"""Every page in Debian's Chromium: a phone screen, the query suggestion, and axe-core on every page.

On a 390 px phone screen no page scrolls sideways and no table is cut (scrolls inside its box), and a
search shows its first result in the first screen. A plain-English search that finds nothing offers the
filtered search, which a click runs. axe-core finds no serious or critical violation on any page, the staff
upload pages and the admin change pages of a letter, an item and a citation included.

Needs /usr/bin/chromium (`sh scripts/install-test-system-deps.sh`, which `make test` runs). Screenshots go
to var/screenshots/.
"""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from playwright.sync_api import Page, expect

from imr_archive.letters.models import Citation, Issue, Letter
from imr_archive.parsing import vocabulary
from imr_archive.uploads.intake import receive_upload
from imr_archive.uploads.processing import process_batch
from tests.browser_support import (
    DESKTOP,
    PHONE,
    axe_violations,
    blocking,
    describe_violations,
    headless_chromium,
    horizontal_overflow,
    shoot,
    wait_for_scrolling_to_stop,
)
from tests.conftest import SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TIMEOUT_MS = 20_000
PASSWORD = "pw-staff-1"
REPORT: list[str] = []  # the address of the upload report the site fixture made


@pytest.fixture(scope="module")
def browser():
    with headless_chromium() as chromium:
        yield chromium


@pytest.fixture
def site(live_server, django_user_model, settings) -> str:
    """The seed letters, a staff member with one upload done (its report at REPORT[0]), the live server's address."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.IMR_UPLOAD_PROCESS_INLINE = True
    call_command("ingest_letters", str(SEEDS), verbosity=0, stdout=StringIO())
    staff = django_user_model.objects.create_superuser("staff", "staff@example.org", PASSWORD)
    batch = receive_upload(staff, [SimpleUploadedFile("letter.txt", (SEEDS / "dev-001.txt").read_bytes()),
                                   SimpleUploadedFile("notes.exe", b"MZ")])
    process_batch(batch.pk)
    REPORT[:] = [batch.get_absolute_url()]
    return live_server.url


def new_page(browser, **options) -> Page:
    context = browser.new_context(**{"viewport": DESKTOP, **options})
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


def sign_in(page: Page, site: str) -> None:
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Username").fill("staff")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def public_pages() -> list[tuple[str, str]]:
    letter = Letter.objects.exclude(case_number=None).order_by("id").first()
    pages = [
        ("home", "/"),
        ("search with words", "/search/?q=acupuncture"),
        ("browse", "/search/"),
        ("search finding nothing, with a suggestion", "/search/?q=acupuncture+upheld"),
        ("search with filters", "/search/?outcome=upheld&category=Pharmaceuticals&year=2015"),
        ("letter", letter.get_absolute_url()),
        ("guidelines", "/guidelines/"),
        ("guideline page view", "/guidelines/mtus-chronic-pain/page/98/"),
    ]
    pages += [(f"guideline {g.short_name}", f"/guidelines/{g.slug}/") for g in vocabulary.GUIDELINES]
    return pages


def staff_pages() -> list[tuple[str, str]]:
    return [("upload", "/upload/"), ("upload history", "/upload/history/"), ("review queue", "/upload/review/"),
            ("upload report", REPORT[0])]


def admin_pages() -> list[tuple[str, str]]:
    issue = Issue.objects.filter(citations__isnull=False).order_by("id").first()
    return [
        ("admin letter", f"/admin/letters/letter/{issue.letter_id}/change/"),
        ("admin item", f"/admin/letters/issue/{issue.pk}/change/"),
        ("admin citation", f"/admin/letters/citation/{Citation.objects.order_by('id').first().pk}/change/"),
    ]


def cut_boxes(page: Page) -> list[str]:
    """Elements whose content is wider than their box and scrolls inside it (a table cut at the screen's edge)."""
    return page.evaluate(
        """() => [...document.body.querySelectorAll('*')]
            .filter(el => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0
                    && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
            .map(el => `${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} px in ${el.clientWidth}`)"""
    )


# -- a phone screen --------------------------------------------------------------------------------------


def test_no_page_scrolls_sideways_or_cuts_a_table_on_a_phone_and_results_come_first(site, browser):
    page = new_page(browser, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    try:
        sign_in(page, site)
        problems = []
        for name, path in public_pages() + staff_pages():
            response = page.goto(f"{site}{path}")
            assert response.ok, f"{name} ({path}): {response.status}"
            wait_for_scrolling_to_stop(page)
            shoot(page, f"phone-{name}", full_page=False)
            if overflow := horizontal_overflow(page, PHONE["width"]):
                problems.append(f"{name} ({path}) scrolls sideways: {overflow}")
            if cut := cut_boxes(page):
                problems.append(f"{name} ({path}) cuts a box: {cut}")
            first = page.locator("[data-issue]").first
            if path.startswith("/search/") and first.count():
                heading = first.get_by_role("heading").bounding_box()
                bottom = heading["y"] + heading["height"]
                if bottom > PHONE["height"]:
                    problems.append(f"{name} ({path}): the first result's title ends at {bottom:.0f} px, "
                                    f"below the first screen ({PHONE['height']} px)")
        assert not problems, "\n".join(problems)
    finally:
        page.context.close()


def test_the_filters_are_one_tap_away_after_the_results_on_a_phone(site, browser):
    page = new_page(browser, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page.goto(f"{site}/search/?q=pain")
        results = page.locator("[data-issue]").first.bounding_box()
        facets = page.locator("[data-facet]").first.bounding_box()
        assert results["y"] < facets["y"], "the filters come before the results"
        page.get_by_role("link", name="Filters", exact=True).click()
        wait_for_scrolling_to_stop(page)
        expect(page.locator("[data-facet]").first).to_be_in_viewport()
    finally:
        page.context.close()


# -- the query suggestion ------------------------------------------------------------------------------


def test_a_plain_english_search_is_offered_as_its_filters_and_one_click_runs_them(site, browser):
    page = new_page(browser)
    try:
        page.goto(f"{site}/")
        box = page.get_by_role("searchbox", name="Search the archive")
        box.fill("acupuncture upheld")
        box.press("Enter")
        page.wait_for_url(re.compile(r"/search/\?q=acupuncture\+upheld$"))
        expect(page.locator("[data-total]")).to_have_attribute("data-total", "0")
        offer = page.locator("[data-offer]")
        expect(offer).to_contain_text("Did you mean: category Acupuncture, outcome upheld?")
        count = int(offer.locator("[data-offer-total]").get_attribute("data-offer-total"))
        assert count > 0
        shoot(page, "suggestion-offered")
        offer.get_by_role("link", name="category Acupuncture, outcome upheld").click()
        page.wait_for_url(re.compile(r"category=Acupuncture"))
        expect(page.locator("[data-total]")).to_have_attribute("data-total", str(count))
        chips = page.locator("a[data-chip]")
        expect(chips).to_have_count(2)
        expect(chips.filter(has_text="Category: Acupuncture")).to_have_count(1)
        expect(chips.filter(has_text="Outcome: Denial upheld")).to_have_count(1)
        expect(page.get_by_role("searchbox", name="Words")).to_have_value("")
        shoot(page, "suggestion-followed")
    finally:
        page.context.close()


# -- the letter page reached from a hit -----------------------------------------------------------------


def test_a_hit_opens_its_letter_at_the_item_with_the_rationale_open_and_the_words_marked(site, browser):
    page = new_page(browser)
    try:
        page.goto(f"{site}/search/?q=cyclobenzaprine")
        hit = page.locator("[data-issue]").filter(has_text="Cyclobenzaprine 7.5mg").first
        hit.get_by_role("heading").get_by_role("link").click()
        page.wait_for_url(re.compile(r"/case/CM14-0203117/\?q=cyclobenzaprine#item-2$"))
        wait_for_scrolling_to_stop(page)
        item = page.locator("#item-2")
        expect(item).to_be_in_viewport()
        rationale = item.locator("details.rationale")
        expect(rationale).to_have_attribute("open", "")
        expect(rationale.locator("mark").first).to_be_visible()
        expect(rationale.locator("mark").first).to_have_text(re.compile("cyclobenzaprine", re.IGNORECASE))
        shoot(page, "letter-from-a-hit", full_page=False)
        # An item reached by its address alone, whose rationale holds no searched word, is opened too.
        page.goto(f"{site}/case/CM14-0203117/#item-3")
        expect(page.locator("#item-3 details.rationale")).to_have_attribute("open", "")
        expect(page.locator("#item-1 details.rationale")).not_to_have_attribute("open", "")
    finally:
        page.context.close()


# -- accessibility ---------------------------------------------------------------------------------------


def test_no_page_has_a_serious_accessibility_violation(site, browser):
    page = new_page(browser)
    try:
        sign_in(page, site)
        screens = [(DESKTOP, public_pages() + staff_pages() + admin_pages()), (PHONE, public_pages() + staff_pages())]
        report, failing = [], []
        for viewport, pages in screens:
            page.set_viewport_size(viewport)
            for name, path in pages:
                page.goto(f"{site}{path}")
                wait_for_scrolling_to_stop(page)
                violations = axe_violations(page)
                if violations:
                    report.append(f"{name}, {viewport['width']} px ({path}):\n{describe_violations(violations)}")
                if blocking(violations):
                    failing.append(f"{name} ({viewport['width']} px)")
        print("\naxe-core findings:\n" + ("\n".join(report) if report else "none"))
        assert not failing, f"serious or critical violations on: {', '.join(failing)}\n" + "\n".join(report)
    finally:
        page.context.close()
