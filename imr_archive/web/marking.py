"""A letter's text as HTML with the cited guideline passages marked.

Citations keep [span_start, span_end) offsets into Letter.text. Every piece
of the text is escaped; the only markup added is <mark> around the spans.
Overlapping spans (two citations of the same words) become one mark.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass
class Passage:
    start: int
    end: int
    anchor: str = ""
    titles: list[str] = field(default_factory=list)
    citation_ids: list[int] = field(default_factory=list)


def passages(text: str, spans: Iterable[tuple[int, int | None, int | None, str]]) -> list[Passage]:
    """Merge (citation id, start, end, title) spans into ordered, non-overlapping passages."""
    valid = sorted(
        (start, end, cid, title)
        for cid, start, end, title in spans
        if start is not None and end is not None and 0 <= start < end <= len(text)
    )
    merged: list[Passage] = []
    for start, end, cid, title in valid:
        if merged and start < merged[-1].end:
            last = merged[-1]
            last.end = max(last.end, end)
        else:
            last = Passage(start, end, anchor=f"passage-{len(merged) + 1}")
            merged.append(last)
        last.citation_ids.append(cid)
        if title not in last.titles:
            last.titles.append(title)
    return merged


def marked_text(text: str, marked: list[Passage]) -> SafeString:
    parts, position = [], 0
    for passage in marked:
        parts.append(escape(text[position:passage.start]))
        parts.append(format_html('<mark id="{}" title="{}">{}</mark>', passage.anchor, "; ".join(passage.titles),
                                 text[passage.start:passage.end]))
        position = passage.end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped
