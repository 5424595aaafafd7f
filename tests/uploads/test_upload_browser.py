"""The upload flow in headless Chromium: sign in through the admin, upload, watch the batch page finish.

Needs Debian's Chromium at /usr/bin/chromium (`apt-get install chromium`); Playwright's own browser
download is never used. The screenshot goes to var/screenshots/upload-batch.png.
"""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from imr_archive.letters.models import Letter
from imr_archive.uploads.intake import receive_upload
from imr_archive.uploads.processing import process_batch
from tests.browser_support import SCREENSHOTS, headless_chromium
from tests.uploads.conftest import LETTERS

# The live server's threads and the background upload thread need committed rows.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TIMEOUT_MS = 60_000


@pytest.fixture
def browser(settings, reads_beside_the_upload_thread):
    """A fresh headless Chromium; the live server reads through this thread's connection, beside
    the upload thread (hence reads_beside_the_upload_thread)."""
    settings.IMR_UPLOAD_PROCESS_INLINE = False  # the real path: a background thread, the page refreshing itself
    with headless_chromium() as chromium:
        yield chromium


def test_staff_upload_two_letters_and_a_bad_file(browser, live_server, staff, tmp_path):
    page = browser.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{live_server.url}/upload/")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next=/upload/"))
    page.fill("#id_username", staff.username)
    page.fill("#id_password", "pw-editor-1")
    page.click("input[type=submit]")
    expect(page.locator("h1")).to_have_text("Upload letters")

    bad = tmp_path / "minutes.docx"
    bad.write_bytes(b"PK\x03\x04 not a letter")
    page.set_input_files("input[type=file]", [str(LETTERS[0]), str(LETTERS[1]), str(bad)])
    page.click(".upload-form button[type=submit]")

    expect(page).to_have_url(re.compile(r"/upload/\d+/$"))
    # The page reloads itself (meta refresh, no JavaScript) until every file has its outcome.
    expect(page.locator("[data-batch-status]")).to_have_attribute("data-batch-status", "done", timeout=TIMEOUT_MS)
    rows = page.locator("tr[data-file]")
    expect(rows).to_have_count(3)
    statuses = [rows.nth(i).get_attribute("data-status") for i in range(3)]
    names = [rows.nth(i).locator("[data-name]").inner_text() for i in range(3)]
    assert list(zip(names, statuses, strict=True)) == [(LETTERS[0].name, "new"), (LETTERS[1].name, "new"),
                                                       ("minutes.docx", "failed")]
    expect(rows.nth(2)).to_contain_text(".docx files are not accepted")
    first = Letter.objects.get(source_name=LETTERS[0].name)
    expect(rows.nth(0).locator(f'a[href="{first.get_absolute_url()}"]')).to_be_visible()

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "upload-batch.png"), full_page=True)


def test_the_batch_page_follows_a_running_batch_without_javascript(browser, live_server, staff, client):
    """The page of a queued batch shows the batch finishing, with no reload by the user and no script."""
    page = browser.new_page(java_script_enabled=False)
    client.force_login(staff)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "url": live_server.url}])
    batch = receive_upload(staff, [SimpleUploadedFile(LETTERS[0].name, LETTERS[0].read_bytes())])
    page.goto(f"{live_server.url}{batch.get_absolute_url()}")
    expect(page.locator("[data-batch-status]")).to_have_attribute("data-batch-status", "queued")
    expect(page.locator("tr[data-file]")).to_have_attribute("data-status", "pending")
    process_batch(batch.pk)
    expect(page.locator("[data-batch-status]")).to_have_attribute("data-batch-status", "done", timeout=10_000)
    expect(page.locator("tr[data-file]")).to_have_attribute("data-status", "new")
