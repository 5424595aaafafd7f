"""Admin for letters, their issues and citations, and guidelines.

What only the parser or the ingest can know (the text, its hash, the parser
version and its warnings, citation spans) is read-only; the values read from
the letter can be corrected. A correction is remembered (`corrected_fields`)
and survives re-parsing, unless the "discard corrections" action is used.
Every save or deletion records the letter's change in the outbox, in its
own transaction, and the search index applies it once that commits.
"""

from collections.abc import Callable, Iterable

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from imr_archive.letters.admin_forms import CitationForm, IssueForm, LetterForm
from imr_archive.letters.ingest import reparse_letter
from imr_archive.letters.models import Citation, CitedPage, Guideline, Issue, Letter, LetterChange
from imr_archive.letters.outbox import record_changes
from imr_archive.letters.store import ISSUE_FIELDS, LETTER_FIELDS
from imr_archive.search.indexing import sync_after_commit


class IssueInline(admin.StackedInline):
    model = Issue
    extra = 0
    fields = ("ordinal", "treatment", "treatment_normalized", "category", "outcome", "outcome_stated",
              "claims_administrator_guideline", "reviewer_guideline", "rationale")
    show_change_link = True


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    form = LetterForm
    list_display = ("__str__", "format", "date_decision", "reviewer_specialty", "needs_review", "parser_version")
    list_filter = ("format", "needs_review", "reviewer_specialty", "parser_version")
    search_fields = ("case_number", "source_name")
    date_hierarchy = "date_decision"
    readonly_fields = ("source_name", "original_file", "sha256", "parser_version", "warnings", "text",
                       "created", "modified")
    inlines = [IssueInline]
    actions = ["reparse_selected", "reparse_discarding_corrections"]
    fieldsets = (
        ("Letter", {"fields": ("case_number", "format", "priority", "source_name", "original_file", "sha256")}),
        ("Dates", {"fields": ("date_assigned", "date_injury", "date_decision", "date_ur_denial",
                              "date_application_received")}),
        ("Expert reviewer", {"fields": ("reviewer_specialty", "reviewer_subspecialty", "reviewer_licensure",
                                        "reviewer_board_certified")}),
        ("Patient", {"fields": ("patient_age", "patient_sex", "diagnoses")}),
        ("Parse", {"fields": ("parser_version", "needs_review", "warnings", "corrected_fields",
                              "created", "modified"),
                   "description": "Fields you change here are listed as corrected and kept when the letter "
                                  "is re-parsed. To return to the parser's values, use the action "
                                  "\u201cRe-parse and discard corrections\u201d on the letter list."}),
        ("Text", {"classes": ("collapse",), "fields": ("case_summary", "determination_method", "text")}),
    )

    @admin.display(description="Original file")
    def original_file(self, letter: Letter) -> str:
        if not letter.original:
            return "-"
        return format_html('<a href="{}">Download {}</a>', reverse("web:original", args=[letter.pk]),
                           letter.source_name)

    def save_model(self, request: HttpRequest, obj: Letter, form, change: bool) -> None:
        if change:
            obj.corrected_fields = _remember(obj.corrected_fields, form.changed_data, LETTER_FIELDS)
        super().save_model(request, obj, form, change)

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        for issue_form in formset.forms:
            if issue_form.instance.pk and issue_form.has_changed():
                issue = issue_form.instance
                issue.corrected_fields = _remember(issue.corrected_fields, issue_form.changed_data, ISSUE_FIELDS)
        super().save_formset(request, form, formset, change)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # The letter's `modified` stamp must move even when only an inline changed.
        form.instance.save(update_fields=["modified"])
        _follow_in_index(request, [form.instance.pk], LetterChange.CORRECTED if change else LetterChange.NEW)

    @admin.action(description="Re-parse the selected letters (keep corrections)")
    def reparse_selected(self, request: HttpRequest, queryset: QuerySet[Letter]) -> None:
        self._reparse(request, queryset, keep_corrections=True)

    @admin.action(description="Re-parse and discard corrections")
    def reparse_discarding_corrections(self, request: HttpRequest, queryset: QuerySet[Letter]) -> None:
        self._reparse(request, queryset, keep_corrections=False)

    def _reparse(self, request: HttpRequest, queryset: QuerySet[Letter], keep_corrections: bool) -> None:
        results = [reparse_letter(letter, keep_corrections) for letter in queryset]  # each records its change
        sync_after_commit(_warn_unindexed(request))
        failed = [f"{r.name}: {r.reason}" for r in results if r.failed]
        self.message_user(request, f"Re-parsed {len(results) - len(failed)} letter(s).")
        for failure in failed:
            self.message_user(request, failure, level="error")


