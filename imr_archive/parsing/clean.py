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


# Stands in the line list for a running header or footer that was dropped.
_DROPPED = "\f"
_CASE = r"CM\d{2}-\d{4,8}"
_PAGE_LINE = re.compile(r"-?\s*(?i:page)\s+(\d{1,3})(?P<of>\s+(?i:of)\s+\d{1,3})?\s*-?$")
_PAGE_INLINE = re.compile(r"[ ]?[Pp](?:age|AGE)\s+\d{1,3}\s+(?:of|OF)\s+\d{1,3}\b[ ]?")
_CASE_LINE = re.compile(r"(?:(?:IMR\s+)?(?i:case)\s+(?i:number|no\.?|#)\s*:?\s*)?(" + _CASE + r")$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\ufeff]")
# Other space characters become spaces (and runs of spaces one space, in clean_text).
_TRANSLATE = str.maketrans({
    "\f": "\n", "\v": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n",
    "\t": " ", "\u00a0": " ", "\u202f": " ", "\u3000": " ", **{chr(c): " " for c in range(0x2000, 0x200b)},
    "\u0130": "I",  # the one character whose lower() is longer: later stages search text.lower()
})

# Repairs inside lines, run once over the joined text.
_PAGES_WORD = re.compile(r"Page\(s\):?")
_COMMA_GLUED = re.compile(r",(?=[A-Za-z(])")
_COLON_GLUED = re.compile(r":(?=[A-Z])")

# Lines that start a structural element: they never continue the line before.
_HEADING = r"(?:" + "|".join(p for _, p in SECTION_HEADINGS) + r")\s*:?(?:\s|$)"
_TITLE = r"(?i:Independent\s+Medical\s+Review|Final\s+Determination\s+Letter)$"
_LABEL = (
    r"(?:Claims\s+Administrator\s+guideline|MAXIMUS\s+guideline|(?:Expert\s+)?Reviewer\s+guideline"
    r"|Decision\s+rationale|The\s+Claims\s+Administrator\s+(?:based|did\s+not|relied|cited|used)"
    r"|The\s+Expert\s+Reviewer(?:'s\s+decision\s+rationale|\s+based|\s+found|\s+did\s+not|\s+relied)"
    r"|State\(s\)\s+of\s+Licensure\s*:|Certification\(s\)\s*/\s*Specialty\s*:"
    r"|(?:IMR\s+)?Case\s+(?:Number|No\.?)\s*:|Date\s+Assigned\s*:|Date\s+of\s+Injury\s*:|Decision\s+Date\s*:"
    r"|UR\s+Denial\s+Date\s*:|Priority\s*:|Application\s+Received\s*:|Dated\s*:"
    r"|The\s+Final\s+Determination\s+was\s+based"
    # FORMATS.md, notice: the header's labelled lines and each item's labelled parts.
    r"|(?i:Date\s*of\s*UR\s*Decision\s*:|IMR\s*Application\s*Received\s*:|MAXIMUS\s*Case\s*Number\s*:"
    r"|Employee\s*:|Claim\s*Number\s*:|Final\s*Determination\s*:|Medical\s*Treatment\s*Guidelines?(?:\(s\))?"
    r"\s*Relied\s*Upon\s*by|Rationale\s*for\s*(?:the\s*)?Decision\s*:))"
)
_LIST_ITEM = r"(?:[-\u2022*]\s+|\(?\d{1,2}[.)]\s+\S)"
_STRUCTURE = re.compile(f"(?P<heading>{_HEADING}|{_TITLE})|(?P<label>{_LABEL})|{_LIST_ITEM}")
_DETERMINATION_LABEL = re.compile(r"Claims\s+Administrator\s+guideline|MAXIMUS\s+guideline|Decision\s+rationale")
_ITEM_HEADING = re.compile(r":\s*(?i:" + OUTCOME_WORD_PATTERN + r")\s*\.?$")
# The start of a heading with a colon of its own ("Compound: ⏎ Flurbiprofen ...: Upheld").
_HEADING_PREFIX = re.compile(
    r"(?!(?i:decision|rationale|determination|guidelines?)\b)[A-Z][\w/&-]*(?: [\w/&-]+){0,2}:$")
