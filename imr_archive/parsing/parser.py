"""The pipeline: text -> ParsedLetter (clean -> layout -> fields -> issues -> citations).

parse_text never raises on a str: problems become short, human-readable
strings in ParsedLetter.warnings (a missing section, an unreadable date, an
unknown guideline, an item whose outcome cannot be read). A text in none of
the four layouts, or in which nothing beyond a heading was read (no item,
reviewer, date or case number), gets format None and a first warning "not an
IMR letter: <why>", which the ingest gives as its reason to reject it.
"""

from __future__ import annotations

from imr_archive.parsing.clean import clean_text
from imr_archive.parsing.fields import read_fields
from imr_archive.parsing.issues import read_issues
from imr_archive.parsing.layout import detect_layout
from imr_archive.parsing.notice import read_notice_issues
from imr_archive.parsing.records import read_records
from imr_archive.parsing.result import FORMAT_NOTICE, ParsedLetter

__all__ = ["PARSER_VERSION", "parse_text"]

# Bump on any change of behaviour: stored letters parsed by an older version
# are re-read by `ingest_letters --reparse`.
PARSER_VERSION = "1.2"


def parse_text(text: str, file: str = "") -> ParsedLetter:
    """Parse the text of one IMR final determination letter."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    letter = ParsedLetter(file=file, text="", parser_version=PARSER_VERSION)
    try:
        cleaned = clean_text(text)
    except Exception as exc:  # noqa: BLE001  # pragma: no cover - a bug; keep the letter readable
        letter.text = text
        letter.warnings.append(f"internal error in clean: {type(exc).__name__}: {exc}")
        return letter
    letter.text = cleaned.text
    if not cleaned.text:
        letter.warnings.append("not an IMR letter: the text is empty")
        return letter

    layout = detect_layout(cleaned.text)
    letter.format = layout.format
    letter.warnings.extend(layout.warnings)
    if layout.format is None:
        return letter

    for stage, run in (("fields", _fields), ("issues", _issues)):
        try:
            run(letter, layout, cleaned.running_case_number)
        except Exception as exc:  # noqa: BLE001  # pragma: no cover - a bug; the rest of the parse stands
            letter.warnings.append(f"internal error in {stage}: {type(exc).__name__}: {exc}")
    if not _anything_read(letter):
        # A heading alone is not a letter: a real letter missing a section still has an item,
        # a reviewer, a date or a case number, and is kept with warnings.
        letter.format = None
        recognised = dict.fromkeys(" ".join(letter.text[a:b].split()).rstrip(" :") for a, b in layout.recognised)
        letter.warnings.insert(0, f"not an IMR letter: only {_listed(list(recognised))} recognised")
    return letter


def _anything_read(letter: ParsedLetter) -> bool:
    d, r = letter.dates, letter.reviewer
    return bool(letter.issues or letter.case_number or r.specialty or r.licensure
                or any((d.assigned, d.injury, d.decision, d.ur_denial, d.application_received)))


def _listed(headings: list[str]) -> str:
    """'the heading "X" was', 'the headings "X" and "Y" were' (at most three named)."""
    quoted = [f'"{h[:80]}"' for h in headings[:3]] + (["others"] if len(headings) > 3 else [])
    if not quoted:
        return "the layout was"
    if len(quoted) == 1:
        return f"the heading {quoted[0]} was"
    return f"the headings {', '.join(quoted[:-1])} and {quoted[-1]} were"


def _fields(letter: ParsedLetter, layout, running_case_number: str | None) -> None:
    f = read_fields(letter.text, layout, running_case_number)
    letter.case_number = f.case_number
    letter.priority = f.priority
    letter.dates = f.dates
    letter.reviewer = f.reviewer
    letter.patient = f.patient
    letter.diagnoses = f.diagnoses
    letter.case_summary = f.case_summary
    letter.determination_method = f.determination_method
    letter.records_reviewed = read_records(letter.text, layout)
    letter.warnings.extend(f.warnings)


def _issues(letter: ParsedLetter, layout, running_case_number: str | None) -> None:
    read = read_notice_issues if layout.format == FORMAT_NOTICE else read_issues
    issues, warnings = read(letter.text, layout)
    letter.issues = issues
    letter.warnings.extend(warnings)
