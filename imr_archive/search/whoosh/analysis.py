"""The project's analyzer (search/analysis.py) as Whoosh tokenizers, so both engines index the same words.

A field of several parts (an item's rationale, guideline lines and case
summary) is given as one string, its parts joined by PART_BREAK; each part
starts PART_GAP positions after the previous one ends, as Tantivy numbers
the values of a multi-valued field, so a phrase never spans two parts.

`PairsTokenizer` indexes each two adjacent words as one term ("function
improv"), at the first word's position: Whoosh checks positions in Python,
one document at a time, so a phrase of two words is looked up as one term
and a longer one as a phrase of pairs (three words, two pairs), fewer and
rarer positions to check. Adjacent means consecutive positions in one part,
so a pair is exactly a two-word phrase.
"""

from __future__ import annotations

from collections.abc import Iterator

from whoosh.analysis import Token, Tokenizer

from imr_archive.search.analysis import PART_GAP, tokens
from imr_archive.search.analysis import Token as Analyzed

PART_BREAK = "\x1e"  # ASCII record separator: never in a letter's text


def joined(parts: list[str]) -> str:
    """The parts of a field as the one string Whoosh indexes; empty parts are left out on both engines."""
    return PART_BREAK.join(part for part in parts if part)


def pair(first: str, second: str) -> str:
    """The pairs field's term of two adjacent indexed words (a space is never inside one)."""
    return f"{first} {second}"


class ProseTokenizer(Tokenizer):
    """Whoosh tokens of the project's analyzer: already lower-cased and stemmed."""

    pairs = False

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = token.text = value
            token.boost, token.pos, token.startchar, token.endchar = 1.0, start_pos, start_char, start_char + len(value)
            yield token
            return
        position, offset = start_pos, start_char
        for part in value.split(PART_BREAK):
            found = tokens(part)
            terms = _pairs(found) if self.pairs else ((t, t.text, t.start, t.end) for t in found)
            for first, text, start, end in terms:
                token.text, token.boost, token.stopped = text, 1.0, False
                if keeporiginal:
                    token.original = part[start:end]
                if positions:
                    token.pos = position + first.position
                if chars:
                    token.startchar, token.endchar = offset + start, offset + end
                yield token
            position += (found[-1].position + 1 if found else 0) + PART_GAP  # as Tantivy, even after an empty part
            offset += len(part) + len(PART_BREAK)


def _pairs(found: list[Analyzed]) -> Iterator[tuple[Analyzed, str, int, int]]:
    for first, second in zip(found, found[1:], strict=False):
        if second.position == first.position + 1:
            yield first, pair(first.text, second.text), first.start, second.end


class PairsTokenizer(ProseTokenizer):
    """Each two adjacent words of the project's analyzer as one token."""

    pairs = True