_LIST_INTRO = re.compile(r"\b(?i:following|include[sd]?|including|as\s+follows)\s*$")
_OUTCOME_ONLY = re.compile(OUTCOME_WORD_PATTERN + r"\s*\.?$", re.IGNORECASE)
_NUMBER = re.compile(r"\(?(\d+)")
# The last word of a line that a number continues ("page ⏎ 24.").
_WANTS_NUMBER = re.compile(
    r"(?:^|[\s(,])(?i:pages?|p|pp|pgs?|page\(s\):?|chapters?|ch|sections?|§|no|numbers?|#|steps?|levels?|stages?"
    r"|grades?|types?|phases?|parts?|volumes?|vol|edition|table|figure|appendix|and|or|to|through|of|at|on|x|dated"
    r"|approximately|about|over|under|than|from|between|by|for|with|in|the|a|an)\.?$"
)
_SENTENCE_END_CHARS = frozenset(".!?:;")
_CLOSERS = "\"'\u201d\u2019)"
_HYPHEN_END = re.compile(r"(\w+)-$")
_NEXT_WORD = re.compile(r"([a-z]+)")

# A word broken at a hyphen that is really a compound keeps its hyphen.
_KEEP_HYPHEN = frozenset((
    "non", "pre", "post", "anti", "self", "well", "long", "short", "full", "part", "co", "multi", "over", "under",
    "follow", "left", "right", "semi", "sub", "low", "high", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "first", "second", "third", "half", "x",
))


