"""The project's analyzer (search/analysis.py) as Whoosh tokenizers, so both engines index the same words.

A field of several parts (an item's rationale, guideline lines and case
summary) is given as one string, its parts joined by PART_BREAK; each part
starts PART_GAP positions after the previous one ends, as Tantivy numbers
the values of a multi-valued field, so a phrase never spans two parts.

`GramsTokenizer(n)` indexes each n adjacent words as one term ("function
improv"), at the first word's position: Whoosh checks positions in Python,
one document at a time, so a phrase of two or three words is looked up as
one term (of the pairs or the triples field) and a longer one as a phrase of
triples, fewer and rarer positions to check. Adjacent means consecutive
positions in one part, so a pair is exactly a two-word phrase.
"""

from __future__ import annotations

from collections.abc import Iterator

from whoosh.analysis import Token, Tokenizer

from imr_archive.search.analysis import ANALYZER_VERSION, PART_GAP, tokens
from imr_archive.search.analysis import Token as Analyzed

PART_BREAK = "\x1e"  # ASCII record separator: never in a letter's text


def joined(parts: list[str]) -> str:
    """The parts of a field as the one string Whoosh indexes; empty parts are left out on both engines."""
    return PART_BREAK.join(part for part in parts if part)


def gram(words: list[str]) -> str:
    """The term of adjacent indexed words in the pairs or triples field (a space is never inside a word)."""
    return " ".join(words)


class ProseTokenizer(Tokenizer):
    """Whoosh tokens of the project's analyzer: already lower-cased and stemmed."""

    size = 1  # words a token holds

    def __init__(self) -> None:
        self.version = ANALYZER_VERSION  # pickled with the index's schema: tells an index of another analyzer

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(other) == vars(self)

    def __hash__(self) -> int:
        return hash((type(self), tuple(sorted(vars(self).items()))))

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
            terms = _grams(found, self.size) if self.size > 1 else ((t, t.text, t.start, t.end) for t in found)
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


def _grams(found: list[Analyzed], size: int) -> Iterator[tuple[Analyzed, str, int, int]]:
    for start in range(len(found) - size + 1):
        words = found[start:start + size]
        if words[-1].position == words[0].position + size - 1:
            yield words[0], gram([w.text for w in words]), words[0].start, words[-1].end


class GramsTokenizer(ProseTokenizer):
    """Each `size` adjacent words of the project's analyzer as one token."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size
