"""Plain-English queries read as the filtered search they ask for: "Did you mean ...?".

People type what they want to see: `acupuncture overturned 2015`, `norco
denials upheld`, `MTUS chronic pain page 98`. The words are searched as
typed, and outcomes, years, categories, guidelines and specialties are
filters, not words, so such a search finds little or nothing. `understand`
finds the words of a query that name a filter value (phrases.py and the
parser's vocabularies) and returns the search they ask for, which the page
offers as one link. It never changes the search the user typed.

A query with OR, NOT or parentheses is left alone: taking a word out of
such a query would change what the rest means. Quoted phrases and field:value
are kept as typed (but `guideline:"MTUS Chronic Pain"`, which searches the
guideline lines as written, is offered as the guideline filter).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from imr_archive.parsing import result, vocabulary
from imr_archive.web import phrases

FIRST_YEAR = 2013
LONGEST_PHRASE = 6  # words

_TOKEN = re.compile(r'[A-Za-z_]+:"[^"]*"|"[^"]*"|\S+')
_EDGE_PUNCTUATION = ",.;:?!'()"
_YEAR = re.compile(r"(\d{4})")
_YEAR_RANGE = re.compile(r"(\d{4})[-\u2013](\d{4})")
_PAGE = re.compile(r"(\d{1,4})(?:[-\u2013]\d{1,4})?")
_CASE = re.compile(r"cm\d{2}(?:-\d{0,7})?")
_FULL_CASE = re.compile(r"cm\d{2}-\d{7}")
_GUIDELINE_FIELD = re.compile(r'guideline:(?:"([^"]*)"|(\S+))', re.IGNORECASE)

OUTCOME_WORDING = {
    result.UPHELD: "upheld",
    result.OVERTURNED: "overturned",
    result.PARTIAL: "partially overturned",
}
# The order of a suggestion's parts after its words, and of its parameters.
FILTERS = ("category", "outcome", "guideline", "page", "mtus", "specialty", "year", "case")


@dataclass(frozen=True)
class Suggestion:
    """The search a query asks for: the words left, and filter parameters as the search page names them."""

    words: str
    filters: dict[str, tuple[str, ...]]

    @property
    def parts(self) -> list[str]:
        """What the search is, piece by piece, in plain words."""
        parts = [self.words] if self.words else []
        get = self.filters.get
        if get("category"):
            parts.append(f"category {_either(get('category'))}")
        if get("outcome"):
            parts.append(f"outcome {_either(OUTCOME_WORDING[o] for o in get('outcome'))}")
        if get("guideline"):
            names = _either(vocabulary.GUIDELINE_BY_SLUG[s].short_name for s in get("guideline"))
            page = f" page {get('page')[0]}" if get("page") else ""
            parts.append(f"citing {names}{page}")
        elif get("page"):
            parts.append(f"page {get('page')[0]}")
        if get("mtus"):
            parts.append("citing the MTUS" if get("mtus") == ("yes",) else "citing no MTUS guideline")
        if get("specialty"):
            parts.append(f"reviewer in {_either(get('specialty'))}")
        if get("year"):
            parts.append(f"decided in {_years(get('year'))}")
        if get("case"):
            case = get("case")[0]
            parts.append(f"case {case}" if _FULL_CASE.fullmatch(case.lower()) else f"case number starting {case}")
        return parts

    @property
    def description(self) -> str:
        return ", ".join(self.parts)


def _either(values: Iterable[str]) -> str:
    values = list(values)
    return values[0] if len(values) == 1 else f"{', '.join(values[:-1])} or {values[-1]}"


def _years(years: tuple[str, ...]) -> str:
    numbers = sorted(int(y) for y in years)
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]} to {numbers[-1]}"
    return _either(str(n) for n in numbers)


# -- reading the query ---------------------------------------------------------


@dataclass
class _Token:
    text: str  # as typed
    key: str  # lower case, without the punctuation around it
    value: bool = False  # part of a recognised filter value
    dropped: bool = False  # a word that only led to a value ("in 2015")


@dataclass
class _Found:
    """What the query's words name, parameter by parameter, in the order found."""

    values: dict[str, list[str]] = field(default_factory=dict)
    denials: bool = False
    page_tokens: list[_Token] = field(default_factory=list)

    def add(self, name: str, *values: str) -> None:
        kept = self.values.setdefault(name, [])
        kept.extend(v for v in values if v not in kept)


