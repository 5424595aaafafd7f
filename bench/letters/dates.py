"""The letter's dates and case number, and the ways a letter writes a date."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .helpers import wchoice
from .names import FORMAT_DOCS, FORMAT_NOTICE, FORMAT_PROF

if TYPE_CHECKING:
    from .letter import LetterGen

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def fmt_date(d: date, style: str) -> str:
    if style == "mdY":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "mdy":
        return f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}"
    if style == "MDy":
        return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if style == "MDY":
        return f"{d.month}/{d.day}/{d.year}"
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def rand_date_style(rng: random.Random) -> str:
    return wchoice(rng, [("mdY", 45), ("mdy", 20), ("MDy", 15), ("MDY", 6), ("month", 14)])


def draw_dates(g: LetterGen) -> None:
    """The UR denial, application, assignment, decision and injury dates, and the case number, whose sequence
    part grows with the application's day of the year as the real ones do."""
    rng = g.rng
    if g.layout == FORMAT_PROF:
        lo, hi = date(2012, 11, 15), date(2013, 5, 31)
    elif g.layout == FORMAT_DOCS:
        lo, hi = date(2013, 5, 1), date(2014, 7, 31)
    elif g.layout == FORMAT_NOTICE:
        lo, hi = date(2013, 3, 1), date(2013, 9, 30)
    else:
        lo, hi = date(2014, 1, 1), date(2024, 10, 31)
    g.ur = lo + timedelta(days=rng.randint(0, (hi - lo).days))
    g.app = g.ur + timedelta(days=rng.randint(3, 25))
    g.assigned = g.app + timedelta(days=rng.randint(2, 12))
    g.decision = g.assigned + timedelta(days=rng.randint(14, 45))
    years_back = min(rng.expovariate(1 / 4.0), 20.0)
    g.injury = g.ur - timedelta(days=int(120 + years_back * 365))
    yy = g.app.year % 100
    seq = g.app.timetuple().tm_yday * 540 + rng.randint(0, 539)
    if g.layout == FORMAT_PROF:
        seq = g.app.timetuple().tm_yday * 60 + rng.randint(0, 59)
    g.case_number = claim_case_number(g.used_case_numbers, yy, seq)
    g.dated = g.decision


def claim_case_number(used: set[str], yy: int, seq: int) -> str:
    """CMyy-nnnnnnn for the drawn sequence number, or the next one up that the run has not given yet.

    The real archive has one letter per case number, and the ingest takes a repeated case number for a corrected
    copy that replaces the stored letter, so a run must not repeat one. Moving up instead of drawing again keeps
    every other draw of the letter, and every other letter, unchanged.
    """
    while (number := f"CM{yy:02d}-{seq:07d}") in used:
        seq += 1
    used.add(number)
    return number
