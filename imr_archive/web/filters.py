"""The search parameters: one FilterSet defines and validates every one of them.

The search page and the JSON API both hand the request's query string to
`SearchFilterSet`; a valid one becomes a `SearchQuery` (`search_query()`),
which the search service answers. An invalid value is a form error, shown
to the user; it is never silently dropped.

Parameters (all optional; a list parameter may be repeated and its values
combine with OR, different parameters combine with AND):

    q                   words, phrases, AND/OR/NOT, field:value (query_text.py);
                        at most 500 characters and 50 words
    outcome             upheld | overturned | partial | unknown          (list)
    category            a treatment category of vocabulary.CATEGORIES   (list)
    treatment           a normalized treatment name, exact but for case (list)
    guideline           a guideline slug of vocabulary.GUIDELINES       (list)
    page                a cited guideline page, 1 to 9999; needs `guideline`
    chapter             a canonical chapter of the guideline (its slug, as the
                        guideline's page links it); needs `guideline`
    mtus                yes (cites an MTUS guideline) | no (cites none)
    specialty           a reviewer specialty of vocabulary.SPECIALTIES  (list)
    year                a decision year, 2013 to next year, or none    (list)
                        (none: the letter states no decision date)
    decision_after      decided on or after this date (YYYY-MM-DD)
    decision_before     decided on or before this date
    injury_after        injured on or after this date
    injury_before       injured on or before this date
    sex                 female | male
    age_min, age_max    patient age in years, 0 to 120, min <= max
    case                a case number (CM13-0001234) or its beginning (CM13), any letter case
    sort                relevance | newest | oldest
    p                   the results page, 1 to 1000

Free text (q, treatment, case) holding a NUL byte or what was not UTF-8
in the request is an error too, as is a number outside its bounds: no value
reaches the database or a search engine unchecked.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import django_filters
from django import forms
from django.core.validators import ProhibitNullCharactersValidator, validate_slug
from django.db.models import QuerySet
from django.utils import timezone
from django_filters.fields import MultipleChoiceField, RangeField
from django_filters.widgets import RangeWidget

from imr_archive.letters.models import Issue
from imr_archive.parsing import vocabulary
from imr_archive.search.database import DatabaseSearch
from imr_archive.search.query import NO_YEAR, SORT_NEWEST, SORT_OLDEST, SORT_RELEVANCE, SearchQuery

PER_PAGE = 20
# Past this page a results list would be a walk through tens of thousands of items: narrowing the search,
# or another sort, finds them. It also bounds the offset a search engine is asked to skip.
MAX_RESULTS_PAGE = 1000
MAX_GUIDELINE_PAGE = 9999  # cited pages are read up to 1999 (parsing/citation_parts.py)
MAX_QUERY_CHARACTERS = 500
MAX_QUERY_WORDS = 50
FIRST_YEAR = 2013
MAX_AGE = 120

OUTCOME_LABELS = dict(Issue.OUTCOME_CHOICES)
NO_YEAR_LABEL = "No decision date"
SORT_CHOICES = [
    (SORT_RELEVANCE, "Relevance"),
    (SORT_NEWEST, "Newest first"),
    (SORT_OLDEST, "Oldest first"),
]
GUIDELINE_CHOICES = [(g.slug, g.short_name) for g in vocabulary.GUIDELINES]


def year_choices() -> list[tuple[str, str]]:
    """Decision years a letter can have (the program began in 2013), and none for a letter stating no date."""
    years = [(str(y), str(y)) for y in range(timezone.localdate().year + 1, FIRST_YEAR - 1, -1)]
    return [*years, (NO_YEAR, NO_YEAR_LABEL)]


# -- validators ---------------------------------------------------------------
# Django's CharField refuses a NUL byte (no database stores one) itself; a list of free text needs it said.

no_nul = ProhibitNullCharactersValidator()

_WORD = re.compile(r"\w+")


def utf8_only(value: str) -> None:
    """Refuse U+FFFD: Django puts it for bytes of the request that are not UTF-8 (no one types it)."""
    if "\ufffd" in value:
        raise forms.ValidationError("Contains bytes that are not UTF-8 text.", code="not_utf8")


def at_most_query_words(value: str) -> None:
    words = len(_WORD.findall(value))
    if words > MAX_QUERY_WORDS:
        raise forms.ValidationError(f"Has {words} words; a search has at most {MAX_QUERY_WORDS}.",
                                    code="too_many_words")


# -- fields -----------------------------------------------------------------


class ValuesField(MultipleChoiceField):
    """Several values of one parameter; empty values (`?outcome=`) are ignored, anything else must be a choice."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value):
        return [v for v in super().to_python(value) if v.strip()]


class TextValuesField(forms.Field):
    """Several free-text values of one parameter (`?treatment=a&treatment=b`)."""

    widget = forms.MultipleHiddenInput
    max_length = 120

    def to_python(self, value) -> list[str]:
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        values = [" ".join(str(v).split()) for v in value]
        return list(dict.fromkeys(v for v in values if v))

    def validate(self, value: list[str]) -> None:
        super().validate(value)
        for v in value:
            no_nul(v)
            utf8_only(v)
            if len(v) > self.max_length:
                raise forms.ValidationError(f"A value is longer than {self.max_length} characters.", code="max_length")


class AgeRangeField(RangeField):
    """age_min / age_max: whole years from 0 to 120."""

    widget = RangeWidget

    def __init__(self, *args, **kwargs):
        fields = (
            forms.IntegerField(min_value=0, max_value=MAX_AGE),
            forms.IntegerField(min_value=0, max_value=MAX_AGE),
        )
        super().__init__(fields, *args, **kwargs)


