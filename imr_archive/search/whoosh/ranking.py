"""Relevance from scored postings: a parsed query's matches, their BM25F scores, and the best of them.

The query tree is evaluated as Whoosh's matchers would, with set operations
and map() over dicts (C-level) instead of a matcher step per document. AND
keeps the documents every part matches and adds their scores, OR keeps any
and adds the scores of the parts that match, NOT removes documents and adds
nothing (Whoosh adds the same 1.0 to every match, which orders nothing).
Matching comes first; scores are computed afterwards for the documents that
survive the filters only. Sums run in query order, where Whoosh's matcher
trees may add in another order: scores can differ in the last bits, never more.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator, Set
from functools import reduce
from itertools import compress, repeat
from operator import add, ge, mul

from whoosh.query import And, AndNot, Not, NullQuery, Or, Query, Term


class Unsupported(Exception):
    """A query node this module does not score: Whoosh's own search answers the query."""


class Scored:
    """The documents a query node matches, and their scores on demand."""

    docs: Set[int]

    def scores(self, docs: list[int]) -> Iterator[float]:
        """The node's score of each of `docs`, all of which it matches."""
        raise NotImplementedError

    def scores_or_zero(self, docs: list[int]) -> Iterator[float]:
        """The node's score of each of `docs`, 0.0 for those it does not match (adding 0.0 changes no sum)."""
        own = list(filter(self.docs.__contains__, docs))
        return map(dict(zip(own, self.scores(own), strict=True)).get, docs, repeat(0.0))


class _Term(Scored):
    def __init__(self, scores: dict[int, float]) -> None:
        self._scores = scores
        self.docs = scores.keys()

    def scores(self, docs: list[int]) -> Iterator[float]:
        return map(self._scores.__getitem__, docs)

    def scores_or_zero(self, docs: list[int]) -> Iterator[float]:
        return map(self._scores.get, docs, repeat(0.0))


class _Sum(Scored):
    """AND, OR: the sum of the parts' scores (OR: of the parts that match), times the node's boost."""

    def __init__(self, docs: Set[int], parts: list[Scored], every_part_matches: bool, boost: float) -> None:
        self.docs, self._parts, self._every, self._boost = docs, parts, every_part_matches, boost

    def scores(self, docs: list[int]) -> Iterator[float]:
        vectors = [part.scores(docs) if self._every else part.scores_or_zero(docs) for part in self._parts]
        total = reduce(lambda left, right: map(add, left, right), vectors)
        return map(mul, total, repeat(self._boost)) if self._boost != 1.0 else total


class _Unscored(Scored):
    """Documents matched by negation alone."""

    def __init__(self, docs: Set[int]) -> None:
        self.docs = docs

    def scores(self, docs: list[int]) -> Iterator[float]:
        return repeat(0.0, len(docs))


TermScores = Callable[[Term], dict[int, float]]


def evaluate(node: Query, term_scores: TermScores, every_doc: Callable[[], Iterable[int]]) -> Scored:
    """The documents `node` matches, scored lazily."""
    def each(queries: Iterable[Query]) -> list[Scored]:
        return [evaluate(q, term_scores, every_doc) for q in queries]

    if node is NullQuery:
        return _Unscored(set())
    if isinstance(node, Term):
        return _Term(term_scores(node))
    if isinstance(node, Or) and not node.scale:
        parts = each(node.subqueries)
        if not parts:
            return _Unscored(set())
        return _Sum(set().union(*(part.docs for part in parts)), parts, False, node.boost)
    if isinstance(node, And):
        parts = each(q for q in node.subqueries if not isinstance(q, Not))
        excluded = each(q.query for q in node.subqueries if isinstance(q, Not))
        if not parts:
            return _Unscored(_without(set(every_doc()), excluded))
        smallest = min((part.docs for part in parts), key=len)
        others = (part for part in parts if part.docs is not smallest)
        docs = reduce(lambda kept, part: kept & part.docs, others, set(smallest))
        return _Sum(_without(docs, excluded), parts, True, node.boost)
    if isinstance(node, AndNot):
        kept = evaluate(node.a, term_scores, every_doc)
        return _Sum(_without(set(kept.docs), each([node.b])), [kept], True, 1.0)
    if isinstance(node, Not):
        return _Unscored(_without(set(every_doc()), each([node.query])))
    raise Unsupported(type(node).__name__)


def _without(docs: set[int], excluded: list[Scored]) -> set[int]:
    for part in excluded:
        docs -= part.docs
    return docs


def best(scored: Scored, docs: Iterable[int], count: int) -> list[tuple[int, float]]:
    """The `count` best of `docs` (all matched by `scored`), highest score first.

    Equal scores go by document number, lowest first, as in Whoosh's
    collectors. The count-th best score is found among bare floats first;
    only the documents reaching it are paired with their numbers and sorted.
    """
    docs = list(docs)
    scores = list(scored.scores(docs))
    if count <= 0 or not scores:
        return []
    threshold = min(heapq.nlargest(count, scores))
    reaching = compress(zip(scores, docs, strict=True), map(ge, scores, repeat(threshold)))
    return [(docnum, score) for score, docnum in sorted(reaching, key=lambda item: (-item[0], item[1]))[:count]]
