"""Finding a letter by the last part of its permalink: its case number, or its lasting key.

A letter with a case number lives at /case/<case number>/, one without at
/letter/<key>/, where the key is the first 16 hex digits of the SHA-256 of
its text when first stored (Letter.permalink, docs/api.md "Permalinks").
"""

from __future__ import annotations

import re

from django.db.models import Prefetch, QuerySet
from django.urls import reverse

from imr_archive.letters.models import Citation, Letter

KEY = re.compile(r"[0-9a-fA-F]{16}")


def letters_with_items() -> QuerySet[Letter]:
    """Letters with their items and the items' citations and guidelines: three queries for a letter."""
    citations = Citation.objects.select_related("guideline")
    return Letter.objects.prefetch_related("issues", Prefetch("issues__citations", queryset=citations))


def find_letter(permalink: str, letters: QuerySet[Letter] | None = None) -> Letter | None:
    """The letter of a case number (any letter case) or of a 16-hex-digit key, or None."""
    letters = letters if letters is not None else Letter.objects.all()
    if KEY.fullmatch(permalink):
        return letters.filter(permalink=permalink.lower()).first()
    return letters.filter(case_number__iexact=permalink).first()


class PermalinkPaths:
    """Letter.get_absolute_url without a model instance or a URL lookup per letter (exports write thousands).

    Each address is the site's own (reversed once), with the case number or
    the key put in place of a stand-in.
    """

    STAND_IN = "STANDIN"

    def __init__(self) -> None:
        self._case = reverse("web:letter_by_case", args=[self.STAND_IN]).rpartition(self.STAND_IN)
        self._key = reverse("web:letter_by_permalink", args=[self.STAND_IN]).rpartition(self.STAND_IN)

    def of(self, case_number: str | None, key: str) -> str:
        head, _, tail = self._case if case_number else self._key
        return f"{head}{case_number or key}{tail}"
