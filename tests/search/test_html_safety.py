"""A letter holding HTML and script is shown as text on every page that shows it, on every search engine.

tests/fixtures/letter_with_html.txt is a seed letter (dev-001, as case
CM14-0999901) whose treatment, rationale, diagnoses and case summary hold
markup: a made-up element <imr-payload> with event handlers, an <img>
with onerror, and <script> blocks, each calling imrPayload(). Each page is
parsed, and must hold no element, attribute or script of the letter's, and
must show the markup as text (so the letter's words did reach the page:
a page that dropped them could not fail the first check).
"""

from __future__ import annotations

from html.parser import HTMLParser
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from imr_archive.letters.models import Letter
from tests.conftest import REPO
from tests.uploads.conftest import table

LETTER = REPO / "tests" / "fixtures" / "letter_with_html.txt"
CASE = "CM14-0999901"
TREATMENT = """Norco <imr-payload title="x" onclick="imrPayload('treatment')">10/325mg</imr-payload> #120"""
DIAGNOSIS = """<imr-payload onmouseover="imrPayload('diagnosis')">disc disease</imr-payload>"""
SUMMARY = "<script>imrPayload('summary')</script>"
RATIONALE = """<img src=x onerror="imrPayload('rationale')"> "><script>imrPayload('rationale')</script>"""


class Page(HTMLParser):
    """What a browser would build from a page: its elements, their attributes, scripts and text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)

    def injected(self) -> list[str]:
        """Every element, attribute or script that came from the letter's markup."""
        found = [tag for tag, _ in self.elements if tag == "imr-payload"]
        found += [f"<{tag} {name}>" for tag, attrs in self.elements for name, value in attrs
                  if name.startswith("on") and "imrPayload" in (value or "")]
        found += [script for script in self.scripts if "imrPayload" in script]
        return found

    def shows(self, markup: str) -> bool:
        """Whether the page shows `markup` as text, or as the value of a form field (the admin's)."""
        values = [value or "" for tag, attrs in self.elements if tag == "input" for name, value in attrs
                  if name == "value"]
        return any(markup in " ".join(text.split()) for text in (" ".join(self.text), *values))


def page(client: Client, url: str) -> Page:
    response = client.get(url)
    assert response.status_code == 200, url
    shown = Page(response.content.decode())
    assert shown.injected() == [], url
    return shown


@pytest.fixture
def letter(db, search_backend) -> Letter:
    """The letter in the archive and in the index of the engine under test."""
    call_command("ingest_letters", str(LETTER), verbosity=0, stdout=StringIO())
    return Letter.objects.get(case_number=CASE)


@pytest.fixture
def staff() -> Client:
    User.objects.create_superuser("admin", "admin@example.org", "pw")
    client = Client()
    client.login(username="admin", password="pw")
    return client


def test_the_letter_keeps_its_markup_as_text(letter):
    """The fixture is what it claims: the parser read the markup into each field."""
    issue = letter.issues.get(ordinal=1)
    assert issue.treatment == TREATMENT and RATIONALE in issue.rationale
    assert DIAGNOSIS in letter.diagnoses and SUMMARY in letter.case_summary


@pytest.mark.parametrize(("query", "shown"), [
    ("norco", [TREATMENT]),
    ("extremity", [TREATMENT, "imrPayload('rationale')"]),  # the snippet of the rationale around the markup
    ("pallets", ["<script>imrPayload('summary')"]),  # the snippet of the case summary
    (f"case={CASE}", [TREATMENT]),  # browsing: answered by the database
])
def test_search_results_and_snippets_show_the_markup_as_text(client, letter, query, shown):
    results = page(client, f"/search/?{query if '=' in query else 'q=' + query}")
    for markup in shown:
        assert results.shows(markup), markup


def test_the_letter_page_shows_the_markup_as_text(client, letter):
    shown = page(client, f"/case/{CASE}/")
    for markup in (TREATMENT, DIAGNOSIS, SUMMARY, RATIONALE):
        assert shown.shows(markup), markup


def test_the_guideline_page_view_shows_the_markup_as_text(client, letter):
    assert page(client, "/guidelines/mtus-chronic-pain/page/77/").shows(TREATMENT)
    assert page(client, "/guidelines/mtus-chronic-pain/page/77/?q=extremity").shows("imrPayload('rationale')")


def test_the_admin_change_pages_show_the_markup_as_text(letter, staff):
    shown = page(staff, f"/admin/letters/letter/{letter.pk}/change/")
    for markup in (TREATMENT, SUMMARY, "imrPayload('diagnosis')", "imrPayload('rationale')"):
        assert shown.shows(markup), markup
    issue = letter.issues.get(ordinal=1)
    assert page(staff, f"/admin/letters/issue/{issue.pk}/change/").shows(TREATMENT)
    assert page(staff, "/admin/letters/issue/?q=norco").shows(TREATMENT)


def test_the_upload_report_shows_no_markup_of_the_letter(db, search_backend, staff, settings):
    settings.IMR_UPLOAD_PROCESS_INLINE = True
    with LETTER.open("rb") as letter_file:
        response = staff.post("/upload/", {"files": [letter_file]}, follow=True)
    assert response.status_code == 200
    assert Page(response.content.decode()).injected() == []
    assert [(row.name, row.status) for row in table(response)] == [(LETTER.name, "new")]
    for url in ("/upload/history/", "/upload/review/"):
        page(staff, url)