def clean_text(raw: str) -> CleanedText:
    """Remove extraction debris; see the module docstring."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").translate(_TRANSLATE)
    raw = _CONTROL.sub("", raw)
    while "  " in raw:
        raw = raw.replace("    ", " ").replace("  ", " ")
    raw_lines = raw.split("\n")
    double = _is_double_spaced(raw_lines)

    # Drop running headers and footers, and keep per line whether it was
    # empty (None) or held only spaces ("": a paragraph marker).
    lines: list[str | None] = []
    case_number: str | None = None
    seen_labelled_case: set[str] = set()
    for line in raw_lines:
        text = line.strip()
        if not text:
            lines.append("" if line else None)
            continue
        first = text[0]
        if first in "Pp-":
            m = _PAGE_LINE.match(text)
            if m and (m.group("of") or _is_footer(text, int(m.group(1)), lines)):
                lines.append(_DROPPED)
                continue
        if "age " in text or "AGE " in text:
            text = _PAGE_INLINE.sub(" ", text).strip()
            if not text:
                lines.append(None)
                continue
        if first in "CIci":
            m = _CASE_LINE.match(text)
            if m:
                number = m.group(1).upper()
                if text.upper() == number:
                    case_number = case_number or number
                    lines.append(_DROPPED)
                    continue
                if number in seen_labelled_case:
                    lines.append(_DROPPED)
                    continue
                seen_labelled_case.add(number)
        lines.append(text)

    text = "\n\n".join(p for p in _join(lines, double, _HyphenatedWords(raw)) if p)
    return CleanedText(text=_repair(text), running_case_number=case_number)


def _is_footer(text: str, number: int, lines: list[str | None]) -> bool:
    """Whether a line "Page 3" (no "of N") is a running footer rather than the end of a wrapped
    citation ("..., Chapter 7, ⏎ page 127"): footers are capitalised, number the letter's few
    pages, and do not follow a line that ends in a comma."""
    if text.lstrip("- ")[:1] == "p" or number > 50:
        return False
    last = next((t for t in reversed(lines) if t and t != _DROPPED), "")
    return not last.endswith(",")


def _repair(text: str) -> str:
    """Page(s): glued to the word before it, a missing space after a comma or colon."""
    if "Page(s)" in text:
        text = _PAGES_WORD.sub(_spaced_pages, text)
    if "," in text:
        text = _COMMA_GLUED.sub(", ", text)
    if ":" in text:
        text = _COLON_GLUED.sub(_spaced_colon, text)
    return text


def _spaced_pages(m: re.Match[str]) -> str:
    s, i, j = m.string, m.start(), m.end()
    before = " " if i and not s[i - 1].isspace() and s[i - 1] != "(" else ""
    after = " " if m.group(0).endswith(":") and j < len(s) and not s[j].isspace() else ""
    return before + m.group(0) + after


def _spaced_colon(m: re.Match[str]) -> str:
    i = m.start()
    return ": " if i and (m.string[i - 1].islower() or m.string[i - 1] == ")") else ":"


def _is_double_spaced(raw_lines: list[str]) -> bool:
    """True when most printed lines are followed by a blank line and few by another printed line."""
    printed = followed = 0
    blank_next = True
    for line in reversed(raw_lines):
        blank = not line.strip()
        if not blank:
            printed += 1
            followed += blank_next
        blank_next = blank
    return printed > 0 and followed / printed >= 0.6 and (printed - followed) / printed < 0.25


def _ends_sentence(line: str) -> bool:
    tail = line.rstrip(_CLOSERS)
    return bool(tail) and tail[-1] in _SENTENCE_END_CHARS


def _starts_sentence(line: str) -> bool:
    c = line[0]
    return c.isupper() or c.isdigit() or c in "\"'\u201c(-\u2022"


def _is_upper(line: str) -> bool:
    return line.upper() == line and " " in line and sum(c.isalpha() for c in line) >= 6


@dataclass
class _Line:
    text: str
    gap: str  # "hard" (a paragraph break), "page" (a page break) or "wrap" before it
    structure: bool = False  # starts a heading, a labelled line or a list item
    heading: bool = False
    ends: bool = False  # ends with sentence punctuation


class _HyphenatedWords:
    """The words the text prints with a hyphen inside a line ("follow-up"), found once, when a
    word broken at a line's end first asks: a search of the whole text per break was quadratic."""

    def __init__(self, raw: str) -> None:
        self._raw = raw
        self._words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = set(_HYPHENATED_WORD.findall(self._raw))
        return word in self._words


_HYPHENATED_WORD = re.compile(r"(?<![\w-])\w+-[a-z]+")


def _join(lines: list[str | None], double: bool, raw: _HyphenatedWords) -> list[str]:
    """Rebuild paragraphs from printed lines and the gaps between them."""
    printed: list[_Line] = []
    empties = 0
    marker = dropped = False
    list_number = 0  # of the last numbered list item
    for line in lines:
        if line is None:
            empties += 1
        elif line == "":
            marker = True
        elif line == _DROPPED:
            dropped = True
        else:
            if not printed:
                gap = "hard"
            elif double:
                gap = "hard" if marker else ("page" if empties >= 2 or dropped else "wrap")
            else:
                # Blank lines around a dropped page footer are a page break, not a paragraph's end.
                gap = "hard" if marker else "page" if dropped else "hard" if empties else "wrap"
            m = _STRUCTURE.match(line)
            structure = bool(m)
            if m and m.lastgroup is None and line[0] in "(0123456789":
                number = int(_NUMBER.match(line).group(1))
                if gap != "hard" and printed and _continues_number(printed[-1], number, list_number):
                    structure = False  # "..., page ⏎ 24. The ...": a wrapped number, not a list item
                else:
                    list_number = number
            printed.append(_Line(line, gap, structure, bool(m and m.group("heading")), _ends_sentence(line)))
            empties = 0
            marker = dropped = False

    before, after = _heading_breaks(printed)
    paragraphs: list[str] = []
    pieces: list[str] = []  # of the paragraph being built
    prev: _Line | None = None
    block_start = True
    for i, cur in enumerate(printed):
        gap = cur.gap
        if prev is not None and gap == "page":
            # A page break falls anywhere, often inside a sentence.
            gap = "wrap" if not prev.ends or not _starts_sentence(cur.text) else "hard"
        elif prev is not None and gap == "hard" and not double:
            gap = "wrap" if not prev.ends and not _starts_sentence(cur.text) else "hard"
        if gap == "hard":
            if pieces:
                paragraphs.append("".join(pieces))
            pieces = [cur.text]
            block_start = True
        elif (cur.structure or before[i] or (i and after[i - 1]) or (prev is not None and prev.heading)
              or (block_start and prev is not None and _is_upper(prev.text) and cur.text.upper() != cur.text)):
            pieces.append("\n" + cur.text)
            block_start = True
        else:
            _join_words(pieces, cur.text, raw)
            block_start = False
        prev = cur
    if pieces:
        paragraphs.append("".join(pieces))
    return paragraphs


