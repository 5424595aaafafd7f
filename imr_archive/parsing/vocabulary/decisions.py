"""Decision words as printed in headings and decision lines ("Upheld", "Partially
Overturned", "Modified", "Not Certified"), most specific first (SCHEMA.md, `outcome`)."""

from __future__ import annotations

import re

from imr_archive.parsing.result import OVERTURNED, PARTIAL, UPHELD

__all__ = ["OUTCOME_WORDS", "OUTCOME_WORD_PATTERN", "outcome_of_word"]


OUTCOME_WORDS: tuple[tuple[str, str], ...] = (
    (r"partially\s+overturned|overturned\s+in\s+part|partially\s+upheld|upheld\s+in\s+part|partial(?:ly)?"
     r"(?:\s+(?:certified|approved|authorized|granted))?|modified|certified\s+in\s+part|approved\s+in\s+part",
     PARTIAL),
    (r"not\s+certified|non-?\s*certified|not\s+approved|not\s+authorized|denied|upheld|uphold|affirmed",
     UPHELD),
    (r"overturned|overturn|reversed|certified|approved|authorized|granted", OVERTURNED),
)
OUTCOME_WORD_PATTERN = "(?:" + "|".join(p for p, _ in OUTCOME_WORDS) + ")"
_OUTCOME_RES = tuple((re.compile(r"^(?:" + p + r")$", re.IGNORECASE), o) for p, o in OUTCOME_WORDS)


def outcome_of_word(word: str) -> str | None:
    """Map a printed decision word onto an outcome, None when it is not one."""
    w = " ".join(word.split()).strip(" .:-")
    for rx, outcome in _OUTCOME_RES:
        if rx.match(w):
            return outcome
    return None
