"""Stage 5 for the notice layout (FORMATS.md, "4. notice"): its items, from the decision lines.

The notice lists every decision first ("1) MAXIMUS Federal Services, Inc. has
determined the request for X is not medically necessary and appropriate."),
then repeats the list under INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE;
after the case summary, each item has a block "1) Regarding the request for X:"
with the claims administrator's and the expert reviewer's guideline basis and
the rationale for the decision.

SCHEMA.md's conventions: the treatment is X, the words between "the request
for" and "is (not) medically necessary"; outcome_stated is true (the line is
the decision); the list printed twice gives each item once. Extraction glues
words in these letters ("notmedically", "#30isnot"), so every phrase allows
missing spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from imr_archive.parsing.issues import add_citations, capped, field_text, new_issue
from imr_archive.parsing.layout import Layout
from imr_archive.parsing.result import OVERTURNED, PARTIAL, UPHELD, Issue
from imr_archive.parsing.scan import lower
from imr_archive.parsing.vocabulary.headings import NOTICE_ITEM_BLOCK

__all__ = ["read_notice_issues"]

Span = tuple[int, int]

# All matched in the lowered text, so without flags.
_DECISION = re.compile(r"has\s*determined\s*(?:that\s*)?the\s*request(?:ed)?\s*(?:for\s*)?")
_NEXT_DECISION = re.compile(r"has\s*determined|\n\n")
_NUMBERED_LINE = re.compile(r"^[ \t]*\(?(\d{1,2})[.)][ \t]*", re.MULTILINE)
_NUMBER_BEFORE = re.compile(r"\(?(\d{1,2})\)[ \t]*(?:maximus[^\n]{0,40})?$")
# The decision in the line; "partially" or "in part" makes it partial (SCHEMA.md `outcome`).
_VERDICT = re.compile(r"(?:is|are|was|were)\s*(not\s*)?(partially\s*)?medically\s*necessary")
_IN_PART = re.compile(r"\bin\s*part\b|\bpartially\b")
_SENTENCE_END = re.compile(r"\.(?:\s|$)")
_WINDOW = 600  # characters a decision line may take after "the request for"

_BLOCK = re.compile(r"^[ \t]*" + NOTICE_ITEM_BLOCK, re.MULTILINE)
_BLOCK_NUMBER = re.compile(r"[ \t]*\(?(\d{1,2})[.)]")
# Each item block's labelled parts, and the sentences that open a part when its label is missing.
_PARTS = re.compile(
    r"(?P<ca_label>medical\s*treatment\s*guidelines?(?:\(s\))?\s*relied\s*upon\s*by\s*the\s*claims\s*administrator"
    r"\s*:?)"
    r"|(?P<rv_label>medical\s*treatment\s*guidelines?(?:\(s\))?\s*relied\s*upon\s*by\s*the\s*expert\s*reviewer\s*:?)"
    r"|(?P<rat_label>rationale\s*for\s*(?:the\s*)?decision\s*:?)"
    r"|(?P<ca>the\s*claims\s*administrator\s*(?:based|did\s*not|relied|cited|used))"
    r"|(?P<rv>the\s*expert\s*reviewer\s*(?:based|found|did\s*not|relied))"
)


@dataclass
class _Decision:
    number: int | None
    treatment: str
    outcome: str | None


@dataclass
class _Block:
    number: int | None
    ca: list[Span] = field(default_factory=list)
    rv: list[Span] = field(default_factory=list)
    rat: list[Span] = field(default_factory=list)


def read_notice_issues(text: str, layout: Layout) -> tuple[list[Issue], list[str]]:
    """The disputed items of a notice letter and the warnings reading them raised."""
    low = lower(text)
    first_block = _BLOCK.search(text, _body_start(layout))
    decisions_end = min([first_block.start() if first_block else len(text)]
                        + [layout.sections[k][0] for k in ("qualifications", "case_summary") if k in layout.sections])
    decisions = _decisions(text, low, decisions_end)
    blocks = _blocks(text, low, first_block.start()) if first_block else []
    warnings: list[str] = []
    if not decisions:
        warnings.append("no decision lines found (\"has determined the request for ...\")")
    if decisions and not blocks:
        warnings.append("missing section: the items' guideline basis and rationale (\"Regarding the request for\")")
    issues = []
    for n, decision in enumerate(capped(decisions, warnings), 1):
        block = _block_for(decision, n, blocks, len(decisions))
        rationale = field_text(text, block.rat)[0] if block else ""
        issue = new_issue(decision.treatment, decision.outcome, decision.outcome is not None, rationale, n, warnings)
        if block:
            add_citations(text, issue, block.ca, block.rv, n, warnings)
        issues.append(issue)
    if not issues:
        warnings.append("no disputed items found")
    return issues, warnings


def _body_start(layout: Layout) -> int:
    """Where the item blocks may start: after the case summary's heading, else after the decisions'."""
    for key in ("case_summary", "qualifications", "notice_decisions"):
        if key in layout.sections:
            return layout.sections[key][0]
    return 0


def _decisions(text: str, low: str, end: int) -> list[_Decision]:
    """The decision lines before `end`, in letter order, each item once (the list is printed twice)."""
    lines: list[tuple[int, _Decision]] = []
    for m in _DECISION.finditer(low, 0, end):
        stop = _NEXT_DECISION.search(low, m.end(), min(end, m.end() + _WINDOW))
        window_end = stop.start() if stop else min(end, m.end() + _WINDOW)
        decision = _read_decision(text, low, _number_before(low, m.start()), m.end(), window_end)
        if decision is not None:
            lines.append((m.start(), decision))
    # The repeated list may be printed the documents-reviewed way, "1. X is not medically necessary
    # and appropriate." (FORMATS.md, 2.): a numbered line that states a verdict is a decision too.
    for m in _NUMBERED_LINE.finditer(low, 0, end):
        if low.startswith(("maximus", "regarding"), m.end()):
            continue
        line_end = low.find("\n", m.end(), min(end, m.end() + _WINDOW))
        decision = _read_decision(text, low, int(m.group(1)), m.end(), line_end if line_end != -1 else
                                  min(end, m.end() + _WINDOW), verdict_needed=True)
        if decision is not None:
            lines.append((m.start(), decision))
    found: list[_Decision] = []
    seen: set[object] = set()
    for _, decision in sorted(lines, key=lambda pair: pair[0]):
        key = decision.number if decision.number is not None else " ".join(decision.treatment.lower().split())
        if key not in seen:
            seen.add(key)
            found.append(decision)
    return found


def _read_decision(text: str, low: str, number: int | None, body: int, end: int,
                   verdict_needed: bool = False) -> _Decision | None:
    """One decision line: the words after "the request for" (or the number) up to "is (not) medically
    necessary". Without a verdict the line is a decision with an unread outcome, or with
    `verdict_needed` none at all."""
    verdicts = list(_VERDICT.finditer(low, body, end))
    if not verdicts:
        if verdict_needed:
            return None
        treatment = " ".join(text[body:_sentence_end(low, body, end)].split()).strip(" .,;:")
        return _Decision(number, treatment, None) if treatment else None
    # A verdict after a space ends the treatment; one glued to it ("#30isnot") only when no other does.
    first = next((v for v in verdicts if low[v.start() - 1].isspace()), verdicts[0])
    treatment = " ".join(text[body:first.start()].split()).strip(" ,;:")
    if not treatment:
        return None
    sentence = low[first.start():_sentence_end(low, first.start(), end)]
    polarities = {bool(v.group(1)) for v in _VERDICT.finditer(sentence)}
    if first.group(2) or len(polarities) == 2 or _IN_PART.search(sentence):
        outcome = PARTIAL
    else:
        outcome = UPHELD if first.group(1) else OVERTURNED
    return _Decision(number, treatment, outcome)


def _sentence_end(low: str, start: int, end: int) -> int:
    m = _SENTENCE_END.search(low, start, end)
    return m.start() if m else end


def _number_before(low: str, start: int) -> int | None:
    """The item number printed before "MAXIMUS Federal Services, Inc. has determined" ("1)")."""
    m = _NUMBER_BEFORE.search(low, max(0, start - 60), start)
    return int(m.group(1)) if m else None


def _blocks(text: str, low: str, start: int) -> list[_Block]:
    """The per-item blocks from `start` to the end of the letter, with their labelled parts."""
    starts = [m.start() for m in _BLOCK.finditer(text, start)]
    blocks = []
    for i, begin in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        number = _BLOCK_NUMBER.match(text, begin, end)
        block = _Block(int(number.group(1)) if number else None)
        _read_parts(text, low, begin, end, block)
        blocks.append(block)
    return blocks


def _read_parts(text: str, low: str, start: int, end: int, block: _Block) -> None:
    """The guideline bases and rationale of one block. A part runs from its label (or, when the
    label is missing, the sentence that opens it) to the next part; nothing after the rationale's
    label opens another part."""
    parts: list[tuple[str, int, int]] = []  # (kind, where it starts, where its text starts)
    for m in _PARTS.finditer(low, start, end):
        kind = m.lastgroup or ""
        if parts and parts[-1][0] == "rat":
            break
        if kind.endswith("_label"):
            parts.append((kind[:-6], m.start(), m.end()))
        elif not (parts and parts[-1][0] == kind and parts[-1][2] <= m.start()
                  and not text[parts[-1][2]:m.start()].strip()):
            parts.append((kind, m.start(), m.start()))
    if not parts:
        return
    for i, (kind, _begin, content) in enumerate(parts):
        stop = parts[i + 1][1] if i + 1 < len(parts) else end
        while stop > content and text[stop - 1].isspace():
            stop -= 1
        while content < stop and text[content].isspace():
            content += 1
        if content < stop:
            getattr(block, kind).append((content, stop))


def _block_for(decision: _Decision, n: int, blocks: list[_Block], count: int) -> _Block | None:
    """The block of decision n: the one with its number, else the n-th when the counts agree."""
    if decision.number is not None:
        for block in blocks:
            if block.number == decision.number:
                return block
    if len(blocks) == count:
        return blocks[n - 1]
    return None
