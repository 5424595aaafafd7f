"""Canonical reviewer specialties (SCHEMA.md), the rules that map a specialty as
written onto them, and the states a reviewer may be licensed in."""

from __future__ import annotations

import re

__all__ = ["SPECIALTIES", "SPECIALTY_RULES", "US_STATES", "normalize_specialty"]

SPECIALTIES: tuple[str, ...] = (
    "Physical Medicine & Rehabilitation",
    "Orthopedic Surgery",
    "Anesthesiology",
    "Pain Management",
    "Internal Medicine",
    "Family Practice",
    "Occupational Medicine",
    "Neurology",
    "Neurological Surgery",
    "Psychiatry",
    "Psychology",
    "Chiropractic",
    "Acupuncture & Oriental Medicine",
    "Physical Therapy",
    "Emergency Medicine",
    "Dermatology",
    "Plastic Surgery",
    "Podiatry",
    "Sports Medicine",
    "General Surgery",
    "Other",
)

# (pattern, canonical specialty), tried in order on the specialty as written.
SPECIALTY_RULES: tuple[tuple[str, str], ...] = (
    (r"physical\s+medicine|rehabilitation|\bPM\s*&\s*R\b|physiatr", "Physical Medicine & Rehabilitation"),
    (r"orthop(?:a)?edic", "Orthopedic Surgery"),
    (r"neuro-?\s*surg|neurological\s+surg", "Neurological Surgery"),
    (r"an(?:a)?esthesi", "Anesthesiology"),
    (r"pain\s+(?:management|medicine)|interventional\s+pain|algolog", "Pain Management"),
    (r"internal\s+medicine|internist", "Internal Medicine"),
    (r"family\s+(?:practice|medicine|physician)|general\s+practi", "Family Practice"),
    (r"occupational\s+(?:and\s+environmental\s+)?medicine|preventive\s+medicine", "Occupational Medicine"),
    (r"neurolog", "Neurology"),
    (r"psychiatr", "Psychiatry"),
    (r"psycholog", "Psychology"),
    (r"chiropract", "Chiropractic"),
    (r"acupunct|oriental\s+medicine|chinese\s+medicine", "Acupuncture & Oriental Medicine"),
    (r"physical\s+therap", "Physical Therapy"),
    (r"emergency", "Emergency Medicine"),
    (r"dermatolog", "Dermatology"),
    (r"plastic", "Plastic Surgery"),
    (r"podiatr", "Podiatry"),
    (r"sports\s+medicine", "Sports Medicine"),
    (r"general\s+surg|^\s*surgery\s*$", "General Surgery"),
)
_SPECIALTY_RES = tuple((re.compile(p, re.IGNORECASE), s) for p, s in SPECIALTY_RULES)


def normalize_specialty(raw: str) -> str:
    """The canonical specialty for a specialty as written ("Other" when none fits).

    The specialty named first wins ("Psychiatry and Neurology" is Psychiatry);
    at the same place, the earlier rule ("Neurological Surgery" before Neurology)."""
    best: tuple[int, int, str] | None = None
    for order, (rx, specialty) in enumerate(_SPECIALTY_RES):
        m = rx.search(raw)
        if m and (best is None or (m.start(), order) < best[:2]):
            best = (m.start(), order, specialty)
    return best[2] if best else "Other"


US_STATES: tuple[str, ...] = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "District of Columbia", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
    "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
    "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico",
)
