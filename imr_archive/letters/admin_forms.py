"""Admin form fields for the values stored as JSON: edited as a person writes them, never as raw JSON.

    pages                "98, 99-101"            -> [98, 99, 100, 101]
    diagnoses, states    one per line            -> ["lumbar radiculopathy", ...]
    corrected fields     a checkbox per field    -> ["outcome", "citations"]
"""

from __future__ import annotations

import re

from django import forms
from django.contrib.admin.widgets import AdminTextareaWidget

from imr_archive.letters.models import Citation, Issue, Letter
from imr_archive.letters.store import ISSUE_FIELDS, LETTER_FIELDS

MAX_PAGE = 9999
MAX_RANGE = 500  # pages in one range: a typo such as 98-9800 is refused rather than stored as 9,703 rows
_PAGE_PART = re.compile(r"(\d+)(?:\s*[-\u2013]\s*(\d+))?")


def page_text(pages: list[int]) -> str:
    """[98, 99, 100, 110] -> "98-100, 110"."""
    runs: list[list[int]] = []
    for page in sorted(set(pages)):
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


class PagesField(forms.CharField):
    """Cited pages as a reader writes them: numbers and ranges separated by commas."""

    widget = forms.TextInput(attrs={"size": 12, "placeholder": "98, 99-101"})

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "Numbers or ranges, separated by commas: 98, 99-101.")
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return page_text(value)
        return value

    def to_python(self, value) -> list[int]:
        text = super().to_python(value)
        pages: set[int] = set()
        for part in filter(None, (p.strip() for p in re.split(r"[,;]", text or ""))):
            match = _PAGE_PART.fullmatch(part)
            if not match:
                raise forms.ValidationError(f"“{part}” is not a page or a range of pages, such as 98 or 99-101.",
                                            code="invalid")
            first, last = int(match.group(1)), int(match.group(2) or match.group(1))
            if not 1 <= first <= last <= MAX_PAGE:
                raise forms.ValidationError(f"“{part}”: pages run from 1 to {MAX_PAGE}, the first of a range "
                                            "before its last.", code="invalid")
            if last - first >= MAX_RANGE:
                raise forms.ValidationError(f"“{part}” is {last - first + 1} pages: a range has at most {MAX_RANGE}.",
                                            code="invalid")
            pages.update(range(first, last + 1))
        return sorted(pages)


class LinesField(forms.CharField):
    """A list of short texts, one per line."""

    widget = AdminTextareaWidget(attrs={"rows": 4, "cols": 60})

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "One per line.")
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(str(v) for v in value)
        return value

    def to_python(self, value) -> list[str]:
        text = super().to_python(value) or ""
        return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _field_choices(model, names: frozenset[str]) -> list[tuple[str, str]]:
    return [(name, str(model._meta.get_field(name).verbose_name).capitalize()) for name in sorted(names)]


class CorrectedFieldsForm(forms.ModelForm):
    """`corrected_fields` as a checkbox per correctable field (and any other name already stored)."""

    correctable: list[tuple[str, str]] = []

    corrected_fields = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label="Corrected fields",
        help_text="Fields kept when the letter is re-parsed. Changing a field ticks it; untick one to let the next "
                  "re-parse read it again.")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        stored = [(name, name) for name in (self.instance.corrected_fields or [])
                  if name not in dict(self.correctable)]
        self.fields["corrected_fields"].choices = [*self.correctable, *stored]


class LetterForm(CorrectedFieldsForm):
    correctable = _field_choices(Letter, LETTER_FIELDS)
    reviewer_licensure = LinesField(label="Licensed in", help_text="One state per line.")
    diagnoses = LinesField(help_text="One diagnosis per line.")

    class Meta:
        model = Letter
        fields = ("reviewer_licensure", "diagnoses", "corrected_fields")  # the admin's fieldsets name the others


class IssueForm(CorrectedFieldsForm):
    correctable = [*_field_choices(Issue, ISSUE_FIELDS), ("citations", "Citations")]

    class Meta:
        model = Issue
        fields = ("letter", "ordinal", "treatment", "treatment_normalized", "category", "outcome", "outcome_stated",
                  "rationale", "claims_administrator_guideline", "reviewer_guideline", "corrected_fields")


class CitationForm(forms.ModelForm):
    """A citation in one line of the item's table: short inputs, pages as text."""

    pages = PagesField()

    class Meta:
        model = Citation
        fields = ("issue", "ordinal", "source", "guideline", "mtus", "edition", "chapter", "section", "pages")
        # Plain inputs, not the admin's wide ones (vTextField): a citation fits one row of the item's table.
        widgets = {
            "edition": forms.TextInput(attrs={"size": 8}),
            "chapter": forms.TextInput(attrs={"size": 22}),
            "section": forms.TextInput(attrs={"size": 8}),
            "ordinal": forms.NumberInput(attrs={"style": "width: 3.5em"}),
        }