_FULL_NAMES = {g.name.lower(): g.slug for g in vocabulary.GUIDELINES if g.name != vocabulary.OTHER}


@cache
def _guideline_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(pattern, re.IGNORECASE), vocabulary.GUIDELINE_BY_NAME[name].slug)
                 for name, pattern in vocabulary.GUIDELINE_PATTERNS)


def guideline_named(text: str) -> str | None:
    """The slug of the guideline `text` names as a whole ("ODG", "chronic pain guidelines"), or None."""
    key = " ".join(text.lower().split())
    if key in phrases.GUIDELINE_PHRASES:
        return phrases.GUIDELINE_PHRASES[key]
    for pattern, slug in _guideline_patterns():
        if pattern.fullmatch(key):
            return slug
    return _FULL_NAMES.get(key)


def _specialty_of(phrase: str) -> str | None:
    """The canonical specialty a phrase names as a whole ("pain management", "orthopedic"), or None."""
    for rule, specialty in vocabulary.SPECIALTY_RULES:
        if re.match(rf"(?:{rule})\w*$", phrase, re.IGNORECASE):
            return specialty
    return None


def _outcome_of(phrase: str) -> str | None:
    return phrases.OUTCOME_PHRASES.get(phrase) or vocabulary.outcome_of_word(phrase)


class _Reader:
    """One pass over the tokens, longest phrase first at each position."""

    def __init__(self, tokens: list[_Token], last_year: int) -> None:
        self.tokens = tokens
        self.keys = [t.key for t in tokens]
        self.years = range(FIRST_YEAR, last_year + 1)
        self.found = _Found()

    def read(self) -> _Found:
        at = 0
        while at < len(self.tokens):
            span = self._value_at(at)
            if span:
                for token in self.tokens[at:at + span]:
                    token.value = True
                at += span
            else:
                at += 1
        return self.found

    def _phrase(self, at: int, length: int) -> str | None:
        if at + length > len(self.keys):
            return None
        words = self.keys[at:at + length]
        return " ".join(words) if all(words) else None

    def _value_at(self, at: int) -> int:
        """How many tokens from `at` name a value (recorded in self.found); 0 when none does."""
        token = self.tokens[at]
        if token.text.lower().startswith("guideline:"):
            return self._guideline_field(token)
        if token.text.startswith('"') or ":" in token.key:
            return 0
        for reader in (self._case, self._years, self._page, self._reviewer, self._phrases):
            span = reader(at)
            if span:
                return span
        return 0

    def _guideline_field(self, token: _Token) -> int:
        match = _GUIDELINE_FIELD.fullmatch(token.text)
        slug = guideline_named(match.group(1) or match.group(2)) if match else None
        if slug:
            self.found.add("guideline", slug)
            return 1
        return 0

    def _case(self, at: int) -> int:
        key = self.keys[at]
        if _CASE.fullmatch(key):
            self.found.values["case"] = [key.upper().rstrip("-")]
            return 1
        return 0

    def _year(self, key: str | None) -> int | None:
        if key and _YEAR.fullmatch(key) and int(key) in self.years:
            return int(key)
        return None

    def _years(self, at: int) -> int:
        keys = self.keys + [None, None, None]
        first = self.years.start
        last = self.years.stop - 1
        span, start, end = 0, None, None
        if keys[at] == "between" and keys[at + 2] == "and" and self._year(keys[at + 1]) and self._year(keys[at + 3]):
            span, start, end = 4, self._year(keys[at + 1]), self._year(keys[at + 3])
        elif keys[at] in ("since", "after", "before") and self._year(keys[at + 1]):
            year = self._year(keys[at + 1])
            span = 2
            start, end = {"since": (year, last), "after": (year + 1, last), "before": (first, year - 1)}[keys[at]]
        elif self._year(keys[at]) and keys[at + 1] in ("to", "through", "thru") and self._year(keys[at + 2]):
            span, start, end = 3, self._year(keys[at]), self._year(keys[at + 2])
        elif keys[at] and _YEAR_RANGE.fullmatch(keys[at]):
            low, high = (int(y) for y in _YEAR_RANGE.fullmatch(keys[at]).groups())
            if low in self.years and high in self.years:
                span, start, end = 1, low, high
        elif self._year(keys[at]):
            span, start, end = 1, self._year(keys[at]), self._year(keys[at])
        if not span or start is None or end is None or start > end:
            return 0
        self.found.add("year", *(str(y) for y in range(start, end + 1)))
        return span

    def _page(self, at: int) -> int:
        if self.keys[at] not in phrases.PAGE_WORDS or at + 1 >= len(self.keys):
            return 0
        match = _PAGE.fullmatch(self.keys[at + 1])
        if not match or int(match.group(1)) < 1:
            return 0
        self.found.values["page"] = [match.group(1)]
        self.found.page_tokens = self.tokens[at:at + 2]
        return 2

    def _reviewer(self, at: int) -> int:
        """A specialty followed by "reviewer": "psychiatry reviewer", "pain management reviewers"."""
        for length in (3, 2, 1):
            phrase = self._phrase(at, length)
            following = self._phrase(at + length, 1)
            if phrase and following in phrases.REVIEWER_WORDS:
                specialty = phrases.SPECIALIST_PHRASES.get(phrase) or _specialty_of(phrase)
                if specialty:
                    self.found.add("specialty", specialty)
                    return length
        return 0

    def _phrases(self, at: int) -> int:
        for length in range(LONGEST_PHRASE, 0, -1):
            phrase = self._phrase(at, length)
            if phrase is None:
                continue
            if slug := guideline_named(phrase):
                self.found.add("guideline", slug)
            elif phrase in phrases.MTUS_PHRASES:
                self.found.values["mtus"] = [phrases.MTUS_PHRASES[phrase]]
            elif phrase in phrases.SPECIALIST_PHRASES:
                self.found.add("specialty", phrases.SPECIALIST_PHRASES[phrase])
            elif phrase in phrases.CATEGORY_PHRASES:
                self.found.add("category", phrases.CATEGORY_PHRASES[phrase])
            elif phrase in phrases.DENIAL_WORDS:
                self.found.denials = True
            elif outcome := _outcome_of(phrase):
                self.found.add("outcome", outcome)
            else:
                continue
            return length
        return 0


