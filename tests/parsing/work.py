"""The parser's work, counted deterministically: the Python lines it runs (sys.settrace).

The project forbids timed tests (a slow machine fails them, a fast one hides a
regression), so the tests that parse time grows no faster than the input count
executed lines instead. The count does not see work done inside C (a regular
expression's backtracking, a copy of a string): bench/parse_adversarial.py
times those shapes.
"""

from __future__ import annotations

import sys

from imr_archive.parsing import parse_text

__all__ = ["growth", "line_events"]


def line_events(text: str) -> int:
    """Python lines executed to parse `text`."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        parse_text(text)
    finally:
        sys.settrace(previous)
    return count


def growth(small: str, large: str) -> float:
    """How many times more lines the large input costs than the small one."""
    return line_events(large) / max(1, line_events(small))
