"""The public pages: the search (home page), a trial, and every search's exports."""
import re

from django.db.models import Prefetch
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from catalog import exports
from catalog.facets import build_chips, build_facets, page_key, search_counts, search_filters, suggestions, url_with
from catalog.filters import SORTS, TrialFilter
from catalog.pagination import paginate
from catalog.trial_page import sites_by_country, timeline
from trials.models import CatalogueVersion, SourceDocument, Trial, TrialIntervention

NCT_ID_TYPED = re.compile(r"^\s*(NCT\d{8})\s*$", re.IGNORECASE)


def search(request):
    params = request.GET
    typed_id = NCT_ID_TYPED.match(params.get("q", ""))
    if typed_id and Trial.objects.filter(nct_id=typed_id[1].upper()).exists():
        return redirect("catalog:trial", typed_id[1].upper())

    filterset = TrialFilter(params, queryset=Trial.objects.for_listing())
    context = {
        "filter": filterset,
        "sorts": SORTS,
        "sort": filterset.sort(params.get("sort")),
        "expanded": [name for name in params.getlist("expand") if name in TrialFilter.FACETS],
    }
    if not filterset.is_valid():
        return render(request, "catalog/search.html", {**context, "invalid": True, "count": 0}, status=400)

    version, filters = CatalogueVersion.current(), search_filters(filterset)
    counts = search_counts(filterset, version, filters)
    facets = build_facets(filterset, params, counts)
    sort = context["sort"]
    page = paginate(filterset.qs.sorted_by(sort), sort, params, cache_key=page_key(version, filters, sort, params))
    count = counts["count"]
    return render(request, "catalog/search.html", {
        **context,
        "facets": facets,
        "chips": build_chips(filterset, params, facets),
        "suggestions": suggestions(params, facets) if not count else [],
        "count": count,
        "page": page,
        "first_url": url_with(params),
        "next_url": page.next_cursor and url_with(params, after=[page.next_cursor], page=[page.number + 1]),
        "previous_url": page.previous_cursor
        and url_with(params, before=[page.previous_cursor], page=[max(page.number - 1, 1)]),
        "query_string": url_with(params)[1:],
    })


def trial(request, nct_id):
    typed_id = NCT_ID_TYPED.match(nct_id)
    if not typed_id:
        raise Http404("Not an NCT ID.")  # no trial has another shape (trial_nct_id_shape), nor a NUL byte
    if nct_id != typed_id[1].upper():
        return redirect("catalog:trial", typed_id[1].upper(), permanent=True)
    trials = Trial.objects.prefetch_related(
        "sites",
        "criteria",
        Prefetch("trial_interventions", queryset=TrialIntervention.objects.select_related("intervention")),
        Prefetch("sources", queryset=SourceDocument.objects.defer("raw_text", "record")),
    )
    trial = get_object_or_404(trials, nct_id=nct_id)
    known = Trial.objects.filter(nct_id__in=trial.related_nct_ids).only("nct_id", "title", "status")
    known = {t.nct_id: t for t in known} if trial.related_nct_ids else {}
    criteria = {"INCLUSION": [], "EXCLUSION": []}
    for criterion in trial.criteria.all():
        criteria[criterion.kind].append(criterion.text)
    return render(request, "catalog/trial.html", {
        "trial": trial,
        "inclusion": criteria["INCLUSION"],
        "exclusion": criteria["EXCLUSION"],
        "countries": sites_by_country(trial.sites.all(), trial.countries),
        "related": [(nct_id, known.get(nct_id)) for nct_id in trial.related_nct_ids],
        "timeline": timeline(trial),
    })


def export(request, fmt):
    """Every trial of a search, streamed as CSV or JSON, in the order of the page."""
    filterset = TrialFilter(request.GET, queryset=Trial.objects.for_listing())
    if filterset.is_valid():
        qs = filterset.qs.sorted_by(filterset.sort(request.GET.get("sort")))
    else:
        qs = Trial.objects.none()
    rows = exports.rows(qs, request)
    if fmt == "csv":
        response = StreamingHttpResponse(exports.csv_lines(rows), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(exports.json_chunks(rows), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="trials.{fmt}"'
    return response
