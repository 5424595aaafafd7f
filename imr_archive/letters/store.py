"""Copy a ParsedLetter onto rows: the letter's fields, its issues, citations and cited pages.

Callers own the transaction. Rows are written in bulk: a letter, or a batch
of new letters, costs a handful of statements whatever its number of items
and pages.
"""

from __future__ import annotations

from django.db import models, transaction

from imr_archive.letters.bulk import insert_returning_ids, insert_rows
from imr_archive.letters.models import Citation, CitedPage, Guideline, Issue, Letter, chapter_slug
from imr_archive.parsing import PARSER_VERSION, ParsedLetter, result, vocabulary
from imr_archive.parsing.treatment_names import normalize_treatment


def parsed_letter_values(parsed: ParsedLetter) -> dict[str, object]:
    """Letter field -> value read by the parser (the fields an admin may correct)."""
    return {
        "case_number": parsed.case_number,
        "format": parsed.format or "",
        "priority": parsed.priority or "",
        "date_assigned": parsed.dates.assigned,
        "date_injury": parsed.dates.injury,
        "date_decision": parsed.dates.decision,
        "date_ur_denial": parsed.dates.ur_denial,
        "date_application_received": parsed.dates.application_received,
        "reviewer_specialty": parsed.reviewer.specialty or "",
        "reviewer_subspecialty": parsed.reviewer.subspecialty or "",
        "reviewer_licensure": list(parsed.reviewer.licensure),
        "reviewer_board_certified": parsed.reviewer.board_certified,
        "patient_age": parsed.patient.age,
        "patient_sex": parsed.patient.sex or "",
        "diagnoses": list(parsed.diagnoses),
        "records_reviewed": [record.to_dict() for record in parsed.records_reviewed],
        "case_summary": parsed.case_summary,
        "determination_method": parsed.determination_method,
    }


LETTER_FIELDS = frozenset(parsed_letter_values(ParsedLetter(file="", text="")))


def fit_columns(parsed: ParsedLetter) -> None:
    """Cut every value longer than its column (a CharField's max_length), with a warning.

    SQLite would store the whole value and PostgreSQL refuse the letter ("value
    too long"): cut, the archive behaves the same on both, and nothing is lost,
    as the letter's text and the guideline lines as written (text columns) keep
    the value whole. Cutting again finds nothing to cut, so a letter stored
    again after a failed batch gets each warning once.
    """
    def cut(value: str | None, model: type[models.Model], name: str, what: str) -> str | None:
        limit = model._meta.get_field(name).max_length
        if value is None or len(value) <= limit:
            return value
        parsed.warnings.append(f"{what} is {len(value)} characters, longer than its column: stored cut to {limit} "
                               f"(the letter's text has it whole)")
        return value[:limit]

    parsed.case_number = cut(parsed.case_number, Letter, "case_number", "case number")
    parsed.priority = cut(parsed.priority, Letter, "priority", "priority")
    parsed.reviewer.specialty = cut(parsed.reviewer.specialty, Letter, "reviewer_specialty", "reviewer specialty")
    parsed.reviewer.subspecialty = cut(parsed.reviewer.subspecialty, Letter, "reviewer_subspecialty",
                                       "reviewer subspecialty")
    for n, item in enumerate(parsed.issues, start=1):
        item.category = cut(item.category, Issue, "category", f"item {n}: category") or ""
        for k, cite in enumerate(item.citations, start=1):
            for name in ("edition", "chapter", "section"):
                setattr(cite, name, cut(getattr(cite, name), Citation, name, f"item {n}, citation {k}: {name}"))


def update_letter_fields(letter: Letter, parsed: ParsedLetter) -> None:
    """Set every parsed field of `letter` (not saved), but the ones an admin corrected."""
    fit_columns(parsed)
    kept = set(letter.corrected_fields)
    for name, value in parsed_letter_values(parsed).items():
        if name not in kept:
            setattr(letter, name, value)
    letter.text = parsed.text
    letter.parser_version = PARSER_VERSION
    letter.warnings = list(parsed.warnings)
    letter.needs_review = (bool(parsed.warnings) or not parsed.issues
                           or any(i.outcome == result.UNKNOWN for i in parsed.issues))


class GuidelineIds:
    """Guideline row ids by canonical name, remembered for one ingest run.

    A letter cites a few of the ~20 guidelines: asking the database for
    their ids per letter cost more than storing the citations. Only ids of
    committed rows are remembered, so a rolled-back letter cannot leave an
    id of a row that no longer exists.
    """

    def __init__(self) -> None:
        self._committed: dict[str, int] = {}

    def of(self, names: set[str]) -> dict[str, int]:
        """Guideline id of each canonical name, creating missing rows."""
        missing = names - self._committed.keys()
        if not missing:
            return self._committed
        found = dict(Guideline.objects.filter(name__in=missing).values_list("name", "id"))
        known = {g.name: g for g in vocabulary.GUIDELINES}
        for name in missing - found.keys():
            info = known[name]
            found[name] = Guideline.objects.get_or_create(
                name=name, defaults={"slug": info.slug, "short_name": info.short_name}
            )[0].id
        transaction.on_commit(lambda: self._committed.update(found))
        return {**self._committed, **found}


