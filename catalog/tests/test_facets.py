"""Facet counts are disjunctive: each option counts the trials of every other active filter plus itself."""
import pytest
from django.urls import reverse

from catalog.tests.builders import counts, found, make_catalogue
from trials.tests.builders import make_trial

pytestmark = pytest.mark.django_db
SEARCH = reverse("catalog:search")


def test_without_filters_every_option_counts_every_trial_that_has_it(client):
    make_catalogue()
    page = client.get(SEARCH)
    assert page.context["count"] == 4
    assert counts(page, "status") == {"RECRUITING": 2, "NOT_YET_RECRUITING": 1, "COMPLETED": 1}
    assert counts(page, "phase") == {"PHASE2": 2, "PHASE3": 2}
    assert counts(page, "drug") == {"cisplatin": 2, "pembrolizumab": 2, "nivolumab": 1}
    assert counts(page, "country") == {"HK": 2, "US": 2, "CN": 1}
    assert counts(page, "study_type") == {"INTERVENTIONAL": 3, "OBSERVATIONAL": 1}


def test_a_facet_keeps_counting_its_other_options_while_the_others_narrow(client):
    make_catalogue()
    page = client.get(SEARCH, {"status": "RECRUITING"})
    assert found(page) == ["NCT00000002", "NCT00000001"]
    # The status facet ignores its own choice: the other statuses still show what they would add.
    assert counts(page, "status") == {"RECRUITING": 2, "NOT_YET_RECRUITING": 1, "COMPLETED": 1}
    # Every other facet counts only recruiting trials.
    assert counts(page, "phase") == {"PHASE2": 1, "PHASE3": 1}
    assert counts(page, "drug") == {"cisplatin": 2, "pembrolizumab": 1}
    assert counts(page, "country") == {"HK": 1, "CN": 1}


def test_options_of_one_facet_are_or_and_facets_are_and(client):
    make_catalogue()
    page = client.get(SEARCH, {"status": "RECRUITING", "country": "HK"})
    assert found(page) == ["NCT00000001"]
    assert counts(page, "country") == {"HK": 1, "CN": 1}
    assert counts(page, "status") == {"RECRUITING": 1, "COMPLETED": 1}

    page = client.get(SEARCH, {"status": "RECRUITING", "country": ["HK", "CN"]})
    assert found(page) == ["NCT00000002", "NCT00000001"]
    page = client.get(SEARCH, {"status": ["RECRUITING", "COMPLETED"], "country": "HK"})
    assert found(page) == ["NCT00000003", "NCT00000001"]
    assert page.context["count"] == 2


def test_subsite_facet_follows_the_conditions(client):
    make_catalogue()
    page = client.get(SEARCH, {"subsite": "nasopharynx"})
    assert found(page) == ["NCT00000001"]
    assert counts(page, "subsite")["nasopharynx"] == 1
    assert counts(page, "subsite")["larynx"] == 1


def test_a_selected_option_that_finds_nothing_stays_visible_with_zero(client):
    make_catalogue()
    page = client.get(SEARCH, {"drug": "cetuximab"})
    assert found(page) == []
    assert counts(page, "drug")["cetuximab"] == 0


def test_long_facets_show_the_top_options_and_a_link_to_all(client):
    for index in range(10):
        make_trial(drugs=[f"drug{index:02d}", "cisplatin"])
    page = client.get(SEARCH)
    drug = next(f for f in page.context["facets"] if f.name == "drug")
    assert len(drug.options) == 8 and drug.more == 3
    assert drug.options[0].value == "cisplatin"
    assert b"Show all 11 drug options" in page.content
    everything = client.get(SEARCH + drug.show_all_url)
    assert len(counts(everything, "drug")) == 11


def test_chips_remove_one_filter_and_clear_all_removes_every_one(client):
    make_catalogue()
    page = client.get(SEARCH, {"status": "RECRUITING", "country": "HK"})
    chips = {chip.label: chip.url for chip in page.context["chips"]}
    assert set(chips) == {"Recruitment status: Recruiting", "Country: Hong Kong"}
    without_hk = client.get(SEARCH + chips["Country: Hong Kong"])
    assert found(without_hk) == ["NCT00000002", "NCT00000001"]
    assert b"Clear all" in page.content


def test_an_empty_result_suggests_the_filter_to_drop(client):
    make_catalogue()
    page = client.get(SEARCH, {"status": "COMPLETED", "country": "CN"})
    assert found(page) == []
    suggested = {facet.name: facet.total_without for facet, url in page.context["suggestions"]}
    assert suggested == {"status": 1, "country": 1}
    assert b"Remove the country filter" in page.content


@pytest.mark.parametrize(
    "age, expected",
    [
        ("17", ["NCT00000020"]),  # below the minimum: only the trial without bounds
        ("18", ["NCT00000020", "NCT00000010"]),  # the minimum itself is eligible
        ("65", ["NCT00000020", "NCT00000010"]),  # so is the maximum
        ("65.5", ["NCT00000020"]),
        ("66", ["NCT00000020"]),
        ("", ["NCT00000020", "NCT00000010"]),  # no age: no filter
    ],
)
def test_eligible_at_age_includes_both_bounds_and_unknown_bounds(client, age, expected):
    make_trial(nct_id="NCT00000010", min_age_years=18, max_age_years=65)
    make_trial(nct_id="NCT00000020")
    page = client.get(SEARCH, {"age": age, "sort": "recent"})
    assert found(page) == expected


@pytest.mark.parametrize(
    "params",
    [{"age": "abc"}, {"age": "-1"}, {"age": "1000"}, {"status": "OPEN"}, {"phase": "PHASE9"}, {"subsite": "brain"},
     {"drug": "x" * 300}, {"drug": "cis\x00platin"}, {"country": "\x00"}],
)
def test_filters_that_are_not_understood_give_an_empty_page_not_an_error(client, params):
    make_catalogue()
    page = client.get(SEARCH, params)
    assert page.status_code == 400
    assert b"could not be understood" in page.content
    assert b"NCT00000001" not in page.content
