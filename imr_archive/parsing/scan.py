"""Fast searching for case-insensitive phrases.

Python's re runs a pattern that starts with a literal at C speed, but one that
starts with \\b or runs under IGNORECASE is tried at every position, which
costs far more than a letter's whole parse budget (2 ms) allows. So the stages
find a lowercase keyword in text.lower() with a flag-free pattern, then match
the full case-insensitive pattern at that position of the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["lower", "matches_at"]


def lower(text: str) -> str:
    """text.lower() with the same length, so offsets into one are offsets into the other."""
    low = text.lower()
    if len(low) != len(text):  # only U+0130 grows when lowered
        low = text.replace("\u0130", "I").lower()
    return low


def matches_at(keyword: re.Pattern[str], pattern: re.Pattern[str], text: str, low: str,
               start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """Matches of `pattern` that start where `keyword` (lowercase, no flags) starts a word of `low`."""
    end = len(text) if end is None else end
    for k in keyword.finditer(low, start, end):
        i = k.start()
        if i and low[i - 1].isalnum():
            continue
        m = pattern.match(text, i, end)
        if m:
            yield m
