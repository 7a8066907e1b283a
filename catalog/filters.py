"""The one FilterSet of the search page, its exports and its feed."""
from functools import cached_property

import django_filters
from django import forms

from trials.choices import Phase, Status, StudyType, Subsite
from trials.models import Trial
from trials.querysets import build_tsquery

SORTS = {
    "relevance": "Relevance",
    "recent": "Recently added",
    "start": "Start date",
    "enrollment": "Enrollment",
}
MAX_VALUES = 50


class ValuesField(forms.Field):
    """Any number of free-text values under one name (?drug=a&drug=b), trimmed, blank ones dropped.
    A NUL byte, which no PostgreSQL text holds, makes the search invalid as `q` does (CharField)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        values = [v.strip() for v in (value or []) if v and v.strip()]
        if len(values) > MAX_VALUES or any(len(v) > 200 for v in values):
            raise forms.ValidationError("Too many or too long values.")
        if any("\x00" in v for v in values):
            raise forms.ValidationError("Null characters are not allowed.")
        return list(dict.fromkeys(values))


class ValuesFilter(django_filters.Filter):
    """Several values of one facet: OR within it. `field_name` is a column or an array column."""

    field_class = ValuesField

    def __init__(self, *args, array=False, **kwargs):
        self.array = array
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.with_any(self.field_name, value) if self.array else qs.with_value_in(self.field_name, value)


class ChoicesField(forms.MultipleChoiceField):
    """Values among `choices`, blank ones dropped (`?phase=` means no phase chosen)."""

    def to_python(self, value):
        return [v for v in super().to_python(value) if v]


class ChoiceValuesFilter(ValuesFilter):
    """ValuesFilter whose values must be among `choices`: an unknown value makes the search invalid."""

    field_class = ChoicesField


class TrialFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label="Search trials", max_length=300)
    status = ChoiceValuesFilter(field_name="status", choices=Status.choices, label="Recruitment status")
    phase = ChoiceValuesFilter(field_name="phase", choices=Phase.choices, label="Phase")
    drug = ValuesFilter(field_name="drugs", array=True, label="Drug")
    country = ValuesFilter(field_name="countries", array=True, label="Country")
    subsite = ChoiceValuesFilter(field_name="subsites", array=True, choices=Subsite.choices, label="Subsite")
    study_type = ChoiceValuesFilter(field_name="study_type", choices=StudyType.choices, label="Study type")
    age = django_filters.NumberFilter(
        method="filter_age", label="Eligible at age", min_value=0, max_value=120, max_digits=5, decimal_places=2
    )

    class Meta:
        model = Trial
        fields = []

    # The facets counted on the search page, in the order shown: parameter -> model field.
    FACETS = {
        "status": "status",
        "phase": "phase",
        "subsite": "subsites",
        "drug": "drugs",
        "country": "countries",
        "study_type": "study_type",
    }

    def filter_search(self, qs, name, value):
        return qs.matching(self.tsquery)

    @cached_property
    def tsquery(self):
        """The search words as a tsquery, built once however many facet counts reuse it."""
        return build_tsquery(self.form.cleaned_data.get("q") or "")

    @property
    def searching(self):
        return self.is_valid() and self.tsquery is not None

    def sort(self, requested):
        """The sort asked for if it applies: relevance needs search words; by default relevance, else newest."""
        if requested == "relevance" and not self.searching:
            requested = None
        if requested in SORTS:
            return requested
        return "relevance" if self.searching else "recent"

    def filter_age(self, qs, name, value):
        return qs.eligible_at_age(value)

    def filter_queryset(self, queryset, exclude=()):
        """The trials matching every filter but those named in `exclude` (a facet's own, for its counts)."""
        for name, value in self.form.cleaned_data.items():
            if name not in exclude:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

