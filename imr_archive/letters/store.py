"""Copy a ParsedLetter onto rows: the letter's fields, its issues, citations and cited pages.

Callers own the transaction. Rows are written in bulk: a letter costs a
handful of INSERTs whatever its number of items and pages.
"""

from __future__ import annotations

from imr_archive.letters.models import Citation, CitedPage, Guideline, Issue, Letter
from imr_archive.parsing import PARSER_VERSION, ParsedLetter, result, vocabulary
from imr_archive.parsing.treatment_names import normalize_treatment


def update_letter_fields(letter: Letter, parsed: ParsedLetter) -> None:
    """Set every parsed field of `letter` (not saved)."""
    letter.text = parsed.text
    letter.case_number = parsed.case_number
    letter.format = parsed.format or ""
    letter.priority = parsed.priority or ""
    letter.date_assigned = parsed.dates.assigned
    letter.date_injury = parsed.dates.injury
    letter.date_decision = parsed.dates.decision
    letter.date_ur_denial = parsed.dates.ur_denial
    letter.date_application_received = parsed.dates.application_received
    letter.reviewer_specialty = parsed.reviewer.specialty or ""
    letter.reviewer_subspecialty = parsed.reviewer.subspecialty or ""
    letter.reviewer_licensure = list(parsed.reviewer.licensure)
    letter.reviewer_board_certified = parsed.reviewer.board_certified
    letter.patient_age = parsed.patient.age
    letter.patient_sex = parsed.patient.sex or ""
    letter.diagnoses = list(parsed.diagnoses)
    letter.case_summary = parsed.case_summary
    letter.determination_method = parsed.determination_method
    letter.parser_version = PARSER_VERSION
    letter.warnings = list(parsed.warnings)
    letter.needs_review = (bool(parsed.warnings) or not parsed.issues
                           or any(i.outcome == result.UNKNOWN for i in parsed.issues))


def guideline_ids(names: set[str]) -> dict[str, int]:
    """Guideline row ids of canonical names (one query), creating missing rows."""
    ids = dict(Guideline.objects.filter(name__in=names).values_list("name", "id"))
    known = {g.name: g for g in vocabulary.GUIDELINES}
    for name in names - ids.keys():
        info = known[name]
        ids[name] = Guideline.objects.get_or_create(
            name=name, defaults={"slug": info.slug, "short_name": info.short_name}
        )[0].id
    return ids


UNREAD_ITEM = "(no disputed item could be read)"


def _unread_item(parsed: ParsedLetter) -> result.Issue:
    """Stands in for the items of a letter whose items could not be read.

    The search unit is the item: without one the letter could not be found
    at all. This one carries the whole text, its outcome is unknown, and the
    letter is flagged for review.
    """
    return result.Issue(treatment=UNREAD_ITEM, category="Other", outcome=result.UNKNOWN, outcome_stated=False,
                        rationale=parsed.text)


def replace_issues(letter: Letter, parsed: ParsedLetter) -> None:
    """Replace the letter's issues (and their citations and pages) with the parsed ones."""
    letter.issues.all().delete()
    items = parsed.issues or [_unread_item(parsed)]
    issues = Issue.objects.bulk_create([
        Issue(
            letter=letter,
            ordinal=n,
            treatment=item.treatment,
            treatment_normalized=normalize_treatment(item.treatment) if item.treatment != UNREAD_ITEM else "",
            category=item.category,
            outcome=item.outcome,
            outcome_stated=item.outcome_stated,
            rationale=item.rationale,
            claims_administrator_guideline=item.claims_administrator_guideline,
            reviewer_guideline=item.reviewer_guideline,
        )
        for n, item in enumerate(items, start=1)
    ])
    ids = guideline_ids({c.guideline for item in items for c in item.citations})
    citations = Citation.objects.bulk_create([
        Citation(
            issue=issue,
            ordinal=n,
            source=cite.source,
            guideline_id=ids[cite.guideline],
            mtus=cite.mtus,
            edition=cite.edition or "",
            chapter=cite.chapter or "",
            section=cite.section or "",
            pages=sorted(set(cite.pages)),
            span_start=cite.span[0] if cite.span else None,
            span_end=cite.span[1] if cite.span else None,
        )
        for issue, item in zip(issues, items, strict=True)
        for n, cite in enumerate(item.citations, start=1)
    ])
    CitedPage.objects.bulk_create([
        CitedPage(citation=citation, guideline_id=citation.guideline_id, page=page)
        for citation in citations
        for page in citation.pages
    ])
