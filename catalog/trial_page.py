"""Plain helpers of the trial page: sites grouped by country, the timeline's geometry."""
from dataclasses import dataclass
from datetime import date
from itertools import groupby

from django.utils import timezone

from catalog.facets import country_name


def sites_by_country(sites, countries):
    """[(country name, [sites])] in name order; countries with no site listed appear with none."""
    groups = {code: list(group) for code, group in groupby(sites, key=lambda site: site.country)}
    for code in countries:
        groups.setdefault(code, [])
    named = [(country_name(code) if code else "Country not given", code, group) for code, group in groups.items()]
    return sorted(named, key=lambda item: (not item[1], item[0]))


@dataclass
class Timeline:
    start: date
    end: date
    today: date
    start_x: float
    end_x: float
    today_x: float
    done_x: float  # where the elapsed part of the trial stops
    width: int = 640
    left: int = 20
    right: int = 620

    @property
    def span_width(self):
        return round(self.end_x - self.start_x, 1)

    @property
    def done_width(self):
        return round(self.done_x - self.start_x, 1)

    @property
    def phase(self):
        if self.today < self.start:
            return "not started yet"
        if self.today > self.end:
            return "past its completion date"
        done = (self.today - self.start).days / max((self.end - self.start).days, 1)
        return f"{round(done * 100)}% of the way from start to completion"


def timeline(trial, today=None):
    """Where start, completion and today fall on a line from the earliest to the latest; None without dates."""
    if not trial.start_date or not trial.completion_date or trial.completion_date < trial.start_date:
        return None
    today = today or timezone.localdate()
    first, last = min(trial.start_date, today), max(trial.completion_date, today)
    span = max((last - first).days, 1)
    left, right = Timeline.left, Timeline.right

    def x(day):
        return round(left + (right - left) * (day - first).days / span, 1)

    return Timeline(
        start=trial.start_date,
        end=trial.completion_date,
        today=today,
        start_x=x(trial.start_date),
        end_x=x(trial.completion_date),
        today_x=x(today),
        done_x=x(min(max(today, trial.start_date), trial.completion_date)),
    )
