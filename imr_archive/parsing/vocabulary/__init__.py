"""Canonical vocabularies (SCHEMA.md) and the tables that map raw wording onto them.

Everything here is data, one module per idea: treatment categories
(categories.py, with the drug names of drugs.py), guidelines (guidelines.py)
and their canonical chapters (chapters.py),
reviewer specialties and states (specialties.py), decision words
(decisions.py) and section headings (headings.py). The stages import the
tables and run them in order; the Django side imports the canonical lists
from here (CATEGORIES, GUIDELINES, SPECIALTIES, OUTCOMES) for choices and facets.
"""

from imr_archive.parsing.result import OUTCOMES
from imr_archive.parsing.vocabulary.categories import CATEGORIES, CATEGORY_RULES, OTHER_CATEGORY, categorize
from imr_archive.parsing.vocabulary.chapters import CHAPTERS, Chapter, chapter_of
from imr_archive.parsing.vocabulary.decisions import OUTCOME_WORD_PATTERN, OUTCOME_WORDS, outcome_of_word
from imr_archive.parsing.vocabulary.drugs import DRUG_NAMES
from imr_archive.parsing.vocabulary.guidelines import (
    ACOEM,
    ACOEM_CHAPTERS,
    GUIDELINE_BY_NAME,
    GUIDELINE_BY_SLUG,
    GUIDELINE_PATTERNS,
    GUIDELINES,
    MTUS_ACUPUNCTURE,
    MTUS_CHRONIC_PAIN,
    MTUS_POSTSURGICAL,
    ODG,
    ODG_CHAPTERS,
    OTHER,
    OTHER_SOURCES,
    Guideline,
)
from imr_archive.parsing.vocabulary.headings import SECTION_HEADINGS
from imr_archive.parsing.vocabulary.specialties import SPECIALTIES, SPECIALTY_RULES, US_STATES, normalize_specialty

__all__ = [
    "ACOEM",
    "ACOEM_CHAPTERS",
    "CATEGORIES",
    "CATEGORY_RULES",
    "CHAPTERS",
    "DRUG_NAMES",
    "GUIDELINES",
    "GUIDELINE_BY_NAME",
    "GUIDELINE_BY_SLUG",
    "GUIDELINE_PATTERNS",
    "MTUS_ACUPUNCTURE",
    "MTUS_CHRONIC_PAIN",
    "MTUS_POSTSURGICAL",
    "ODG",
    "ODG_CHAPTERS",
    "OTHER",
    "OTHER_CATEGORY",
    "OTHER_SOURCES",
    "OUTCOMES",
    "OUTCOME_WORDS",
    "OUTCOME_WORD_PATTERN",
    "SECTION_HEADINGS",
    "SPECIALTIES",
    "SPECIALTY_RULES",
    "US_STATES",
    "Chapter",
    "Guideline",
    "categorize",
    "chapter_of",
    "normalize_specialty",
    "outcome_of_word",
]
