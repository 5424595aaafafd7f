"""Test material: the annotated seed letters, the schema view of a parse, small
synthetic letters, and the PDF debris the parser must see through."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def annotated_letters() -> list[Path]:
    """NAME.txt of every annotated letter (NAME.json beside it)."""
    return sorted(p.with_suffix(".txt") for p in SEEDS.glob("*.json") if p.with_suffix(".txt").exists())


def expected(letter: Path) -> dict[str, Any]:
    return json.loads(letter.with_suffix(".json").read_text())


def _norm(value: Any) -> Any:
    return re.sub(r"\s+", " ", value).strip().lower() if isinstance(value, str) else value


def schema_view(parsed: dict[str, Any]) -> dict[str, Any]:
    """Only the keys SCHEMA.md defines; treatment compared case- and space-insensitively."""
    dates = parsed.get("dates") or {}
    reviewer = parsed.get("reviewer") or {}
    return {
        "format": parsed.get("format"),
        "case_number": parsed.get("case_number"),
        "dates": {k: dates.get(k) for k in ("assigned", "injury", "decision", "ur_denial")},
        "reviewer": {k: reviewer.get(k) for k in ("specialty", "subspecialty", "licensure", "board_certified")},
        "patient": parsed.get("patient"),
        "diagnoses": parsed.get("diagnoses"),
        "issues": [
            {
                "treatment": _norm(issue.get("treatment")),
                "category": issue.get("category"),
                "outcome": issue.get("outcome"),
                "outcome_stated": issue.get("outcome_stated"),
                "citations": [
                    {k: c.get(k) for k in ("source", "guideline", "mtus", "edition", "chapter", "section", "pages")}
                    for c in issue.get("citations") or []
                ],
            }
            for issue in parsed.get("issues") or []
        ],
    }


def differences(want: Any, got: Any, path: str = "") -> list[str]:
    """Readable lines, one per differing field."""
    if isinstance(want, dict) and isinstance(got, dict):
        out = []
        for key in want:
            out.extend(differences(want[key], got.get(key), f"{path}.{key}" if path else key))
        return out
    if isinstance(want, list) and isinstance(got, list) and want and isinstance(want[0], dict):
        out = []
        if len(want) != len(got):
            out.append(f"{path}: expected {len(want)} entries, got {len(got)}")
        for i, (w, g) in enumerate(zip(want, got, strict=False)):
            out.extend(differences(w, g, f"{path}[{i}]"))
        return out
    return [] if want == got else [f"{path}: expected {want!r}, got {got!r}"]


def determination_letter(summary: str = "", items: str = "", header: str = "", method: str = "") -> str:
    """A small determination-layout letter in the double-spaced style of PDF text."""
    method = method or ("MAXIMUS Federal Services sent the complete case file to an expert reviewer. The expert "
                        "reviewer is Board Certified in Internal Medicine and is licensed to practice in California.")
    summary = summary or "The patient is a 50-year-old male with a date of injury of 01/02/2010."
    items = items or ("Norco 10/325mg #120: Upheld\n\n"
                      "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment "
                      "Guidelines Opioids Page(s): 74-96.\n\n"
                      "MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines Opioids "
                      "Page(s): 74-96.\n\n"
                      "Decision rationale: The request for Norco 10/325mg #120 is not medically necessary.")
    parts = [header, "HOW THE IMR FINAL DETERMINATION WAS MADE", method, "CLINICAL CASE SUMMARY", summary,
             "IMR ISSUES, DECISIONS AND RATIONALES",
             "The Final Determination was based on decisions for the disputed items/services set forth below:", items]
    return double_spaced("\n\n".join(p for p in parts if p))


def double_spaced(text: str) -> str:
    """Paragraphs ("\\n\\n"-separated) as PDF text: a blank line after every line, a
    spaces-only line between paragraphs, trailing spaces."""
    out = []
    for para in text.split("\n\n"):
        for line in para.split("\n"):
            out += [line + " ", ""]
        out += [" ", ""]
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Debris (FORMATS.md), applied to a letter's raw text; each is deterministic per seed.


def single_spaced(raw: str, rnd: random.Random) -> str:
    """No blank line between wrapped lines; one blank line between paragraphs."""
    out, gap = [], []
    for line in raw.replace("\r\n", "\n").split("\n"):
        if line.strip():
            if out and any(g for g in gap):
                out.append("")
            out.append(line.rstrip())
            gap = []
        else:
            gap.append(line)
    return "\n".join(out)


def no_markers(raw: str, rnd: random.Random) -> str:
    """Trailing spaces stripped, so no spaces-only line marks a paragraph."""
    return "\n".join(line.rstrip() for line in raw.split("\n"))


def running_headers(raw: str, rnd: random.Random) -> str:
    """"Page N of M" (and the case number, when the letter has one) between lines,
    inside sentences too."""
    lines = raw.split("\n")
    case = re.findall(r"CM\d\d-\d{7}", raw)
    candidates = [i for i, line in enumerate(lines) if len(line) > 60]
    picks = sorted(rnd.sample(candidates, min(3, len(candidates))), reverse=True)
    for n, i in enumerate(picks):
        header = case[0] if case and n % 2 else f"Page {len(picks) - n} of {len(picks) + 1}"
        lines[i + 1:i + 1] = ["", "", "", header, "", "", ""] if rnd.random() < 0.5 else ["", header]
    return "\n".join(lines)


def hyphenated(raw: str, rnd: random.Random) -> str:
    """Words broken across lines with a hyphen."""
    lines = raw.split("\n")
    candidates = [i for i, line in enumerate(lines) if len(line) > 50 and not line.isupper()]
    for i in sorted(rnd.sample(candidates, min(8, len(candidates))), reverse=True):
        words = list(re.finditer(r"\b[a-z]{7,}\b", lines[i]))
        if words:
            w = rnd.choice(words)
            cut = w.start() + rnd.randint(3, len(w.group()) - 3)
            lines[i:i + 1] = [lines[i][:cut] + "- ", "", lines[i][cut:]]
    return "\n".join(lines)


def glued(raw: str, rnd: random.Random) -> str:
    """"Page(s):" glued to the word before it; some spaces after commas lost."""
    raw = raw.replace(" Page(s):", "Page(s):")
    return re.sub(r", (?=[A-Z])", lambda m: "," if rnd.random() < 0.3 else m.group(0), raw)


def crlf_form_feeds(raw: str, rnd: random.Random) -> str:
    """Windows line ends, page breaks as form feeds."""
    return raw.replace("\n\n\n\n", "\n\f\n").replace("\n", "\r\n")


def double_spaces(raw: str, rnd: random.Random) -> str:
    return re.sub(r" (?=\w)", lambda m: "  " if rnd.random() < 0.1 else " ", raw)


DEBRIS = {
    "single_spaced": single_spaced,
    "no_markers": no_markers,
    "running_headers": running_headers,
    "hyphenated": hyphenated,
    "glued": glued,
    "crlf_form_feeds": crlf_form_feeds,
    "double_spaces": double_spaces,
}
