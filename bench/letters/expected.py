"""The parse a correct parser should produce for a letter (SCHEMA.md version 1), and its JSON file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .names import FORMAT_DET, FORMAT_DOCS, FORMAT_NOTICE, FORMAT_PROF

if TYPE_CHECKING:
    from .letter import LetterGen


def expected_parse(g: LetterGen) -> dict[str, Any]:
    iso = date.isoformat
    lay = g.layout
    if lay == FORMAT_DET:
        hdr = g.header_shown
        dates = {
            "assigned": iso(g.assigned) if hdr else None,
            "injury": iso(g.injury),
            "decision": iso(g.decision) if hdr else None,
            "ur_denial": iso(g.ur) if (hdr or g.ur_in_summary) else None,
        }
    elif lay == FORMAT_DOCS:
        dates = {
            "assigned": None,
            "injury": iso(g.injury),
            "decision": iso(g.dated) if g.dated_shown else None,
            "ur_denial": iso(g.ur),
        }
    elif lay == FORMAT_NOTICE:
        # FORMATS.md: "Dated:" is the decision date, the Notice of Assignment date the assigned date.
        dates = {"assigned": iso(g.assigned), "injury": iso(g.injury), "decision": iso(g.dated), "ur_denial": iso(g.ur)}
    else:
        dates = {"assigned": None, "injury": iso(g.injury), "decision": None, "ur_denial": iso(g.ur)}
    if g.cred_mode == "none":
        reviewer: dict[str, Any] = {
            "specialty": None,
            "subspecialty": None,
            "licensure": [],
            "board_certified": None,
        }
    else:
        bc = True if g.cred_mode == "prose" else None
        reviewer = {
            "specialty": g.spec,
            "subspecialty": g.sub,
            "licensure": list(g.states),
            "board_certified": bc,
        }
    issues = []
    for it in g.items:
        cits = [c.expected("claims_administrator") for c in it.ca] if lay != FORMAT_PROF else []
        cits += [c.expected("reviewer") for c in it.rev]
        issues.append(
            {
                "treatment": it.treatment,
                "category": it.category,
                "outcome": it.outcome,
                "outcome_stated": it.stated,
                "citations": cits,
            }
        )
    return {
        "file": g.name + ".txt",
        "format": lay,
        "case_number": g.case_number if g.case_shown else None,
        "dates": dates,
        "reviewer": reviewer,
        "patient": {"age": g.age, "sex": g.sex},
        "diagnoses": list(g.dx),
        "issues": issues,
    }


def write_expected(path: Path, expected: dict[str, Any]) -> None:
    """Write an expected parse as the .json file beside its letter."""
    path.write_text(json.dumps(expected, indent=2) + "\n", encoding="utf-8")
