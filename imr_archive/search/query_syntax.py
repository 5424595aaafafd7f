"""The query language as a tree: read once, then compiled to each engine's query objects.

    words            all must match           acupuncture lumbar
    "a phrase"       the words in that order  "functional restoration program"
    prefix*          words starting so        acupunct*   (at least 3 letters)
    A OR B, NOT A    operators (upper case); AND is optional; -word is NOT word; parentheses group
    field:value      one field                treatment:norco  category:"Physical Therapy"

`read` never raises and never hands the text to an engine's own parser. What
the language does not support (a boost `norco^3`, a fuzzy `norco~`, a
wildcard inside a word, `||`) is read as the plain words with a note saying
so. The tree is built without recursion, and its depth is bounded: deeper
parentheses than MAX_DEPTH make the query plain words, with a note; words
past MAX_WORDS are left out, with a note. Engines may therefore walk the tree
recursively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from imr_archive.search.analysis import lower_words, prefix_of
from imr_archive.search.query_text import (
    EXACT_FIELDS,
    EXACT_VALUES,
    FIELD_ALIASES,
    WORD,
    normalized,
    plain_words,
    problem,
)

MAX_DEPTH = 32  # levels of parentheses
MAX_WORDS = 200  # words, phrases and field:value terms
MIN_PREFIX = 3  # letters before a *


@dataclass(frozen=True)
class Words:
    """One word, or a phrase when there are several (as typed); `field` None means the default fields."""

    words: tuple[str, ...]
    field: str | None = None


@dataclass(frozen=True)
class Prefix:
    """Every indexed word starting with `prefix` (lower-case, compared with the stemmed words)."""

    prefix: str
    field: str | None = None


@dataclass(frozen=True)
class Exact:
    """field:value on a field matched as one exact value (outcome, category, specialty, case number)."""

    field: str
    value: str


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class All:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Any:
    nodes: tuple[Node, ...]


Node = Words | Prefix | Exact | Not | All | Any


@dataclass
class Reading:
    """What a query was read as: its tree (None: no words at all) and notes for the user."""

    node: Node | None
    notes: list[str] = field(default_factory=list)


_TOKEN = re.compile(r"""(?<![\w:])(?P<field>[A-Za-z_]+):(?:"(?P<fq>[^"]*)"|'(?P<fs>[^']*)'|(?P<fw>[^\s()"]+))"""
                    r"""|"(?P<phrase>[^"]*)"|(?P<paren>[()])|(?P<word>[^\s()"]+)""")
_UNSUPPORTED = {"^": "boosts (^)", "~": "fuzzy and proximity searches (~)"}
_NOT_OPERATORS = {"||": "OR", "&&": "AND", "!": "NOT"}


def read(q: str) -> Reading:
    """The tree of what a user typed, with notes on anything not read as written."""
    q = normalized(q)
    if (depth := _depth(q)) > MAX_DEPTH:
        trouble: str | None = f"parentheses nested {depth} deep (at most {MAX_DEPTH})"
    else:
        trouble = problem(q)
    if trouble is None:
        return _Reader().read(q)
    words = plain_words(q)
    if not words:
        return Reading(None, [f"Your query has {trouble} and no words, so every item is shown."])
    reading = _Reader().read(words)
    reading.notes.insert(0, f"Your query has {trouble}, so it was searched as plain words: {words}")
    return reading


def _depth(q: str) -> int:
    deepest = depth = 0
    for ch in q:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        deepest = max(deepest, depth)
    return deepest


def _join(kind: type[All] | type[Any], nodes: list[Node]) -> Node | None:
    """One node of `kind` over `nodes`, a node of the same kind among them spliced in."""
    flat: list[Node] = []
    for node in nodes:
        flat.extend(node.nodes if isinstance(node, kind) else (node,))
    if not flat:
        return None
    return flat[0] if len(flat) == 1 else kind(tuple(flat))


class _Group:
    """A parenthesized group being read: OR-separated branches of implicitly AND-ed nodes."""

    def __init__(self, negated: bool) -> None:
        self.negated = negated
        self.branches: list[list[Node]] = [[]]
        self.pending_not = False

    def add(self, node: Node | None, negated: bool) -> None:
        if node is not None:
            self.branches[-1].append(Not(node) if negated else node)

    def node(self) -> Node | None:
        return _join(Any, [n for n in (_join(All, branch) for branch in self.branches) if n is not None])


class _Reader:
    def __init__(self) -> None:
        self.notes: list[str] = []
        self.words = 0

    def read(self, q: str) -> Reading:
        groups = [_Group(negated=False)]
        for m in _TOKEN.finditer(q):
            top = groups[-1]
            word = m.group("word")
            if m.group("paren") == "(":
                groups.append(_Group(negated=top.pending_not))
                top.pending_not = False
            elif m.group("paren") == ")":
                if len(groups) > 1:  # problem() has checked the balance
                    closed = groups.pop()
                    groups[-1].add(closed.node(), closed.negated)
            elif word == "OR":
                top.branches.append([])
            elif word == "NOT":
                top.pending_not = True
            elif word != "AND":
                leaf = self.leaf(m)
                top.add(leaf, top.pending_not)
                top.pending_not = False
        while len(groups) > 1:
            closed = groups.pop()
            groups[-1].add(closed.node(), closed.negated)
        return Reading(groups[0].node(), self.notes)

    def leaf(self, m: re.Match) -> Node | None:
        if self.words >= MAX_WORDS:
            if self.words == MAX_WORDS:
                self.notes.append(f"Your query has more than {MAX_WORDS} words: only the first {MAX_WORDS} "
                                  "were searched.")
                self.words += 1
            return None
        if m.group("phrase") is not None:
            node = self.phrase(m.group("phrase"), None)
        elif m.group("field"):
            value = next(v for v in (m.group("fq"), m.group("fs"), m.group("fw")) if v is not None)
            node = self.field(m.group("field"), value, quoted=m.group("fw") is None)
        else:
            node = self.word(m.group("word"), None)
        if node is not None:
            self.words += 1
        return node

    def phrase(self, text: str, field: str | None) -> Node | None:
        if "*" in text:
            self.notes.append(f'A prefix (*) works on a word, not inside quotes: "{text}" was searched '
                              "as a phrase of its words.")
        words = tuple(WORD.findall(text))
        return Words(words, field) if words else None

    def field(self, name: str, value: str, quoted: bool) -> Node | None:
        target = FIELD_ALIASES.get(name.lower())
        if target is None:
            fields = ", ".join(f"{alias}:" for alias in FIELD_ALIASES)
            self.notes.append(f"{name}: is not a field ({fields}), so {name}:{value} was searched as words.")
            parts = [Words((w,)) for w in WORD.findall(name)] + [self.phrase(value, None) if quoted
                                                                  else self.word(value, None)]
            return _join(All, [p for p in parts if p is not None])
        if target in EXACT_FIELDS:
            return self.exact(target, value)
        return self.phrase(value, target) if quoted else self.word(value, target)

    def exact(self, target: str, value: str) -> Exact:
        if target == "case_number":
            return Exact(target, value.lower())
        canonical = EXACT_VALUES[target].get(value.lower())
        if canonical is None:
            known = ", ".join(dict.fromkeys(EXACT_VALUES[target].values()))
            self.notes.append(f'No {target} is called "{value}", so nothing matches {target}:{value}. '
                              f"The {target} is one of: {known}.")
            return Exact(target, value)
        return Exact(target, canonical)

    def word(self, raw: str, field: str | None) -> Node | None:
        if raw in _NOT_OPERATORS:
            self.notes.append(f"{raw} is not an operator here: use {_NOT_OPERATORS[raw]}.")
            return None
        body = raw
        if special := re.search(r"[\^~]", body):
            body = body[:special.start()]
            self.notes.append(f"{_UNSUPPORTED[special.group()].capitalize()} are not part of the query language: "
                              f"{raw} was searched as {body or 'nothing'}.")
        if body.endswith("*") and not re.search(r"[*?]", body[:-1]):
            prefix = self.prefix(body[:-1], raw, field)
            if prefix is not None:
                return prefix
            body = body[:-1]
        elif re.search(r"[*?]", body):
            words = " ".join(WORD.findall(body))
            self.notes.append(f"Wildcards (* and ?) work only at the end of a word: {raw} was searched as "
                              f"{words or 'nothing'}.")
        words = tuple(WORD.findall(body))
        return Words(words, field) if words else None

    def prefix(self, text: str, raw: str, field: str | None) -> Prefix | None:
        if not text:  # a lone *: no word at all
            return None
        words = lower_words(text)
        if len(words) != 1 or not WORD.fullmatch(text):
            self.notes.append(f"A prefix (*) works on one word: {raw} was searched as {text or 'nothing'}.")
            return None
        if len(words[0]) < MIN_PREFIX:
            self.notes.append(f"A prefix needs at least {MIN_PREFIX} letters: {raw} was searched as the word "
                              f"{text}.")
            return None
        return Prefix(prefix_of(words[0]), field)


def positive_leaves(node: Node | None) -> list[Words | Prefix]:
    """The words and prefixes a match may hold (not those under a NOT): what a snippet marks."""
    found: list[Words | Prefix] = []
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, Words | Prefix):
            found.append(current)
        elif isinstance(current, All | Any):
            stack.extend(reversed(current.nodes))
    return found
