"""The documents-reviewed layout (2013-2014): numbered decisions with prose citations, and the documents list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .citation_wording import group_prose
from .dates import fmt_date
from .doc import Doc
from .helpers import wchoice
from .names import FORMAT_DOCS
from .people import credentials_sentence
from .phrases import BOILER_DOCS_1, BOILER_DOCS_2, DOCS_INTRO, HOW, NO_EVIDENCE_DOCS
from .rationale import rationale
from .summary import body_words, case_summary

if TYPE_CHECKING:
    from .letter import LetterGen


def render_documents_reviewed(g: LetterGen, doc: Doc) -> None:
    rng = g.rng
    g.ur_in_summary = False
    doc.line("MAXIMUS FEDERAL SERVICES, INC.")
    doc.line("Independent Medical Review")
    doc.line("Final Determination Letter")
    doc.sep()
    d = lambda x: fmt_date(x, "mdY")  # noqa: E731
    g.dated_shown = rng.random() < 0.35
    if g.dated_shown:
        doc.line(f"Dated: {d(g.dated)}")
    style = rng.random()
    pri = "Standard" if rng.random() < 0.97 else "Expedited"
    if style < 0.4:
        for x in [
            f"IMR Case Number: {g.case_number}",
            f"Date of Injury: {d(g.injury)}",
            f"UR Denial Date: {d(g.ur)}",
            f"Priority: {pri}",
            f"Application Received: {d(g.app)}",
        ]:
            doc.line(x)
    elif style < 0.75:
        doc.line(f"IMR Case Number: {g.case_number}   Date of Injury: {d(g.injury)}   UR Denial Date: {d(g.ur)}")
        doc.line(f"Priority: {pri}   Application Received: {d(g.app)}")
    else:
        doc.line(f"IMR Case Number:  {g.case_number}  Date of Injury:  {d(g.injury)}")
        doc.line(f"UR Denial Date:  {d(g.ur)}  Priority:  {pri}")
        doc.line(f"Application Received:  {d(g.app)}")
    g.case_shown = True
    doc.sep()
    doc.para([(DOCS_INTRO, False)])
    doc.sep()
    doc.line(HOW)
    doc.para([(BOILER_DOCS_1 + " " + credentials_sentence(g) + " " + BOILER_DOCS_2, False)])
    doc.sep()
    doc.line("DOCUMENTS REVIEWED")
    documents_list(g, doc, full=True)
    doc.sep()
    doc.line("CLINICAL CASE SUMMARY")
    doc.para(case_summary(g, False, 0.2))
    doc.sep()
    doc.line("IMR DECISION(S) AND RATIONALE(S)")
    doc.sep()
    for i, it in enumerate(g.items, 1):
        neg = "" if it.outcome == "overturned" else "not "
        doc.para([(f"{i}. {it.treatment} is {neg}medically necessary and appropriate.", False)])
        doc.sep()
        if it.ca:
            doc.para(
                [(f"The Claims Administrator based its decision on {group_prose(rng, it.ca, FORMAT_DOCS)}.", False)]
            )
        else:
            doc.para(
                [
                    (
                        rng.choice(
                            [
                                NO_EVIDENCE_DOCS,
                                "The Claims Administrator did not cite any medical evidence for its decision.",
                            ]
                        ),
                        False,
                    )
                ]
            )
        doc.sep()
        lead = wchoice(
            rng,
            [
                ("The Expert Reviewer based his/her decision on ", 75),
                (
                    "The Expert Reviewer found that the guideline used by the Claims Administrator did not "
                    "specifically address this request, and based his/her decision on ",
                    15,
                ),
                (
                    "The Expert Reviewer found that the guideline used by the Claims Administrator was "
                    "relevant and appropriate, and based his/her decision on ",
                    10,
                ),
            ],
        )
        doc.para([(lead + group_prose(rng, it.rev, FORMAT_DOCS) + ".", False)])
        doc.sep()
        doc.line("The Expert Reviewer's decision rationale:")
        doc.para(rationale(g, it))
        doc.sep()


def documents_list(g: LetterGen, doc: Doc, full: bool) -> None:
    rng = g.rng
    d = lambda x: fmt_date(x, "mdY")  # noqa: E731
    a, b = sorted([g.report_date(), g.report_date()])
    if full:
        doc.line(f"- Application for Independent Medical Review, received {d(g.app)}")
        doc.line(f"- Utilization Review Determination dated {d(g.ur)}")
        doc.line(f"- Primary treating physician progress reports dated {d(a)} through {d(b)}")
    else:
        doc.line("- Application for Independent Medical Review")
        doc.line(f"- Utilization review determination dated {d(g.ur)}")
        doc.line(f"- Primary treating physician report dated {d(b)}")
    extra = [
        "Physical therapy daily notes dated {x}",
        "Urine drug screen report dated {x}",
        "Operative report dated {x}",
        "CURES report dated {x}",
        "Pharmacy dispensing records dated {x}",
    ]
    if g.region.key != "psych":
        extra.append(f"MRI report of the {body_words(g)} dated {{x}}")
    for e in rng.sample(extra, rng.randint(0, 2)):
        doc.line("- " + e.format(x=d(g.report_date())))