class CitationInline(admin.StackedInline):
    """A citation in three short lines (a table of ten columns was twice as wide as the window)."""

    model = Citation
    form = CitationForm
    extra = 0
    fields = (("ordinal", "source", "mtus"), ("guideline", "pages"), ("chapter", "edition", "section"),
              ("span_start", "span_end"))
    readonly_fields = ("span_start", "span_end")


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    form = IssueForm
    list_display = ("treatment", "category", "outcome", "outcome_stated", "letter")
    list_filter = ("outcome", "category", "outcome_stated")
    search_fields = ("treatment", "treatment_normalized", "letter__case_number")
    raw_id_fields = ("letter",)
    inlines = [CitationInline]

    def save_model(self, request: HttpRequest, obj: Issue, form, change: bool) -> None:
        if change:
            obj.corrected_fields = _remember(obj.corrected_fields, form.changed_data, ISSUE_FIELDS)
        super().save_model(request, obj, form, change)

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        if formset.has_changed():
            issue = form.instance
            issue.corrected_fields = _remember(issue.corrected_fields, ["citations"], {"citations"})
            issue.save(update_fields=["corrected_fields"])
        super().save_formset(request, form, formset, change)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        _sync_cited_pages(form.instance)
        form.instance.letter.save(update_fields=["modified"])
        _follow_in_index(request, [form.instance.letter_id])

    def delete_model(self, request: HttpRequest, obj: Issue) -> None:
        _delete_parts(request, Issue.objects.filter(pk=obj.pk), "letter_id")

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Issue]) -> None:
        _delete_parts(request, queryset, "letter_id")


def _warn_unindexed(request: HttpRequest) -> Callable[[str], None]:
    """Tells the admin that a save went through but the search index could not follow yet."""
    def warn(reason: str) -> None:
        messages.warning(request, f"Saved, but searches show the old version for now: {reason}. "
                                  "manage.py sync_index (from cron or --follow) applies the change.")
    return warn


def _follow_in_index(request: HttpRequest, letter_ids: Iterable[int],
                     kind: str = LetterChange.CORRECTED) -> None:
    """Record the letters' change in the current transaction; the index applies it once that commits."""
    record_changes(letter_ids, kind)
    sync_after_commit(_warn_unindexed(request))


def _delete_parts(request: HttpRequest, parts: QuerySet, letter_field: str) -> None:
    """Delete issues or citations: their letters changed, their stamps move and the index follows."""
    with transaction.atomic():
        letter_ids = set(parts.values_list(letter_field, flat=True))
        if parts.model is Citation:
            issues = Issue.objects.filter(citations__in=parts).distinct()
            for issue in issues:
                issue.corrected_fields = _remember(issue.corrected_fields, ["citations"], {"citations"})
                issue.save(update_fields=["corrected_fields"])
        parts.delete()
        for letter in Letter.objects.filter(pk__in=letter_ids):
            letter.save(update_fields=["modified"])
        _follow_in_index(request, letter_ids)


def _remember(corrected: list[str], changed: list[str], correctable: set[str]) -> list[str]:
    return sorted(set(corrected) | (set(changed) & correctable))


def _sync_cited_pages(issue: Issue) -> None:
    """Make the CitedPage rows of an edited issue match its citations' pages."""
    CitedPage.objects.filter(citation__issue=issue).delete()
    CitedPage.objects.bulk_create([
        CitedPage(citation=citation, guideline_id=citation.guideline_id, issue_id=issue.id, page=int(page))
        for citation in issue.citations.all()
        for page in sorted(set(citation.pages or []))
    ])


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    form = CitationForm
    list_display = ("__str__", "source", "mtus", "issue")
    list_filter = ("guideline", "source", "mtus")
    search_fields = ("chapter", "section", "issue__letter__case_number")
    raw_id_fields = ("issue",)
    readonly_fields = ("span_start", "span_end")

    def save_model(self, request: HttpRequest, obj: Citation, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        issue = obj.issue
        issue.corrected_fields = _remember(issue.corrected_fields, ["citations"], {"citations"})
        issue.save(update_fields=["corrected_fields"])
        _sync_cited_pages(issue)
        issue.letter.save(update_fields=["modified"])
        _follow_in_index(request, [issue.letter_id])

    def delete_model(self, request: HttpRequest, obj: Citation) -> None:
        _delete_parts(request, Citation.objects.filter(pk=obj.pk), "issue__letter_id")

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Citation]) -> None:
        _delete_parts(request, queryset, "issue__letter_id")


@admin.register(Guideline)
class GuidelineAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    def save_model(self, request: HttpRequest, obj: Guideline, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data:  # every citing item's document holds the slug
            citing = Letter.objects.filter(issues__citations__guideline=obj).distinct()
            _follow_in_index(request, citing.values_list("id", flat=True))
