"""The cached counts of the search page stay equal to counts taken from the normalised tables
through every write: import, merge, admin edit and delete."""
from collections import Counter

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from catalog.facets import warm_counts
from catalog.tests.builders import counts, make_catalogue
from trials.importer.store import import_record
from trials.models import CatalogueVersion, Site, Trial, TrialIntervention
from trials.tests.builders import make_record

pytestmark = pytest.mark.django_db
SEARCH = reverse("catalog:search")


def counts_from_tables():
    """Drug and country counts of every trial, from the sites and interventions rows themselves."""
    drugs = Counter(
        name
        for trial_id in Trial.objects.values_list("pk", flat=True)
        for name in set(
            TrialIntervention.objects.filter(trial_id=trial_id, intervention__kind__in=["DRUG", "BIOLOGICAL"])
            .values_list("intervention__name", flat=True)
        )
    )
    countries = Counter()
    for trial in Trial.objects.all():
        site_countries = set(Site.objects.filter(trial=trial).exclude(country="").values_list("country", flat=True))
        countries.update(site_countries | set(trial.countries))
    return dict(drugs), dict(countries)


def shown(client, params=None):
    page = client.get(SEARCH, params or {})
    return page, counts(page, "drug"), counts(page, "country")


@pytest.fixture
def staff_client(client):
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "a long passphrase"))
    return client


def test_a_repeated_search_reads_its_counts_from_the_cache(client, django_assert_num_queries):
    make_catalogue()
    client.get(SEARCH, {"status": "RECRUITING"})
    # The catalogue version and the page of trials; no count.
    with django_assert_num_queries(2):
        page = client.get(SEARCH, {"status": ["RECRUITING", ""], "sort": "start"})
    assert page.context["count"] == 2
    assert counts(page, "drug") == {"cisplatin": 2, "pembrolizumab": 1}


def test_counts_of_a_chosen_facet_come_from_the_cached_home_page(client, django_assert_num_queries):
    make_catalogue()
    warm_counts()
    # Version, one pass for the five unchosen facets, the page: the status facet is the home page's.
    with django_assert_num_queries(3):
        page = client.get(SEARCH, {"status": "RECRUITING"})
    assert counts(page, "status") == {"RECRUITING": 2, "NOT_YET_RECRUITING": 1, "COMPLETED": 1}
    assert counts(page, "country") == {"HK": 1, "CN": 1}


def test_an_import_of_a_new_trial_changes_the_cached_counts(client):
    make_catalogue()
    _, drugs, countries = shown(client)
    assert (drugs, countries) == counts_from_tables() == (
        {"cisplatin": 2, "pembrolizumab": 2, "nivolumab": 1}, {"HK": 2, "US": 2, "CN": 1}
    )
    version = CatalogueVersion.current()
    import_record(make_record(
        nct_id="NCT00000005", interventions=[{"name": "cetuximab", "kind": "DRUG", "description": None}],
        sites=[{"name": "Institut Curie", "city": "Paris", "country": "FR", "status": None}], countries=["FR"],
    ), "page")
    assert CatalogueVersion.current() != version
    page, drugs, countries = shown(client)
    assert page.context["count"] == 5
    assert (drugs, countries) == counts_from_tables() == (
        {"cisplatin": 2, "pembrolizumab": 2, "nivolumab": 1, "cetuximab": 1}, {"HK": 2, "US": 2, "CN": 1, "FR": 1}
    )


def test_a_merge_into_a_known_trial_changes_the_cached_counts(client):
    make_catalogue()
    shown(client, {"country": "FR"})
    import_record(make_record(
        nct_id="NCT00000004", file="second-page.txt",
        interventions=[{"name": "nivolumab", "kind": "DRUG", "description": None}],
        sites=[{"name": "Institut Curie", "city": "Paris", "country": "FR", "status": None}],
    ), "page")
    page, drugs, countries = shown(client, {"country": "FR"})
    assert [t.nct_id for t in page.context["page"].trials] == ["NCT00000004"]
    assert drugs == {"pembrolizumab": 1, "nivolumab": 1}
    # The country facet ignores its own choice: every trial's countries, as the tables say.
    assert countries == counts_from_tables()[1] == {"HK": 2, "US": 2, "CN": 1, "FR": 1}


