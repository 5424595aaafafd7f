"""Similar determinations: which items of other letters resemble one item, and in what order.

The rule, the same on every engine (each builds it from its own query
objects, one query per item): an item of another letter is similar when it
disputes the same normalized treatment, or its letter's diagnoses share
key words with this item's, or it cites one of the same guideline pages.
Those of the same treatment come first; among them, and among the rest,
the more diagnosis words and cited pages shared, the earlier. Diagnosis
words are weighed by the engine's more-like-this (Tantivy's MoreLikeThis
query; Whoosh's key terms, as its `more_like` picks them): words common
in the archive weigh little, and only the most telling ones are asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

SIMILAR = 10  # items listed
SAME_TREATMENT = 10_000.0  # the score of the same treatment: above anything diagnoses and pages add up to
SHARED_PAGE = 1.0  # the score of each cited page shared
DIAGNOSIS_TERMS = 12  # the most telling diagnosis words asked for


@dataclass(frozen=True)
class Probe:
    """What an item is compared by."""

    issue_id: int
    letter_id: int  # its letter's items are never similar to it
    treatment: str  # the normalized treatment ("" when the letter's heading gave none)
    diagnoses: tuple[str, ...] = ()  # its letter's diagnoses, as written
    pages: tuple[str, ...] = ()  # the guideline pages it cites, "slug:page"

    @property
    def asks_anything(self) -> bool:
        return bool(self.treatment or self.diagnoses or self.pages)
