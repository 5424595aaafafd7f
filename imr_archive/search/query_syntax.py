"""The query language as a tree, for backends that translate it themselves (PostgreSQL).

    words            all must match          acupuncture lumbar
    "a phrase"       words in that order     "functional restoration"
    A OR B, NOT A    operators (upper case), AND optional, parentheses group
    field:value      one field               treatment:norco  category:"Physical Therapy"

`parse` reads text that `query_text.read_query` has already checked and
rewritten (field aliases resolved, exact values canonical and single-quoted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from imr_archive.search.query_text import EXACT_VALUES

EXACT_FIELDS = frozenset({*EXACT_VALUES, "case_number"})


@dataclass(frozen=True)
class Words:
    """One word, or a phrase when there are several; `field` None means any text field."""

    words: tuple[str, ...]
    field: str | None = None


@dataclass(frozen=True)
class Exact:
    """field:value on a field matched as one exact value (outcome, category, specialty, case)."""

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


Node = Words | Exact | Not | All | Any

_TOKEN = re.compile(r"""(?P<field>[A-Za-z_]+):(?:"(?P<fq>[^"]*)"|'(?P<fs>[^']*)'|(?P<fw>[^\s()"]+))"""
                    r"""|"(?P<phrase>[^"]*)"|(?P<paren>[()])|(?P<word>[^\s()"]+)""")
_WORD = re.compile(r"[\w][\w'/.-]*")


def _tokens(text: str) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for m in _TOKEN.finditer(text):
        if m.group("field"):
            value = next(v for v in (m.group("fq"), m.group("fs"), m.group("fw")) if v is not None)
            out.append(("field", (m.group("field"), value)))
        elif m.group("phrase") is not None:
            out.append(("phrase", m.group("phrase")))
        elif m.group("paren"):
            out.append((m.group("paren"), None))
        elif m.group("word") in ("AND", "OR", "NOT"):
            out.append((m.group("word"), None))
        else:
            out.append(("word", m.group("word")))
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.at = 0

    def peek(self) -> str | None:
        return self.tokens[self.at][0] if self.at < len(self.tokens) else None

    def take(self) -> tuple[str, object]:
        self.at += 1
        return self.tokens[self.at - 1]

    def any_of(self) -> Node | None:
        nodes = [self.all_of()]
        while self.peek() == "OR":
            self.take()
            nodes.append(self.all_of())
        present = tuple(n for n in nodes if n is not None)
        return present[0] if len(present) == 1 else (Any(present) if present else None)

    def all_of(self) -> Node | None:
        nodes = []
        while self.peek() not in (None, "OR", ")"):
            if self.peek() == "AND":
                self.take()
                continue
            nodes.append(self.unary())
        present = tuple(n for n in nodes if n is not None)
        return present[0] if len(present) == 1 else (All(present) if present else None)

    def unary(self) -> Node | None:
        if self.peek() == "NOT":
            self.take()
            node = self.unary()
            return Not(node) if node is not None else None
        kind, value = self.take()
        if kind == "(":
            node = self.any_of()
            if self.peek() == ")":
                self.take()
            return node
        if kind == "field":
            name, text = value
            if name in EXACT_FIELDS:
                return Exact(name, text)
            words = tuple(_WORD.findall(text))
            return Words(words, name) if words else None
        words = tuple(_WORD.findall(str(value)))
        return Words(words) if words else None


def parse(text: str) -> Node | None:
    """The tree of a checked query; None when it holds no word at all."""
    return _Parser(text).any_of()