UNREAD_ITEM = "(no disputed item could be read)"


def _unread_item(parsed: ParsedLetter) -> result.Issue:
    """Stands in for the items of a letter whose items could not be read.

    The search unit is the item: without one the letter could not be found
    at all. This one carries the whole text, its outcome is unknown, and the
    letter is flagged for review.
    """
    return result.Issue(treatment=UNREAD_ITEM, category="Other", outcome=result.UNKNOWN, outcome_stated=False,
                        rationale=parsed.text)


def _issue_values(item: result.Issue) -> dict[str, object]:
    unread = item.treatment == UNREAD_ITEM
    return {
        "treatment": item.treatment,
        "treatment_normalized": "" if unread else normalize_treatment(item.treatment),
        "category": item.category,
        "outcome": item.outcome,
        "outcome_stated": item.outcome_stated,
        "rationale": item.rationale,
        "claims_administrator_guideline": item.claims_administrator_guideline,
        "reviewer_guideline": item.reviewer_guideline,
    }


ISSUE_FIELDS = frozenset(_issue_values(result.Issue("", "", "", False)))


def _new_issue(letter: Letter, ordinal: int, item: result.Issue) -> Issue:
    return Issue(letter=letter, ordinal=ordinal, **_issue_values(item), **letter.search_copies())


def create_issues(letters: list[tuple[Letter, ParsedLetter]], guidelines: GuidelineIds) -> None:
    """Insert the issues, citations and cited pages of letters just created (none stored yet).

    A few statements for all the letters given, whatever their number of items.
    """
    created: list[Issue] = []
    cited: list[tuple[Issue, result.Issue]] = []
    for letter, parsed in letters:
        for ordinal, item in enumerate(parsed.issues or [_unread_item(parsed)], start=1):
            issue = _new_issue(letter, ordinal, item)
            created.append(issue)
            cited.append((issue, item))
    insert_returning_ids(created)
    _create_citations(cited, guidelines)


def replace_issues(letter: Letter, parsed: ParsedLetter, guidelines: GuidelineIds) -> None:
    """Replace a stored letter's issues (their citations and pages too) with the parsed ones.

    An issue an admin corrected keeps its row and its corrected fields (and
    its citations, when those were corrected); the parse fills in the rest.
    Issues are matched by their position in the letter.
    """
    items = parsed.issues or [_unread_item(parsed)]
    corrected = {issue.ordinal: issue for issue in letter.issues.all() if issue.corrected_fields}
    letter.issues.exclude(id__in=[issue.id for issue in corrected.values()]).delete()
    created: list[Issue] = []
    cited: list[tuple[Issue, result.Issue]] = []
    for ordinal, item in enumerate(items, start=1):
        issue = corrected.get(ordinal)
        if issue is None:
            issue = _new_issue(letter, ordinal, item)
            created.append(issue)
        else:
            for name, value in _issue_values(item).items():
                if name not in issue.corrected_fields:
                    setattr(issue, name, value)
            issue.save()
            if "citations" in issue.corrected_fields:
                continue
            issue.citations.all().delete()
        cited.append((issue, item))
    insert_returning_ids(created)
    _create_citations(cited, guidelines)


def _create_citations(cited: list[tuple[Issue, result.Issue]], guidelines: GuidelineIds) -> None:
    ids = guidelines.of({c.guideline for _, item in cited for c in item.citations})
    citations = [
        Citation(
            issue=issue,
            ordinal=n,
            source=cite.source,
            guideline_id=ids[cite.guideline],
            mtus=cite.mtus,
            edition=cite.edition or "",
            chapter=cite.chapter or "",
            chapter_slug=chapter_slug(cite.guideline, cite.chapter or ""),
            section=cite.section or "",
            pages=sorted(set(cite.pages)),
            span_start=cite.span[0] if cite.span else None,
            span_end=cite.span[1] if cite.span else None,
        )
        for issue, item in cited
        for n, cite in enumerate(item.citations, start=1)
    ]
    insert_returning_ids(citations)
    # A cited range expands to a row per page, tens per letter: no model instance for each.
    insert_rows(CitedPage._meta.db_table, ("citation_id", "guideline_id", "issue_id", "page"),
                [(c.id, c.guideline_id, c.issue_id, page) for c in citations for page in c.pages])
