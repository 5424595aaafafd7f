"""Stage 4: the letter-level fields: case number, dates, priority, reviewer,
patient, diagnoses, and the case summary and method texts.

Header labels ("Date of Injury: <date>") win; the case summary's wording fills
the gaps: an injury date after "injury ... on/of" or "date of injury", the UR
denial date after "utilization review ... dated" or before "utilization review".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from imr_archive.parsing.dates import DATE, parse_date
from imr_archive.parsing.layout import Layout
from imr_archive.parsing.patient import read_patient
from imr_archive.parsing.result import Dates, Patient, Reviewer
from imr_archive.parsing.scan import lower, matches_at
from imr_archive.parsing.vocabulary import US_STATES, normalize_specialty

__all__ = ["Fields", "read_fields", "read_diagnoses", "read_reviewer"]

_I = re.IGNORECASE
Span = tuple[int, int]


@dataclass
class Fields:
    case_number: str | None = None
    priority: str | None = None
    dates: Dates = field(default_factory=Dates)
    reviewer: Reviewer = field(default_factory=Reviewer)
    patient: Patient = field(default_factory=Patient)
    diagnoses: list[str] = field(default_factory=list)
    case_summary: str = ""
    determination_method: str = ""
    warnings: list[str] = field(default_factory=list)


_CASE_LABEL = re.compile(r"Case\s+(?:Number|No\.?|#)\s*:?\s*(CM\d{2}-\d{4,8})", _I)
_CASE_KEY = re.compile(r"case")
_CASE_ANY = re.compile(r"CM\d{2}-\d{5,8}\b")
_PRIORITY = re.compile(r"Priority\s*:\s*([A-Za-z]+)", _I)
_PRIORITY_KEY = re.compile(r"priority")
_DATE_AT = re.compile(r"\s*(?P<date>" + DATE + r")?", _I)

# Header labels ("Date of Injury: 04/27/2009"), found in the lowered text: label -> (Dates attribute, name).
_HEADER_LABEL = re.compile(r"(date\s+assigned|date\s+of\s+injury|decision\s+date|dated|ur\s+denial\s+date"
                           r"|date\s+of\s+ur\s+decision|application\s+received)\s*:")
_HEADER_ATTRS = {
    "date assigned": ("assigned", "date assigned"),
    "date of injury": ("injury", "date of injury"),
    "decision date": ("decision", "decision date"),
    "dated": ("decision", "dated"),
    "ur denial date": ("ur_denial", "UR denial date"),
    "date of ur decision": ("ur_denial", "date of UR decision"),  # FORMATS.md, notice header
    "application received": ("application_received", "application received date"),
}

# Case-summary wording, each pattern matched where its keyword starts a word; the
# patterns of a tuple are tried in order over the whole summary.
_INJURY_KEY = re.compile(r"injur|doi\b|d/i\b|hurt|accident")
_INJURY_PHRASES = tuple(
    re.compile(p, _I)
    for p in (
        r"(?:injury(?:\s+date)?|DOI|D/I)(?:\s*\((?:DOI|D/I)\))?\s*(?:of|on|was|is|:|,)?\s*(?:of|on)?\s*(?P<date>"
        + DATE + ")",
        r"injur(?:y|ies|ed)\b[^.;:]{0,60}?\b(?:on|dated|of)\s+(?P<date>" + DATE + ")",
        r"(?:hurt|accident)\b[^.;:]{0,60}?\b(?:on|of)\s+(?P<date>" + DATE + ")",
    )
)
_UR_KEY = re.compile(r"utilization\s+review|ur\b")
_UR_PHRASES = (
    re.compile(r"(?:utilization\s+review|UR)\b[^.;:]{0,80}?\b(?:dated|of|on|from)\s+(?P<date>" + DATE + ")", _I),
)
# Before the keyword: "On 02/03/2015, utilization review non-certified", "The 11/14/14 UR".
_UR_BEFORE = re.compile(r"(?:\b(?:on|dated)\s+)?(?P<date>" + DATE + r"),?\s+(?:the\s+|a\s+)?$", _I)
_DENIED_KEY = re.compile(r"non-?\s*certified|denied")
_DENIED_PHRASE = re.compile(r"(?:non-?\s*certified|denied)\b[^.;:]{0,40}?\b(?:on|dated)\s+(?P<date>" + DATE + ")",
                            _I)
# "Application for Independent Medical Review, received <date>" (a documents list), or in the
# notice layout "An application for Independent Medical Review was filed on <date>".
_APPLICATION_PHRASE = re.compile(r"Application\s+for\s+Independent\s+Medical\s+Review,?\s+(?:received|was\s+filed"
                                 r"\s+on)\s+(?P<date>" + DATE + ")", _I)
_APPLICATION_KEY = re.compile(r"application\s+for")
# FORMATS.md, notice: the Notice of Assignment date is the assigned date.
_ASSIGNMENT_PHRASE = re.compile(r"Notice\s+of\s+Assignment\b[^.]{0,120}?\bon\s+(?P<date>" + DATE + ")", _I)
_ASSIGNMENT_KEY = re.compile(r"notice\s+of\s+assignment")


def read_fields(text: str, layout: Layout, running_case_number: str | None = None) -> Fields:
    """All letter-level fields of a cleaned text with its layout."""
    out = Fields()
    low = lower(text)
    h0, h1 = layout.header
    summary_span = layout.section("summary", "case_summary") or (0, 0)
    summary = text[summary_span[0]:summary_span[1]]
    method_span = layout.section("method", "qualifications")
    method = text[method_span[0]:method_span[1]] if method_span else ""
    docs_span = layout.section("documents", "review_documents", "notice_decisions") or (0, 0)

    m = next(matches_at(_CASE_KEY, _CASE_LABEL, text, low), None)
    if m:
        out.case_number = m.group(1).upper()
    elif running_case_number:
        out.case_number = running_case_number
    else:
        m = _CASE_ANY.search(text)
        out.case_number = m.group(0) if m else None
    m = next(matches_at(_PRIORITY_KEY, _PRIORITY, text, low, h0, h1 if h1 > h0 else len(text)), None)
    out.priority = m.group(1).capitalize() if m else None

    _read_dates(text, low, summary_span, docs_span, out)
    out.reviewer = read_reviewer(method or text)
    if out.reviewer.specialty is None:
        out.warnings.append("reviewer specialty not found")
    out.patient = read_patient(summary or text)
    out.diagnoses = read_diagnoses(summary)
    out.case_summary = _summary_text(summary)
    out.determination_method = method.strip()
    return out


def _read_dates(text: str, low: str, summary: Span, documents: Span, out: Fields) -> None:
    for label in _HEADER_LABEL.finditer(low):
        i = label.start()
        if i and low[i - 1].isalnum():
            continue
        key = " ".join(label.group(1).split())
        if key == "dated" and low[:i].rstrip(" ")[-1:] not in ("", "\n"):
            continue  # "Dated:" is a line of its own; "... report dated: 01/02/2013" is not it
        attr, name = _HEADER_ATTRS[key]
        if getattr(out.dates, attr) is not None:
            continue
        m = _DATE_AT.match(text, label.end())
        value = parse_date(m.group("date")) if m and m.group("date") else None
        if value is None:
            shown = m.group("date") if m and m.group("date") else " ".join(text[label.end():label.end() + 20].split())
            out.warnings.append(f"unreadable {name}: {shown!r}")
        setattr(out.dates, attr, value)
    if out.dates.injury is None:
        out.dates.injury = _phrase_date(_INJURY_KEY, _INJURY_PHRASES, text, low, summary, out, "date of injury")
    if out.dates.ur_denial is None:
        out.dates.ur_denial = (_ur_date(text, low, summary, out) or _ur_date(text, low, documents, out))
    if out.dates.application_received is None:
        m = next(matches_at(_APPLICATION_KEY, _APPLICATION_PHRASE, text, low, *documents), None)
        out.dates.application_received = parse_date(m.group("date")) if m else None
    if out.dates.assigned is None:
        m = next(matches_at(_ASSIGNMENT_KEY, _ASSIGNMENT_PHRASE, text, low), None)
        out.dates.assigned = _checked(m.group("date"), out, "date assigned") if m else None


def _checked(value_text: str, out: Fields, name: str) -> date | None:
    value = parse_date(value_text)
    if value is None:
        out.warnings.append(f"unreadable {name}: {value_text!r}")
    return value


def _phrase_date(key: re.Pattern[str], patterns: tuple[re.Pattern[str], ...], text: str, low: str, span: Span,
                 out: Fields, name: str) -> date | None:
    if span[1] <= span[0]:
        return None
    for rx in patterns:
        m = next(matches_at(key, rx, text, low, *span), None)
        if m:
            return _checked(m.group("date"), out, name)
    return None


def _ur_date(text: str, low: str, span: Span, out: Fields) -> date | None:
    if span[1] <= span[0]:
        return None
    value = _phrase_date(_UR_KEY, _UR_PHRASES, text, low, span, out, "UR denial date")
    if value:
        return value
    for k in _UR_KEY.finditer(low, *span):
        if k.start() and low[k.start() - 1].isalnum():
            continue
        m = _UR_BEFORE.search(text, max(span[0], k.start() - 45), k.start())
        if m:
            return _checked(m.group("date"), out, "UR denial date")
    m = next(matches_at(_DENIED_KEY, _DENIED_PHRASE, text, low, *span), None)
    return _checked(m.group("date"), out, "UR denial date") if m else None


# --------------------------------------------------------------------------
# Reviewer

_STATE = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in sorted(US_STATES, key=len, reverse=True))
_STATE_RE = re.compile(r"\b(" + _STATE + r")\b")
_STATE_LIST = re.compile(r"(?:" + _STATE + r")(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)\s*(?:" + _STATE + r"))*")
_LICENSED = re.compile(r"licen[sc](?:ed|e|ure)\b[^.;]{0,50}?\bin\s+(?:the\s+)?(?:(?:states?|commonwealth)\s+of\s+)?"
                       r"(?=" + _STATE + r")", _I)
_LICENSED_KEY = re.compile(r"licen[sc]")
_LICENSURE_LABEL = re.compile(r"State\(?s?\)?\s+of\s+Licensure\s*:\s*([^\n]*)", _I)
_LICENSURE_KEY = re.compile(r"state")
_SPECIALTY_LABEL = re.compile(r"(?:Certification\(?s?\)?\s*/\s*Specialty|Board\s+Certification|Specialty)"
                              r"\s*:\s*([^\n]*)", _I)
_SPECIALTY_KEY = re.compile(r"certification|board|specialty")
# "Board Certified in X", and as another hand may put it: "certified by the American Board of X",
# "a diplomate of the American Board of X", "holds board certification in X".
_CERTIFIED_IN = re.compile(r"(?:Board[-\s]+Certified|Certified|Boarded|specializ(?:es|ing))\s+in\s+(?:the\s+"
                           r"(?:field|specialty)\s+of\s+)?|(?:certified\s+by|diplomate\s+of)\s+the\s+American\s+"
                           r"(?:Osteopathic\s+)?Board\s+of\s+|board\s+certification\s+in\s+", _I)
_CERTIFIED_KEY = re.compile(r"board|certified|boarded|specializ|diplomate")
# "The expert reviewer is a licensed Psychologist", "... is a Doctor of Chiropractic".
_IS_A_KEY = re.compile(r"[ia]s\s+an?\s")
_IS_A = re.compile(r"(?:is|as)\s+an?\s+(?:licensed\s+|certified\s+|practicing\s+|board[-\s]certified\s+)*"
                   r"((?:Doctor\s+of\s+)?(?:Chiropract\w*|Psycholog\w*|Psychiatr\w*|Acupunctur\w*|Podiatr\w*"
                   r"|Physical\s+Therap\w*|Oriental\s+Medicine|Dermatolog\w*|Neurolog\w*|Anesthesiolog\w*"
                   r"|Internist|Orthop(?:a)?edic\s+Surgeon|Neurosurgeon|Physiatrist|Family\s+(?:Physician|Practitioner)"
                   r"|Emergency\s+(?:Physician|Medicine)|Plastic\s+Surgeon|General\s+Surgeon))", _I)
_SUBSPECIALTY = re.compile(r"sub-?\s*specialty(?:\s+(?:board\s+)?(?:certification|training))?\s+(?:in|of)\s+", _I)
_SUBSPECIALTY_KEY = re.compile(r"sub-?\s*specialty")
_TERMINATOR = re.compile(r"[.,;\n(]|\s+and\s+(?:is|has|holds|was)\b|\s+(?:with|who|has|is|holds|and\s+a)\b", _I)
_BOARD_CERTIFIED = re.compile(r"board[-\s]+certified\b")


def _phrase_after(text: str, pos: int) -> str:
    m = _TERMINATOR.search(text, pos, pos + 120)
    end = m.start() if m else min(len(text), pos + 120)
    return " ".join(text[pos:end].split()).strip(" :")


def read_reviewer(text: str) -> Reviewer:
    """Specialty, subspecialty, licensure states and board certification of the expert reviewer."""
    r = Reviewer()
    low = lower(text)
    raw_specialty = None
    m = next(matches_at(_CERTIFIED_KEY, _CERTIFIED_IN, text, low), None)
    if m:
        raw_specialty = _phrase_after(text, m.end()) or None
    label = next(matches_at(_SPECIALTY_KEY, _SPECIALTY_LABEL, text, low), None)
    label_parts: list[str] = []
    if label:
        label_parts = [p.strip(" .") for p in re.split(r"[,;]", label.group(1)) if p.strip(" .")]
        if raw_specialty is None and label_parts:
            raw_specialty = label_parts[0]
    if raw_specialty is None:
        m = next(matches_at(_IS_A_KEY, _IS_A, text, low), None)
        if m:
            raw_specialty = m.group(1)
    if raw_specialty:
        r.specialty = normalize_specialty(raw_specialty)
    m = next(matches_at(_SUBSPECIALTY_KEY, _SUBSPECIALTY, text, low), None)
    if m:
        r.subspecialty = _phrase_after(text, m.end()) or None
    elif len(label_parts) > 1:
        r.subspecialty = label_parts[1]

    states: list[str] = []
    label = next(matches_at(_LICENSURE_KEY, _LICENSURE_LABEL, text, low), None)
    if label:
        states = _states_in(label.group(1))
    if not states:
        m = next(matches_at(_LICENSED_KEY, _LICENSED, text, low), None)
        if m:
            lst = _STATE_LIST.match(text, m.end())
            if lst:
                states = _states_in(lst.group(0))
    r.licensure = states
    r.board_certified = True if _BOARD_CERTIFIED.search(low) else None
    return r


def _states_in(text: str) -> list[str]:
    out: list[str] = []
    for m in _STATE_RE.finditer(text):
        name = " ".join(m.group(1).split())
        if name not in out:
            out.append(name)
    return out


# --------------------------------------------------------------------------
# Diagnoses

_DIAGNOSIS_TRIGGER = re.compile(
    r"diagnos(?:es|is)\s+(?:(?:listed|documented|noted|given|reported|rendered)\s+)?(?:include[sd]?|are|were|was|is"
    r"|have\s+included|has\s+included|included|listed\s+as"
    r"|consist(?:s|ed)?\s+of|of)(?:\s+the\s+following)?\s*:?\s*"
    r"|diagnos(?:es|is)\s+as\s+|diagnosed\s+(?:as\s+having|with|as)\s+|diagnosed\s+(?=[a-z])"
    r"|diagnos(?:es|is)\s*:\s*",
    _I,
)
_DIAGNOSIS_KEY = re.compile(r"diagnos")
_FOLLOWING = re.compile(r"the\s+following\s*:?\s*$", _I)
_SENTENCE_END = re.compile(r"\.(?=\s+[A-Z\"(]|\s*$)|\n")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\bDr|\bvs|\bSt|(?<![\w.\-/])\d{1,2})$")
_PROSE = re.compile(r"\b(?:is|was|are|were|has|had|have|reports?|states?|underwent|requested)\b", _I)


def read_diagnoses(summary: str) -> list[str]:
    """The diagnoses of the sentence that lists them ("The diagnoses are A, B, and C.")."""
    m = next(matches_at(_DIAGNOSIS_KEY, _DIAGNOSIS_TRIGGER, summary, lower(summary)), None)
    if not m:
        return []
    start = m.end()
    if _FOLLOWING.search(summary[m.start():m.end()]):
        items = []
        pos = start
        while pos < len(summary) and len(items) < 20:
            while pos < len(summary) and summary[pos].isspace():
                pos += 1  # a page break may fall inside the list
            end = _sentence_end(summary, pos)
            sentence = summary[pos:end].strip()
            if not sentence or _PROSE.search(sentence) or len(sentence.split()) > 15:
                break
            items.append(sentence)
            pos = end + 1
        if len(items) == 1:
            return _split_list(items[0])
        return [_clean_diagnosis(i) for i in items if _clean_diagnosis(i)]
    return _split_list(summary[start:_sentence_end(summary, start)])


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence from pos ends (a period before a capital, not after "Dr" or an initial)."""
    for e in _SENTENCE_END.finditer(text, pos):
        if e.group(0) == "." and _ABBREVIATION.search(text, max(pos, e.start() - 3), e.start()):
            continue
        return e.start()
    return len(text)


