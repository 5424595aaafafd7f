"""The search endpoint's query parameters for the OpenAPI schema, read from the forms that validate them.

The search page's FilterSet (imr_archive/web/filters.py) defines and checks
every search parameter; the API adds its paging form. Their form fields are
turned into OpenAPI parameters here, so the schema cannot drift from the
validation: a choice, a bound or a length is written once, in the form.
"""

from __future__ import annotations

from django import forms
from drf_spectacular.utils import OpenApiParameter

from imr_archive.web.filters import SearchFilterSet

MAX_PER_PAGE = 100


class PagingForm(forms.Form):
    """What the API adds to the search page's parameters: the size of a results page."""

    per_page = forms.IntegerField(label="Results per page", min_value=1, max_value=MAX_PER_PAGE, required=False)


def _choices(field: forms.ChoiceField) -> list[str]:
    return [str(value) for value, _ in field.choices if str(value)]


def _schema(field: forms.Field) -> dict:
    """The OpenAPI schema of one value of a form field."""
    if isinstance(field, forms.ChoiceField):
        return {"type": "string", "enum": _choices(field)}
    if isinstance(field, forms.IntegerField):
        bounds = {"minimum": field.min_value, "maximum": field.max_value}
        return {"type": "integer", **{k: v for k, v in bounds.items() if v is not None}}
    if isinstance(field, forms.DateField):
        return {"type": "string", "format": "date"}
    schema = {"type": "string"}
    if getattr(field, "max_length", None):
        schema["maxLength"] = field.max_length
    return schema


def _parameter(name: str, field: forms.Field, description: str, many: bool = False) -> OpenApiParameter:
    schema = {"type": "array", "items": _schema(field)} if many else _schema(field)
    return OpenApiParameter(name, type=schema, location=OpenApiParameter.QUERY, description=description,
                            explode=True if many else None)


def parameters_of(form: forms.Form) -> dict[str, OpenApiParameter]:
    """Query parameter name -> its OpenAPI parameter, for every field of the form."""
    found: dict[str, OpenApiParameter] = {}
    for name, field in form.fields.items():
        label = str(field.label or name)
        if isinstance(field, forms.MultiValueField):  # a range: one parameter per end (decision_after, age_min)
            for suffix, part in zip(field.widget.suffixes, field.fields, strict=True):
                found[f"{name}_{suffix}"] = _parameter(f"{name}_{suffix}", part, f"{label}: {suffix}")
        elif getattr(field.widget, "allow_multiple_selected", False):  # outcome=a&outcome=b
            found[name] = _parameter(name, field, f"{label} (repeat for several: they combine with OR)", many=True)
        else:
            found[name] = _parameter(name, field, label)
    return found


def search_parameters() -> list[OpenApiParameter]:
    """The search page's parameters with the API's paging bounds."""
    return list({**parameters_of(SearchFilterSet().form), **parameters_of(PagingForm())}.values())



def export_parameters() -> list[OpenApiParameter]:
    """The search page's parameters but the results page: an export holds every match."""
    return [p for p in parameters_of(SearchFilterSet().form).values() if p.name != "p"]
