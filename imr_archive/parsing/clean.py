"""Stage 2: raw extracted text -> clean, readable text (ParsedLetter.text).

PDF extraction leaves debris (FORMATS.md): CR line ends and form feeds,
trailing and doubled spaces, lines wrapped at ~95 characters with a blank line
between them, page breaks as runs of blank lines, running headers and footers
("Page 2 of 4", a lone case number) even inside a sentence, words hyphenated
across lines, "Page(s):" glued to the word before it, and a missing space
after a comma. The result keeps one paragraph per line, blank lines between
paragraphs, and headings, labelled lines ("Claims Administrator guideline:"),
list items and item headings on lines of their own, which is what the later
stages and the letter page rely on.

Two line styles occur. "Double-spaced" text (the usual PDF-to-text output)
puts a blank line after every printed line; there a line holding only spaces
marks a paragraph break and a run of several empty lines a page break.
"Single-spaced" text marks paragraphs with blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from imr_archive.parsing.vocabulary import OUTCOME_WORD_PATTERN, SECTION_HEADINGS

__all__ = ["CleanedText", "clean_text"]


@dataclass(frozen=True)
class CleanedText:
    text: str
    # The case number of a running header line ("CM15-0041872" alone on a line),
    # which the cleaning removes: letters without a header block carry it only there.
    running_case_number: str | None = None


_CASE = r"CM\d{2}-\d{4,8}"
_PAGE_LINE = re.compile(r"^-?\s*Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?\s*-?$", re.IGNORECASE)
_PAGE_INLINE = re.compile(r"\s*\bPage\s+\d{1,3}\s+of\s+\d{1,3}\b\s*", re.IGNORECASE)
_CASE_LINE = re.compile(r"^(?:(?:IMR\s+)?Case\s+(?:Number|No\.?|#)\s*:?\s*)?(" + _CASE + r")$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")

# Intra-line repairs.
_PAGES_GLUED = re.compile(r"(?<=[^\s(])(?=Page\(s\))")
_AFTER_PAGES = re.compile(r"(Page\(s\):)(?=\S)")
_COMMA_GLUED = re.compile(r",(?=[A-Za-z(])")
_COLON_GLUED = re.compile(r"(?<=[a-z)]):(?=[A-Z])")

# Lines that start a structural element: they never continue the line before.
_HEADING_LINE = re.compile(
    r"^(?:" + "|".join(p for _, p in SECTION_HEADINGS) + r")\s*:?(?:\s|$)"
)
_TITLE_LINE = re.compile(r"^(?:Independent\s+Medical\s+Review|Final\s+Determination\s+Letter)$", re.IGNORECASE)
_LABEL_START = re.compile(
    r"^(?:Claims\s+Administrator\s+guideline|MAXIMUS\s+guideline|(?:Expert\s+)?Reviewer\s+guideline"
    r"|Decision\s+rationale|The\s+Claims\s+Administrator\s+(?:based|did\s+not|relied|cited|used)"
    r"|The\s+Expert\s+Reviewer(?:'s\s+decision\s+rationale|\s+based|\s+found|\s+did\s+not|\s+relied"
    r"|\s+has\s+the\s+following)"
    r"|State\(s\)\s+of\s+Licensure\s*:|Certification\(s\)\s*/\s*Specialty\s*:"
    r"|(?:IMR\s+)?Case\s+(?:Number|No\.?)\s*:|Date\s+Assigned\s*:|Date\s+of\s+Injury\s*:|Decision\s+Date\s*:"
    r"|UR\s+Denial\s+Date\s*:|Priority\s*:|Application\s+Received\s*:|Dated\s*:"
    r"|The\s+Final\s+Determination\s+was\s+based)"
)
_DETERMINATION_LABEL = re.compile(r"^(?:Claims\s+Administrator\s+guideline|MAXIMUS\s+guideline|Decision\s+rationale)")
_LIST_ITEM = re.compile(r"^(?:[-\u2022*]\s+|\(?\d{1,2}[.)]\s+\S)")
_ITEM_HEADING = re.compile(r":\s*" + OUTCOME_WORD_PATTERN + r"\s*\.?$", re.IGNORECASE)
_OUTCOME_ONLY = re.compile(r"^" + OUTCOME_WORD_PATTERN + r"\s*\.?$", re.IGNORECASE)
_UPPER_LINE = re.compile(r"^[^a-z]*$")
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"'\u201d\u2019)]*$")
_STARTS_SENTENCE = re.compile(r"^[A-Z0-9\"'\u201c(\-\u2022]")
_HYPHEN_END = re.compile(r"([A-Za-z]+)-$")
_NEXT_WORD = re.compile(r"^([a-z]+)")

# A word broken at a hyphen that is really a compound keeps its hyphen.
_KEEP_HYPHEN = frozenset((
    "non", "pre", "post", "anti", "self", "well", "long", "short", "full", "part", "co", "multi", "over", "under",
    "follow", "left", "right", "semi", "sub", "low", "high", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "first", "second", "third", "half", "x",
))


def clean_text(raw: str) -> CleanedText:
    """Remove extraction debris; see the module docstring."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    raw = raw.translate(_LINE_BREAKS)
    raw = _CONTROL.sub("", raw)
    raw_lines = raw.split("\n")
    double = _is_double_spaced(raw_lines)

    # Normalise every line, drop running headers and footers, and keep per
    # line whether it was blank and whether it held only spaces (a marker).
    lines: list[str | None] = []  # None: an empty line; "": a spaces-only line
    case_number: str | None = None
    seen_labelled_case: set[str] = set()
    for line in raw_lines:
        if not line.strip():
            lines.append("" if line else None)
            continue
        text = _normalise_line(line)
        if not text:
            lines.append(None)
            continue
        if _PAGE_LINE.match(text):
            continue
        m = _CASE_LINE.match(text)
        if m:
            number = m.group(1).upper()
            labelled = text.upper() != number
            if not labelled:
                case_number = case_number or number
                continue
            if number in seen_labelled_case:
                continue
            seen_labelled_case.add(number)
        lines.append(text)

    paragraphs = _join(lines, double, raw)
    text = "\n\n".join(p for p in paragraphs if p)
    return CleanedText(text=text, running_case_number=case_number)


