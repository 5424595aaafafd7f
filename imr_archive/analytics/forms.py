"""The analytics page's own parameters (the search's are SearchFilterSet's): which breakdown, and what narrows it.

    by              category | treatment | guideline | page | specialty | year | month | age | sex
    for_guideline   page: whose pages (a guideline slug); by default the search's one guideline,
                    else the one its matches cite most
    for_year        month: which year; by default the search's one year, else its matches' latest
    treatment_like  treatment: list the normalized names holding this text instead of the most disputed
"""

from __future__ import annotations

from django import forms

from imr_archive.analytics.breakdowns import DEFINITIONS
from imr_archive.web.filters import GUIDELINE_CHOICES, no_nul, utf8_only, year_choices

DEFAULT_BREAKDOWN = "category"


class AnalyticsForm(forms.Form):
    by = forms.ChoiceField(label="Breakdown", required=False,
                           choices=[(d.name, d.label) for d in DEFINITIONS.values()])
    for_guideline = forms.ChoiceField(label="Pages of", required=False, choices=GUIDELINE_CHOICES)
    for_year = forms.TypedChoiceField(label="Months of", required=False, coerce=int, empty_value=None,
                                      choices=year_choices)
    treatment_like = forms.CharField(label="Treatments holding", required=False, max_length=120, strip=True,
                                     validators=[no_nul, utf8_only])

    def breakdown_name(self) -> str:
        return self.cleaned_data.get("by") or DEFAULT_BREAKDOWN

    def containing(self) -> str:
        """The treatment text, as normalized names hold it: lower case, single spaces."""
        return " ".join((self.cleaned_data.get("treatment_like") or "").lower().split())
