"""Stage 5: the disputed items, in letter order, with their decisions.

- determination: an item heading ("Norco 10/325mg #120: Upheld", the word may
  be missing) followed by "Claims Administrator guideline:", "MAXIMUS
  guideline:" and "Decision rationale:" paragraphs.
- documents-reviewed: "1. X is (not) medically necessary and appropriate."
  followed by "The Claims Administrator based its decision on ...", "The
  Expert Reviewer based his/her decision on ..." and "The Expert Reviewer's
  decision rationale:".
- professional-review: the numbered entries under ISSUE AT DISPUTE; the
  guideline and rationale sections carry one numbered entry per item.

When a heading states no decision, the outcome is read from the rationale's
conclusion ("... is not medically necessary" -> upheld) and outcome_stated is
False; when that fails too the outcome is "unknown" with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from imr_archive.parsing.citations import parse_citations
from imr_archive.parsing.layout import Layout
from imr_archive.parsing.result import (
    CLAIMS_ADMINISTRATOR,
    FORMAT_DOCUMENTS_REVIEWED,
    FORMAT_PROFESSIONAL_REVIEW,
    OVERTURNED,
    PARTIAL,
    REVIEWER,
    UNKNOWN,
    UPHELD,
    Issue,
)
from imr_archive.parsing.scan import lower
from imr_archive.parsing.vocabulary import OUTCOME_WORD_PATTERN, categorize, outcome_of_word

__all__ = ["outcome_from_rationale", "parse_item_heading", "read_issues"]

_I = re.IGNORECASE
Span = tuple[int, int]

# --------------------------------------------------------------------------
# Item headings

_NUMBERING = re.compile(r"\s*(?:Item\s+)?\(?(\d{1,2})[.):]\s*", _I)
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
    m = _NUMBERING.match(h)
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
_NEGATION = re.compile(r"\b(?:not|no|non|cannot|never|lacks?|without|neither|nor)\b|n't\b")
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
    if _NEGATION.search(" ".join(window.split()[-8:])):
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


def outcome_from_rationale(rationale: str) -> str | None:
    """upheld / overturned / partial as the rationale concludes, or None."""
    text = " ".join(rationale.split())
    if not text:
        return None
    low = lower(text)
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


# --------------------------------------------------------------------------
# Lines and items


@dataclass
class _Item:
    heading: Span | None = None
    ca: list[Span] = field(default_factory=list)
    rv: list[Span] = field(default_factory=list)
    rat: list[Span] = field(default_factory=list)
    decision: str | None = None  # a "Decision: Upheld" line
    last: str = ""  # the field the next continuation line belongs to


_LINE = re.compile(r"[^\n]+")


def _lines(text: str, span: Span) -> list[Span]:
    out = []
    for m in _LINE.finditer(text, span[0], span[1]):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


# (kind, label pattern) per layout; the label is cut off the field's text.
_DETERMINATION_LABELS = (
    ("ca", re.compile(r"Claims\s+Administrator(?:'s)?\s+guidelines?\s*:\s*", _I)),
    ("rv", re.compile(r"(?:MAXIMUS|Expert\s+Reviewer(?:'s)?|Reviewer(?:'s)?|IMR)\s+guidelines?\s*:\s*", _I)),
    ("rat", re.compile(r"(?:Decision\s+)?rationale\s*:\s*", _I)),
    ("dec", re.compile(r"(?:IMR\s+)?(?:Final\s+)?(?:Decision|Determination)\s*:\s*(?=" + OUTCOME_WORD_PATTERN
                       + r"\s*\.?$)", _I)),
)
_DOCUMENTS_LABELS = (
    ("rat", re.compile(r"The\s+Expert\s+Reviewer'?s\s+decision\s+rationale\s*:?\s*", _I)),
    ("ca", re.compile(r"(?=The\s+Claims\s+Administrator\b)", _I)),
    ("rv", re.compile(r"(?=The\s+Expert\s+Reviewer\b)", _I)),
) + _DETERMINATION_LABELS


def _classify(text: str, line: Span, labels) -> tuple[str, int]:
    for kind, rx in labels:
        m = rx.match(text, line[0], line[1])
        if m:
            return kind, m.end()
    return "text", line[0]


def read_issues(text: str, layout: Layout) -> tuple[list[Issue], list[str]]:
    """The disputed items of a letter and the warnings reading them raised."""
    if layout.format == FORMAT_PROFESSIONAL_REVIEW:
        return _professional_review(text, layout)
    span = layout.section("decisions", "issues")
    if span is None:
        # No decisions heading (a damaged letter): look for the items after the summary.
        after = layout.section("summary", "method")
        span = (after[0] if after else 0, len(text))
    if layout.format == FORMAT_DOCUMENTS_REVIEWED:
        items = _numbered_items(text, span) or _labelled_items(text, span, _DOCUMENTS_LABELS)
    else:
        items = _labelled_items(text, span, _DETERMINATION_LABELS)
    issues: list[Issue] = []
    warnings: list[str] = []
    for n, item in enumerate(items, 1):
        issues.append(_build(text, item, n, warnings))
    if not issues:
        warnings.append("no disputed items found")
    return issues, warnings


def _labelled_items(text: str, span: Span, labels) -> list[_Item]:
    """Determination layout: a heading line, then labelled fields (see module docstring)."""
    items: list[_Item] = []
    pending: list[Span] = []
    current: _Item | None = None
    for line in _lines(text, span):
        kind, content = _classify(text, line, labels)
        if kind == "text":
            pending.append(line)
            continue
        field_span = (content, line[1])
        new = current is None or kind == "ca" and (current.ca or current.rv or current.rat) or (
            kind == "rv" and (current.rv or current.rat)) or (kind == "rat" and current.rat) or (
            kind == "dec" and (current.rat or current.decision))
        if new and (pending or current is None):
            if current is not None and pending[:-1]:
                _extend(current, pending[:-1])
            current = _Item(heading=pending[-1] if pending else None)
            items.append(current)
        elif current is not None and pending:
            _extend(current, pending)
        pending = []
        if kind == "dec":
            current.decision = text[field_span[0]:field_span[1]]
        else:
            getattr(current, kind).append(field_span)
        current.last = kind
    if current is not None and pending:
        _extend(current, pending)
    return items


def _extend(item: _Item, lines: list[Span]) -> None:
    if item.last in ("ca", "rv", "rat"):
        getattr(item, item.last).extend(lines)


def _numbered_items(text: str, span: Span) -> list[_Item]:
    """Documents-reviewed layout: numbered decision lines open the items."""
    items: list[_Item] = []
    expected = None
    current: _Item | None = None
    for line in _lines(text, span):
        m = _NUMBERING.match(text, line[0], line[1])
        is_text = _classify(text, line, _DOCUMENTS_LABELS)[0] == "text"
        if m and is_text and (expected is None or int(m.group(1)) == expected):
            expected = int(m.group(1)) + 1
            current = _Item(heading=line, last="heading")
            items.append(current)
            continue
        if current is None:
            continue
        kind, content = _classify(text, line, _DOCUMENTS_LABELS)
        if kind == "text":
            _extend(current, [line])
        elif kind == "dec":
            current.decision = text[content:line[1]]
        else:
            getattr(current, kind).append((content, line[1]))
            current.last = kind
    return items


def _field(text: str, spans: list[Span]) -> tuple[str, Span | None]:
    if not spans:
        return "", None
    whole = (spans[0][0], spans[-1][1])
    return " ".join(text[whole[0]:whole[1]].split()), whole


def _build(text: str, item: _Item, n: int, warnings: list[str]) -> Issue:
    heading = text[item.heading[0]:item.heading[1]] if item.heading else ""
    if len(heading) > 250:
        # A heading run into the paragraph before it: keep the last sentence.
        heading = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9])", heading)[-1]
    treatment, outcome = parse_item_heading(heading)
    if not treatment:
        warnings.append(f"item {n}: no treatment heading")
    stated = outcome is not None
    if outcome is None and item.decision:
        outcome = outcome_of_word(item.decision)
        stated = outcome is not None
    rationale, _ = _field(text, item.rat)
    if outcome is None:
        outcome = outcome_from_rationale(rationale)
        stated = False
    if outcome is None:
        outcome = UNKNOWN
        warnings.append(f"item {n} ({treatment[:60]}): outcome unknown")
    issue = Issue(treatment=treatment, category=categorize(treatment), outcome=outcome, outcome_stated=stated,
                  rationale=rationale)
    for source, spans, attr in ((CLAIMS_ADMINISTRATOR, item.ca, "claims_administrator_guideline"),
                                (REVIEWER, item.rv, "reviewer_guideline")):
        written, whole = _field(text, spans)
        setattr(issue, attr, written)
        if whole:
            cites, notes = parse_citations(text[whole[0]:whole[1]], whole[0], source)
            if source == REVIEWER and not cites and _SAME_AS_CA.search(written):
                # "The Expert Reviewer found that the guideline used by the Claims
                # Administrator was appropriate": the reviewer relied on the same ones.
                cites = [replace(c, source=REVIEWER, pages=list(c.pages)) for c in issue.citations]
                notes = []
            issue.citations.extend(cites)
            warnings.extend(f"item {n}: {note}" for note in notes)
    return issue


_SAME_AS_CA = re.compile(
    r"\b(?:guidelines?|citations?|criteria)\s+(?:used|cited|relied\s+(?:up)?on)\s+by\s+the\s+Claims\s+Administrator"
    r"\s+(?:was|were|is|are)\s+(?!not\b)(?:\w+\s+){0,2}?(?:appropriate|relevant|applicable|correct)"
    r"|\bsame\s+(?:guidelines?|citations?)\b|\bagree[sd]?\s+with\s+the\s+Claims\s+Administrator",
    _I,
)


# --------------------------------------------------------------------------
# Professional-review layout


def _entries(text: str, span: Span | None, each_line: bool = False) -> list[tuple[int | None, Span]]:
    """Numbered entries of a section (number, span). Unnumbered text is one entry, or
    with each_line (the list of disputed items) one entry per line."""
    if span is None:
        return []
    entries: list[tuple[int | None, Span]] = []
    for line in _lines(text, span):
        m = _NUMBERING.match(text, line[0], line[1])
        if m:
            entries.append((int(m.group(1)), (m.end(), line[1])))
        elif entries and not (each_line and entries[-1][0] is None):
            entries[-1] = (entries[-1][0], (entries[-1][1][0], line[1]))
        else:
            entries.append((None, line))
    return entries


def _entry_by_treatment(text: str, entries: list[tuple[int | None, Span]], treatment: str,
                        treatments: list[str]) -> Span | None:
    """In unnumbered text, the part that starts with "<treatment>:" and runs to the next item's name."""
    if not entries or not treatment:
        return None
    whole = (entries[0][1][0], entries[-1][1][1])
    m = _treatment_pattern(treatment).search(text, *whole)
    if not m:
        return None
    end = whole[1]
    for other in treatments:
        if other != treatment and other:
            n = _treatment_pattern(other).search(text, m.end(), whole[1])
            if n:
                end = min(end, n.start())
    while end > m.start() and text[end - 1].isspace():
        end -= 1
    return m.start(), end


