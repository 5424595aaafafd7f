"""The one analyzer of searched prose: how text becomes the words an index holds.

Words are runs of letters and digits (Tantivy's simple tokenizer): anything
else separates words (x-ray is x and ray, knee's is knee and s, 3.5mg is 3
and 5mg), so a query word that holds such a character is read as a phrase of
its parts. Words are lower-cased and stemmed by the Snowball English
stemmer; there are no stop words (`the` is a word like any other, so a
phrase is exactly the words typed); a word of 40 bytes or more is dropped.
(A regular-expression tokenizer keeping inner dots indexed at a third of
the speed: bench/RESULTS.md.)

Both engines use this very analyzer, built once by tantivy's Rust code: the
Tantivy index registers it under `PROSE`, the Whoosh index tokenizes through
it (whoosh/analysis.py), and queries and snippets analyze their words with
it. Indexing, queries and highlighting therefore agree on every engine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import tantivy

# Change the version with the analyzer: an index built by another one is then told apart (its
# Tantivy schema names another tokenizer, its Whoosh tokenizers carry another version) and rebuilt.
ANALYZER_VERSION = 2
PROSE = f"imr_prose_{ANALYZER_VERSION}"  # the name the Tantivy index knows the analyzer by
LONGEST_WORD_BYTES = 39
# Parts of one field (an item's rationale, guideline lines, case summary) are kept apart by a
# gap of one position, so a phrase never runs from the end of one into the next.
PART_GAP = 1


@dataclass(frozen=True)
class Token:
    text: str  # the word as indexed: lower-cased, stemmed
    position: int
    start: int  # character offsets in the analyzed text
    end: int


@cache
def prose_analyzer() -> tantivy.TextAnalyzer:
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(LONGEST_WORD_BYTES + 1))
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.stemmer("english"))
            .build())


def analyze(text: str) -> list[str]:
    """The indexed words of `text`, in order."""
    return prose_analyzer().analyze(text)


def tokens(text: str) -> list[Token]:
    """The indexed words of `text` with their positions and character offsets."""
    return [Token(t.text, t.position, t.char_offset_from, t.char_offset_to)
            for t in prose_analyzer().pre_tokenize(text).tokens]


def spans(text: str, wanted: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The character spans of the words of `text` whose indexed form is `wanted`.

    Reading a token's attributes costs more than analyzing: the words are
    analyzed as plain strings first, and offsets read only for those wanted.
    """
    words = prose_analyzer().analyze(text)
    chosen = [i for i, word in enumerate(words) if wanted(word)]
    if not chosen:
        return []
    found = prose_analyzer().pre_tokenize(text).tokens
    return [(found[i].char_offset_from, found[i].char_offset_to) for i in chosen]


def lower_words(text: str) -> list[str]:
    """The words of `text` lower-cased but not stemmed."""
    return _lower_analyzer().analyze(text)


def prefix_of(word: str) -> str:
    """What a typed prefix (one lower-case word) is compared with: indexed words are stems.

    The prefix is stemmed when its stem begins it, so `injections*` finds what `inject*` finds
    (the index holds "inject" for injections).
    """
    stems = analyze(word)
    return stems[0] if len(stems) == 1 and word.startswith(stems[0]) else word


def phrase_terms(words: tuple[str, ...]) -> list[tuple[int, str]]:
    """The indexed words of a phrase as typed, each with its position from the phrase's first."""
    found = tokens(" ".join(words))
    return [(t.position - found[0].position, t.text) for t in found]


@cache
def _lower_analyzer() -> tantivy.TextAnalyzer:
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(LONGEST_WORD_BYTES + 1))
            .filter(tantivy.Filter.lowercase())
            .build())