def _split_list(sentence: str) -> list[str]:
    sentence = sentence.strip()
    if re.search(r"(?:^|\s)\d{1,2}[.)]\s", sentence):
        parts = re.split(r"(?:^|\s)\d{1,2}[.)]\s+", sentence)
    elif ";" in sentence:
        parts = sentence.split(";")
    elif "," in sentence:
        parts = sentence.split(",")
        if not any(re.match(r"\s*(?:and|or)\s", p) for p in parts[1:]):
            last = re.split(r"\s+and\s+", parts[-1])
            if len(last) == 2:
                parts = parts[:-1] + last
    else:
        parts = re.split(r"\s+and\s+", sentence)
    out = []
    for part in parts:
        d = _clean_diagnosis(part)
        if d:
            out.append(d)
    return out


def _clean_diagnosis(part: str) -> str:
    d = " ".join(part.split())
    d = re.sub(r"^(?:and|or)\s+", "", d, flags=_I)
    return d.strip(" .;:,")


# A summary may open with a sentence that only announces it and ends with a colon.
_SUMMARY_INTRO = re.compile(r"\s*[^.:\n]{0,200}\bsummary\b[^.:\n]{0,200}:\s*", _I)


def _summary_text(summary: str) -> str:
    m = _SUMMARY_INTRO.match(summary)
    return (summary[m.end():] if m else summary).strip()
