"""The API's docs in a real browser: Swagger UI renders every endpoint from assets this site serves (no CDN)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser_support import DESKTOP, headless_chromium, shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser():
    with headless_chromium() as chromium:
        yield chromium


def test_the_docs_render_the_schema_from_this_site_alone(browser, live_server):
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(20_000)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server.url + "/api/docs/")

    expect(page.get_by_text("/api/v1/search/").first).to_be_visible()
    expect(page.get_by_text("Search the items").first).to_be_visible()
    shoot(page, "api-docs", full_page=False)
    hosts = {urlsplit(url).netloc for url in requested if urlsplit(url).scheme in ("http", "https")}
    assert hosts == {urlsplit(live_server.url).netloc}, f"the docs fetched from elsewhere: {hosts}"
    context.close()
