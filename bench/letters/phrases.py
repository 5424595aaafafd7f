"""Fixed wording: rationale openers and closing sentences, and the layouts' boilerplate paragraphs."""

from .helpers import parse_pools

_LISTS = parse_pools(
    """
[GENERIC_UP]
There is no documentation of objective functional improvement with prior treatment.
The records provided for review do not establish the medical necessity of the request.
The treating physician does not explain the rationale for this request.
The submitted reports do not describe specific functional goals for this treatment.
The records do not address the criteria set out in the guidelines.
[OPENERS]
The patient presents with {comp}. The request is for {t}.
According to the {rep} report, {pt} presents with {comp}. The request is for {t}.
{Pt} has {comp}. The request is for {t}.
{Pt} presents with {comp}.
-
-
[CLOSE_UP]
The requested {t} is not medically necessary.
The request for {t} is not medically necessary.
Therefore, the request for {t} is not medically necessary.
{T} is not medically necessary.
Accordingly, the {t} is not medically necessary.
Therefore, the requested {t} is not medically necessary.
The request for {t} is not medically necessary at this time.
[CLOSE_OV]
The request for {t} is medically necessary and appropriate.
{T} is medically necessary and appropriate.
The requested {t} is medically necessary.
Therefore, the {t} is medically necessary.
The request for {t} is medically necessary.
"""
)
GENERIC_UP = _LISTS["GENERIC_UP"]
OPENERS = ["" if x == "-" else x for x in _LISTS["OPENERS"]]
CLOSE_UP = _LISTS["CLOSE_UP"]
CLOSE_OV = _LISTS["CLOSE_OV"]


HOW = "HOW THE IMR FINAL DETERMINATION WAS MADE"
NO_EVIDENCE_DOCS = "The Claims Administrator did not cite any evidence-based guidelines for its decision."
BOILER_DET_1 = (
    "MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no "
    "affiliation with the employer, employee, providers or the claims administrator."
)
BOILER_DET_2 = (
    "He/she has been in active clinical practice for more than five years and is currently working at "
    "least 24 hours a week in active practice. The expert reviewer was selected based on his/her "
    "clinical experience, education, background, and expertise in the same or similar specialties that "
    "evaluate and/or treat the medical condition and disputed items/services. He/she is familiar with "
    "governing laws and regulations, including the strength of evidence hierarchy that applies to "
    "Independent Medical Review determinations."
)
BOILER_DOCS_1 = (
    "MAXIMUS Federal Services sent the complete case file to a physician Expert Reviewer who has no "
    "affiliation with the employer, the employee, the providers or the claims administrator."
)
BOILER_DOCS_2 = (
    "The Expert Reviewer has been in active clinical practice for more than five years, currently sees "
    "patients at least 24 hours a week, and is familiar with the laws, regulations and evidence standards "
    "that govern Independent Medical Review. The Expert Reviewer was chosen for clinical experience, "
    "training and expertise relevant to the medical condition and the disputed items/services."
)
DOCS_INTRO = (
    "MAXIMUS Federal Services has completed the Independent Medical Review (IMR) of the workers' "
    "compensation case identified above. This letter sets out the IMR Final Determination for each "
    "disputed item or service and explains how the determination was reached."
)
SUMMARY_INTRO = (
    "The expert reviewer developed the following clinical case summary based on a review of the case "
    "file, including all medical records:"
)
ISSUES_INTRO = "The Final Determination was based on decisions for the disputed items/services set forth below:"
PROF_WHY_MTUS = [
    "The MTUS is the primary standard for the treatment of injured workers in California.",
    "These guidelines apply to the requested treatment and are part of the MTUS.",
    "This section of the MTUS sets out the criteria that apply to the request.",
    "The reviewer found these guidelines to be the most relevant to the requested service.",
]
PROF_WHY_ODG = [
    "The MTUS does not address this request, so the reviewer relied on this nationally recognized, "
    "evidence-based guideline.",
    "This guideline specifically addresses the requested service.",
]
PROF_WHY_MIXED = [
    "The MTUS addresses this request only briefly, so the reviewer also consulted this nationally "
    "recognized guideline.",
]
