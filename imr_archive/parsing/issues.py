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
- notice: notice.py, with the helpers here (new_issue, add_citations).

Headings and decisions are read by outcomes.py. When a heading states no
decision, the outcome is read from the rationale's conclusion and
outcome_stated is False; when that fails too the outcome is "unknown" with a
warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from imr_archive.parsing.citations import parse_citations
from imr_archive.parsing.layout import Layout
from imr_archive.parsing.outcomes import NUMBERING, outcome_from_rationale, parse_item_heading
from imr_archive.parsing.result import (
    CLAIMS_ADMINISTRATOR,
    FORMAT_DOCUMENTS_REVIEWED,
    FORMAT_PROFESSIONAL_REVIEW,
    REVIEWER,
    UNKNOWN,
    Issue,
)
from imr_archive.parsing.vocabulary import OTHER_CATEGORY, OUTCOME_WORD_PATTERN, categorize, outcome_of_word

__all__ = ["MAX_ITEMS", "add_citations", "capped", "field_text", "new_issue", "read_issues"]

_I = re.IGNORECASE
Span = tuple[int, int]

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


_OUTCOME_ONLY = re.compile(OUTCOME_WORD_PATTERN + r"\s*\.?$", _I)


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
    for n, item in enumerate(capped(items, warnings), 1):
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
            # "X:" with its decision word on a paragraph of its own is one heading.
            size = 2 if (len(pending) > 1 and text[pending[-2][1] - 1] == ":"
                         and _OUTCOME_ONLY.match(text, *pending[-1])) else 1
            if current is not None and pending[:-size]:
                _extend(current, pending[:-size])
            current = _Item(heading=(pending[-size][0], pending[-1][1]) if pending else None)
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
        m = NUMBERING.match(text, line[0], line[1])
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


# A letter decides a few items (rarely more than twenty): past this many, the text is not a list
# of items but a malformed letter, read no further so that it costs what a letter costs.
MAX_ITEMS = 200


def capped(items: list, warnings: list[str]) -> list:
    """The first MAX_ITEMS items, with a warning when there were more."""
    if len(items) > MAX_ITEMS:
        warnings.append(f"{len(items)} items found: only the first {MAX_ITEMS} read")
    return items[:MAX_ITEMS]


def field_text(text: str, spans: list[Span]) -> tuple[str, Span | None]:
    if not spans:
        return "", None
    whole = (spans[0][0], spans[-1][1])
    return " ".join(text[whole[0]:whole[1]].split()), whole


def new_issue(treatment: str, outcome: str | None, stated: bool, rationale: str, n: int,
              warnings: list[str]) -> Issue:
    """Item n's Issue. An outcome its heading did not give is read from the rationale
    (not stated), and failing that is unknown, with a warning."""
    if outcome is None:
        outcome = outcome_from_rationale(rationale, treatment)
        stated = False
    if outcome is None:
        outcome = UNKNOWN
        warnings.append(f"item {n} ({treatment[:60]}): outcome unknown")
    category = categorize(treatment)
    if category is None:
        # SCHEMA.md's categories: Other is for what no category names; an item no rule
        # knows is Other too, but flagged, so the review queue sees it.
        category = OTHER_CATEGORY
        if treatment:
            warnings.append(f"item {n} ({treatment[:60]}): treatment category not recognised, filed under Other")
    return Issue(treatment=treatment, category=category, outcome=outcome, outcome_stated=stated,
                 rationale=rationale)


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
    rationale, _ = field_text(text, item.rat)
    issue = new_issue(treatment, outcome, stated, rationale, n, warnings)
    add_citations(text, issue, item.ca, item.rv, n, warnings)
    return issue


def add_citations(text: str, issue: Issue, ca: list[Span], rv: list[Span], n: int, warnings: list[str]) -> None:
    """Item n's guideline lines as written, and the citations read from them (SCHEMA.md `citations`:
    the claims administrator's first, then the reviewer's)."""
    for source, spans, attr in ((CLAIMS_ADMINISTRATOR, ca, "claims_administrator_guideline"),
                                (REVIEWER, rv, "reviewer_guideline")):
        written, whole = field_text(text, spans)
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


# "The Expert Reviewer found (that) the Guideline used by the Claims Administrator (was) relevant and
# appropriate": the reviewer's basis is the administrator's (FORMATS.md: documents-reviewed and notice letters).
_SAME_AS_CA = re.compile(
    r"\b(?:guidelines?|citations?|criteria)\s+(?:used|cited|relied\s+(?:up)?on)\s+by\s+the\s+Claims\s+Administrator"
    r"\s+(?:(?:was|were|is|are)\s+)?(?!not\b)(?:\w+\s+){0,2}?(?:appropriate|relevant|applicable|correct)"
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
        m = NUMBERING.match(text, line[0], line[1])
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
    # Each item searches the text for every other item's name: bounded, so that a malformed
    # section of many items and megabytes costs a constant per item.
    whole = (entries[0][1][0], min(entries[-1][1][1], entries[0][1][0] + _BY_TREATMENT_REACH))
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


_BY_TREATMENT_REACH = 50_000


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
    listed = capped(listed, warnings)

    numbered = {id(entries): {num: sp for num, sp in reversed(entries) if num is not None}
                for entries in (guides, reasons)}

    def entry_for(entries, number, index, treatment):
        sp = numbered[id(entries)].get(number)
        if sp is not None:
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
        issue = new_issue(treatment, outcome, stated, rationale, index + 1, warnings)
        g_span = entry_for(guides, number, index, treatment)
        if g_span:
            g_span = _strip_treatment(text, g_span, treatment)
            issue.reviewer_guideline = " ".join(text[g_span[0]:g_span[1]].split())
            cites, notes = parse_citations(text[g_span[0]:g_span[1]], g_span[0], REVIEWER)
            issue.citations = cites
            warnings.extend(f"item {index + 1}: {note}" for note in notes)
        issues.append(issue)
    return issues, warnings
