"""The query language's tree (query_syntax.py) as Whoosh query objects; never Whoosh's own parser."""

from __future__ import annotations

from whoosh.query import And, Not, NullQuery, Or, Phrase, Prefix, Query, Term

from imr_archive.search import query_syntax as syntax
from imr_archive.search.analysis import phrase_terms
from imr_archive.search.query_text import DEFAULT_FIELDS
from imr_archive.search.whoosh.analysis import gram

# The default fields as Whoosh indexes them: all of them but the treatment are one field.
WHOOSH_DEFAULT_FIELDS = {"treatment": DEFAULT_FIELDS["treatment"], "anywhere": 1.0}


def _fields(field: str | None) -> dict[str, float]:
    return {field: 1.0} if field else WHOOSH_DEFAULT_FIELDS


def _words(node: syntax.Words) -> Query:
    terms = phrase_terms(node.words)
    if not terms:
        return NullQuery
    if len(terms) == 1:
        return Or([Term(f, terms[0][1], boost=b) for f, b in _fields(node.field).items()])
    words = [text for _, text in terms]
    if node.field is None and terms[-1][0] == len(terms) - 1:  # in the default fields, no word left out
        if len(words) <= 3:
            return Term("pairs" if len(words) == 2 else "triples", gram(words))
        return Phrase("triples", [gram(words[i:i + 3]) for i in range(len(words) - 2)])
    # Positions skip a word too long to be indexed: allow that gap, as Tantivy's offsets do.
    slop = 1 + max(b[0] - a[0] - 1 for a, b in zip(terms, terms[1:], strict=False))
    return Or([Phrase(f, words, slop=slop, boost=b) for f, b in _fields(node.field).items()])


def compile_words(node: syntax.Node) -> Query:
    """The Whoosh query matching what `node` matches (depth bounded by query_syntax.MAX_DEPTH)."""
    if isinstance(node, syntax.Words):
        return _words(node)
    if isinstance(node, syntax.Prefix):
        return Or([Prefix(f, node.prefix, boost=b) for f, b in _fields(node.field).items()])
    if isinstance(node, syntax.Exact):
        return Term(node.field, node.value)
    if isinstance(node, syntax.Not):
        return Not(compile_words(node.node))
    if isinstance(node, syntax.All):
        return And([compile_words(n) for n in node.nodes])
    return Or([compile_words(n) for n in node.nodes])
