"""An Atom feed of every search: its trials newest-updated first, to follow in a feed reader."""
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator

from catalog.facets import describe, url_with
from catalog.filters import TrialFilter
from trials.models import Trial

FEED_SIZE = 50


class SearchFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request):
        filterset = TrialFilter(request.GET, queryset=Trial.objects.for_listing())
        filterset.search_url = reverse("catalog:search") + url_with(request.GET)
        return filterset

    def title(self, filterset):
        if not filterset.is_valid():
            return "Head and neck cancer trials"
        chips = describe(filterset)
        return "Head and neck cancer trials" + (f" — {', '.join(chips)}" if chips else "")

    def subtitle(self, filterset):
        return "Trials of this search, most recently added or updated first."

    def link(self, filterset):
        return filterset.search_url

    def items(self, filterset):
        if not filterset.is_valid():
            return Trial.objects.none()
        return filterset.qs.order_by("-updated_at", "-pk")[:FEED_SIZE]

    def item_title(self, trial):
        return f"{trial.title} ({trial.nct_id})"

    def item_description(self, trial):
        facts = " · ".join(filter(None, [trial.get_status_display(), trial.get_phase_display()]))
        return f"{facts}. {Truncator(trial.summary).words(60)}" if facts else Truncator(trial.summary).words(60)

    def item_pubdate(self, trial):
        return trial.created_at

    def item_updateddate(self, trial):
        return trial.updated_at
