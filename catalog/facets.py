"""Facet counts and active-filter chips of a search, computed disjunctively.

An option's count is the number of trials matching every other active filter and that option:
ticking a second option of the same facet (OR) never leads to an empty page. One query per facet.
"""
from dataclasses import dataclass, field
from functools import cache

import pycountry

from trials.choices import Phase, Status, StudyType, Subsite

# Long facets show their most common options first and the rest behind "show all".
TOP_OPTIONS = 8
ALL_OPTIONS = 500
# Query-string parameters that locate a page of results rather than choose them.
PAGE_PARAMS = ("after", "before", "page")


@cache
def country_name(code):
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or getattr(country, "name", code) if country else code


LABELS = {
    "status": dict(Status.choices),
    "phase": dict(Phase.choices),
    "subsite": dict(Subsite.choices),
    "study_type": dict(StudyType.choices),
}
# Facets whose options are a fixed vocabulary are shown in its order, not by count.
ORDERED = {"status": list(Status.values), "phase": list(Phase.values), "subsite": list(Subsite.values),
           "study_type": list(StudyType.values)}
TITLES = {
    "status": "Recruitment status",
    "phase": "Phase",
    "subsite": "Head and neck subsite",
    "drug": "Drug",
    "country": "Country",
    "study_type": "Study type",
}


def option_label(name, value):
    if name == "country":
        return country_name(value)
    if name == "drug":
        return value[:1].upper() + value[1:]
    return LABELS[name].get(value, value)


def url_with(params, **changes):
    """The query string of `params` with some parameters replaced (a list) or removed (None); page reset."""
    query = params.copy()
    for key in PAGE_PARAMS:
        query.pop(key, None)
    for key, values in changes.items():
        query.pop(key, None)
        if values:
            query.setlist(key, values)
    return "?" + query.urlencode() if query else "?"


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    url: str  # the search with this option toggled


@dataclass
class Facet:
    name: str
    title: str
    options: list = field(default_factory=list)
    more: int = 0  # options left out of a short list
    expanded: bool = False
    show_all_url: str = ""
    show_less_url: str = ""
    total_without: int = 0  # trials matching every other filter, whatever this facet's choice

    @property
    def active(self):
        return any(option.selected for option in self.options)


@dataclass
class Chip:
    label: str
    url: str  # the search without this filter


def build_facets(filterset, params):
    """Every facet of the search page, with its options, counts and toggle URLs."""
    base = filterset.queryset
    expanded = set(params.getlist("expand"))
    facets = []
    for name, model_field in filterset.FACETS.items():
        selected = filterset.form.cleaned_data.get(name) or []
        long_facet = name not in ORDERED
        limit = (ALL_OPTIONS if name in expanded else TOP_OPTIONS) if long_facet else None
        scope = filterset.filter_queryset(base, exclude={name})
        total, distinct, counts = scope.facet_counts(model_field, selected=selected, limit=limit)
        by_value = dict(counts)
        for value in selected:
            by_value.setdefault(value, 0)
        values = list(by_value)
        if not long_facet:
            values = [v for v in ORDERED[name] if v in by_value]
        facet = Facet(name=name, title=TITLES[name], total_without=total)
        for value in values:
            chosen = value in selected
            toggled = [v for v in selected if v != value] if chosen else [*selected, value]
            facet.options.append(
                Option(value, option_label(name, value), by_value[value], chosen, url_with(params, **{name: toggled}))
            )
        if long_facet:
            facet.more = max(distinct - len(counts), 0)
            facet.expanded = name in expanded
            facet.show_all_url = url_with(params, expand=list(dict.fromkeys([*params.getlist("expand"), name])))
            facet.show_less_url = url_with(params, expand=[e for e in params.getlist("expand") if e != name])
        facets.append(facet)
    return facets


def build_chips(filterset, params, facets):
    """The active filters as removable chips, facet options first, then the words and the age."""
    chips = []
    for facet in facets:
        for option in facet.options:
            if option.selected:
                chips.append(Chip(f"{facet.title}: {option.label}", option.url))
    data = filterset.form.cleaned_data
    if data.get("q"):
        chips.append(Chip(f"Words: “{data['q']}”", url_with(params, q=None)))
    if data.get("age") is not None:
        chips.append(Chip(f"Eligible at age {data['age'].normalize():f}", url_with(params, age=None)))
    return chips


def describe(filterset):
    """The active filters in words, e.g. ['Recruitment status: Recruiting', 'Words: “cetuximab”']."""
    data = filterset.form.cleaned_data
    labels = [
        f"{TITLES[name]}: {option_label(name, value)}" for name in filterset.FACETS for value in data.get(name) or []
    ]
    if data.get("q"):
        labels.append(f"Words: “{data['q']}”")
    if data.get("age") is not None:
        labels.append(f"Eligible at age {data['age'].normalize():f}")
    return labels


def suggestions(params, facets):
    """For an empty result: the facets whose removal would find trials, and how many, most first."""
    found = [
        (facet, url_with(params, **{facet.name: None})) for facet in facets if facet.active and facet.total_without
    ]
    return sorted(found, key=lambda pair: -pair[0].total_without)


def result_count(filterset, facets):
    """The number of trials found: any facet without a choice of its own has counted them already."""
    for facet in facets:
        if not facet.active:
            return facet.total_without
    return filterset.qs.order_by().count()
