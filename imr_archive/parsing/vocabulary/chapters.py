"""Canonical chapters of each guideline, and how a chapter as written maps onto one.

Letters name the same chapter in several ways: "NSAIDs" and "NSAIDs
(non-steroidal anti-inflammatory drugs)", ODG "Pain" and "Pain (Chronic)",
"Neck and Upper Back" and "Neck & Upper Back (Acute & Chronic)", ACOEM
"12" and "Low Back Complaints". Citations keep the chapter as written;
`chapter_of` gives the canonical chapter to count and link by.

A chapter is matched by its words in lower case with "&" read as "and",
first whole, then without a parenthesis at its end (the gloss a letter may
add or leave out). A chapter of no list is its own canonical chapter, so
two wordings of it still count as one when they differ only so.

Stored citations keep the slug (letters.Citation.chapter_slug): a change to
these lists takes a new PARSER_VERSION, so `ingest_letters --reparse`
brings the stored letters' chapters up to date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from imr_archive.parsing.vocabulary.guidelines import ACOEM, ACOEM_CHAPTERS, MTUS_CHRONIC_PAIN, ODG

__all__ = ["CHAPTERS", "Chapter", "chapter_of"]


@dataclass(frozen=True)
class Chapter:
    """A canonical chapter: `slug` is what a citation stores and a search link filters by."""

    slug: str
    name: str


# The MTUS Chronic Pain Medical Treatment Guidelines (2009) name each treatment topic so; "NSAIDs" alone
# and the other short forms are matched through the parenthesis rule or ALIASES.
MTUS_CHRONIC_PAIN_TOPICS: tuple[str, ...] = (
    "Acetaminophen (APAP)",
    "Acupuncture",
    "Anti-epilepsy drugs (AEDs)",
    "Antidepressants for chronic pain",
    "Aquatic therapy",
    "Behavioral interventions",
    "Benzodiazepines",
    "Biofeedback",
    "Botulinum toxin (Botox)",
    "Capsaicin, topical",
    "Carisoprodol (Soma)",
    "Chronic pain programs (functional restoration programs)",
    "Cyclobenzaprine (Flexeril)",
    "Drug testing",
    "Epidural steroid injections (ESIs)",
    "Exercise",
    "Functional restoration programs (FRPs)",
    "Gabapentin (Neurontin)",
    "Glucosamine (and Chondroitin Sulfate)",
    "Home health services",
    "Implantable drug-delivery systems (IDDSs)",
    "Interferential current stimulation (ICS)",
    "Lidocaine",
    "Lidoderm (lidocaine patch)",
    "Manual therapy & manipulation",
    "Massage therapy",
    "Medications for chronic pain",
    "Muscle relaxants (for pain)",
    "NSAIDs (non-steroidal anti-inflammatory drugs)",
    "NSAIDs, GI symptoms & cardiovascular risk",
    "NSAIDs, hypertension and renal function",
    "NSAIDs, specific drug list & adverse effects",
    "Opioids",
    "Opioids, criteria for use",
    "Opioids, dosing",
    "Opioids, long-term assessment",
    "Opioids, on-going management",
    "Opioids, specific drug list",
    "Physical medicine",
    "Pregabalin (Lyrica)",
    "Psychological evaluations",
    "Psychological treatment",
    "Spinal cord stimulators (SCS)",
    "TENS, chronic pain (transcutaneous electrical nerve stimulation)",
    "Topical analgesics",
    "Tramadol (Ultram)",
    "Trigger point injections",
    "Weaning of medications",
    "Work conditioning, work hardening",
)

# ODG's chapters by their full titles; the short names letters use reach them through the parenthesis rule
# ("Pain" is "Pain (Chronic)") or ALIASES.
ODG_TITLES: tuple[str, ...] = (
    "Ankle & Foot (Acute & Chronic)",
    "Burns",
    "Carpal Tunnel Syndrome",
    "Diabetes",
    "Elbow (Acute & Chronic)",
    "Eye",
    "Fitness for Duty",
    "Forearm, Wrist, & Hand (Acute & Chronic)",
    "Head",
    "Hernia",
    "Hip & Pelvis (Acute & Chronic)",
    "Knee & Leg (Acute & Chronic)",
    "Low Back - Lumbar & Thoracic (Acute & Chronic)",
    "Mental Illness & Stress",
    "Neck & Upper Back (Acute & Chronic)",
    "Pain (Chronic)",
    "Pulmonary",
    "Shoulder (Acute & Chronic)",
    "Traumatic Brain Injury",
)

# ACOEM Practice Guidelines, 2nd Edition: letters cite the chapter's number, its title, or both.
ACOEM_TITLES: dict[str, str] = {
    "1": "Prevention",
    "2": "General Approach to Initial Assessment and Documentation",
    "3": "Initial Approaches to Treatment",
    "4": "Work-Relatedness",
    "5": "Cornerstones of Disability Prevention and Management",
    "6": "Pain, Suffering, and the Restoration of Function",
    "7": "Independent Medical Examinations and Consultations",
    "8": "Neck and Upper Back Complaints",
    "9": "Shoulder Complaints",
    "10": "Elbow Disorders",
    "11": "Forearm, Wrist, and Hand Complaints",
    "12": "Low Back Complaints",
    "13": "Knee Complaints",
    "14": "Ankle and Foot Complaints",
    "15": "Stress-Related Conditions",
}

# Other wordings of a canonical chapter that neither the words nor the parenthesis rule reach.
ALIASES: dict[str, dict[str, str]] = {
    MTUS_CHRONIC_PAIN: {
        "tens": "TENS, chronic pain (transcutaneous electrical nerve stimulation)",
        "functional restoration program": "Functional restoration programs (FRPs)",
        "muscle relaxants": "Muscle relaxants (for pain)",
        "flexeril": "Cyclobenzaprine (Flexeril)",
        "neurontin": "Gabapentin (Neurontin)",
        "lyrica": "Pregabalin (Lyrica)",
        "ultram": "Tramadol (Ultram)",
        "soma": "Carisoprodol (Soma)",
    },
    ODG: {
        "low back": "Low Back - Lumbar & Thoracic (Acute & Chronic)",
        "lumbar and thoracic": "Low Back - Lumbar & Thoracic (Acute & Chronic)",
        "chronic pain": "Pain (Chronic)",
        "neck": "Neck & Upper Back (Acute & Chronic)",
        "knee": "Knee & Leg (Acute & Chronic)",
        "hip": "Hip & Pelvis (Acute & Chronic)",
        "ankle": "Ankle & Foot (Acute & Chronic)",
        "forearm, wrist and hand": "Forearm, Wrist, & Hand (Acute & Chronic)",
        "mental illness": "Mental Illness & Stress",
    },
}

_PARENTHESIS_AT_END = re.compile(r"\s*\([^()]*\)$")
_AND = re.compile(r"\s*&\s*")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_CHAPTER_WORD = re.compile(r"^(?:chapter|ch\.?)\s*", re.IGNORECASE)
MAX_SLUG = 80


def _words(text: str) -> str:
    """Lower case, one space between words, "&" as "and", no punctuation at either end."""
    return _AND.sub(" and ", " ".join(text.lower().split())).strip(" .,;:-")


def _base(words: str) -> str:
    return _PARENTHESIS_AT_END.sub("", words)


def _slug(words: str) -> str:
    return _NOT_SLUG.sub("-", words).strip("-")[:MAX_SLUG].strip("-")


def _acoem_chapters() -> list[Chapter]:
    return [Chapter(f"chapter-{number}", f"Chapter {number}: {title}") for number, title in ACOEM_TITLES.items()]


def _named(names: tuple[str, ...]) -> list[Chapter]:
    return [Chapter(_slug(_base(_words(name))), name) for name in names]


CHAPTERS: dict[str, tuple[Chapter, ...]] = {
    MTUS_CHRONIC_PAIN: tuple(_named(MTUS_CHRONIC_PAIN_TOPICS)),
    ODG: tuple(_named(ODG_TITLES)),
    ACOEM: tuple(_acoem_chapters()),
}


def _lookup(guideline: str) -> dict[str, Chapter]:
    """Every wording of the guideline's canonical chapters (whole, and without the parenthesis) -> chapter."""
    table: dict[str, Chapter] = {}
    chapters = CHAPTERS.get(guideline, ())
    by_name = {chapter.name: chapter for chapter in chapters}
    for chapter in chapters:
        table.setdefault(_base(_words(chapter.name)), chapter)
    for chapter in chapters:
        table[_words(chapter.name)] = chapter
    for wording, name in ALIASES.get(guideline, {}).items():
        table[_words(wording)] = by_name[name]
    return table


