"""Dates as letters print them: 04/27/2009, 4/27/09, 2009-04-27, July 19, 2008, 19 July 2008.

DATE is a regex fragment without groups, to embed in field patterns; the
caller captures it and hands the string to parse_date. Two-digit years 00-29
are 20xx and 30-99 are 19xx (SCHEMA.md); a one-digit year is 200x.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["DATE", "find_date", "parse_date"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_NUMERIC = r"(?<![\d/-])\d{1,2}\s?[/-]\s?\d{1,2}\s?[/-]\s?(?:\d{4}|\d{1,2})(?![\d/])"
_ISO = r"(?<![\d/-])\d{4}-\d{1,2}-\d{1,2}(?![\d-])"
_MONTH_FIRST = _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:\d{4}|'?\d{2})(?!\d)"
_DAY_FIRST = r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r"\.?,?\s+\d{4}(?!\d)"

DATE = "(?:" + "|".join((_ISO, _NUMERIC, _MONTH_FIRST, _DAY_FIRST)) + ")"

_DATE_RE = re.compile(DATE, re.IGNORECASE)
_ISO_PARTS = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC_PARTS = re.compile(r"^(\d{1,2})\s?[/-]\s?(\d{1,2})\s?[/-]\s?(\d{1,4})$")
_MONTH_FIRST_PARTS = re.compile(r"^([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+'?(\d{2,4})$")
_DAY_FIRST_PARTS = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[A-Za-z]*\.?,?\s+(\d{4})$")


def _year(raw: str) -> int | None:
    y = int(raw)
    if len(raw) == 4:
        return y if 1900 <= y <= 2099 else None
    if len(raw) <= 2:
        return 2000 + y if y <= 29 else 1900 + y
    return None


def _make(y: int | None, m: int, d: int) -> date | None:
    if y is None:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_date(raw: str) -> date | None:
    """The date a printed date string means, or None when it is not a valid date."""
    s = " ".join(raw.split()).strip(" ,.")
    m = _ISO_PARTS.match(s)
    if m:
        return _make(_year(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _NUMERIC_PARTS.match(s)
    if m:
        return _make(_year(m.group(3)), int(m.group(1)), int(m.group(2)))
    m = _MONTH_FIRST_PARTS.match(s)
    if m and m.group(1).lower() in _MONTHS:
        return _make(_year(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
    m = _DAY_FIRST_PARTS.match(s)
    if m and m.group(2).lower() in _MONTHS:
        return _make(_year(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    return None


def find_date(text: str) -> tuple[date | None, str | None]:
    """The first date-looking string in text: (its date or None if invalid, the string)."""
    m = _DATE_RE.search(text)
    if not m:
        return None, None
    return parse_date(m.group(0)), m.group(0)
