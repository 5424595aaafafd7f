"""Letters, the disputed items they decide, and the guidelines those decisions cite.

The database is the archive's truth; search indexes are derived from it.
Values read by the parser are stored as read; `parser_version` says which
parser read them, so a newer parser can re-read the letter.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F
from django.urls import reverse

from imr_archive.parsing import result, vocabulary


class TimeStamped(models.Model):
    created = models.DateTimeField(auto_now_add=True, help_text="When the row was created.")
    modified = models.DateTimeField(auto_now=True, help_text="When the row last changed.")

    class Meta:
        abstract = True


def _choices(values: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(v, v) for v in values]


def chapter_slug(guideline: str, chapter: str) -> str:
    """The canonical chapter's slug of a citation of `guideline` (canonical name) naming `chapter`."""
    found = vocabulary.chapter_of(guideline, chapter)
    return found.slug if found else ""


class Guideline(TimeStamped):
    """A canonical guideline (SCHEMA.md's list), the target of citations."""

    name = models.CharField(max_length=120, unique=True, help_text="Canonical name, as in SCHEMA.md.")
    slug = models.SlugField(max_length=60, unique=True, help_text="URL name of the guideline's page.")
    short_name = models.CharField(max_length=40, help_text="Name shown in tight places (facets, badges).")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("web:guideline", args=[self.slug])


class Letter(TimeStamped):
    """One IMR final determination letter, as read by the parser."""

    FORMAT_CHOICES = _choices(result.FORMATS)

    source_name = models.CharField(max_length=255, help_text="File name the letter was ingested from.")
    original = models.FileField(upload_to="originals/", max_length=300, blank=True,
                                help_text="The original file, exactly as received.")
    text = models.TextField(help_text="Extracted and cleaned text; citation spans index into it.")
    sha256 = models.CharField(max_length=64, unique=True,
                              help_text="SHA-256 of the cleaned text: identifies the letter.")
    # A database id changes when the archive is rebuilt; this key does not (docs/api.md, "Permalinks").
    permalink = models.CharField(
        max_length=16, unique=True, editable=False,
        help_text="Lasting key of the letter's address /letter/<permalink>/: the first 16 hex digits of the "
                  "SHA-256 of its text when first stored, never changed (a re-parse or a corrected copy keeps it).")
    # NULL rather than "" when absent, so the unique constraint skips letters without one.
    case_number = models.CharField(max_length=32, null=True, blank=True,  # noqa: DJ001
                                   help_text="IMR case number as printed (CM13-0001234).")
    format = models.CharField(max_length=24, choices=FORMAT_CHOICES, help_text="Which layout the letter uses.")
    priority = models.CharField(max_length=40, blank=True, help_text="Standard or Expedited, when stated.")

    date_assigned = models.DateField(null=True, blank=True, help_text="Date the case was assigned.")
    date_injury = models.DateField(null=True, blank=True, db_index=True, help_text="Date of the injury.")
    date_decision = models.DateField(null=True, blank=True, db_index=True, help_text="Date of the IMR decision.")
    decision_year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True, editable=False,
                                                     help_text="Year of date_decision, kept for the year facet.")
    date_ur_denial = models.DateField(null=True, blank=True, help_text="Date of the utilization review denial.")
    date_application_received = models.DateField(null=True, blank=True,
                                                 help_text="Date the IMR application was received.")

    reviewer_specialty = models.CharField(max_length=60, blank=True, db_index=True,
                                          help_text="Expert reviewer's board specialty (canonical spelling).")
    reviewer_subspecialty = models.CharField(max_length=120, blank=True, help_text="Subspecialty, when stated.")
    reviewer_licensure = models.JSONField(default=list, blank=True, help_text="States of licensure.")
    reviewer_board_certified = models.BooleanField(null=True, blank=True,
                                                   help_text="True when the letter says Board Certified.")

    patient_age = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Age in whole years.")
    patient_sex = models.CharField(max_length=6, blank=True, choices=[("female", "female"), ("male", "male")],
                                   help_text="female, male, or blank when not stated.")
    diagnoses = models.JSONField(default=list, blank=True, help_text="Diagnoses as listed in the case summary.")
    records_reviewed = models.JSONField(
        default=list, blank=True,
        help_text="Records the expert reviewer saw, as listed: [{'text': ..., 'date': 'YYYY-MM-DD' or null}].")
    case_summary = models.TextField(blank=True, help_text="The clinical case summary.")
    determination_method = models.TextField(blank=True, help_text="How the IMR final determination was made.")

    parser_version = models.CharField(max_length=20, help_text="Version of the parser that read the text.")
    warnings = models.JSONField(default=list, blank=True, help_text="What the parser could not read.")
    needs_review = models.BooleanField(default=False, db_index=True,
                                       help_text="The parse is incomplete: warnings or an unknown outcome.")
    corrected_fields = models.JSONField(
        default=list, blank=True,
        help_text="Fields an admin corrected. Re-parsing keeps these values unless told to discard corrections.")

    class Meta:
        ordering = ["-date_decision", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["case_number"], condition=models.Q(case_number__isnull=False),
                                    name="unique_case_number"),
        ]

    def __str__(self) -> str:
        return self.case_number or self.source_name

    def save(self, *args, **kwargs) -> None:
        self.fill_derived_fields()
        if kwargs.get("update_fields") is not None and "date_decision" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "decision_year"}
        adding = self._state.adding
        super().save(*args, **kwargs)
        if not adding:  # a new letter's issues are created with the copies
            self.issues.update(**self.search_copies())

    def get_absolute_url(self) -> str:
        """The letter's permalink: its case number's address, or its lasting key's when it has none."""
        if self.case_number:
            return reverse("web:letter_by_case", args=[self.case_number])
        return reverse("web:letter_by_permalink", args=[self.permalink])

    def fill_derived_fields(self) -> None:
        """Set the fields computed from others (save() does it; so must a bulk insert)."""
        self.decision_year = self.date_decision.year if self.date_decision else None
        if not self.permalink:  # set once, from the text first stored
            self.permalink = self.sha256[:16]

    def search_copies(self) -> dict[str, object]:
        """The letter's fields its issues carry a copy of."""
        return {"decision_date": self.date_decision, "decision_year": self.decision_year,
                "reviewer_specialty": self.reviewer_specialty}