def _treatment_pattern(treatment: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(w) for w in treatment.split()) + r"\s*:", _I)


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", s.lower())


def _strip_treatment(text: str, span: Span, treatment: str) -> Span:
    """The entry's text after its "<treatment>:" prefix."""
    colon = text.find(":", span[0], span[1])
    while colon != -1 and colon - span[0] <= len(treatment) + 40:
        if _norm(text[span[0]:colon]) == _norm(treatment):
            start = colon + 1
            while start < span[1] and text[start].isspace():
                start += 1
            return start, span[1]
        colon = text.find(":", colon + 1, span[1])
    return span


def _professional_review(text: str, layout: Layout) -> tuple[list[Issue], list[str]]:
    warnings: list[str] = []
    listed = _entries(text, layout.section("issue_list"), each_line=True)
    guides = _entries(text, layout.section("guidelines"))
    reasons = _entries(text, layout.section("rationale"))
    if not listed:
        return [], ["no disputed items found"]

    def entry_for(entries, number, index, treatment):
        for num, sp in entries:
            if num is not None and num == number:
                return sp
        if index < len(entries) and len(entries) == len(listed):
            return entries[index][1]
        return _entry_by_treatment(text, entries, treatment, treatments)

    treatments = [parse_item_heading(text[sp[0]:sp[1]])[0] for _, sp in listed]
    issues = []
    for index, (number, sp) in enumerate(listed):
        treatment, outcome = parse_item_heading(text[sp[0]:sp[1]])
        stated = outcome is not None
        r_span = entry_for(reasons, number, index, treatment)
        rationale = ""
        if r_span:
            r_span = _strip_treatment(text, r_span, treatment)
            rationale = " ".join(text[r_span[0]:r_span[1]].split())
        if outcome is None:
            outcome = outcome_from_rationale(rationale)
            stated = False
        if outcome is None:
            outcome = UNKNOWN
            warnings.append(f"item {index + 1} ({treatment[:60]}): outcome unknown")
        issue = Issue(treatment=treatment, category=categorize(treatment), outcome=outcome, outcome_stated=stated,
                      rationale=rationale)
        g_span = entry_for(guides, number, index, treatment)
        if g_span:
            g_span = _strip_treatment(text, g_span, treatment)
            issue.reviewer_guideline = " ".join(text[g_span[0]:g_span[1]].split())
            cites, notes = parse_citations(text[g_span[0]:g_span[1]], g_span[0], REVIEWER)
            issue.citations = cites
            warnings.extend(f"item {index + 1}: {note}" for note in notes)
        issues.append(issue)
    return issues, warnings