# -- filters ----------------------------------------------------------------
# Filtering itself is done once, for every parameter together, by the search
# layer (SearchFilterSet.filter_queryset); these filters define and validate.


class IntegerFilter(django_filters.Filter):
    field_class = forms.IntegerField


class ValuesFilter(django_filters.MultipleChoiceFilter):
    field_class = ValuesField


class TextValuesFilter(django_filters.Filter):
    field_class = TextValuesField


class AgeRangeFilter(django_filters.RangeFilter):
    field_class = AgeRangeField


class SearchForm(forms.Form):
    """Rules that concern several parameters at once."""

    def clean(self):
        data = super().clean()
        if data.get("page") is not None and not data.get("guideline") and "guideline" not in self.errors:
            self.add_error("page", "A guideline page needs a guideline: add guideline=<slug>.")
        if data.get("chapter") and not data.get("guideline") and "guideline" not in self.errors:
            self.add_error("chapter", "A chapter needs its guideline: add guideline=<slug>.")
        age = data.get("age")
        if age and age.start is not None and age.stop is not None and age.start > age.stop:
            self.add_error("age", "The minimum age is above the maximum age.")
        for name in ("decision", "injury"):
            span = data.get(name)
            if span and span.start and span.stop and span.start > span.stop:
                self.add_error(name, "The start date is after the end date.")
        return data


def _date(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


class SearchFilterSet(django_filters.FilterSet):
    """Every search parameter of the site (see the module's docstring)."""

    q = django_filters.CharFilter(label="Words", max_length=MAX_QUERY_CHARACTERS,
                                  validators=[utf8_only, at_most_query_words],
                                  help_text=f"At most {MAX_QUERY_CHARACTERS} characters and {MAX_QUERY_WORDS} words.")
    outcome = ValuesFilter(label="Outcome", choices=Issue.OUTCOME_CHOICES)
    category = ValuesFilter(label="Category", choices=Issue.CATEGORY_CHOICES)
    treatment = TextValuesFilter(label="Treatment")
    guideline = ValuesFilter(label="Guideline", choices=GUIDELINE_CHOICES)
    page = IntegerFilter(label="Guideline page", min_value=1, max_value=MAX_GUIDELINE_PAGE)
    chapter = django_filters.CharFilter(label="Guideline chapter", max_length=80, validators=[validate_slug])
    mtus = django_filters.ChoiceFilter(label="Cites the MTUS", choices=[("yes", "Yes"), ("no", "No")],
                                       empty_label="Either")
    specialty = ValuesFilter(label="Reviewer specialty", choices=[(s, s) for s in vocabulary.SPECIALTIES])
    year = ValuesFilter(label="Decision year", choices=year_choices)
    decision = django_filters.DateFromToRangeFilter(label="Decision date")
    injury = django_filters.DateFromToRangeFilter(label="Injury date")
    sex = django_filters.ChoiceFilter(label="Patient sex", choices=[("female", "Female"), ("male", "Male")],
                                      empty_label="Either")
    age = AgeRangeFilter(label="Patient age")
    case = django_filters.CharFilter(label="Case number", max_length=32, validators=[utf8_only],
                                     help_text="A case number, or its beginning: CM14 finds every case of 2014.")
    sort = django_filters.ChoiceFilter(label="Sort", choices=SORT_CHOICES, empty_label=None)
    p = IntegerFilter(label="Results page", min_value=1, max_value=MAX_RESULTS_PAGE)

    class Meta:
        model = Issue
        fields: list[str] = []
        form = SearchForm

    def search_query(self) -> SearchQuery:
        """The validated search; call only when `is_valid()`."""
        data = self.form.cleaned_data
        decision = data.get("decision") or slice(None, None)
        injury = data.get("injury") or slice(None, None)
        age = data.get("age") or slice(None, None)
        return SearchQuery(
            q=" ".join((data.get("q") or "").split()),
            outcome=tuple(data.get("outcome") or ()),
            category=tuple(data.get("category") or ()),
            guideline=tuple(data.get("guideline") or ()),
            specialty=tuple(data.get("specialty") or ()),
            year=tuple(None if y == NO_YEAR else int(y) for y in data.get("year") or ()),
            # Normalized treatment names are lower case (parsing/treatment_names.py): "Norco" finds "norco".
            treatment=tuple(dict.fromkeys(t.lower() for t in data.get("treatment") or ())),
            page=data.get("page"),
            chapter=data.get("chapter") or "",
            mtus={"yes": True, "no": False}.get(data.get("mtus") or ""),
            decision_from=_date(decision.start),
            decision_to=_date(decision.stop),
            injury_from=_date(injury.start),
            injury_to=_date(injury.stop),
            sex=data.get("sex") or None,
            age_min=age.start,
            age_max=age.stop,
            case_number=(data.get("case") or "").strip(),
            sort=data.get("sort") or SORT_RELEVANCE,
            page_number=data.get("p") or 1,
            per_page=PER_PAGE,
        )

    def filter_queryset(self, queryset: QuerySet[Issue]) -> QuerySet[Issue]:
        """Every filter at once, by the search layer's one implementation of them.

        Words (`q`) are matched by the full-text backend through
        `service.search`; the database backend has no text condition, so this
        queryset applies every other parameter. An invalid form filters out
        everything rather than ignoring the bad value.
        """
        if not self.is_valid():
            return queryset.none()
        return queryset & DatabaseSearch().filtered(self.search_query())
