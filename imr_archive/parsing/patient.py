"""The patient's age and sex (SCHEMA.md `patient`), read from the case summary."""

from __future__ import annotations

import re

from imr_archive.parsing.result import Patient
from imr_archive.parsing.scan import lower

__all__ = ["read_patient"]

_I = re.IGNORECASE


_AGE = re.compile(r"(\d{1,3})\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b|(\d{1,3})\s*(?:y/o|y\.o\.|yo)\b"
                  r"|aged?\s*(?:of\s*)?:?\s*(\d{1,3})\b")
_SEX_WORD = re.compile(r"(?:[\s,]+[\w'-]+){0,4}?[\s,]+(female|male|woman|man|gentleman|lady|girl|boy)\b", _I)
_SEX_BEFORE = re.compile(r"\b(female|male|woman|man|gentleman|lady)\b[\s,]+(?:(?:who\s+is\s+|aged?\s*)?)$", _I)
_FEMALE = frozenset({"female", "woman", "lady", "girl"})
_HE = frozenset(("he", "his", "him", "himself"))
_SHE = frozenset(("she", "her", "hers", "herself"))
_NOT_LETTERS = re.compile(r"[^a-z]+")
# SCHEMA.md: `age` in whole years, however written; another hand may spell it ("forty-two year old").
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "eighteen": 18, "nineteen": 19}
_AGE_WORDS = re.compile(r"\b(?:(" + "|".join(_TENS) + r")(?:[\s-]?(" + "|".join(list(_UNITS)[:9]) + r"))?"
                        r"|(eighteen|nineteen))\s?-?\s?years?\s?-?\s?old\b")


def read_patient(text: str) -> Patient:
    """Age and sex of the patient, from the first age the text gives ("a 42-year-old female",
    "forty-two year old man"), else sex from the pronouns ("he"/"she", at least twice, never both)."""
    p = Patient()
    low = lower(text)
    m = None
    for m in _AGE.finditer(low):
        if not m.start() or not low[m.start() - 1].isalnum():
            break
    else:
        m = None
    spelled = _AGE_WORDS.search(low, 0, m.start() if m else len(low))  # only an earlier one counts
    if spelled and (m is None or spelled.start() < m.start()):
        m = spelled
        age = _TENS.get(m.group(1) or "", 0) + _UNITS.get(m.group(2) or m.group(3) or "", 0)
    elif m:
        age = int(next(g for g in m.groups() if g))
    if m:
        p.age = age if 0 < age < 120 else None
        s = _SEX_WORD.match(text, m.end()) or _SEX_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if s:
            p.sex = "female" if s.group(1).lower() in _FEMALE else "male"
    if p.sex is None:
        words = _NOT_LETTERS.split(low)
        he, she = sum(w in _HE for w in words), sum(w in _SHE for w in words)
        if he >= 2 and not she:
            p.sex = "male"
        elif she >= 2 and not he:
            p.sex = "female"
    return p
