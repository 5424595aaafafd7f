"""Stage 6: a guideline line as written -> Citation objects.

A line names one or more guidelines ("Decision based on MTUS Chronic Pain
Medical Treatment Guidelines Opioids, criteria for use Page(s): 76-80, 88-89,
Non-MTUS Citation Official Disability Guidelines (ODG), Pain Chapter, Urine
drug testing (UDT)."). Each guideline name is an anchor; the words after it up
to the next anchor are its segment, read according to the guideline
(citation_parts.py):

- MTUS Chronic Pain / Acupuncture / Postsurgical: topic(s) with pages; one
  guideline named once with several topics and pages gives one citation per
  topic; a regulation section ("9792.24.1") is kept as written.
- ACOEM: edition, chapter number ("Chapter 12", or the chapter title mapped to
  its number), pages; each chapter named is a citation.
- ODG: the chapter name without the word Chapter ("Pain (Chronic)").
- Other sources (FDA, Medline Plus, anything after "Non-MTUS Citation"):
  guideline "Other", the source as written in `chapter`.

`mtus` comes from a "MTUS" / "Non-MTUS Citation" prefix, else from a "which
is (not) part of the MTUS" clause after it, else from the guideline.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from imr_archive.parsing.citation_parts import SECTION, Part, pages_in, parse_pages, read_acoem, read_odg, read_topics
from imr_archive.parsing.result import Citation
from imr_archive.parsing.scan import lower
from imr_archive.parsing.vocabulary import (
    ACOEM,
    GUIDELINE_BY_NAME,
    GUIDELINE_PATTERNS,
    MTUS_ACUPUNCTURE,
    MTUS_CHRONIC_PAIN,
    MTUS_POSTSURGICAL,
    ODG,
    OTHER,
    OTHER_SOURCES,
)

__all__ = ["parse_citations", "parse_pages"]

_I = re.IGNORECASE
_GROUPS = {f"g{i}": name for i, (name, _) in enumerate(GUIDELINE_PATTERNS)}
_ANCHORS = re.compile(
    "|".join(f"(?P<g{i}>{pattern})" for i, (_, pattern) in enumerate(GUIDELINE_PATTERNS))
    + r"|(?P<section>\b(?:MTUS|Medical\s+Treatment\s+Utilization\s+Schedule)(?:\s*\(MTUS\))?\s*[:,]?\s*"
      r"(?:section\s*|§\s*)?(?=9792\.2[34]))"
    + "|(?P<other>" + "|".join(OTHER_SOURCES) + ")"
    # A bare "MTUS" that names no guideline after it: resolved from its segment.
    + r"|(?P<mtus>\b(?:California\s+)?(?:MTUS|Medical\s+Treatment\s+Utilization\s+Schedule)(?:\s*\(MTUS\))?"
      r"(?:\s+(?:Guidelines?|Guidance))?)",
    _I,
)
# Lowercase words every alternative above starts with (see scan.py): anchors are
# matched only where one of them starts a word.
_ANCHOR_KEY = re.compile(
    r"chronic|cpmtg|acupunct|amtg|post|american|occupational|acoem|official|odg|mtus|medical|california|u\.?\s?s\."
    r"|food|fda|medline|up\s*to|physicians|pdr|national|ama\b|drugs|epocrates|micromedex|lexi|work|clinical|cochrane"
    r"|centers|medicare|merck|harrison"
)
_BARE_CONTEXT = re.compile(r"(?:^|;|\band|\bon|citations?:?)\s*(?:the\s+)?$")
_BARE_NEXT = re.compile(r"\s*[,:;(\-]?\s*(?:[A-Z0-9(\u00a7]|pages?\b|pp?\.|pgs?\b|section\b|$)")
_BARE_HINTS = ((re.compile(r"acupunct", _I), MTUS_ACUPUNCTURE), (re.compile(r"post-?\s?surg", _I), MTUS_POSTSURGICAL),
               (re.compile(r"\bChapter\s+\d|\bComplaints\b|\bACOEM\b", _I), ACOEM))
MAX_LINE = 4000
# How far after a bare "MTUS" its segment is read for a hint of which guideline it means.
_BARE_HINT_REACH = 300
_SECTION_GUIDELINE = {"9792.24.1": MTUS_ACUPUNCTURE, "9792.24.2": MTUS_CHRONIC_PAIN, "9792.24.3": MTUS_POSTSURGICAL}
# Patterns searched in the lowered line (scan.py) carry no flags.
_NON_MTUS = re.compile(r"non-?\s*mtus(?:\s+citations?)?\s*:?\s*")
_PREFIX = re.compile(
    r"(?P<q>non-?\s*mtus(?:\s+citations?)?|(?:california\s+)?(?:medical\s+treatment\s+utilization\s+schedule"
    r"(?:\s*\(mtus\))?|mtus))\s*[:\-,]?\s*(?:\([^()]{0,40}\)\s*)?(?:(?:19|20)\d\d\s+)?(?:the\s+)?$"
)
_PART_OF = re.compile(r"part\s+of\s+(?:the\s+)?$")
# Where an "Other" source name may start without a Non-MTUS prefix.
_OTHER_CONTEXT = re.compile(r"(?:^|[;:]|\band|\bon|\bthe|\bin)\s*$")
_BASED_ON = re.compile(
    r"(?:decision\s+(?:was\s+|is\s+)?based\s+on|based\s+(?:its|his/her|his|her|their|the)\s+(?:\w+\s+)?"
    r"decisions?\s+on|relied\s+(?:up)?on|(?:is|was)\s+based\s+on)\s+(?:the\s+)?"
)
_BASED_KEY = re.compile(r"decision|based|relied|is\s|was\s")
_NO_EVIDENCE = re.compile(r"\bdid\s+not\s+(?:cite|use|rely|reference|base)|\bno\s+(?:guidelines?|citations?|evidence)"
                          r"|\bnot\s+(?:cite|provided)|\bnone\b", _I)
_QUALIFIER = re.compile(
    r"(?:which|that)\s+(?:is|are)\s+(?P<neg>not\s+)?(?:a\s+)?part\s+of\s+(?:the\s+)?mtus"
    r"|\(\s*(?P<neg2>not\s+)?part\s+of\s+(?:the\s+)?mtus\s*\)"
)
_SENTENCE_BREAK = re.compile(r"\.\s+(?=[A-Z(])|;")
_ABBREVIATIONS = frozenset((
    "ch", "pp", "p", "pg", "pgs", "no", "vol", "al", "inc", "ed", "st", "dr", "vs", "e.g", "i.e", "approx", "fig",
    "sec",
))


@dataclass
class _Anchor:
    guideline: str
    start: int  # of the qualifier prefix when there is one
    name_end: int
    mtus: bool | None  # from the prefix
    name: str


def parse_citations(line: str, offset: int, source: str) -> tuple[list[Citation], list[str]]:
    """Citations in one guideline line; `offset` is where the line starts in ParsedLetter.text.

    A line longer than MAX_LINE (real ones are a few hundred characters) has run into other
    text: only its start is read, with a note, so a malformed letter costs what a letter costs."""
    notes = []
    if len(line) > MAX_LINE:
        notes.append(f"guideline line of {len(line)} characters: only its first {MAX_LINE} read for citations")
        line = line[:MAX_LINE]
    citations, more = _parse_line(line, offset, source)
    return citations, notes + more


def _parse_line(line: str, offset: int, source: str) -> tuple[list[Citation], list[str]]:
    low = lower(line)
    m = next((b for b in (_BASED_ON.match(low, k.start()) for k in _BASED_KEY.finditer(low)) if b), None)
    region_start = m.end() if m else 0
    anchors = _find_anchors(line, low, region_start)
    if not anchors and region_start:
        # "... relied on this nationally recognized guideline" after the citation itself.
        region_start = 0
        anchors = _find_anchors(line, low, 0)
    if not anchors:
        rest = line[region_start:].strip(" .,;:")
        if rest and not _NO_EVIDENCE.search(line):
            return [], [f"unrecognised guideline: {rest[:80]!r}"]
        return [], []
    qualifiers = [(q.start(), not (q.group("neg") or q.group("neg2")), q.group(0).startswith(("which are", "that are")))
                  for q in (_QUALIFIER.finditer(low) if "part of" in low else ())]
    citations: list[Citation] = []
    for i, anchor in enumerate(anchors):
        seg_end = anchors[i + 1].start if i + 1 < len(anchors) else len(line)
        seg_end = _cut_segment(line, anchor.name_end, seg_end)
        mtus = _mtus(anchor, qualifiers, anchors[i + 1].start if i + 1 < len(anchors) else len(line))
        if qualifiers:
            q = _QUALIFIER.search(low, anchor.name_end, seg_end)
            seg_end = q.start() if q else seg_end
        for part in _read_segment(anchor, line, low, seg_end):
            end = _trim_end(line, anchor.start, max(part.end, anchor.name_end))
            citations.append(Citation(
                source=source,
                guideline=anchor.guideline,
                mtus=mtus,
                edition=part.edition,
                chapter=part.chapter,
                section=part.section,
                pages=part.pages,
                span=(offset + anchor.start, offset + end),
            ))
    return citations, []


def _anchor_matches(line: str, low: str, start: int, end: int | None = None):
    """The anchor names in line[start:end], left to right, not overlapping."""
    pos = start
    for k in _ANCHOR_KEY.finditer(low, start, len(low) if end is None else end):
        i = k.start()
        if i < pos or (i and low[i - 1].isalnum()):
            continue
        m = _ANCHORS.match(line, i)
        if m:
            pos = m.end()
            yield m


def _find_anchors(line: str, low: str, region_start: int) -> list[_Anchor]:
    anchors: list[_Anchor] = []
    for m in _anchor_matches(line, low, region_start):
        kind = m.lastgroup or ""
        lo = max(region_start, m.start() - 80)
        p = _PREFIX.search(low, lo, m.start())
        if p and _PART_OF.search(low, max(0, p.start() - 20), p.start()):
            p = None  # "..., which is part of the MTUS, the Official Disability Guidelines"
        start = p.start() if p else m.start()
        mtus = (not p.group("q").startswith("non")) if p else None
        if kind == "mtus":
            nxt = next(_anchor_matches(line, low, m.end(), m.end() + 40), None)
            if ((nxt and nxt.lastgroup != "mtus")
                    or not _BARE_CONTEXT.search(low, max(region_start, m.start() - 25), m.start())
                    or not _BARE_NEXT.match(line, m.end())):
                continue
            seg = line[m.end():_cut_segment(line, m.end(), min(len(line), m.end() + _BARE_HINT_REACH))]
            guideline = next((g for rx, g in _BARE_HINTS if rx.search(seg)), MTUS_CHRONIC_PAIN)
            anchors.append(_Anchor(guideline, m.start(), m.end(), True, m.group(0)))
            continue
        if kind == "other":
            if p is None and not _OTHER_CONTEXT.search(low, max(region_start, m.start() - 25), m.start()):
                continue
            guideline = OTHER
        elif kind == "section":
            sec = SECTION.match(line, m.end())
            number = sec.group(0) if sec else ""
            guideline = next((g for s, g in _SECTION_GUIDELINE.items() if number.startswith(s)), ACOEM)
        else:
            guideline = _GROUPS[kind]
        anchors.append(_Anchor(guideline, start, m.end(), mtus, m.group(0)))
    # "Non-MTUS Citation <source>" naming a source no pattern knows.
    covered = {a.start for a in anchors}
    for m in _NON_MTUS.finditer(low, region_start):
        if m.start() in covered:
            continue
        stop = re.search(r"[,.;]|\s+which\b|$", line[m.end():m.end() + 100])
        name = line[m.end():m.end() + (stop.start() if stop else 0)].strip()
        if name and name[0].isalpha():
            anchors.append(_Anchor(OTHER, m.start(), m.end() + len(name), False, name))
    anchors.sort(key=lambda a: a.start)
    return anchors


def _cut_segment(line: str, start: int, end: int) -> int:
    """End the segment at the first sentence end or semicolon after the name."""
    for m in _SENTENCE_BREAK.finditer(line, start, end):
        if m.group(0) == ";":
            return m.start()
        word = re.search(r"([\w.]+)$", line[max(start, m.start() - 8):m.start()])
        if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
            continue
        return m.start()
    return end


def _mtus(anchor: _Anchor, qualifiers: list[tuple[int, bool, bool]], next_anchor: int) -> bool:
    """MTUS guidelines are, ODG and others are not; ACOEM as its prefix or the
    "which is (not) part of the MTUS" after it says (a singular one after the next
    guideline's name belongs to that one), else by default."""
    if anchor.guideline in (MTUS_CHRONIC_PAIN, MTUS_ACUPUNCTURE, MTUS_POSTSURGICAL):
        return True
    if anchor.guideline in (ODG, OTHER):
        return False
    if anchor.mtus is not None:
        return anchor.mtus
    i = bisect.bisect_right(qualifiers, (anchor.name_end, True, True))
    if i < len(qualifiers):
        pos, value, plural = qualifiers[i]
        if pos < next_anchor or plural:
            return value
    return GUIDELINE_BY_NAME[anchor.guideline].mtus_default


def _read_segment(anchor: _Anchor, line: str, low: str, end: int) -> list[Part]:
    start = anchor.name_end
    if anchor.guideline == ACOEM:
        return read_acoem(line, low, start, end)
    if anchor.guideline == ODG:
        return read_odg(line, low, start, end)
    if anchor.guideline == OTHER:
        return [Part(chapter=anchor.name.strip(" ,.;:") or None, end=anchor.name_end,
                     pages=pages_in(low, start, end))]
    return read_topics(line, low, start, end)


_TRAILING_JOIN = re.compile(r"(?:[\s,;:.]+(?:and|or|the))+$", _I)


def _trim_end(line: str, start: int, end: int) -> int:
    """End of the citing words: without trailing punctuation or a dangling "and the"."""
    end = min(end, len(line))
    tail = _TRAILING_JOIN.search(line[max(start, end - 20):end])
    if tail:
        end -= len(tail.group(0))
    while end > start and line[end - 1] in " \t\n,;:.":
        end -= 1
    return end
