"""The words a user may type: fields, exact values, operators, and what makes a query unreadable.

The language (docs/query-language.md) is the same on every engine: words
(all must match), "quoted phrases", prefix* , AND / OR / NOT (upper case) or
-word, parentheses, and field:value for the fields in FIELD_ALIASES. A query
that cannot be read as written (an unbalanced quote or parenthesis, an
operator with nothing on one side) is searched as its plain words, with a
note saying so; it is never an error. query_syntax.py reads a readable one
into a tree.
"""

from __future__ import annotations

import re

from imr_archive.parsing import vocabulary

# Searched text fields: "text" is the rationale and the guideline lines, "summary" the case summary
# and the diagnoses. A word without a field is looked for in the default fields (all an item says but
# the records its reviewer saw), a word in the treatment counting three times in relevance.
TEXT_FIELDS = ("treatment", "text", "summary", "guideline_text", "records")
DEFAULT_FIELDS = {"treatment": 3.0, "text": 1.0, "summary": 1.0}

# What a user may type before a colon -> the searched field.
FIELD_ALIASES = {
    "treatment": "treatment",
    "rationale": "text",
    "text": "text",
    "summary": "summary",
    "diagnosis": "summary",
    "guideline": "guideline_text",
    "records": "records",
    "case": "case_number",
    "outcome": "outcome",
    "category": "category",
    "specialty": "specialty",
}
# Fields matched as one exact value: the typed value is mapped onto the canonical one.
EXACT_VALUES = {
    "outcome": {v: v for v in ("upheld", "overturned", "partial", "unknown")},
    "category": {v.lower(): v for v in vocabulary.CATEGORIES},
    "specialty": {v.lower(): v for v in vocabulary.SPECIALTIES},
}
EXACT_FIELDS = frozenset({*EXACT_VALUES, "case_number"})
OPERATORS = frozenset({"AND", "OR", "NOT"})
BINARY = frozenset({"AND", "OR"})

_TOKEN = re.compile(r'"[^"]*"|\(|\)|[^\s()"]+')
WORD = re.compile(r"[\w][\w'/.-]*")
_MINUS = re.compile(r'(?<![^\s(])-(?=[\w"(])')


def normalized(q: str) -> str:
    """`q` with runs of white space as one space and -word as NOT word (as in web search engines)."""
    return _MINUS.sub("NOT ", " ".join(q.split()))


def problem(q: str) -> str | None:
    """Why `q` (normalized) cannot be read as written, or None."""
    if q.count('"') % 2:
        return "an unbalanced quote"
    depth = 0
    for ch in q:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return "an unbalanced parenthesis"
    if depth:
        return "an unbalanced parenthesis"
    tokens = _TOKEN.findall(q)
    if not tokens:
        return None
    previous = "("
    for token in tokens + [")"]:
        if token in BINARY and (previous in OPERATORS or previous == "("):
            return f"{token} with nothing before it"
        if token == ")" and previous in OPERATORS:
            return f"{previous} with nothing after it"
        if token == "NOT" and previous == "NOT":
            return "NOT twice"
        previous = token
    if re.search(r'\b[A-Za-z_]+:(?=\s|$|\))', q):
        return "a field name with no value"
    return None


def plain_words(q: str) -> str:
    return " ".join(w for w in WORD.findall(q) if w not in OPERATORS)
