"""The segment of a guideline line after the guideline's name, read by guideline
(citations.py finds the names): MTUS topics with their pages and regulation
section, ACOEM edition and chapters, ODG chapters, and page references.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from imr_archive.parsing.vocabulary import ACOEM_CHAPTERS, ODG_CHAPTERS

__all__ = ["SECTION", "Part", "pages_in", "parse_pages", "read_acoem", "read_odg", "read_topics"]

_I = re.IGNORECASE
_NUM = r"\d{1,4}(?!\.\d)(?:\s*[-\u2013\u2014]\s*\d{1,4}(?!\.\d))?"
_PAGES = re.compile(
    r"(?:page\(s\)|pages?|pp?\.|pgs?\.?)\s*:?\s*(?P<nums>" + _NUM + r"(?:\s*(?:,|&|and)\s*" + _NUM + r")*)"
)
SECTION = re.compile(r"9\d{3}\.\d+(?:\.\d+)*(?:\([a-z0-9]+\))*")

_EDITION = re.compile(r"\b(\d(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth)\s+Ed(?:ition|\.)?", _I)
_YEAR = re.compile(r"(?<![\d-])\(?((?:19|20)\d\d)\)?(?![\d-])")
_ORDINALS = {"first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th"}
_ACOEM_CHAPTER = re.compile(r"\b(?:Chapter|Ch\.?|Chap\.?)\s*(\d{1,2})\b", _I)
_ACOEM_TITLES = tuple((num, re.compile(p, _I)) for num, p in ACOEM_CHAPTERS.items())
_NAMED_CHAPTER = re.compile(r"([A-Z][\w'&/()\- ]{1,60}?)\s+(?i:chapter)\b")
_CHAPTER_WORD = re.compile(r"\bChapter\b\s*(?:[:\-]\s*(?P<after>[A-Z][^,;.]{1,60}))?", _I)


def _flex(name: str) -> str:
    """A chapter name as a pattern: any spacing, "&" or "and", optional commas."""
    words = []
    for word in name.split():
        if word == "&":
            words.append(r"(?:&|and)")
        elif word == "-":
            words.append(r"-")
        else:
            words.append(re.escape(word).replace(",", ",?"))
    return r"\s+".join(words).replace(r"\s+-\s+", r"\s*-\s*")


_ODG_SPLIT = re.compile(r"[,;:]|\(ODG\)|\bODG\b")
_ODG_KNOWN = "|".join(_flex(c) for c in ODG_CHAPTERS)
_ODG_BEFORE_CHAPTER = re.compile(r"(?:^|[\s,;:(])(" + _ODG_KNOWN + r")\s*$", _I)
_ODG_LEADING = re.compile(r"^[\s,;:\-]*(?:the\s+)?(" + _ODG_KNOWN + r")(?=\s*(?:[,;.:\-(]|$)|\s+(?:chapter|procedure"
                          r"\s+summary|section)\b)", _I)


@dataclass
class Part:
    chapter: str | None = None
    pages: list[int] = field(default_factory=list)
    end: int = 0  # where the words citing it end, in line offsets
    edition: str | None = None
    section: str | None = None


def parse_pages(spec: str) -> list[int]:
    """Page numbers of "98-99", "98, 99", "76-80, 88-89": ranges expanded, sorted, unique."""
    pages: set[int] = set()
    for part in re.split(r"\s*(?:,|&|\band\b)\s*", spec):
        m = re.match(r"^\s*(\d{1,4})(?:\s*[-\u2013\u2014]\s*(\d{1,4}))?\s*$", part)
        if not m:
            continue
        a = int(m.group(1))
        b = int(m.group(2)) if m.group(2) else a
        if b < a and len(m.group(2) or "") < len(m.group(1)):
            # "113-5" style: the end repeats only the last digits.
            b = int(m.group(1)[: len(m.group(1)) - len(m.group(2))] + m.group(2))
        if a <= b <= a + 300:
            pages.update(range(a, b + 1))
        else:
            pages.update((a, b))
    return sorted(p for p in pages if 0 < p < 2000)


def _page_specs(low: str, start: int, end: int):
    """Page references ("Page(s): 76-80, 88-89", "pages 98, 99", "p. 303") in low[start:end]."""
    for m in _PAGES.finditer(low, start, end):
        if m.start() and low[m.start() - 1].isalnum():
            continue
        yield m


def pages_in(low: str, start: int, end: int) -> list[int]:
    return sorted({p for m in _page_specs(low, start, end) for p in parse_pages(m.group("nums"))})


def _section(low: str, start: int, end: int) -> re.Match[str] | None:
    for m in SECTION.finditer(low, start, end):
        if not m.start() or low[m.start() - 1] not in "0123456789.":
            return m
    return None


def read_topics(line: str, low: str, start: int, end: int) -> list[Part]:
    """MTUS guidelines: a topic and its pages, one part per topic. Reads only line[start:end]
    (a copy of the segment, never of the line: a line of many anchors stays linear)."""
    section = None
    text, low = line[start:end], low[start:end]
    sec = _section(low, 0, len(low))
    if sec:
        section = sec.group(0)
        blank = " " * (sec.end() - sec.start())
        text = text[:sec.start()] + blank + text[sec.end():]
        low = low[:sec.start()] + blank + low[sec.end():]
    parts: list[Part] = []
    pos = 0
    for m in _page_specs(low, 0, len(low)):
        topic = _clean_topic(text[pos:m.start()])
        pages = parse_pages(m.group("nums"))
        if parts and not topic:
            parts[-1].pages = sorted(set(parts[-1].pages) | set(pages))
            parts[-1].end = start + m.end()
        else:
            parts.append(Part(topic, pages, start + m.end()))
        pos = m.end()
    trailing = _clean_topic(text[pos:])
    if trailing:
        if len(parts) == 1 and parts[0].chapter is None:
            parts[0].chapter = trailing
            parts[0].end = end
        elif not parts or trailing[0].isalpha():
            parts.append(Part(trailing, [], end))
    if not parts:
        parts.append(Part(None, [], start + sec.end() if sec else start))
    for p in parts:
        p.section = section
    return list(parts)


_LEADING_WORD = re.compile(r"^(?:and|or|the|in|on|section|under)\b\s*", _I)
_TRAILING_WORD = re.compile(r"\s(?:and|or|the|see|in)$", _I)


def _clean_topic(raw: str) -> str | None:
    t = " ".join(raw.split())
    while True:
        before = t
        t = _TRAILING_WORD.sub("", _LEADING_WORD.sub("", t.strip(" ,;:.-")))
        if t == before:
            break
    if not t or not re.search(r"[A-Za-z]{2}", t) or _YEAR.fullmatch(t):
        return None
    return t


def read_acoem(line: str, low: str, start: int, end: int) -> list[Part]:
    seg = line[start:end]
    seg_low = low[start:end]
    edition = None
    e = _EDITION.search(seg)
    y = _YEAR.search(seg)
    if e:
        ordinal = _ORDINALS.get(e.group(1).lower(), e.group(1).lower())
        edition = f"{ordinal} Edition" + (f" ({y.group(1)})" if y else "")
    elif y and not _PAGES.search(seg_low, max(0, y.start() - 12), y.end()):
        edition = y.group(1)
    chapters = [(m.start(), m.group(1).lstrip("0") or "0") for m in _ACOEM_CHAPTER.finditer(seg)]
    if not chapters:
        for num, rx in _ACOEM_TITLES:
            t = rx.search(seg)
            if t:
                chapters.append((t.start(), num))
        chapters.sort()
    if not chapters:
        named = _NAMED_CHAPTER.search(seg)
        if named:
            chapters.append((named.start(), _clean_topic(named.group(1)) or named.group(1)))
    parts: list[Part] = []
    bounds = [c[0] for c in chapters[1:]] + [len(seg)]
    if not chapters:
        chapters = [(0, None)]  # type: ignore[list-item]
    for (pos, chapter), stop in zip(chapters, bounds, strict=True):
        part = Part(chapter, [], start + stop)
        part.edition = edition
        lo = 0 if not parts else pos
        part.pages = pages_in(seg_low, lo, stop)
        parts.append(part)
    return parts


def read_odg(line: str, low: str, start: int, end: int) -> list[Part]:
    seg = line[start:end]
    names: list[tuple[int, str]] = []
    for m in _CHAPTER_WORD.finditer(seg):
        if m.group("after"):
            names.append((m.start(), m.group("after").strip()))
            continue
        before = seg[:m.start()]
        known = _ODG_BEFORE_CHAPTER.search(before)
        if known:
            names.append((m.start(), known.group(1)))
            continue
        piece = _ODG_SPLIT.split(before)[-1].strip(" -")
        if piece and piece[0].isupper():
            names.append((m.start(), piece))
    if not names:
        lead = _ODG_LEADING.match(seg)
        if lead:
            names.append((lead.start(1), lead.group(1)))
    pages = pages_in(low, start, end)
    if not names:
        return [Part(None, pages, end)]
    return [Part(" ".join(n.split()), pages if i == 0 else [], end) for i, (_, n) in enumerate(names)]
