"""Read the words a user typed: fields, phrases, operators, and what to do when they do not add up.

The syntax is the same on every backend: words (all must match), "quoted
phrases", AND / OR / NOT (upper case) with parentheses, and field:value for
the fields in FIELD_ALIASES. A query that cannot be read as written (an
unbalanced quote or parenthesis, an operator with nothing on one side) is
searched as its plain words, with a note saying so; it is never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from imr_archive.parsing import vocabulary

# Searched text fields: "text" is everything an item says but its treatment
# (rationale, guideline lines, case summary, diagnoses).
TEXT_FIELDS = ("treatment", "text", "summary", "guideline_text")

# What a user may type before a colon -> the searched field.
FIELD_ALIASES = {
    "treatment": "treatment",
    "rationale": "text",
    "text": "text",
    "summary": "summary",
    "diagnosis": "summary",
    "guideline": "guideline_text",
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
OPERATORS = frozenset({"AND", "OR", "NOT"})
BINARY = frozenset({"AND", "OR"})

_FIELD_VALUE = re.compile(r'(?<![\w:])([A-Za-z_]+):("[^"]*"|\'[^\']*\'|[^\s()"]+)')
_TOKEN = re.compile(r'"[^"]*"|\(|\)|[^\s()"]+')
_WORD = re.compile(r"[\w][\w'/.-]*")


@dataclass
class QueryText:
    text: str  # what the backend parses
    notes: list[str] = field(default_factory=list)
    plain: bool = False  # True when the query was reduced to its plain words


def _problem(q: str) -> str | None:
    """Why `q` cannot be read as written, or None."""
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


def _rewrite_fields(q: str) -> str:
    def one(match: re.Match) -> str:
        name, value = match.group(1), match.group(2)
        target = FIELD_ALIASES.get(name.lower())
        if target is None:
            return f"{name} {value}"
        if target in EXACT_VALUES:
            bare = value.strip("\"'")
            canonical = EXACT_VALUES[target].get(bare.lower(), bare)
            return f"{target}:'{canonical}'"
        if target == "case_number":
            return f"{target}:'{value.strip(chr(34) + chr(39)).lower()}'"
        return f"{target}:{value}"

    return _FIELD_VALUE.sub(one, q)


def plain_words(q: str) -> str:
    return " ".join(w for w in _WORD.findall(q) if w not in OPERATORS)


_MINUS = re.compile(r'(?<![^\s(])-(?=[\w"(])')


def read_query(q: str) -> QueryText:
    q = _MINUS.sub("NOT ", " ".join(q.split()))  # -word is NOT word, as in web search engines
    problem = _problem(q)
    if problem:
        words = plain_words(q)
        if not words:
            return QueryText("", [f"Your query has {problem} and no words, so every item is shown."], True)
        return QueryText(words, [f"Your query has {problem}, so it was searched as plain words: {words}"], True)
    return QueryText(_rewrite_fields(q))