_LINE_BREAKS = str.maketrans({"\f": "\n", "\v": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n"})


def _is_double_spaced(raw_lines: list[str]) -> bool:
    """True when most printed lines are followed by a blank line."""
    printed = followed = 0
    for i, line in enumerate(raw_lines[:-1]):
        if line.strip():
            printed += 1
            if not raw_lines[i + 1].strip():
                followed += 1
    return printed > 0 and followed / printed >= 0.6


def _normalise_line(line: str) -> str:
    text = _SPACES.sub(" ", line).strip()
    if "Page" in text or "page" in text:
        text = _PAGE_INLINE.sub(" ", text).strip()
        text = _PAGES_GLUED.sub(" ", text)
        text = _AFTER_PAGES.sub(r"\1 ", text)
    if "," in text:
        text = _COMMA_GLUED.sub(", ", text)
    if ":" in text:
        text = _COLON_GLUED.sub(": ", text)
    return text


def _starts_structure(line: str) -> bool:
    return bool(
        _HEADING_LINE.match(line) or _LABEL_START.match(line) or _LIST_ITEM.match(line)
        or _TITLE_LINE.match(line)
    )


def _is_heading(line: str) -> bool:
    return bool(_HEADING_LINE.match(line) or _TITLE_LINE.match(line))


def _is_upper(line: str) -> bool:
    return bool(_UPPER_LINE.match(line)) and sum(c.isalpha() for c in line) >= 6 and " " in line


def _join(lines: list[str | None], double: bool, raw: str) -> list[str]:
    """Rebuild paragraphs from printed lines and the gaps between them."""
    printed: list[tuple[str, str]] = []  # (line, gap kind before it)
    empties = 0
    marker = False
    for line in lines:
        if line is None:
            empties += 1
        elif line == "":
            marker = True
        else:
            if not printed:
                gap = "hard"
            elif double:
                gap = "hard" if marker else ("page" if empties >= 2 else "wrap")
            else:
                gap = "hard" if (marker or empties) else "wrap"
            printed.append((line, gap))
            empties = 0
            marker = False

    before, after = _heading_breaks([p[0] for p in printed])
    paragraphs: list[str] = []
    current: list[str] = []  # pieces of the paragraph being built
    prev = ""
    block_start = True
    for i, (line, gap) in enumerate(printed):
        if gap == "page":
            # A page break falls anywhere, often inside a sentence.
            gap = "wrap" if not _ENDS_SENTENCE.search(prev) or not _STARTS_SENTENCE.match(line) else "hard"
        elif gap == "hard" and not double and i:
            continues = not _ENDS_SENTENCE.search(prev) and not _STARTS_SENTENCE.match(line)
            gap = "wrap" if continues else "hard"
        if gap == "hard":
            sep = "\n\n"
        elif (_starts_structure(line) or before[i] or _is_heading(prev) or (i and after[i - 1])
              or (block_start and _is_upper(prev) and not _is_upper(line))):
            sep = "\n"
        else:
            sep = " "
        if sep == "\n\n":
            if current:
                paragraphs.append("".join(current))
            current = [line]
            block_start = True
        elif sep == "\n":
            current.append("\n" + line)
            block_start = True
        else:
            joined = _join_words(current[-1] if current else "", line, raw)
            if current:
                current[-1] = joined
            else:
                current = [joined]
            block_start = False
        prev = line
    if current:
        paragraphs.append("".join(current))
    return paragraphs


def _heading_breaks(lines: list[str]) -> tuple[list[bool], list[bool]]:
    """Where item headings start and end ("Norco 10/325mg #120: Upheld", or "X:" before a
    label line), so they get lines of their own even when no blank line sets them apart."""
    n = len(lines)
    before, after = [False] * n, [False] * n
    for i, line in enumerate(lines):
        if len(line) > 300 or _LABEL_START.match(line):
            continue
        nxt = lines[i + 1] if i + 1 < n else ""
        if nxt and _OUTCOME_ONLY.match(nxt) and _ITEM_HEADING.search(line + " " + nxt):
            continue  # the decision word is wrapped onto the next line
        combined = lines[i - 1] + " " + line if i and _OUTCOME_ONLY.match(line) else line
        if not (_ITEM_HEADING.search(combined) or (line.endswith(":") and _DETERMINATION_LABEL.match(nxt))):
            continue
        after[i] = True
        j = i
        while (j > 0 and i - j < 3 and not _starts_structure(lines[j]) and not after[j - 1]
               and not _ENDS_SENTENCE.search(lines[j - 1]) and not _is_heading(lines[j - 1])):
            j -= 1
        before[j] = True
    return before, after


def _join_words(left: str, right: str, raw: str) -> str:
    """Join a wrapped line to the text before it, repairing a hyphenated word."""
    if not left:
        return right
    m = _HYPHEN_END.search(left[-40:]) if left.endswith("-") else None
    if m:
        if right[:1].isdigit():
            return left + right
        w = _NEXT_WORD.match(right)
        if w:
            fragment, rest = m.group(1), w.group(1)
            if rest in ("to", "and", "or") or fragment.lower() in _KEEP_HYPHEN:
                return left + ("" if rest not in ("to", "and", "or") else " ") + right
            if f"{fragment}-{rest}" in raw:
                return left + right
            return left[:-1] + right
    return left + " " + right
