"""The professional-review layout (2012-2013): issue list, guidelines relied upon and why, rationales."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .citation_wording import group_prose
from .dates import fmt_date
from .doc import Doc
from .layout_documents import documents_list
from .names import FORMAT_PROF
from .people import credentials_sentence
from .phrases import PROF_WHY_MIXED, PROF_WHY_MTUS, PROF_WHY_ODG
from .rationale import rationale
from .summary import case_summary

if TYPE_CHECKING:
    from .letter import LetterGen


def render_professional_review(g: LetterGen, doc: Doc) -> None:
    rng = g.rng
    g.ur_in_summary = False
    doc.line("MEDICAL PROFESSIONAL REVIEW")
    doc.sep()
    d = lambda x: fmt_date(x, "mdY")  # noqa: E731
    show_case = rng.random() < 0.85
    show_injury = rng.random() < 0.6
    show_ur = rng.random() < 0.6
    any_hdr = False
    if show_case:
        doc.line(f"IMR Case Number: {g.case_number}")
        g.case_shown = True
        any_hdr = True
    if show_injury:
        doc.line(f"Date of Injury: {d(g.injury)}")
        any_hdr = True
    if show_ur:
        doc.line(f"UR Denial Date: {d(g.ur)}")
        any_hdr = True
    if any_hdr:
        doc.sep()
    doc.line("ISSUE AT DISPUTE:")
    words = {"upheld": "Upheld", "overturned": "Overturned", "partial": "Modified"}
    for i, it in enumerate(g.items, 1):
        if it.stated:
            doc.para([(f"{i}. {it.treatment}: {words[it.outcome]}", False)])
        else:
            doc.para([(f"{i}. {it.treatment}", False)])
    doc.sep()
    doc.line("CASE SUMMARY:")
    doc.para(case_summary(g, True, 1.0))
    doc.sep()
    doc.line("DOCUMENTS REVIEWED FOR DETERMINATION:")
    documents_list(g, doc, full=False)
    doc.sep()
    doc.line("MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:")
    for i, it in enumerate(g.items, 1):
        cits = group_prose(rng, it.rev, FORMAT_PROF)
        if all(not c.mtus for c in it.rev):
            why = rng.choice(PROF_WHY_ODG)
        elif any(not c.mtus for c in it.rev):
            why = rng.choice(PROF_WHY_MIXED)
        else:
            why = rng.choice(PROF_WHY_MTUS)
        doc.para([(f"{i}. {it.treatment}: {cits}. {why}", False)])
        doc.sep()
    doc.line("RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:")
    for i, it in enumerate(g.items, 1):
        doc.para(rationale(g, it, numbered_prefix=f"{i}. {it.treatment}: "))
        doc.sep()
    doc.line("MEDICAL REVIEWER QUALIFICATIONS:")
    tail = rng.choice(
        [
            " The reviewer has been in active practice for more than ten years, treats patients with "
            "work-related musculoskeletal injuries on a regular basis, and has no affiliation with any "
            "party to this dispute.",
            " The reviewer is in active practice and has no affiliation with any party to this dispute.",
        ]
    )
    if g.cred_mode == "om":
        tail = " The reviewer has no affiliation with any party to this dispute."
    doc.para([(credentials_sentence(g) + tail, False)])
    doc.sep()