def test_an_admin_edit_of_a_trial_changes_the_cached_counts(staff_client):
    trials = make_catalogue()
    _, _, countries = shown(staff_client)
    assert countries["US"] == 2
    trial = trials["d"]  # one site, in the US
    url = reverse("admin:trials_trial_change", args=[trial.pk])
    form = staff_client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(status="COMPLETED")
    site = trial.sites.get()
    ti = trial.trial_interventions.get()
    data.update({
        "sites-TOTAL_FORMS": 1, "sites-INITIAL_FORMS": 1, "sites-0-id": site.pk, "sites-0-trial": trial.pk,
        "sites-0-name": site.name, "sites-0-city": site.city, "sites-0-country": "CA", "sites-0-status": "",
        "trial_interventions-TOTAL_FORMS": 1, "trial_interventions-INITIAL_FORMS": 1,
        "trial_interventions-0-id": ti.pk, "trial_interventions-0-trial": trial.pk,
        "trial_interventions-0-intervention": ti.intervention_id, "trial_interventions-0-description": "",
        "criteria-TOTAL_FORMS": 0, "criteria-INITIAL_FORMS": 0, "sources-TOTAL_FORMS": 0, "sources-INITIAL_FORMS": 0,
    })
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    page, drugs, countries = shown(staff_client)
    assert counts(page, "status") == {"RECRUITING": 2, "COMPLETED": 2}
    # The trial's own country list still names the US; its only site moved to Canada.
    assert countries == counts_from_tables()[1] == {"HK": 2, "US": 2, "CN": 1, "CA": 1}
    assert drugs == counts_from_tables()[0]


def test_an_admin_delete_changes_the_cached_counts(
    staff_client, django_capture_on_commit_callbacks, django_assert_num_queries
):
    trials = make_catalogue()
    shown(staff_client)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("admin:trials_trial_delete", args=[trials["a"].pk]), {"post": "yes"})
    assert response.status_code == 302
    # The home page was counted again after the delete, ready for the next reader: no count to make.
    with django_assert_num_queries(2):  # the catalogue version and the page
        page, drugs, countries = shown(staff_client)
    assert page.context["count"] == 3
    assert (drugs, countries) == counts_from_tables() == (
        {"cisplatin": 1, "pembrolizumab": 1, "nivolumab": 1}, {"HK": 1, "US": 2, "CN": 1}
    )


def test_an_admin_bulk_delete_changes_the_cached_counts(staff_client):
    trials = make_catalogue()
    shown(staff_client)
    response = staff_client.post(reverse("admin:trials_trial_changelist"), {
        "action": "delete_selected", "post": "yes", "_selected_action": [trials["a"].pk, trials["c"].pk],
    })
    assert response.status_code == 302
    page, drugs, countries = shown(staff_client)
    assert page.context["count"] == 2
    assert (drugs, countries) == counts_from_tables() == ({"cisplatin": 1, "pembrolizumab": 1}, {"US": 1, "CN": 1})


def test_renaming_an_intervention_changes_the_drug_counts(staff_client):
    trials = make_catalogue()
    shown(staff_client)
    nivolumab = trials["c"].trial_interventions.get().intervention
    response = staff_client.post(
        reverse("admin:trials_intervention_change", args=[nivolumab.pk]), {"name": "nivolumab-aaaa", "kind": "DRUG"}
    )
    assert response.status_code == 302
    _, drugs, _ = shown(staff_client)
    assert drugs == counts_from_tables()[0] == {"cisplatin": 2, "pembrolizumab": 2, "nivolumab-aaaa": 1}


def test_a_cached_page_of_results_changes_with_an_import(client, django_assert_num_queries):
    make_catalogue()
    first = [t.nct_id for t in client.get(SEARCH, {"q": "cancer"}).context["page"].trials]
    assert first == ["NCT00000004", "NCT00000003", "NCT00000002"]
    with django_assert_num_queries(3):  # version, words, the three trials by primary key
        again = client.get(SEARCH, {"q": "cancer"})
    assert [t.nct_id for t in again.context["page"].trials] == first
    import_record(make_record(nct_id="NCT00000005", title="Laryngeal cancer: cancer of the larynx"), "page")
    page = client.get(SEARCH, {"q": "cancer"})
    assert [t.nct_id for t in page.context["page"].trials] == ["NCT00000005", *first]
    assert page.context["count"] == 4
