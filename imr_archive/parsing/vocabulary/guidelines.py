"""Canonical guidelines (SCHEMA.md) and how letters name them: the patterns
citations.py anchors on, other sources, ACOEM chapter titles and ODG chapters."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ACOEM",
    "ACOEM_CHAPTERS",
    "GUIDELINES",
    "GUIDELINE_BY_NAME",
    "GUIDELINE_BY_SLUG",
    "GUIDELINE_PATTERNS",
    "MTUS_ACUPUNCTURE",
    "MTUS_CHRONIC_PAIN",
    "MTUS_POSTSURGICAL",
    "ODG",
    "ODG_CHAPTERS",
    "OTHER",
    "OTHER_SOURCES",
    "Guideline",
]


@dataclass(frozen=True)
class Guideline:
    """A canonical guideline: `name` is the value stored in Citation.guideline."""

    name: str
    slug: str
    short_name: str
    mtus_default: bool


MTUS_CHRONIC_PAIN = "MTUS Chronic Pain Medical Treatment Guidelines"
MTUS_ACUPUNCTURE = "MTUS Acupuncture Medical Treatment Guidelines"
MTUS_POSTSURGICAL = "MTUS Postsurgical Treatment Guidelines"
ACOEM = "ACOEM Practice Guidelines"
ODG = "Official Disability Guidelines"
OTHER = "Other"

GUIDELINES: tuple[Guideline, ...] = (
    Guideline(MTUS_CHRONIC_PAIN, "mtus-chronic-pain", "MTUS Chronic Pain", True),
    Guideline(MTUS_ACUPUNCTURE, "mtus-acupuncture", "MTUS Acupuncture", True),
    Guideline(MTUS_POSTSURGICAL, "mtus-postsurgical", "MTUS Postsurgical", True),
    Guideline(ACOEM, "acoem", "ACOEM", True),
    Guideline(ODG, "odg", "ODG", False),
    Guideline(OTHER, "other", "Other", False),
)
GUIDELINE_BY_NAME: dict[str, Guideline] = {g.name: g for g in GUIDELINES}
GUIDELINE_BY_SLUG: dict[str, Guideline] = {g.slug: g for g in GUIDELINES}

# How each guideline is named in letters, longest forms first. The MTUS /
# Non-MTUS qualifier in front of a name is read separately (citations.py).
GUIDELINE_PATTERNS: tuple[tuple[str, str], ...] = (
    (MTUS_CHRONIC_PAIN, r"Chronic\s+Pain\s+(?:Medical\s+)?Treatment\s+Guidelines?(?:\s*\((?:CPMTG|MTUS)\))?"
                        r"|Chronic\s+Pain\s+Medical\s+Treatment|Chronic\s+Pain\s+Guidelines?"
                        r"|(?<=MTUS\s)Chronic\s+Pain(?:\s+(?:section|chapter))?|\bCPMTG\b"),
    (MTUS_ACUPUNCTURE, r"Acupuncture\s+(?:Medical\s+)?Treatment\s+Guidelines?|(?<=MTUS\s)Acupuncture"
                       r"(?:\s+Guidelines?)?|Acupuncture\s+Guidelines|\bAMTG\b"),
    (MTUS_POSTSURGICAL, r"Post-?\s?surgical\s+(?:Medical\s+)?Treatment\s+Guidelines?|Post-?\s?surgical\s+Guidelines?"
                        r"|(?<=MTUS\s)Post-?\s?surgical"),
    (ACOEM, r"American\s+College\s+of\s+Occupational\s+(?:and|&)\s+Environmental\s+Medicine"
            r"(?:\s*\(ACOEM\))?(?:,?\s*(?:Occupational\s+Medicine\s+)?(?:Practice\s+)?Guidelines?)?"
            r"|Occupational\s+Medicine\s+Practice\s+Guidelines?(?:\s*\(ACOEM\))?"
            r"|\bACOEM\b(?:\s+(?:Occupational\s+Medicine\s+)?(?:Practice\s+)?Guidelines?)?"),
    (ODG, r"Official\s+Disability\s+Guidelines?(?:\s*\(ODG\))?(?:\s*[-,]?\s*Treatment\s+in\s+Workers'?\s*"
          r"Comp(?:ensation)?(?:\s*\(ODG[\s-]*TWC\))?)?|\bODG(?:[\s-]*TWC)?\b"),
)

# Sources outside the guidelines above: Citation.guideline "Other", with the
# source as written in Citation.chapter.
OTHER_SOURCES: tuple[str, ...] = (
    r"(?:U\.?S\.?\s+)?Food\s+and\s+Drug\s+Administration(?:\s*\(FDA\))?",
    r"\bFDA\b",
    r"Medline\s*Plus",
    r"Up\s*To\s*Date",
    r"Physicians'?\s+Desk\s+Reference(?:\s*\(PDR\))?",
    r"\bPDR\b",
    r"National\s+Guidelines?\s+Clearinghouse",
    r"AMA\s+Guides[\w ,.]*?(?=,|\.|;|$)",
    r"Drugs\.com",
    r"Epocrates",
    r"Micromedex",
    r"Lexi-?comp",
    r"Work\s+Loss\s+Data\s+Institute",
    r"Clinical\s+Pharmacology",
    r"Cochrane(?:\s+\w+)?",
    r"National\s+Institutes?\s+of\s+Health(?:\s*\(NIH\))?",
    r"Centers\s+for\s+Disease\s+Control(?:\s+and\s+Prevention)?(?:\s*\(CDC\))?",
    r"Medicare(?:\s+National\s+Coverage\s+Determinations?)?",
    r"Merck\s+Manual",
    r"Harrison's[\w ]*",
    r"American\s+(?:Academy|Association|Society|College)\s+of\s+(?!Occupational\s+(?:and|&)\s+Environmental)"
    r"[A-Z][\w'&-]*(?:\s+(?:and\s+|&\s+|of\s+)?[A-Z][\w'&-]*)*",
    r"American\s+Psychiatric\s+Association",
)

# ACOEM Practice Guidelines, 2nd Edition (2004): chapter number by title, so a
# citation that names the chapter without its number still gets the number.
ACOEM_CHAPTERS: dict[str, str] = {
    "1": r"Prevention",
    "2": r"General\s+Approach\s+to\s+Initial\s+Assessment",
    "3": r"Initial\s+Approaches\s+to\s+Treatment",
    "4": r"Work-?\s*Relatedness",
    "5": r"Cornerstones\s+of\s+Disability\s+Prevention",
    "6": r"Pain,?\s+Suffering,?\s+and\s+the\s+Restoration\s+of\s+Function",
    "7": r"Independent\s+Medical\s+Examinations?\s+(?:and|&)\s+Consultations?",
    "8": r"Neck\s+(?:and|&)\s+Upper\s+Back\s+Complaints",
    "9": r"Shoulder\s+Complaints",
    "10": r"Elbow\s+(?:Disorders|Complaints)",
    "11": r"Forearm,?\s+Wrist,?\s+(?:and|&)\s+Hand\s+Complaints",
    "12": r"Low\s+Back\s+Complaints",
    "13": r"Knee\s+Complaints",
    "14": r"Ankle\s+(?:and|&)\s+Foot\s+Complaints",
    "15": r"Stress[\s-]+Related\s+Conditions",
}

# ODG chapter names, longest first; "and"/"&" are interchangeable.
ODG_CHAPTERS: tuple[str, ...] = (
    "Low Back - Lumbar & Thoracic (Acute & Chronic)",
    "Neck & Upper Back (Acute & Chronic)",
    "Forearm, Wrist, & Hand (Acute & Chronic)",
    "Knee & Leg (Acute & Chronic)",
    "Shoulder (Acute & Chronic)",
    "Pain (Chronic)",
    "Low Back - Lumbar & Thoracic",
    "Forearm, Wrist, & Hand",
    "Mental Illness & Stress",
    "Neck & Upper Back",
    "Carpal Tunnel Syndrome",
    "Traumatic Brain Injury",
    "Hip & Pelvis",
    "Ankle & Foot",
    "Knee & Leg",
    "Elbow (Acute & Chronic)",
    "Elbow",
    "Chronic Pain",
    "Low Back",
    "Shoulder",
    "Pain",
    "Head",
    "Hernia",
    "Eye",
    "Burns",
    "Pulmonary",
    "Fitness for Duty",
    "Diabetes",
)
