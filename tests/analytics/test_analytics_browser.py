"""The analytics page and the letter page's similar determinations in Debian's Chromium: axe-core finds no
serious or critical violation, nothing scrolls sideways on a 390 px phone, and the charts are drawn, labelled
and readable with JavaScript off.

Needs /usr/bin/chromium (`sh scripts/install-test-system-deps.sh`, which `make test` runs). Screenshots go
to var/screenshots/.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from imr_archive.letters.models import Letter
from tests.browser_support import (
    DESKTOP,
    PHONE,
    axe_violations,
    blocking,
    describe_violations,
    headless_chromium,
    horizontal_overflow,
    shoot,
)
from tests.conftest import SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TIMEOUT_MS = 20_000
PAGES = [("analytics", "/analytics/"), ("analytics of a search", "/analytics/?q=pain&by=guideline"),
         *[(f"analytics by {by}", f"/analytics/?by={by}") for by in
           ("treatment", "page", "specialty", "year", "month", "age", "sex")],
         ("analytics of treatments holding a text", "/analytics/?by=treatment&treatment_like=tramadol")]


@pytest.fixture(scope="module")
def browser():
    with headless_chromium() as chromium:
        yield chromium


@pytest.fixture
def site(live_server) -> str:
    call_command("ingest_letters", str(SEEDS), verbosity=0, stdout=StringIO())
    return live_server.url


def pages() -> list[tuple[str, str]]:
    letter = Letter.objects.filter(issues__treatment_normalized="acupuncture").order_by("id").first()
    return [*PAGES, ("letter with similar items", letter.get_absolute_url())]


def new_page(browser, **options):
    context = browser.new_context(**{"viewport": DESKTOP, **options})
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


def test_axe_finds_nothing_serious(site, browser):
    page = new_page(browser)
    problems = []
    for name, path in pages():
        page.goto(site + path)
        page.locator("details.similar__list").evaluate_all("(all) => all.forEach(d => d.open = true)")
        if found := blocking(axe_violations(page)):
            problems.append(f"{name} ({path}):\n{describe_violations(found)}")
        shoot(page, f"analytics-{name}")
    assert not problems, "\n".join(problems)


def test_nothing_scrolls_sideways_on_a_phone(site, browser):
    page = new_page(browser, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    problems = []
    for name, path in pages():
        page.goto(site + path)
        if overflow := horizontal_overflow(page, PHONE["width"]):
            problems.append(f"{name} ({path}) scrolls sideways: {overflow}")
        shoot(page, f"analytics-phone-{name}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("path", "kind"), [("/analytics/?by=guideline", "bars"), ("/analytics/?by=month", "line")])
def test_the_charts_are_drawn_and_labelled_without_javascript(site, browser, path, kind):
    page = new_page(browser, java_script_enabled=False)
    page.goto(site + path)
    chart = page.locator(f"svg[data-chart='{kind}']")
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    assert chart.get_attribute("role") == "img"
    assert "Overturn rate by" in chart.locator("title").first.text_content()
    rated = page.locator("tbody tr[data-rate]")
    marks = chart.locator("[data-bar]" if kind == "bars" else "[data-point]")
    values = [rated.nth(i).get_attribute("data-value") for i in range(rated.count())]
    assert values and [marks.nth(i).get_attribute("data-bar" if kind == "bars" else "data-point")
                       for i in range(marks.count())] == [v for v in values if v]
    for i in range(marks.count()):  # each mark is on the page, inside the chart
        mark = marks.nth(i).bounding_box()
        assert mark and box["x"] <= mark["x"] and mark["x"] + mark["width"] <= box["x"] + box["width"] + 1
    shoot(page, f"analytics-no-js-{kind}")