class Issue(TimeStamped):
    """One disputed item or service of a letter, and the decision on it: the unit of search."""

    OUTCOME_CHOICES = [
        (result.UPHELD, "Denial upheld"),
        (result.OVERTURNED, "Denial overturned"),
        (result.PARTIAL, "Partially overturned"),
        (result.UNKNOWN, "Outcome unclear"),
    ]
    CATEGORY_CHOICES = _choices(vocabulary.CATEGORIES)

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="issues")
    ordinal = models.PositiveSmallIntegerField(help_text="Position of the item in the letter, from 1.")
    treatment = models.TextField(help_text="The item's heading as written.")
    treatment_normalized = models.CharField(max_length=120, db_index=True,
                                            help_text="Treatment name without doses, counts and body parts.")
    category = models.CharField(max_length=40, choices=CATEGORY_CHOICES, db_index=True,
                                help_text="Canonical treatment category.")
    outcome = models.CharField(max_length=12, choices=OUTCOME_CHOICES, db_index=True,
                               help_text="What became of the utilization review denial.")
    outcome_stated = models.BooleanField(help_text="False when the outcome was read from the rationale.")
    rationale = models.TextField(blank=True, help_text="The expert reviewer's decision rationale.")
    claims_administrator_guideline = models.TextField(blank=True,
                                                      help_text="The claims administrator's guideline line.")
    reviewer_guideline = models.TextField(blank=True, help_text="The expert reviewer's guideline line.")
    corrected_fields = models.JSONField(
        default=list, blank=True,
        help_text="Fields an admin corrected ('citations' when its citations were). Re-parsing keeps them.")

    # Copies of the letter's fields that searches filter, count and sort by, so that
    # browsing a million items never joins the letters table. Letter.save() keeps them.
    decision_date = models.DateField(null=True, blank=True, editable=False,
                                     help_text="Copy of the letter's decision date.")
    decision_year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True, editable=False,
                                                     help_text="Copy of the letter's decision year.")
    reviewer_specialty = models.CharField(max_length=60, blank=True, db_index=True, editable=False,
                                          help_text="Copy of the letter's reviewer specialty.")

    class Meta:
        ordering = ["letter_id", "ordinal"]
        constraints = [
            models.UniqueConstraint(fields=["letter", "ordinal"], name="unique_issue_ordinal"),
        ]
        indexes = [
            models.Index(F("decision_date").desc(), F("id").desc(), name="issue_newest_first"),
            models.Index("outcome", F("decision_date").desc(), F("id").desc(), name="issue_outcome_newest_first"),
            # Every facet column in one narrow index: counting a facet under any other facet's
            # filter reads the index alone, never the wide rows holding the rationale.
            models.Index(fields=["outcome", "category", "reviewer_specialty", "decision_year"], name="issue_facets"),
        ]

    def __str__(self) -> str:
        return f"{self.treatment} ({self.outcome})"

    def get_absolute_url(self) -> str:
        return f"{self.letter.get_absolute_url()}#item-{self.ordinal}"


