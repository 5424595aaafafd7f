"""Chapters as letters write them, and the canonical chapter each counts under (vocabulary/chapters.py)."""

from __future__ import annotations

import pytest

from imr_archive.parsing.vocabulary import ACOEM, CHAPTERS, MTUS_CHRONIC_PAIN, MTUS_POSTSURGICAL, ODG, OTHER, chapter_of

NSAIDS = "NSAIDs (non-steroidal anti-inflammatory drugs)"
LOW_BACK = "Low Back - Lumbar & Thoracic (Acute & Chronic)"

TABLE = [
    # The split counts: a gloss in parentheses added or left out.
    (MTUS_CHRONIC_PAIN, "NSAIDs", "nsaids", NSAIDS),
    (MTUS_CHRONIC_PAIN, "NSAIDs (non-steroidal anti-inflammatory drugs)", "nsaids", NSAIDS),
    (ODG, "Pain", "pain", "Pain (Chronic)"),
    (ODG, "Pain (Chronic)", "pain", "Pain (Chronic)"),
    # NSAIDs' other topics are other chapters, not the NSAIDs chapter.
    (MTUS_CHRONIC_PAIN, "NSAIDs, GI symptoms & cardiovascular risk", "nsaids-gi-symptoms-and-cardiovascular-risk",
     "NSAIDs, GI symptoms & cardiovascular risk"),
    (MTUS_CHRONIC_PAIN, "Opioids, criteria for use", "opioids-criteria-for-use", "Opioids, criteria for use"),
    (MTUS_CHRONIC_PAIN, "Opioids", "opioids", "Opioids"),
    # Capitals differ only.
    (MTUS_CHRONIC_PAIN, "Topical Analgesics", "topical-analgesics", "Topical analgesics"),
    (MTUS_CHRONIC_PAIN, "topical analgesics.", "topical-analgesics", "Topical analgesics"),
    # A drug's brand alone names its topic.
    (MTUS_CHRONIC_PAIN, "Flexeril", "cyclobenzaprine", "Cyclobenzaprine (Flexeril)"),
    # "and" for "&", the short title for the full one, the reversed title.
    (ODG, "Neck and Upper Back", "neck-and-upper-back", "Neck & Upper Back (Acute & Chronic)"),
    (ODG, "Low Back", "low-back-lumbar-and-thoracic", LOW_BACK),
    (ODG, "Low Back - Lumbar & Thoracic", "low-back-lumbar-and-thoracic", LOW_BACK),
    (ODG, "Chronic Pain", "pain", "Pain (Chronic)"),
    # ACOEM by number, by "Chapter n", by title, or both.
    (ACOEM, "12", "chapter-12", "Chapter 12: Low Back Complaints"),
    (ACOEM, "Chapter 12", "chapter-12", "Chapter 12: Low Back Complaints"),
    (ACOEM, "Low Back Complaints", "chapter-12", "Chapter 12: Low Back Complaints"),
    (ACOEM, "12, Low Back Complaints", "chapter-12", "Chapter 12: Low Back Complaints"),
    (ACOEM, "Chapter 8 Neck and Upper Back Complaints", "chapter-8", "Chapter 8: Neck and Upper Back Complaints"),
    # A chapter of no list is its own, named as written (a bare number as a chapter).
    (ACOEM, "99", "99", "Chapter 99"),
    (MTUS_POSTSURGICAL, "Shoulder", "shoulder", "Shoulder"),
    (OTHER, "Medline Plus", "medline-plus", "Medline Plus"),
    (OTHER, "Medline Plus (NIH)", "medline-plus", "Medline Plus (NIH)"),
    # The same words under two guidelines are two chapters of their own guidelines' lists.
    (ODG, "Shoulder", "shoulder", "Shoulder (Acute & Chronic)"),
]


@pytest.mark.parametrize(("guideline", "written", "slug", "name"), TABLE, ids=[f"{g[:4]}:{w}" for g, w, *_ in TABLE])
def test_a_chapter_as_written_counts_under_its_canonical_chapter(guideline, written, slug, name):
    chapter = chapter_of(guideline, written)
    assert (chapter.slug, chapter.name) == (slug, name)


@pytest.mark.parametrize("written", ["", "   ", "--", "()"])
def test_no_chapter_named_is_no_chapter(written):
    assert chapter_of(MTUS_CHRONIC_PAIN, written) is None


@pytest.mark.parametrize("guideline", list(CHAPTERS))
def test_each_canonical_chapter_of_a_guideline_has_its_own_slug_and_is_its_own_chapter(guideline):
    chapters = CHAPTERS[guideline]
    assert len({c.slug for c in chapters}) == len(chapters)
    for chapter in chapters:
        assert chapter_of(guideline, chapter.name) == chapter
