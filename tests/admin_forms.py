"""Fill an admin change form as the browser would: every field with its current value."""

from __future__ import annotations

from django.forms import BaseForm


def _form_data(form: BaseForm) -> dict[str, object]:
    data: dict[str, object] = {}
    for name, field in form.fields.items():
        value = form[name].value()  # as the widget shows it, e.g. JSON text
        key = form.add_prefix(name)
        if field.show_hidden_initial:  # fields with a callable default carry their initial value
            data[form.add_initial_prefix(name)] = value
        if getattr(field.widget, "allow_multiple_selected", False):  # a list of checkboxes or a multiple select
            data[key] = list(value or [])
        elif getattr(field.widget, "input_type", None) == "checkbox":
            if value:
                data[key] = "on"
        elif isinstance(value, list | tuple):
            data[key] = list(value)
        elif value is not None:
            data[key] = value
    return data


def change_form_data(response) -> dict[str, object]:
    """POST data reproducing an admin change page's main form and its inlines unchanged."""
    data = _form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form_data(formset.management_form))
        for form in formset.forms:
            data.update(_form_data(form))
    return data
