"""How attorneys and claims staff name a filter value in plain words: the tables understanding.py reads.

Outcome words come first from the parser's own decision words
(vocabulary.outcome_of_word: "not certified", "modified", "approved"); the
tables here add the plain-English forms a letter never prints as a decision
("denials", "reversal", "partly overturned"). Categories, guidelines and specialties map
onto the canonical vocabularies; every phrase is lower case, words
separated by one space.
"""

from __future__ import annotations

from imr_archive.parsing import result, vocabulary

# Outcome words a decision line never uses but a person asking does.
OUTCOME_PHRASES: dict[str, str] = {
    "overturns": result.OVERTURNED,
    "overturning": result.OVERTURNED,
    "reversal": result.OVERTURNED,
    "reversals": result.OVERTURNED,
    "approval": result.OVERTURNED,
    "approvals": result.OVERTURNED,
    "upholds": result.UPHELD,
    "upholding": result.UPHELD,
    "non certified": result.UPHELD,
    "partly overturned": result.PARTIAL,
    "partially approved": result.PARTIAL,
    "partial approval": result.PARTIAL,
    "partial approvals": result.PARTIAL,
}
# "Denied" names the utilization review's decision as often as the IMR's: "denials overturned" asks for
# overturned denials. Such a word means upheld only when no other outcome word is there.
DENIAL_WORDS = frozenset({"denied", "denial", "denials", "deny", "denies", "ur denial", "ur denials"})

# Category names as typed: the canonical names themselves ("&" may be "and") and their common forms.
CATEGORY_PHRASES: dict[str, str] = {
    **{name.lower(): name for name in vocabulary.CATEGORIES if name != vocabulary.OTHER_CATEGORY},
    **{name.lower().replace("&", "and"): name for name in vocabulary.CATEGORIES if "&" in name},
    "pharmaceutical": "Pharmaceuticals",
    "medication": "Pharmaceuticals",
    "medications": "Pharmaceuticals",
    "meds": "Pharmaceuticals",
    "drugs": "Pharmaceuticals",
    "prescriptions": "Pharmaceuticals",
    "prescription drugs": "Pharmaceuticals",
    "pt": "Physical Therapy",
    "physiotherapy": "Physical Therapy",
    "chiro": "Chiropractic",
    "chiropractic care": "Chiropractic",
    "chiropractic treatment": "Chiropractic",
    "injection": "Injections",
    "surgeries": "Surgery",
    "surgical": "Surgery",
    "imaging": "Diagnostic Imaging",
    "diagnostic testing": "Other Diagnostic Testing",
    "diagnostic tests": "Other Diagnostic Testing",
    "e&m": "Evaluation & Management",
    "office visits": "Evaluation & Management",
    "consultations": "Evaluation & Management",
    "dme": "DMEPOS",
    "durable medical equipment": "DMEPOS",
    "psychotherapy": "Psychological Services",
    "psychological treatment": "Psychological Services",
    "home health care": "Home Health",
    "home care": "Home Health",
}

# Guidelines by the names people use; the parser's patterns (vocabulary.GUIDELINE_PATTERNS) add the
# names letters print ("Official Disability Guidelines", "Chronic Pain Medical Treatment Guidelines").
GUIDELINE_PHRASES: dict[str, str] = {
    **{g.short_name.lower(): g.slug for g in vocabulary.GUIDELINES if g.name != vocabulary.OTHER},
    "mtus chronic pain guidelines": "mtus-chronic-pain",
    "chronic pain guidelines": "mtus-chronic-pain",
    "chronic pain medical treatment guidelines": "mtus-chronic-pain",
    "mtus acupuncture guidelines": "mtus-acupuncture",
    "acupuncture guidelines": "mtus-acupuncture",
    "mtus post-surgical": "mtus-postsurgical",
    "postsurgical guidelines": "mtus-postsurgical",
    "post-surgical guidelines": "mtus-postsurgical",
    "odg twc": "odg",
    "odg-twc": "odg",
}
# "MTUS" alone asks for items citing any MTUS guideline (the mtus filter).
MTUS_PHRASES: dict[str, str] = {"mtus": "yes", "the mtus": "yes", "non-mtus": "no", "non mtus": "no"}
PAGE_WORDS = frozenset({"page", "pages", "p", "pp", "pg", "pgs"})

# People by their specialty: "reviewed by a psychiatrist", "orthopedic surgeon".
SPECIALIST_PHRASES: dict[str, str] = {
    "orthopedist": "Orthopedic Surgery",
    "orthopaedist": "Orthopedic Surgery",
    "orthopedic surgeon": "Orthopedic Surgery",
    "orthopaedic surgeon": "Orthopedic Surgery",
    "psychiatrist": "Psychiatry",
    "psychologist": "Psychology",
    "neurologist": "Neurology",
    "neurosurgeon": "Neurological Surgery",
    "anesthesiologist": "Anesthesiology",
    "internist": "Internal Medicine",
    "physiatrist": "Physical Medicine & Rehabilitation",
    "chiropractor": "Chiropractic",
    "acupuncturist": "Acupuncture & Oriental Medicine",
    "podiatrist": "Podiatry",
    "dermatologist": "Dermatology",
    "plastic surgeon": "Plastic Surgery",
    "general surgeon": "General Surgery",
    "physical therapist": "Physical Therapy",
    "pain specialist": "Pain Management",
    "pain management specialist": "Pain Management",
    "pain management doctor": "Pain Management",
    "family doctor": "Family Practice",
    "family physician": "Family Practice",
    "family practitioner": "Family Practice",
    "occupational medicine physician": "Occupational Medicine",
    "occupational medicine doctor": "Occupational Medicine",
    "sports medicine physician": "Sports Medicine",
    "sports medicine doctor": "Sports Medicine",
    "emergency physician": "Emergency Medicine",
}
# A specialty named with one of these after it is the reviewer's: "psychiatry reviewer".
REVIEWER_WORDS = frozenset({"reviewer", "reviewers"})

# Words that only connect a recognised value to the sentence ("decided in 2015", "reviewed by a
# psychiatrist"): left out of the words when the value they lead to is a filter.
LEADING_CONNECTORS = frozenset({
    "in", "during", "from", "by", "a", "an", "the", "of", "for", "under", "per", "decided", "reviewed",
    "cited", "citing", "cites", "cite", "on", "at", "were", "was", "are", "is", "that", "which", "where",
    "and", "or",  # lower case: words, not operators ("upheld or overturned")
})
TRAILING_CONNECTORS = frozenset({"guideline", "guidelines", "reviewer", "reviewers", "decisions", "cases"})
# Words of a request rather than of a letter ("show me all IMR cases"): left out of the words once
# anything else in the query is a filter.
REQUEST_WORDS = frozenset({
    "imr", "imrs", "decision", "decisions", "determination", "determinations", "case", "cases", "letter",
    "letters", "find", "show", "me", "all", "any", "list", "results", "items", "requests", "request",
})