class Citation(TimeStamped):
    """A guideline named as the basis of one decision."""

    SOURCE_CHOICES = [
        (result.CLAIMS_ADMINISTRATOR, "Claims administrator"),
        (result.REVIEWER, "Expert reviewer"),
    ]

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="citations")
    ordinal = models.PositiveSmallIntegerField(help_text="Position among the item's citations, from 1.")
    source = models.CharField(max_length=24, choices=SOURCE_CHOICES, help_text="Who cited it.")
    guideline = models.ForeignKey(Guideline, on_delete=models.PROTECT, related_name="citations")
    mtus = models.BooleanField(help_text="Whether the letter counts it as part of the MTUS.")
    edition = models.CharField(max_length=80, blank=True, help_text="Edition as written.")
    chapter = models.CharField(max_length=160, blank=True, help_text="Chapter number or topic as written.")
    chapter_slug = models.CharField(
        max_length=80, blank=True, default="", editable=False,
        help_text="The canonical chapter of `chapter` (vocabulary.chapter_of), which chapter counts and links use; "
                  "blank when no chapter is named.")
    section = models.CharField(max_length=40, blank=True, help_text="Regulation section as written.")
    pages = models.JSONField(default=list, blank=True,
                             help_text="Cited pages, ranges expanded (display copy of CitedPage rows).")
    span_start = models.PositiveIntegerField(null=True, blank=True, help_text="Start offset in the letter text.")
    span_end = models.PositiveIntegerField(null=True, blank=True, help_text="End offset in the letter text.")

    class Meta:
        ordering = ["issue_id", "ordinal"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "ordinal"], name="unique_citation_ordinal"),
        ]
        indexes = [
            models.Index(fields=["guideline", "issue"], name="citation_guideline_issue"),
            models.Index(fields=["guideline", "chapter_slug", "issue"], name="citation_chapter_issue"),
        ]

    def __str__(self) -> str:
        pages = ", ".join(str(p) for p in self.pages)
        return f"{self.guideline.short_name} {self.chapter} {pages}".strip()

    def save(self, *args, **kwargs) -> None:
        self.fill_derived_fields()
        if kwargs.get("update_fields") is not None and {"chapter", "guideline"} & set(kwargs["update_fields"]):
            kwargs["update_fields"] = {*kwargs["update_fields"], "chapter_slug"}
        super().save(*args, **kwargs)

    def fill_derived_fields(self) -> None:
        """Set the canonical chapter from the chapter as written (save() does it; so must a bulk insert)."""
        self.chapter_slug = chapter_slug(self.guideline.name, self.chapter) if self.guideline_id else ""


class CitedPage(models.Model):
    """One guideline page cited by one citation.

    A range "98-99" gives a row for 98 and one for 99, so "every item citing
    MTUS Chronic Pain page 98" is one lookup on the (guideline, page, issue)
    index on any database. `guideline` and `issue` repeat the citation's so
    that lookup reads the index alone, with no join.
    """

    citation = models.ForeignKey(Citation, on_delete=models.CASCADE, related_name="cited_pages")
    guideline = models.ForeignKey(Guideline, on_delete=models.PROTECT, related_name="cited_pages")
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="cited_pages")
    page = models.PositiveIntegerField(help_text="The cited page number.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["citation", "page"], name="unique_cited_page"),
        ]
        indexes = [models.Index(fields=["guideline", "page", "issue"], name="cited_page_lookup")]

    def __str__(self) -> str:
        return f"{self.guideline_id} p. {self.page}"


class LetterChange(models.Model):
    """One change of a letter (new, replaced, reparsed, corrected, deleted): the outbox search indexes follow.

    Written in the transaction that changes the letter (imr_archive.letters.outbox), so a committed
    change always has its row. `sequence` increases in commit order: each index remembers the last
    sequence it applied and applies the rows after it (imr_archive.search.sync).
    """

    NEW, REPLACED, REPARSED, CORRECTED, DELETED = "new", "replaced", "reparsed", "corrected", "deleted"
    KIND_CHOICES = _choices((NEW, REPLACED, REPARSED, CORRECTED, DELETED))

    sequence = models.BigAutoField(primary_key=True, help_text="Increases in the order the changes committed.")
    letter_id = models.BigIntegerField(help_text="The letter changed (a deleted letter's id stays here).")
    kind = models.CharField(max_length=10, choices=KIND_CHOICES, help_text="What happened to the letter.")
    created = models.DateTimeField(auto_now_add=True, help_text="When the change was recorded.")

    class Meta:
        ordering = ["sequence"]

    def __str__(self) -> str:
        return f"{self.sequence}: letter {self.letter_id} {self.kind}"