_LOOKUPS = {guideline: _lookup(guideline) for guideline in CHAPTERS}
_ACOEM_TITLE_PATTERNS = tuple((re.compile(rf"^{pattern}$", re.IGNORECASE), number)
                              for number, pattern in ACOEM_CHAPTERS.items())


def _acoem_number(chapter: str) -> str | None:
    bare = _CHAPTER_WORD.sub("", chapter.strip()).strip(" .,;:")
    number, _, title = bare.partition(" ")
    number = number.strip(" .,;:")
    if number.isdigit() and number in ACOEM_TITLES:
        return number
    for pattern, number in _ACOEM_TITLE_PATTERNS:
        if pattern.match(bare) or (title and pattern.match(title.strip(" .,:-"))):
            return number
    return None


def chapter_of(guideline: str, chapter: str) -> Chapter | None:
    """The canonical chapter of a citation of `guideline` (its canonical name) naming `chapter` as written.

    None when the citation names no chapter (or nothing a slug can hold). A
    chapter of no list is its own chapter, named as written ("Chapter 7" for
    a bare number), its slug made of its words without a closing parenthesis.
    """
    words = _words(chapter)
    if not words:
        return None
    if guideline == ACOEM and (number := _acoem_number(chapter)):
        return Chapter(f"chapter-{number}", f"Chapter {number}: {ACOEM_TITLES[number]}")
    lookup = _LOOKUPS.get(guideline, {})
    found = lookup.get(words) or lookup.get(_base(words))
    if found:
        return found
    slug = _slug(_base(words)) or _slug(words)
    if not slug:
        return None
    return Chapter(slug, f"Chapter {words}" if words.isdigit() else " ".join(chapter.split()))
