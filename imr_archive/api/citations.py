"""Citations of letters and items in the archive's one fixed style (docs/api.md, "Citing").

    IMR Final Determination, Case CM14-0203117 (Cal. Div. Workers' Comp. Jan. 14, 2015),
    item 2, Cyclobenzaprine 7.5mg #60 (denial upheld)

A letter without a case number is cited by its permalink, a letter without a
decision date with "n.d."; months are abbreviated as the Bluebook's table T12 does.
"""

from __future__ import annotations

from datetime import date

from imr_archive.letters.models import Issue, Letter
from imr_archive.parsing import result

DOCUMENT = "IMR Final Determination"
TRIBUNAL = "Cal. Div. Workers' Comp."
MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
NO_DATE = "n.d."
OUTCOME_WORDS = {
    result.UPHELD: "denial upheld",
    result.OVERTURNED: "denial overturned",
    result.PARTIAL: "denial partially overturned",
    result.UNKNOWN: "outcome not read",
}


def cited_date(day: date | None) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}" if day else NO_DATE


def letter_citation(letter: Letter, permalink: str) -> str:
    """`permalink`: the letter's absolute address, which names a letter without a case number."""
    name = f"Case {letter.case_number}" if letter.case_number else permalink
    return f"{DOCUMENT}, {name} ({TRIBUNAL} {cited_date(letter.date_decision)})"


def item_citation(issue: Issue, letter: Letter, permalink: str) -> str:
    treatment = " ".join(issue.treatment.split())
    outcome = OUTCOME_WORDS.get(issue.outcome, issue.outcome)
    return f"{letter_citation(letter, permalink)}, item {issue.ordinal}, {treatment} ({outcome})"
