"""The seed archive of tests/search (ingested once per module, indexed by every engine), and the annotations'
own answers to each breakdown."""

from __future__ import annotations

from collections import Counter

from imr_archive.parsing.vocabulary import GUIDELINE_BY_NAME
from tests.search.conftest import ExpectedItem, items, search_backend, seeded_archive  # noqa: F401 - fixtures

# The normalized treatments the annotated letters dispute more than once, read by hand from their headings:
# name -> the words a heading holds (in lower case) when it names that treatment, and those it must not hold.
REPEATED_TREATMENTS = {
    "mri": (("mri",), ()),
    "acupuncture": (("acupuncture",), ()),
    "urine drug screen": (("urine drug screen",), ()),
    "functional restoration program": (("functional restoration program",), ()),
    "norco": (("norco",), ()),
    "oxycodone": (("oxycodone",), ()),
    "physical therapy": (("physical therapy",), ("post-operative", "postoperative")),
    "post-operative physical therapy": (("post-operative physical therapy",), ()),
    "tramadol": (("tramadol",), (" er",)),
}


def age_band(age: int | None) -> str:
    """The issue's bands, written out: under 30, 30-39, 40-49, 50-59, 60 and over."""
    if age is None:
        return ""
    if age < 30:
        return "under 30"
    if age >= 60:
        return "60 and over"
    return f"{age // 10 * 10}-{age // 10 * 10 + 9}"


def values_of(item: ExpectedItem, field: str, guideline: str = "", year: int | None = None) -> list[str]:
    """The values an annotated item counts under in a breakdown by `field`: for pages, of `guideline` (every
    guideline's as "slug:page" when none is given); for months, of `year` (every month when none is)."""
    letter, annotated = item.letter, item.item
    decision = letter["dates"]["decision"] or ""
    slugs = {GUIDELINE_BY_NAME[c["guideline"]].slug for c in annotated["citations"]}
    return {
        "category": lambda: [annotated["category"]],
        "guideline": lambda: sorted(slugs),
        "page": lambda: sorted({f"{slug}:{p}" if not guideline else str(p) for c in annotated["citations"]
                                if (slug := GUIDELINE_BY_NAME[c["guideline"]].slug) == guideline or not guideline
                                for p in c["pages"]}),
        "specialty": lambda: [letter["reviewer"]["specialty"] or ""],
        "year": lambda: [decision[:4]],
        "month": lambda: [decision[:7]] if decision.startswith(f"{year}-" if year else "") and decision else [],
        "age": lambda: [age_band(letter["patient"]["age"])],
        "sex": lambda: [letter["patient"]["sex"] or ""],
    }[field]()


def expected_counts(annotated: list[ExpectedItem], field: str, **narrowing) -> dict[str, Counter[str]]:
    """value -> outcome -> items, from the annotations of `annotated`."""
    counts: dict[str, Counter[str]] = {}
    for item in annotated:
        for value in values_of(item, field, **narrowing):
            counts.setdefault(value, Counter())[item.item["outcome"]] += 1
    return counts


def treatment_of(heading: str) -> str | None:
    """The repeated treatment an annotated heading names, if any (REPEATED_TREATMENTS)."""
    lower = heading.lower()
    named = [name for name, (holds, lacks) in REPEATED_TREATMENTS.items()
             if all(w in lower for w in holds) and not any(w in lower for w in lacks)]
    return max(named, key=len) if named else None
