"""The notice layout (mid 2013): the decisions listed first, then again with the case's dates, the reviewer's
qualifications, the case summary, and per item its guideline basis and rationale (FORMATS.md, "4. notice").

Headings vary in case and wording, and extraction glues words in the decision lines ("notmedically",
"#30isnot"), as the real letters do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .citation_wording import group_prose
from .dates import fmt_date
from .doc import Doc
from .helpers import lower_first, wchoice
from .item import Item
from .names import FORMAT_DOCS
from .people import credentials_sentence
from .rationale import rationale
from .summary import case_summary

if TYPE_CHECKING:
    from .letter import LetterGen

INTRO = (
    "MAXIMUS Federal Services, Inc. has completed the Independent Medical Review (IMR) in the above workers' "
    "compensation case. This letter provides you with the IMR Final Determination and explains how the "
    "determination was made."
)
MEANING = {
    "UPHOLD": "This means that the Claims Administrator's utilization review decision is upheld and that the "
    "disputed items or services are not medically necessary and appropriate.",
    "OVERTURN": "This means that the Claims Administrator's utilization review decision is overturned in whole or "
    "in part. A detailed explanation of the decision for each of the disputed medical treatment or services is "
    "provided later in this letter.",
}
QUALIFICATIONS_TAIL = (
    "He/she has been in active clinical practice for more than five years and is currently working at least 24 "
    "hours a week in active practice."
)


def render_notice(g: LetterGen, doc: Doc) -> None:
    rng = g.rng
    g.ur_in_summary = False
    style = wchoice(rng, [("short", 50), ("mdY", 30), ("month", 20)])
    d = lambda x: f"{x.month}/{x.day}/{x.year}" if style == "short" else fmt_date(x, style)  # noqa: E731
    doc.line("MAXIMUS FEDERAL SERVICES, INC.")
    doc.line("Independent Medical Review")
    doc.line("P.O. Box 138009")
    doc.line("Sacramento, CA 95813-8009")
    doc.sep()
    doc.line(rng.choice(["Notice of Independent Medical Review Determination",
                         "NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION"]))
    doc.sep()
    doc.line(f"Dated: {d(g.dated)}")
    g.dated_shown = True
    doc.sep()
    for x in ("Employee: [REDACTED]", "Claim Number: [REDACTED]", f"Date of UR Decision: {d(g.ur)}",
              f"Date of Injury: {d(g.injury)}", f"IMR Application Received: {d(g.app)}",
              f"MAXIMUS Case Number: {g.case_number}"):
        doc.line(x)
    g.case_shown = True
    doc.sep()
    doc.line(rng.choice(["Dear Mr. [REDACTED],", "Dear Ms. [REDACTED],", "Dear [REDACTED]:"]))
    doc.sep()
    doc.para([(INTRO, False)])
    doc.sep()
    final = "UPHOLD" if all(it.outcome == "upheld" for it in g.items) else "OVERTURN"
    doc.line(f"Final Determination: {final}")
    doc.para([(MEANING[final], False)])
    doc.sep()
    lines = [decision_line(g, n, it) for n, it in enumerate(g.items, 1)]
    if rng.random() < 0.85:  # the first list is sometimes missing: the second gives the items
        for line in lines:
            doc.para([(line, False)])
        doc.sep()
    doc.para([("This determination is final and binding. Sincerely, Paul Manchester, MD, MPH, Chief Medical "
               "Officer", False)])
    doc.sep()
    doc.line(rng.choice(["INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE",
                         "INDEPENDENT MEDICAL REVIEW DECISIONS AND RATIONALES"]))
    doc.para([(f"An application for Independent Medical Review was filed on {d(g.app)} disputing the Utilization "
               f"Review Denial dated {d(g.ur)}. A Notice of Assignment and Request for Information was provided to "
               f"the above parties on {d(g.assigned)}. A decision has been made for each of the treatment and/or "
               "services that were in dispute:", False)])
    doc.sep()
    for line in lines:
        doc.para([(line, False)])
    doc.sep()
    doc.line(rng.choice(["Medical Qualifications of the Expert Reviewer:", "MEDICAL QUALIFICATIONS OF THE EXPERT "
                         "REVIEWER:", "Medical Qualifications of Expert Reviewer:"]))
    doc.para([(credentials_sentence(g) + " " + QUALIFICATIONS_TAIL, False)])
    doc.sep()
    doc.line(rng.choice(["Case Summary:", "CASE SUMMARY:", "Clinical Case Summary:"]))
    if rng.random() < 0.7:
        doc.para([("Disclaimer: The following case summary was taken directly from the utilization review "
                   f"denial/modification dated {d(g.ur)}.", False)])
    doc.para(case_summary(g, False, 0.3))
    doc.sep()
    caps = rng.random() < 0.3
    for n, it in enumerate(g.items, 1):
        doc.para([(f"{n}) Regarding the request for {it.treatment}:", False)])
        doc.line(_label("Medical Treatment Guideline(s) Relied Upon by the Claims Administrator:", caps))
        if it.ca:
            doc.para([(f"The Claims Administrator based its decision on {group_prose(rng, it.ca, FORMAT_DOCS)}.",
                       False)])
        else:
            doc.para([("The Claims Administrator did not cite any medical evidence for its decision.", False)])
        doc.line(_label("Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:", caps))
        doc.para([(f"The Expert Reviewer based his/her decision on {group_prose(rng, it.rev, FORMAT_DOCS)}.", False)])
        doc.line(_label(rng.choice(["Rationale for the Decision:", "Rationale for Decision:"]), caps))
        doc.para(rationale(g, it))
        doc.sep()


def _label(label: str, caps: bool) -> str:
    return label.upper() if caps else label


def decision_line(g: LetterGen, n: int, it: Item) -> str:
    """"1) MAXIMUS Federal Services, Inc. has determined the request for X is (not) medically necessary and
    appropriate." with the extraction's glued words now and then. Sets the item's treatment as the line gives it."""
    rng = g.rng
    if rng.random() < 0.4:
        it.treatment = lower_first(it.treatment)
    verdict = {"upheld": "is not medically necessary and appropriate",
               "overturned": "is medically necessary and appropriate"}.get(it.outcome)
    if verdict is None:  # partial
        if it.count:
            total, unit = it.count
            part = max(1, total // 2)
            verdict = (f"is medically necessary and appropriate for {part} {unit} and is not medically necessary and "
                       f"appropriate for the remaining {total - part} {unit}")
        else:
            verdict = "is partially medically necessary and appropriate"
    glue = rng.random()
    if glue < 0.15:
        verdict = verdict.replace("not medically", "notmedically")
    elif glue < 0.22:
        verdict = verdict.replace("is not", "isnot")
    elif glue < 0.28:
        verdict = verdict.replace("medically necessary", "medicallynecessary")
    sep = "" if glue > 0.95 and it.treatment[-1:].isdigit() else " "
    return f"{n}) MAXIMUS Federal Services, Inc. has determined the request for {it.treatment}{sep}{verdict}."
