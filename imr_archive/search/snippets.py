"""Short, HTML-safe excerpts of an item's text for the results list, with the matched words marked.

Snippets come from the text the database holds (no engine stores prose),
analyzed by the project's analyzer: a word is marked when its indexed form
is one the query looks for, so `injections` marks "injection" and
`acupunct*` marks "acupuncturist", on every engine alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape

from imr_archive.search.analysis import phrase_terms, spans
from imr_archive.search.query_syntax import Node, Prefix, positive_leaves

SNIPPET_CHARS = 300
MARKED_TEXT_CHARS = 4000  # the part of a text a marked snippet is taken from
FRAGMENT_CHARS = 240  # the longest fragment around marked words
CONTEXT_CHARS = 60  # text kept before the first marked word of a fragment
FRAGMENTS = 2
BETWEEN = " … "
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Marks:
    """The indexed words and prefixes a snippet marks."""

    words: frozenset[str]
    prefixes: tuple[str, ...]

    @classmethod
    def of(cls, node: Node | None) -> Marks:
        leaves = positive_leaves(node)
        words = {text for leaf in leaves if not isinstance(leaf, Prefix) for _, text in phrase_terms(leaf.words)}
        return cls(frozenset(words), tuple(leaf.prefix for leaf in leaves if isinstance(leaf, Prefix)))

    def __bool__(self) -> bool:
        return bool(self.words or self.prefixes)

    def match(self, word: str) -> bool:
        return word in self.words or word.startswith(self.prefixes)


def plain_snippet(text: str, length: int = SNIPPET_CHARS) -> str:
    """The rationale's opening words, escaped, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= length:
        return escape(text)
    cut = text.rfind(" ", 0, length)
    return escape(text[: cut if cut > 0 else length]) + " …"


def marked_snippet(texts: list[str], marks: Marks) -> str:
    """Fragments of the first text holding a marked word, escaped, the words in <mark>; else a plain snippet."""
    for text in texts:
        text = text[:MARKED_TEXT_CHARS]
        found = spans(text, marks.match) if marks else []
        if found:
            return BETWEEN.join(_render(text, *fragment) for fragment in _best(text, found))
    return plain_snippet(texts[0] if texts else "")


def marked_text(text: str, marks: Marks) -> str:
    """The whole text, escaped, every marked word in <mark> (white space kept); "" when it holds none."""
    found = spans(text, marks.match) if marks else []
    if not found:
        return ""
    out, at = [], 0
    for start, end in found:
        out += [escape(text[at:start]), f"<mark>{escape(text[start:end])}</mark>"]
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


def _best(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """The FRAGMENTS fragments marking the most different words, in text order."""
    fragments = []
    i = 0
    while i < len(spans):
        start = max(0, spans[i][0] - CONTEXT_CHARS)
        j = i
        while j + 1 < len(spans) and spans[j + 1][1] - start <= FRAGMENT_CHARS:
            j += 1
        fragments.append((start, min(len(text), max(spans[j][1], start + FRAGMENT_CHARS)), spans[i:j + 1]))
        i = j + 1
    ranked = sorted(fragments, key=lambda f: -len({text[s:e].lower() for s, e in f[2]}))[:FRAGMENTS]
    return sorted(ranked)


def _render(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """text[start:end] cut at word boundaries, escaped, white space collapsed, `spans` in <mark>."""
    if start > 0 and not text[start - 1].isspace():
        space = text.find(" ", start, spans[0][0])
        start = space + 1 if space >= 0 else spans[0][0]
    if end < len(text) and not text[end].isspace():
        space = text.rfind(" ", spans[-1][1], end)
        end = space if space >= 0 else spans[-1][1]
    out, at = [], start
    for s, e in spans:
        out.append(escape(_SPACES.sub(" ", text[at:s])))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        at = e
    out.append(escape(_SPACES.sub(" ", text[at:end])))
    return "".join(out).strip()
