"""Keyset pages of a sorted search: ?after=<key>~<id> reads the next page from an index range, so page
500 costs what page 1 costs. The URLs stay plain GET links; ?page= only numbers the page shown."""
from dataclasses import dataclass
from datetime import date, datetime

from django.core.cache import cache
from django.http import Http404

PER_PAGE = 20
MAX_PAGE_NUMBER = 10**6
PARSERS = {"relevance": float, "recent": datetime.fromisoformat, "start": date.fromisoformat, "enrollment": int}
PAGE_TIMEOUT = 24 * 3600  # keys hold the catalogue version; the timeout only clears old versions


def encode(sort, trial):
    key = trial.sort_key
    text = repr(key) if sort == "relevance" else key.isoformat() if hasattr(key, "isoformat") else str(key)
    return f"{text}~{trial.pk}"


def decode(sort, cursor):
    """(key, id) from a cursor; a cursor that is not one is a page that does not exist."""
    try:
        text, pk = cursor.rsplit("~", 1)
        return PARSERS[sort](text), int(pk)
    except (ValueError, KeyError, OverflowError):
        raise Http404("No such page of results.")


def page_number(params):
    try:
        return min(max(int(params.get("page", 1)), 1), MAX_PAGE_NUMBER)
    except ValueError:
        return 1


@dataclass
class Page:
    trials: list
    number: int
    next_cursor: str | None
    previous_cursor: str | None
    has_previous: bool


def locate(qs, sort, params, per_page):
    """(trials of the page, has_previous, has_next), read from an index range of the sorted `qs`."""
    if params.get("before"):
        trials = list(qs.before(*decode(sort, params["before"]))[: per_page + 1])
        return trials[:per_page][::-1], len(trials) > per_page, True
    if params.get("after"):
        qs = qs.after(*decode(sort, params["after"]))
    trials = list(qs[: per_page + 1])
    return trials[:per_page], bool(params.get("after")), len(trials) > per_page


def paginate(qs, sort, params, per_page=PER_PAGE, cache_key=None):
    """One page of `qs` (already sorted_by(sort)), located by ?after= or ?before=.

    With a cache_key (which must change with the catalogue and the search), the page's trial ids are
    kept in the cache: asked again, the page reads those trials by primary key instead of ranking or
    sorting every match again.
    """
    number = page_number(params)
    located = cache.get(cache_key) if cache_key else None
    if located is None:
        trials, has_previous, has_next = locate(qs, sort, params, per_page)
        if cache_key:
            cache.set(cache_key, ([trial.pk for trial in trials], has_previous, has_next), PAGE_TIMEOUT)
    else:
        ids, has_previous, has_next = located
        trials = list(qs.filter(pk__in=ids)) if ids else []
    if not has_previous:
        number = 1
    return Page(
        trials=trials,
        number=number,
        next_cursor=encode(sort, trials[-1]) if has_next and trials else None,
        previous_cursor=encode(sort, trials[0]) if has_previous and trials else None,
        has_previous=has_previous,
    )
