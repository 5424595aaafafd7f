"""Stage 4: the letter-level fields: case number, dates, priority, reviewer,
patient, diagnoses, and the case summary and method texts.

Header labels ("Date of Injury: 04/27/2009") win; the case summary's wording
("injury date of 04/27/09", "injured on July 19, 2008", "The utilization
review determination being challenged is dated 11/14/14") fills the gaps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from imr_archive.parsing.dates import DATE, parse_date
from imr_archive.parsing.layout import Layout
from imr_archive.parsing.result import Dates, Patient, Reviewer
from imr_archive.parsing.vocabulary import US_STATES, normalize_specialty

__all__ = ["Fields", "read_fields", "read_diagnoses", "read_reviewer"]

_I = re.IGNORECASE
_D = r"(?P<date>" + DATE + r")?"


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
_CASE_ANY = re.compile(r"\bCM\d{2}-\d{5,8}\b")
_PRIORITY = re.compile(r"\bPriority\s*:\s*([A-Za-z]+)", _I)

# (Dates attribute, label as named in warnings, header label pattern)
_HEADER_DATES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (attr, name, re.compile(pattern + r"\s*:\s*" + _D, _I))
    for attr, name, pattern in (
        ("assigned", "date assigned", r"\bDate\s+Assigned"),
        ("injury", "date of injury", r"\bDate\s+of\s+Injury"),
        ("decision", "decision date", r"\bDecision\s+Date"),
        ("decision", "dated", r"\bDated"),
        ("ur_denial", "UR denial date", r"\bUR\s+Denial\s+Date"),
        ("application_received", "application received date", r"\bApplication\s+Received"),
    )
)

# Case-summary wording, tried in order.
_INJURY_PHRASES = tuple(
    re.compile(p, _I)
    for p in (
        r"(?:date\s+of\s+injury|injury\s+date|\bDOI\b|\bD/I\b)(?:\s*\((?:DOI|D/I)\))?\s*(?:of|on|was|is|:|,)?\s*"
        r"(?:of|on)?\s*(?P<date>"
        + DATE + ")",
        r"\binjur(?:y|ies|ed)\b[^.;:]{0,60}?\b(?:on|dated|of)\s+(?P<date>" + DATE + ")",
        r"\b(?:hurt|accident)\b[^.;:]{0,60}?\b(?:on|of)\s+(?P<date>" + DATE + ")",
    )
)
_UR_PHRASES = tuple(
    re.compile(p, _I)
    for p in (
        r"\butilization\s+review\b[^.;:]{0,80}?\b(?:dated|of|on|from)\s+(?P<date>" + DATE + ")",
        r"\b(?:on|dated)\s+(?P<date>" + DATE + r"),?\s+(?:the\s+|a\s+)?(?:utilization\s+review|UR)\b",
        r"\bUR\b[^.;:]{0,60}?\b(?:dated|of|on)\s+(?P<date>" + DATE + ")",
        r"(?P<date>" + DATE + r")\s+(?:UR|utilization\s+review)\b",
        r"\b(?:non-?\s*certified|denied)\b[^.;:]{0,40}?\b(?:on|dated)\s+(?P<date>" + DATE + ")",
    )
)
_APPLICATION_PHRASE = re.compile(r"Application\s+for\s+Independent\s+Medical\s+Review,?\s+received\s+(?P<date>"
                                 + DATE + ")", _I)


def read_fields(text: str, layout: Layout, running_case_number: str | None = None) -> Fields:
    """All letter-level fields of a cleaned text with its layout."""
    out = Fields()
    header = text[layout.header[0]:layout.header[1]]
    summary_span = layout.section("summary", "case_summary")
    summary = text[summary_span[0]:summary_span[1]] if summary_span else ""
    method_span = layout.section("method", "qualifications")
    method = text[method_span[0]:method_span[1]] if method_span else ""
    docs_span = layout.section("documents", "review_documents")
    documents = text[docs_span[0]:docs_span[1]] if docs_span else ""

    m = _CASE_LABEL.search(text)
    if m:
        out.case_number = m.group(1).upper()
    elif running_case_number:
        out.case_number = running_case_number
    else:
        m = _CASE_ANY.search(text)
        out.case_number = m.group(0) if m else None
    m = _PRIORITY.search(header or text)
    out.priority = m.group(1).capitalize() if m else None

    _read_dates(text, summary, documents, out)
    out.reviewer = read_reviewer(method or text)
    if out.reviewer.specialty is None:
        out.warnings.append("reviewer specialty not found")
    out.patient = _read_patient(summary or text)
    out.diagnoses = read_diagnoses(summary)
    out.case_summary = _summary_text(summary)
    out.determination_method = method.strip()
    return out


def _read_dates(text: str, summary: str, documents: str, out: Fields) -> None:
    for attr, name, rx in _HEADER_DATES:
        if getattr(out.dates, attr) is not None:
            continue
        m = rx.search(text)
        if not m:
            continue
        value = parse_date(m.group("date")) if m.group("date") else None
        if value is None:
            shown = " ".join(text[m.end():m.end() + 20].split()) if not m.group("date") else m.group("date")
            out.warnings.append(f"unreadable {name}: {shown!r}")
        setattr(out.dates, attr, value)
    if out.dates.injury is None:
        out.dates.injury = _first_phrase_date(_INJURY_PHRASES, summary, out, "date of injury")
    if out.dates.ur_denial is None:
        out.dates.ur_denial = (_first_phrase_date(_UR_PHRASES, summary, out, "UR denial date")
                               or _first_phrase_date(_UR_PHRASES, documents, out, "UR denial date"))
    if out.dates.application_received is None and documents:
        m = _APPLICATION_PHRASE.search(documents)
        out.dates.application_received = parse_date(m.group("date")) if m else None


def _first_phrase_date(patterns: tuple[re.Pattern[str], ...], text: str, out: Fields, name: str) -> date | None:
    if not text:
        return None
    for rx in patterns:
        m = rx.search(text)
        if m:
            value = parse_date(m.group("date"))
            if value is None:
                out.warnings.append(f"unreadable {name}: {m.group('date')!r}")
            return value
    return None


# --------------------------------------------------------------------------
# Reviewer

_STATE = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in sorted(US_STATES, key=len, reverse=True))
_STATE_RE = re.compile(r"\b(" + _STATE + r")\b")
_STATE_LIST = re.compile(r"(?:" + _STATE + r")(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)\s*(?:" + _STATE + r"))*")
_LICENSED = re.compile(r"\blicen[sc](?:ed|e|ure)\b[^.;]{0,50}?\bin\s+(?=" + _STATE + r")", _I)
_LICENSURE_LABEL = re.compile(r"State\(?s?\)?\s+of\s+Licensure\s*:\s*([^\n]*)", _I)
_SPECIALTY_LABEL = re.compile(r"(?:Certification\(?s?\)?\s*/\s*Specialty|Board\s+Certification|Specialty)"
                              r"\s*:\s*([^\n]*)", _I)
_CERTIFIED_IN = re.compile(r"\b(?:Board[-\s]+Certified|Certified|Boarded|specializ(?:es|ing))\s+in\s+(?:the\s+"
                           r"(?:field|specialty)\s+of\s+)?", _I)
# "The expert reviewer is a licensed Psychologist", "... is a Doctor of Chiropractic".
_IS_A = re.compile(r"\b(?:is|as)\s+an?\s+(?:licensed\s+|certified\s+|practicing\s+|board[-\s]certified\s+)*"
                   r"((?:Doctor\s+of\s+)?(?:Chiropract\w*|Psycholog\w*|Psychiatr\w*|Acupunctur\w*|Podiatr\w*"
                   r"|Physical\s+Therap\w*|Oriental\s+Medicine|Dermatolog\w*|Neurolog\w*|Anesthesiolog\w*"
                   r"|Internist|Orthop(?:a)?edic\s+Surgeon|Neurosurgeon|Physiatrist|Family\s+(?:Physician|Practitioner)"
                   r"|Emergency\s+(?:Physician|Medicine)|Plastic\s+Surgeon|General\s+Surgeon))", _I)
_SUBSPECIALTY = re.compile(r"\bsub-?\s*specialty\s+(?:in|of)\s+", _I)
_TERMINATOR = re.compile(r"[.,;\n(]|\s+and\s+(?:is|has|holds|was)\b|\s+(?:with|who|has|is|holds|and\s+a)\b", _I)
_BOARD_CERTIFIED = re.compile(r"\bBoard[-\s]+Certified\b", _I)


def _phrase_after(text: str, pos: int) -> str:
    m = _TERMINATOR.search(text, pos, pos + 120)
    end = m.start() if m else min(len(text), pos + 120)
    return " ".join(text[pos:end].split()).strip(" :")


def read_reviewer(text: str) -> Reviewer:
    """Specialty, subspecialty, licensure states and board certification of the expert reviewer."""
    r = Reviewer()
    raw_specialty = None
    m = _CERTIFIED_IN.search(text)
    if m:
        raw_specialty = _phrase_after(text, m.end()) or None
    label = _SPECIALTY_LABEL.search(text)
    label_parts: list[str] = []
    if label:
        label_parts = [p.strip(" .") for p in re.split(r"[,;]", label.group(1)) if p.strip(" .")]
        if raw_specialty is None and label_parts:
            raw_specialty = label_parts[0]
    if raw_specialty is None:
        m = _IS_A.search(text)
        if m:
            raw_specialty = m.group(1)
    if raw_specialty:
        r.specialty = normalize_specialty(raw_specialty)
    m = _SUBSPECIALTY.search(text)
    if m:
        r.subspecialty = _phrase_after(text, m.end()) or None
    elif len(label_parts) > 1:
        r.subspecialty = label_parts[1]

    states: list[str] = []
    label = _LICENSURE_LABEL.search(text)
    if label:
        states = _states_in(label.group(1))
    if not states:
        m = _LICENSED.search(text)
        if m:
            lst = _STATE_LIST.match(text, m.end())
            if lst:
                states = _states_in(lst.group(0))
    r.licensure = states
    r.board_certified = True if _BOARD_CERTIFIED.search(text) else None
    return r


def _states_in(text: str) -> list[str]:
    out: list[str] = []
    for m in _STATE_RE.finditer(text):
        name = " ".join(m.group(1).split())
        if name not in out:
            out.append(name)
    return out


# --------------------------------------------------------------------------
# Patient

_AGE = re.compile(r"\b(\d{1,3})\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b|\b(\d{1,3})\s*(?:y/o|y\.o\.|yo)\b"
                  r"|\baged?\s*(?:of\s*)?:?\s*(\d{1,3})\b", _I)
_SEX_WORD = re.compile(r"(?:[\s,]+[\w'-]+){0,4}?[\s,]+(female|male|woman|man|gentleman|lady|girl|boy)\b", _I)
_SEX_BEFORE = re.compile(r"\b(female|male|woman|man|gentleman|lady)\b[\s,]+(?:(?:who\s+is\s+|aged?\s*)?)$", _I)
_FEMALE = frozenset({"female", "woman", "lady", "girl"})
_HE = re.compile(r"\b(?:he|his|him|himself)\b", _I)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", _I)


def _read_patient(text: str) -> Patient:
    p = Patient()
    m = _AGE.search(text)
    if m:
        age = int(next(g for g in m.groups() if g))
        p.age = age if 0 < age < 120 else None
        s = _SEX_WORD.match(text, m.end()) or _SEX_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if s:
            p.sex = "female" if s.group(1).lower() in _FEMALE else "male"
    if p.sex is None:
        he, she = len(_HE.findall(text)), len(_SHE.findall(text))
        if he >= 2 and not she:
            p.sex = "male"
        elif she >= 2 and not he:
            p.sex = "female"
    return p


# --------------------------------------------------------------------------
# Diagnoses

_DIAGNOSIS_TRIGGER = re.compile(
    r"\bdiagnos(?:es|is)\s+(?:include[sd]?|are|were|was|is|have\s+included|has\s+included|included|listed\s+as"
    r"|consist(?:s|ed)?\s+of|of)(?:\s+the\s+following)?\s*:?\s*"
    r"|\bdiagnos(?:es|is)\s+as\s+|\bdiagnosed\s+(?:as\s+having|with|as)\s+|\bdiagnosed\s+(?=[a-z])"
    r"|\bdiagnos(?:es|is)\s*:\s*",
    _I,
)
_FOLLOWING = re.compile(r"the\s+following\s*:?\s*$", _I)
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bDr)(?<!\bvs)(?<!\bSt)\.(?=\s+[A-Z\"(]|\s*$)|\n")
_PROSE = re.compile(r"\b(?:is|was|are|were|has|had|have|reports?|states?|underwent|requested)\b", _I)


def read_diagnoses(summary: str) -> list[str]:
    """The diagnoses of the sentence that lists them ("The diagnoses are A, B, and C.")."""
    m = _DIAGNOSIS_TRIGGER.search(summary)
    if not m:
        return []
    start = m.end()
    if _FOLLOWING.search(summary[m.start():m.end()]):
        items = []
        pos = start
        while pos < len(summary) and len(items) < 20:
            e = _SENTENCE_END.search(summary, pos)
            end = e.start() if e else len(summary)
            sentence = summary[pos:end].strip()
            if not sentence or _PROSE.search(sentence) or len(sentence.split()) > 15:
                break
            items.append(sentence)
            pos = end + 1
        if len(items) == 1:
            return _split_list(items[0])
        return [_clean_diagnosis(i) for i in items if _clean_diagnosis(i)]
    e = _SENTENCE_END.search(summary, start)
    return _split_list(summary[start:e.start() if e else len(summary)])


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


_SUMMARY_INTRO = re.compile(r"^\s*The\s+expert\s+reviewer\s+developed\s+the\s+following\s+clinical\s+case\s+summary"
                            r"[^:]*:\s*", _I)


def _summary_text(summary: str) -> str:
    return _SUMMARY_INTRO.sub("", summary).strip()
