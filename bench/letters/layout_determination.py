"""The determination layout (2014 on): header fields, guideline lines, decision rationales."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .citation_wording import render_det_line
from .dates import fmt_date
from .doc import Doc
from .people import credentials_sentence
from .phrases import BOILER_DET_1, BOILER_DET_2, HOW, ISSUES_INTRO, SUMMARY_INTRO
from .rationale import rationale
from .summary import case_summary

if TYPE_CHECKING:
    from .letter import LetterGen


def render_determination(g: LetterGen, doc: Doc) -> None:
    rng = g.rng
    g.header_shown = rng.random() < 0.55
    g.ur_in_summary = False
    if g.header_shown:
        g.case_shown = True
        d = lambda x: fmt_date(x, "mdY")  # noqa: E731
        pri = "Standard" if rng.random() < 0.97 else "Expedited"
        fields = [
            f"Case Number: {g.case_number}",
            f"Date Assigned: {d(g.assigned)}",
            f"Date of Injury: {d(g.injury)}",
            f"Decision Date: {d(g.decision)}",
            f"UR Denial Date: {d(g.ur)}",
            f"Priority: {pri}",
            f"Application Received: {d(g.app)}",
        ]
        if rng.random() < 0.6:
            for x in fields:
                doc.line(x)
        else:
            for i in range(0, len(fields), 2):
                doc.line("  ".join(fields[i : i + 2]))
        doc.sep()
        doc.line(HOW)
    else:
        doc.line((" " if rng.random() < 0.8 else "") + HOW)
    if g.cred_mode == "prose":
        doc.para([(BOILER_DET_1 + " " + credentials_sentence(g) + " " + BOILER_DET_2, False)])
    else:
        doc.para([(BOILER_DET_1 + " " + BOILER_DET_2, False)])
    if g.cred_mode == "block":
        doc.sep()
        doc.line("The Expert Reviewer has the following credentials:")
        doc.line("State(s) of Licensure: " + ", ".join(g.states))
        doc.line("Certification(s)/Specialty: " + g.spec_written + (", " + g.sub if g.sub else ""))
    doc.sep()
    doc.line("CLINICAL CASE SUMMARY")
    doc.para([(SUMMARY_INTRO, False)])
    doc.sep()
    doc.para(case_summary(g, False, 0.45 if g.header_shown else 0.8))
    doc.sep()
    doc.line("IMR ISSUES, DECISIONS AND RATIONALES")
    doc.para([(ISSUES_INTRO, False)])
    doc.sep()
    words = {"upheld": "Upheld", "overturned": "Overturned", "partial": "Partially Overturned"}
    for it in g.items:
        colon = " :" if rng.random() < 0.05 else ":"
        if it.stated:
            gap = "  " if rng.random() < 0.8 else " "
            doc.para([(f"{it.treatment}{colon}{gap}{words[it.outcome]}", False)])
            doc.sep()
        else:
            doc.para([(f"{it.treatment}{colon}", False)], extra_trail="  ")
            doc.items[-1][1] = "\n"
            doc.sep()
        ca = render_det_line(rng, it.ca, "Claims Administrator", g.glue_p, g.comma_p)
        doc.para([(ca, False)], extra_trail="  " if rng.random() < 0.2 else "")
        doc.sep()
        rv = render_det_line(rng, it.rev, "MAXIMUS", g.glue_p, g.comma_p)
        doc.para([(rv, False)], extra_trail="  " if rng.random() < 0.2 else "")
        doc.sep()
        segs = rationale(g, it)
        segs[0] = ("Decision rationale: " + segs[0][0], segs[0][1])
        doc.para(segs)
        doc.sep()
