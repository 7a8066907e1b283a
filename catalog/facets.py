"""Facet counts and active-filter chips of a search, computed disjunctively.

An option's count is the number of trials matching every other active filter and that option:
ticking a second option of the same facet (OR) never leads to an empty page. The facets without a
choice are counted together in one pass over the search's trials; each facet with a choice needs
one more pass, over the trials of every other filter. The counts and the number of results are
cached under the catalogue version and the normalised filters (search_counts), so a search asked
again costs one cache read until the next write to the catalogue.
"""
import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

import pycountry
from django.core.cache import cache as counts_cache
from django.db import transaction

from trials.choices import Phase, Status, StudyType, Subsite
from trials.models import CatalogueVersion, Trial

# Long facets show their most common options first and the rest behind "show all".
TOP_OPTIONS = 8
ALL_OPTIONS = 500
# Query-string parameters that locate a page of results rather than choose them.
PAGE_PARAMS = ("after", "before", "page")
# Cached counts outlive no catalogue version (the key holds it); the timeout only clears old versions.
COUNTS_TIMEOUT = 24 * 3600


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


def filter_key(data):
    """The filters of a search in a canonical form: same trials, same key (order, blanks and case aside)."""
    parts = []
    for name, value in sorted(data.items()):
        if value in (None, "", []):
            continue
        if isinstance(value, list):
            value = sorted(value)
        elif isinstance(value, Decimal):
            value = format(value.normalize(), "f")
        parts.append([name, value])
    return json.dumps(parts)


def counts_key(version, data, kind="search-counts"):
    return f"{kind}:{version}:{hashlib.sha256(filter_key(data).encode()).hexdigest()}"


def search_filters(filterset):
    """The filters of a valid search as cache keys see them (filter_key)."""
    data = {name: value for name, value in filterset.form.cleaned_data.items() if name != "q"}
    data["q"] = filterset.tsquery  # the words as searched: stemmed, typos resolved, stop words gone
    return data


def page_key(version, data, sort, params):
    """The cache key of one page of a search's results (catalog.pagination.paginate)."""
    where = {name: params.get(name) for name in ("after", "before")}
    return counts_key(version, {**data, **where, "sort": sort}, kind="search-page")


def search_counts(filterset, version=None, data=None):
    """{"count": trials found, "facets": {name: (trials of every other filter, [(value, n), ...])}}.

    Read from the cache under (catalogue version, filters), or counted and cached. Options are
    most common first; every option of every facet is kept, so "show all" needs no other count.
    """
    data = search_filters(filterset) if data is None else data
    version = CatalogueVersion.current() if version is None else version
    key = counts_key(version, data)
    counts = counts_cache.get(key)
    if counts is None:
        counts = count_search(filterset, version, data)
        counts_cache.set(key, counts, COUNTS_TIMEOUT)
    return counts


def count_search(filterset, version, data):
    fields = filterset.FACETS
    chosen = [name for name in fields if data.get(name)]
    free = [name for name in fields if not data.get(name)]
    total, found = filterset.filter_queryset(filterset.queryset).facet_counts([fields[name] for name in free])
    facets = {name: (total, found[fields[name]]) for name in free}
    for name in chosen:
        # Counted over the trials of every other filter: the counts of that search if they are cached
        # (the home page's for a single choice), else one pass for this facet alone.
        cached = counts_cache.get(counts_key(version, {**data, name: None}))
        if cached:
            facets[name] = cached["facets"][name]
            continue
        scope = filterset.filter_queryset(filterset.queryset, exclude={name})
        without, found = scope.facet_counts([fields[name]])
        facets[name] = (without, found[fields[name]])
    return {"count": total, "facets": facets}


def warm_counts():
    """Count the home page (no filter) into the cache for the current version: after an import batch,
    a synthetic load or an admin edit, so that no reader pays for the broadest count."""
    from catalog.filters import TrialFilter

    filterset = TrialFilter({}, queryset=Trial.objects.for_listing())
    filterset.is_valid()
    return search_counts(filterset)


def warm_counts_after_commit():
    transaction.on_commit(warm_counts)


def build_facets(filterset, params, counts):
    """Every facet of the search page, with its options, counts and toggle URLs."""
    expanded = set(params.getlist("expand"))
    facets = []
    for name in filterset.FACETS:
        selected = filterset.form.cleaned_data.get(name) or []
        long_facet = name not in ORDERED
        total, all_counts = counts["facets"][name]
        by_value = dict(all_counts)
        if long_facet:
            limit = ALL_OPTIONS if name in expanded else TOP_OPTIONS
            shown = [value for value in selected if value in by_value]
            shown += [value for value, _ in all_counts if value not in selected][: max(limit - len(shown), 0)]
            distinct = len(all_counts)
            by_value = {value: by_value[value] for value in shown}
            shown_count = len(by_value)
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
            facet.more = max(distinct - shown_count, 0)
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
    chips += [Chip(label, url_with(params, **{name: None})) for name, label in other_filters(filterset)]
    return chips


def other_filters(filterset):
    """(parameter, words) of the active filters that are not facet options: the words typed, the age."""
    data = filterset.form.cleaned_data
    if data.get("q"):
        yield "q", f"Words: “{data['q']}”"
    if data.get("age") is not None:
        yield "age", f"Eligible at age {data['age'].normalize():f}"


def describe(filterset):
    """The active filters in words, e.g. ['Recruitment status: Recruiting', 'Words: “cetuximab”']."""
    data = filterset.form.cleaned_data
    labels = [
        f"{TITLES[name]}: {option_label(name, value)}" for name in filterset.FACETS for value in data.get(name) or []
    ]
    return labels + [label for _, label in other_filters(filterset)]


def suggestions(params, facets):
    """For an empty result: the facets whose removal would find trials, and how many, most first."""
    found = [
        (facet, url_with(params, **{facet.name: None})) for facet in facets if facet.active and facet.total_without
    ]
    return sorted(found, key=lambda pair: -pair[0].total_without)
