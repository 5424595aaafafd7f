"""Each stored citation carries its canonical chapter: set by the ingest and by an edit."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from imr_archive.letters.models import Citation, Guideline, Issue
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db

# Written by hand from the seed letters: each wording and the canonical chapter it counts under.
EXPECTED = {
    ("MTUS Chronic Pain", "NSAIDs"): "nsaids",
    ("MTUS Chronic Pain", "NSAIDs (non-steroidal anti-inflammatory drugs)"): "nsaids",
    ("ODG", "Pain"): "pain",
    ("ODG", "Pain (Chronic)"): "pain",
    ("ACOEM", "12"): "chapter-12",
    ("MTUS Acupuncture", ""): "",
}


@pytest.fixture
def stored():
    call_command("ingest_letters", str(SEEDS), verbosity=0, stdout=StringIO())


def slugs() -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = {}
    for short_name, chapter, slug in Citation.objects.values_list("guideline__short_name", "chapter", "chapter_slug"):
        found.setdefault((short_name, chapter), set()).add(slug)
    return found


def test_the_ingest_stores_each_citation_s_canonical_chapter(stored):
    found = slugs()
    for key, slug in EXPECTED.items():
        assert found[key] == {slug}, key


def test_an_edited_chapter_gets_its_canonical_chapter(stored):
    citation = Citation.objects.filter(guideline__slug="odg", chapter="Pain").first()
    citation.chapter = "Low Back"
    citation.save()
    citation.refresh_from_db()
    assert citation.chapter_slug == "low-back-lumbar-and-thoracic"
    citation.chapter = "Pain (Chronic)"
    citation.save(update_fields=["chapter"])
    citation.refresh_from_db()
    assert citation.chapter_slug == "pain"


def test_a_citation_added_in_the_admin_s_way_gets_its_chapter(stored):
    issue = Issue.objects.first()
    odg = Guideline.objects.get(slug="odg")
    citation = Citation.objects.create(issue=issue, ordinal=99, source="reviewer", guideline=odg, mtus=False,
                                       chapter="Neck and Upper Back")
    assert Citation.objects.get(pk=citation.pk).chapter_slug == "neck-and-upper-back"
