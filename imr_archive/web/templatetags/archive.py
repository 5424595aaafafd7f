"""Small display helpers for the archive's templates."""

from __future__ import annotations

from collections.abc import Iterable

from django import template

from imr_archive.web.filters import OUTCOME_LABELS

register = template.Library()


def page_spans(pages: Iterable[int]) -> list[tuple[int, int]]:
    """Runs of consecutive pages: [76, 77, 78, 88] -> [(76, 78), (88, 88)]."""
    spans: list[tuple[int, int]] = []
    for page in sorted(set(pages)):
        if spans and page == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], page)
        else:
            spans.append((page, page))
    return spans


@register.filter
def page_ranges(pages: Iterable[int]) -> str:
    """Pages as a reader writes them: "p. 43", "pp. 76–80, 88–89"."""
    spans = page_spans(pages or [])
    if not spans:
        return ""
    text = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)
    return f"p. {text}" if len(spans) == 1 and spans[0][0] == spans[0][1] else f"pp. {text}"


@register.filter
def outcome_label(outcome: str) -> str:
    return OUTCOME_LABELS.get(outcome, outcome)


@register.inclusion_tag("web/includes/outcome_badge.html")
def outcome_badge(outcome: str) -> dict:
    return {"outcome": outcome, "label": OUTCOME_LABELS.get(outcome, outcome)}
