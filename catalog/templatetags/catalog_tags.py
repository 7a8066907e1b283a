"""Template filters of the public pages: highlighted snippets, readable dates and numbers."""
import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from catalog.facets import country_name
from trials.choices import DatePrecision
from trials.querysets import HIGHLIGHT_START, HIGHLIGHT_STOP

register = template.Library()
MARKS = re.compile(f"([{HIGHLIGHT_START}{HIGHLIGHT_STOP}])")


@register.filter
def highlighted(snippet):
    """A search snippet escaped whole, its matched words then wrapped in <mark> (always balanced)."""
    html, inside = [], False
    for token in MARKS.split(str(snippet or "")):
        if token == HIGHLIGHT_START and not inside:
            html.append("<mark>")
            inside = True
        elif token == HIGHLIGHT_STOP and inside:
            html.append("</mark>")
            inside = False
        elif token not in (HIGHLIGHT_START, HIGHLIGHT_STOP):
            html.append(escape(token))
    if inside:
        html.append("</mark>")
    return mark_safe("".join(html))


@register.filter
def country(code):
    return country_name(code)


@register.filter
def partial_date(value, precision):
    """A date as precise as it is known: '3 June 2025' or 'June 2025'."""
    if not value:
        return ""
    return value.strftime("%B %Y") if precision == DatePrecision.MONTH else f"{value.day} {value:%B %Y}"


@register.filter
def age(value):
    """12.00 -> '12', 0.50 -> '0.5'."""
    return "" if value is None else f"{value.normalize():f}"