def _continues_number(prev: _Line, number: int, list_number: int) -> bool:
    """Whether a line starting "24. " continues the line before rather than opening a list item:
    the line before ends with a word that wants a number ("page", "Chapter", "#"), or it ends
    in mid-sentence and the number does not follow the list's last one."""
    if _WANTS_NUMBER.search(prev.text, max(0, len(prev.text) - 20)):  # the last word only
        return True
    return not prev.ends and number not in (1, list_number + 1)


def _heading_breaks(lines: list[_Line]) -> tuple[list[bool], list[bool]]:
    """Where item headings start and end ("Norco 10/325mg #120: Upheld", or "X:" before a
    label line), so they get lines of their own even when no blank line sets them apart."""
    n = len(lines)
    before, after = [False] * n, [False] * n
    for i, cur in enumerate(lines):
        line = cur.text
        if len(line) > 300 or (cur.structure and not cur.heading and _STRUCTURE.match(line).group("label")):
            continue
        nxt = lines[i + 1].text if i + 1 < n else ""
        if ":" in line and nxt and _OUTCOME_ONLY.match(nxt) and _ITEM_HEADING.search(line + " " + nxt):
            continue  # the decision word is wrapped onto the next line
        if nxt[:1].islower() and lines[i + 1].gap != "hard" and not _ITEM_HEADING.search(nxt):
            continue  # "... include the following: Partial ⏎ thickness tear": the sentence goes on
        wrapped_word = bool(i and _OUTCOME_ONLY.match(line) and not after[i - 1])
        combined = lines[i - 1].text + " " + line if wrapped_word else line
        m = _ITEM_HEADING.search(combined)
        if m and _LIST_INTRO.search(combined, 0, m.start()):
            continue
        if not (m or (line.endswith(":") and _DETERMINATION_LABEL.match(nxt))):
            continue
        after[i] = True
        # A decision word alone on its line belongs to the heading on the line before.
        j = i - 1 if wrapped_word and m else i
        while (j > 0 and i - j < 3 and not lines[j].structure and not after[j - 1] and not lines[j - 1].heading
               and (not lines[j - 1].ends or _HEADING_PREFIX.match(lines[j - 1].text))):
            j -= 1
        before[j] = True
    return before, after


def _join_words(pieces: list[str], right: str, raw: _HyphenatedWords) -> None:
    """Append a wrapped line to the paragraph, repairing a word hyphenated across the break."""
    if not pieces:
        pieces.append(right)
        return
    left = pieces[-1]
    m = _HYPHEN_END.search(left[-40:]) if left.endswith("-") else None
    if m:
        if right[:1].isdigit():
            pieces.append(right)
            return
        w = _NEXT_WORD.match(right)
        if w:
            fragment, rest = m.group(1), w.group(1)
            if rest in ("to", "and", "or"):
                pieces.append(" " + right)
            elif fragment.lower() in _KEEP_HYPHEN or f"{fragment}-{rest}" in raw:
                pieces.append(right)
            else:
                pieces[-1] = left[:-1]
                pieces.append(right)
            return
    pieces.append(" " + right)