def _drop_connectors(tokens: list[_Token]) -> None:
    """Mark the words that only lead to a value ("decided in 2015", "MTUS guidelines") as dropped."""
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        following = next((t for t in tokens[index + 1:] if not t.dropped), None)
        if not token.value and token.key in phrases.LEADING_CONNECTORS and following is not None and following.value:
            token.dropped = True
    for index, token in enumerate(tokens):
        previous = next((t for t in reversed(tokens[:index]) if not t.dropped), None)
        if not token.value and token.key in phrases.TRAILING_CONNECTORS and previous is not None and previous.value:
            token.dropped = True
    for token in tokens:
        if not token.value and (token.key in phrases.REQUEST_WORDS or token.text == "AND"):
            token.dropped = True


def _tokens(q: str) -> list[_Token] | None:
    """The query's tokens, or None when it uses OR, NOT, -word or parentheses."""
    tokens = []
    for text in _TOKEN.findall(q):
        quoted = text.startswith('"') or text.lower().startswith('guideline:"')
        if text in ("OR", "NOT") or (not quoted and (text[:1] == "-" and len(text) > 1 or "(" in text or ")" in text)):
            return None
        tokens.append(_Token(text, text.lower().strip(_EDGE_PUNCTUATION)))
    return tokens


def understand(q: str, last_year: int, has_guideline: bool = False) -> Suggestion | None:
    """The filtered search `q` asks for, or None when no word of it names a filter value.

    `last_year` is the latest decision year a filter accepts; `has_guideline`
    says the search already filters by a guideline, so "page 98" can be its page.
    """
    tokens = _tokens(q)
    if not tokens:
        return None
    found = _Reader(tokens, last_year).read()
    if found.denials and "outcome" not in found.values:
        found.add("outcome", result.UPHELD)
    if found.page_tokens and not (has_guideline or "guideline" in found.values):
        # A page with no guideline to be a page of is no filter: "page 98" stays words.
        del found.values["page"]
        for token in found.page_tokens:
            token.value = False
    if not found.values:
        return None
    _drop_connectors(tokens)
    words = " ".join(t.text for t in tokens if not t.value and not t.dropped)
    filters = {name: tuple(found.values[name]) for name in FILTERS if name in found.values}
    return Suggestion(words, filters)
