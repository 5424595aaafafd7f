"""Each term's matching documents and their BM25F scores as arrays, read a block at a time.

Whoosh's matchers step through postings one Python call per document and
score each on the way: ranking every match of common words that way was most
of a search's time at 100,000 letters. Here a term's postings are decoded a
block at a time (ids and weights as Whoosh stores them) and scored with the
searcher's own statistics, the very arithmetic of Whoosh's BM25F scorer, so a
posting's score is the one Whoosh gives it, bit for bit. Scored terms are
kept per index state, like the facet columns, within a budget of postings.

This is the project's one use of a library's private attributes: blocks,
length columns and BM25F's per-field B are read through whoosh-reloaded's
codec internals, because Whoosh's public matchers, one Python call per
document, missed the 10,000-letter target (bench/RESULTS.md: two words 75 /
135 ms and a phrase 63 / 177 ms median / p95 through the public API). It is
used only with the version it was written against (FAST_PATH): with another,
the backend answers through Whoosh's public API, slower but the same.
tests/search/test_facets_and_ranking.py compares the resulting order with
Whoosh's own scoring.
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import whoosh
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

# The whoosh-reloaded releases whose internals this module reads.
FAST_PATH = whoosh.__version__ in {(2, 7, 5)}

# About 12 bytes a posting: 4 million postings are some 50 MB per process.
POSTINGS_BUDGET = 4_000_000


class Postings(NamedTuple):
    ids: array  # document numbers, ascending
    scores: array  # each document's score for the term, boost applied


def _field_lengths(leaf, fieldname: str) -> bytes:
    """The segment's length byte of `fieldname` for every document (0: not in the field).

    Read as one slice of the fixed-width length column, where Whoosh's
    doc_field_length reads one document's byte per call.
    """
    column = leaf._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    size = leaf.doc_count_all()
    if column is None:
        return bytes(size)
    stored = bytes(column._dbfile.get(column._basepos, column._count))
    return stored[:size] + bytes(size - len(stored))


def _blocks(matcher) -> Iterator[tuple[Sequence[int], Sequence[float]]]:
    """A term's postings in one segment as (ids, weights) blocks."""
    if isinstance(matcher, W3LeafMatcher):
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            yield matcher._ids, matcher._weights
            matcher._next_block()
        return
    ids, weights = [], []  # a few postings kept inline in the term's entry
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    yield ids, weights


def read_postings(searcher, fieldname: str, text: str, boost: float = 1.0) -> Postings:
    """Every live document holding the term, with the score Whoosh's BM25F (times `boost`) gives it."""
    ids, scores = array("i"), array("d")
    if fieldname not in searcher.schema:
        return Postings(ids, scores)
    field = searcher.schema[fieldname]
    try:
        btext = field.to_bytes(text)
    except ValueError:  # e.g. a word in a numeric field: Whoosh's Term matches nothing either
        return Postings(ids, scores)
    reader = searcher.reader()
    if (fieldname, btext) not in reader:
        return Postings(ids, scores)
    weighting = searcher.weighting
    if not isinstance(weighting, BM25F):
        raise TypeError(f"scoring reproduces BM25F, not {type(weighting).__name__}")
    if field.scorable:
        k1, b = weighting.K1, weighting._field_B.get(fieldname, weighting.B)
        idf, avgfl, k1_plus_1 = searcher.idf(fieldname, btext), searcher.avg_field_length(fieldname) or 1, k1 + 1
        # whoosh.scoring.bm25 term by term, its length part computed once per length byte.
        norms = [k1 * ((1 - b) + b * byte_to_length(n) / avgfl) for n in range(256)]
    for leaf, offset in reader.leaf_readers():
        if (fieldname, btext) not in leaf:
            continue
        matcher = leaf.postings(fieldname, btext)
        if isinstance(matcher, FilterMatcher):  # deletions: excluded below instead of per posting
            matcher = matcher.child
        deleted = leaf.deleted_docs_set
        lengths = _field_lengths(leaf, fieldname) if field.scorable else b""
        for block_ids, weights in _blocks(matcher):
            if deleted:
                kept = [(d, w) for d, w in zip(block_ids, weights, strict=True) if d not in deleted]
                block_ids, weights = [d for d, _ in kept], [w for _, w in kept]
            ids.extend(map(offset.__add__, block_ids) if offset else block_ids)
            if field.scorable:
                scores.extend([idf * ((w * k1_plus_1) / (w + norms[lengths[d]])) * boost
                               for d, w in zip(block_ids, weights, strict=True)])
            else:  # Whoosh scores a term of an unscored field by its weight
                scores.extend([w * boost for w in weights])
    return Postings(ids, scores)


class PostingsCache:
    """Scored postings by (field, text, boost) for one index state; least recently used go past the budget."""

    def __init__(self, budget: int = POSTINGS_BUDGET) -> None:
        self.budget = budget
        self._lock = threading.Lock()
        self._state: tuple = ()
        self._entries: OrderedDict[tuple[str, str, float], Postings] = OrderedDict()
        self._size = 0

    def get(self, searcher, state: tuple, fieldname: str, text: str, boost: float) -> Postings:
        key = (fieldname, text, boost)
        with self._lock:
            if self._state == state and key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        postings = read_postings(searcher, fieldname, text, boost)
        with self._lock:
            if self._state != state:
                self._state, self._entries, self._size = state, OrderedDict(), 0
            if key not in self._entries:
                self._entries[key] = postings
                self._size += len(postings.ids)
            while self._size > self.budget and len(self._entries) > 1:
                _, dropped = self._entries.popitem(last=False)
                self._size -= len(dropped.ids)
        return postings
