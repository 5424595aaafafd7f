"""Reading decisions: item headings and decision lines ("Norco 10/325mg #120: Upheld",
"1. X is not medically necessary and appropriate."), and, when a heading states no
decision, the conclusion of the rationale ("... is not medically necessary" -> upheld).
"""

from __future__ import annotations

import re

from imr_archive.parsing.result import OVERTURNED, PARTIAL, UPHELD
from imr_archive.parsing.scan import lower
from imr_archive.parsing.vocabulary import OUTCOME_WORD_PATTERN, outcome_of_word

__all__ = ["NUMBERING", "outcome_from_rationale", "parse_item_heading"]

_I = re.IGNORECASE

# --------------------------------------------------------------------------
# Item headings

NUMBERING = re.compile(r"\s*(?:Item\s+)?\(?(\d{1,2})[.):]\s*", _I)
_HEADING_WITH_WORD = re.compile(r"^(?P<t>.+?)\s*(?:[:\-\u2013]\s*|\s)(?P<d>" + OUTCOME_WORD_PATTERN + r")\s*\.?$", _I)
_HEADING_COLON = re.compile(r"^(?P<t>.+?)\s*:\s*$")
_HEADING_NECESSITY = re.compile(
    r"^(?P<t>.+?),?\s+(?:is|are|was|were)\s+(?P<neg>not\s+)?(?P<part>partially\s+)?medically\s+necessary"
    r"(?:\s+and\s+appropriate)?(?P<part2>\s+in\s+part)?\s*\.?\s*$",
    _I,
)
_INTRO = re.compile(r"^.*?\bset\s+forth\s+below\s*:\s*", _I)


def parse_item_heading(heading: str) -> tuple[str, str | None]:
    """(treatment as written, stated outcome or None) of an item heading or decision line."""
    h = " ".join(heading.split())
    h = _INTRO.sub("", h) if "set forth below" in h.lower() else h
    m = NUMBERING.match(h)
    if m:
        h = h[m.end():]
    m = _HEADING_NECESSITY.match(h)
    if m:
        outcome = PARTIAL if m.group("part") or m.group("part2") else UPHELD if m.group("neg") else OVERTURNED
        return _clean_treatment(m.group("t")), outcome
    m = _HEADING_WITH_WORD.match(h)
    if m and _clean_treatment(m.group("t")):
        return _clean_treatment(m.group("t")), outcome_of_word(m.group("d"))
    m = _HEADING_COLON.match(h)
    if m:
        return _clean_treatment(m.group("t")), None
    return _clean_treatment(h), None


def _clean_treatment(raw: str) -> str:
    t = " ".join(raw.split())
    return t.strip(" :;,.-\u2013")


# --------------------------------------------------------------------------
# Outcome from the rationale

# All searched in the lowered rationale, so without flags.
_NECESSITY = re.compile(r"medically\s+(?:necessary|indicated|reasonable)|medical\s+necessity")
_NEGATION = re.compile(r"\b(?:not|no|non|cannot|never|lacks?|neither|nor)\b|n't\b")
# "without" negates only right before the phrase ("without medical necessity"); further
# back it belongs to the subject ("the MRI without contrast is medically necessary").
_NEAR_NEGATION = re.compile(r"\bwithout\b")
_CLAUSE_BREAK = re.compile(r"[,;:.!?]")
_HYPOTHETICAL = re.compile(r"\b(?:may|might|could|would|should|if|unless|until|once|whether)\b")
_PARTIAL = re.compile(
    r"partial(?:ly)?\s+(?:certif|approv|overturn|authoriz|medically)|(?:certified|approved|authorized)\s+in\s+part"
    r"|(?:request|it|treatment|authorization|certification)\s+(?:is|was|has\s+been)\s+(?:\w+\s+){0,2}?modified"
    r"|modified\s+to\s+(?:certify|allow|approve|authorize|\d)"
)
_PARTIAL_KEY = re.compile(r"partial|certified|approved|authorized|request|it|treatment|authorization|certification"
                          r"|modified")
_REMAINING = re.compile(r"\b(?:remaining|remainder|balance|additional)\b")
_FALLBACK = re.compile(
    r"\b(?:is|are|was|were)\s+(?P<neg>not\s+)?(?:\w+\s+)?(?:certified|approved|authorized|supported|warranted"
    r"|indicated|recommended|appropriate)\b|\bnon-?certified\b(?P<non>)|\b(?:denial|decision)\s+(?:is|was)\s+"
    r"(?P<word>upheld|overturned)"
)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z0-9\"])")


def _negated(low: str, pos: int, end: int) -> bool:
    """Whether the necessity phrase at low[pos:end] is negated within its clause: "is not
    medically necessary", or for the noun, "medical necessity has not been established"."""
    window = low[max(0, pos - 80):pos]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end():]
    words = window.split()
    if _NEGATION.search(" ".join(words[-8:])) or _NEAR_NEGATION.search(" ".join(words[-2:])):
        return True
    if low.startswith("medical ", pos):
        after = low[end:end + 80]
        stop = _CLAUSE_BREAK.search(after)
        return bool(_NEGATION.search(" ".join(after[:stop.start() if stop else len(after)].split()[:6])))
    return False


def _hypothetical(low: str, pos: int) -> bool:
    window = low[max(0, pos - 80):pos]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return bool(_HYPOTHETICAL.search(window[breaks[-1].end():] if breaks else window))


def _tail_start(text: str, sentences: int) -> int:
    """Where the last `sentences` sentences of text begin."""
    starts = [m.end() for m in _SENTENCE_BREAK.finditer(text, max(0, len(text) - 1500))]
    return starts[-sentences] if len(starts) >= sentences else 0


def _mask(low: str, treatment: str) -> str:
    """low with the treatment's name blanked out where the rationale repeats it, so that words
    of the name ("MRI without contrast", "Non-steroidal ...") are not read as the conclusion's."""
    name = " ".join(treatment.lower().split())
    if len(name) < 4 or name not in low:
        return low
    return low.replace(name, "_" * len(name))


def outcome_from_rationale(rationale: str, treatment: str = "") -> str | None:
    """upheld / overturned / partial as the rationale concludes, or None. `treatment` is the
    item's name as its heading gives it."""
    text = " ".join(rationale.split())
    if not text:
        return None
    low = lower(text)
    if treatment:
        low = _mask(low, treatment)
    tail = _tail_start(text, 3)
    for k in _PARTIAL_KEY.finditer(low, tail):
        if (not k.start() or not low[k.start() - 1].isalnum()) and _PARTIAL.match(low, k.start()):
            return PARTIAL
    last_two = _tail_start(text, 2)
    found = [(m.start(), m.end()) for m in _NECESSITY.finditer(low)]
    polarities = {_negated(low, a, b) for a, b in found if a >= last_two and not _hypothetical(low, a)}
    if len(polarities) == 2 and _REMAINING.search(low, last_two):
        return PARTIAL
    if found:
        # The conclusion: the last statement that is not hypothetical ("further
        # sessions may be medically necessary if ...").
        real = [f for f in found if not _hypothetical(low, f[0])]
        return UPHELD if _negated(low, *(real or found)[-1]) else OVERTURNED
    last_f = None
    for m in _FALLBACK.finditer(low, _tail_start(text, 1)):
        last_f = m
    if last_f is not None:
        if last_f.group("word"):
            return UPHELD if last_f.group("word") == "upheld" else OVERTURNED
        return UPHELD if (last_f.group("neg") or last_f.group("non") is not None) else OVERTURNED
    return None
