"""Keyset pages of a sorted search: ?after=<key>~<id> reads the next page from an index range, so page
500 costs what page 1 costs. The URLs stay plain GET links; ?page= only numbers the page shown."""
from dataclasses import dataclass
from datetime import date, datetime

from django.http import Http404

PER_PAGE = 20
MAX_PAGE_NUMBER = 10**6
PARSERS = {"relevance": float, "recent": datetime.fromisoformat, "start": date.fromisoformat, "enrollment": int}


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


def paginate(qs, sort, params, per_page=PER_PAGE):
    """One page of `qs` (already sorted_by(sort)), located by ?after= or ?before=."""
    number = page_number(params)
    if params.get("before"):
        trials = list(qs.before(*decode(sort, params["before"]))[: per_page + 1])
        has_previous = len(trials) > per_page
        trials = trials[:per_page][::-1]
        has_next = True
    else:
        if params.get("after"):
            qs = qs.after(*decode(sort, params["after"]))
        trials = list(qs[: per_page + 1])
        has_previous = bool(params.get("after"))
        has_next = len(trials) > per_page
        trials = trials[:per_page]
    if not has_previous:
        number = 1
    return Page(
        trials=trials,
        number=number,
        next_cursor=encode(sort, trials[-1]) if has_next and trials else None,
        previous_cursor=encode(sort, trials[0]) if has_previous and trials else None,
        has_previous=has_previous,
    )
