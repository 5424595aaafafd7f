"""Display helpers of the analytics templates: rates as percentages, numbers linked to their search."""

from __future__ import annotations

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.html import format_html

from imr_archive.analytics import charts
from imr_archive.analytics.breakdowns import GUIDELINE_NAMES

register = template.Library()


@register.filter
def percent(rate: float) -> str:
    return charts.percent(rate)


@register.filter
def proportion(rate: float) -> str:
    """A rate as the data-* hooks and the CSV hold it: four decimals."""
    return f"{rate:.4f}"


@register.filter
def guideline_name(slug: str) -> str:
    return GUIDELINE_NAMES.get(slug, slug)


@register.simple_tag
def count_link(url: str | None, value: int | str, cell: str) -> str:
    """The number, linked to the search giving it (the link names its `cell`); a zero or a number no search
    can give, plain."""
    shown = intcomma(value) if isinstance(value, int) else value
    if not url or value == 0:
        return format_html("{}", shown)
    return format_html('<a href="{}" data-cell="{}">{}</a>', url, cell, shown)
