"""A trial's page: everything a reader needs, in a bounded number of queries, every text escaped."""
from datetime import date

import pytest
from django.urls import reverse

from catalog.tests.builders import make_source
from catalog.trial_page import timeline
from trials.models import Site
from trials.tests.builders import make_trial

pytestmark = pytest.mark.django_db


@pytest.fixture
def trial():
    trial = make_trial(
        nct_id="NCT01234567", title="Pembrolizumab for nasopharyngeal carcinoma", acronym="KEYNOTE-X",
        status="RECRUITING", phase="PHASE3", study_type="INTERVENTIONAL", enrollment=420, sex="ALL",
        min_age_years=18, max_age_years=75, start_date=date(2023, 3, 1), start_date_precision="month",
        completion_date=date(2028, 12, 31), sponsor="Hong Kong Cancer Trials Group",
        summary="Adding pembrolizumab to chemoradiotherapy.", conditions=["Nasopharyngeal Carcinoma"],
        related_nct_ids=["NCT07654321", "NCT09999999"],
        drugs=["pembrolizumab", "cisplatin"],
        sites=[("Queen Mary Hospital", "Hong Kong", "HK"), ("Prince of Wales Hospital", "Hong Kong", "HK"),
               ("Samsung Medical Center", "Seoul", "KR")],
        criteria=[("INCLUSION", "Histologically confirmed disease"), ("INCLUSION", "ECOG 0-1"),
                  ("EXCLUSION", "Prior immunotherapy")],
    )
    Site.objects.filter(name="Samsung Medical Center").update(status="NOT_YET_RECRUITING")
    make_trial(nct_id="NCT07654321", title="Observation of long-term survivors")
    make_source(trial, "001_findatrial.txt", "findatrial")
    make_source(trial, "004_generic.txt", "generic")
    return trial


def test_the_page_tells_what_the_trial_is_who_can_join_and_where(client, trial):
    page = client.get(reverse("catalog:trial", args=["NCT01234567"]))
    html = page.content.decode()
    for text in ("Pembrolizumab for nasopharyngeal carcinoma", "KEYNOTE-X", "Recruiting", "Phase 3", "Interventional",
                 "420 participants", "18 to 75 years", "March 2023", "31 December 2028",
                 "Hong Kong Cancer Trials Group", "Adding pembrolizumab to chemoradiotherapy."):
        assert text in html
    assert page.context["inclusion"] == ["Histologically confirmed disease", "ECOG 0-1"]
    assert page.context["exclusion"] == ["Prior immunotherapy"]
    countries = [(name, [site.name for site in sites]) for name, code, sites in page.context["countries"]]
    assert countries == [("Hong Kong", ["Prince of Wales Hospital", "Queen Mary Hospital"]),
                         ("South Korea", ["Samsung Medical Center"])]
    assert "Site status: </span>Not yet recruiting" in html
    assert 'href="https://clinicaltrials.gov/study/NCT01234567"' in html


def test_each_drug_links_to_the_search_filtered_by_it(client, trial):
    html = client.get(trial.get_absolute_url()).content.decode()
    assert f'href="{reverse("catalog:search")}?drug=pembrolizumab"' in html
    assert f'href="{reverse("catalog:search")}?drug=cisplatin"' in html


def test_related_trials_link_inside_the_catalogue_when_they_are_in_it(client, trial):
    html = client.get(trial.get_absolute_url()).content.decode()
    assert f'href="{reverse("catalog:trial", args=["NCT07654321"])}"' in html
    assert "Observation of long-term survivors" in html
    assert 'href="https://clinicaltrials.gov/study/NCT09999999"' in html


def test_provenance_names_each_source_page(client, trial):
    html = client.get(trial.get_absolute_url()).content.decode()
    assert "001_findatrial.txt" in html and "findatrial page, imported" in html
    assert "004_generic.txt" in html


def test_the_timeline_places_today_between_start_and_completion():
    trial = make_trial(start_date=date(2024, 1, 1), completion_date=date(2026, 1, 1))
    line = timeline(trial, today=date(2025, 1, 1))
    assert line.start_x == 20 and line.end_x == 620
    assert line.start_x < line.today_x < line.end_x and line.done_x == line.today_x
    assert line.phase == "50% of the way from start to completion"
    later = timeline(trial, today=date(2027, 1, 1))
    assert later.end_x < later.today_x == 620 and later.phase == "past its completion date"
    assert timeline(make_trial(start_date=date(2024, 1, 1))) is None


def test_the_timeline_is_drawn_in_the_page_with_a_text_alternative(client, trial):
    html = client.get(trial.get_absolute_url()).content.decode()
    assert '<svg viewBox="0 0 640 92" role="img"' in html
    assert "Today" in html and "of the way from start to completion" in html


def test_the_trial_page_makes_a_bounded_number_of_queries(client, trial, django_assert_max_num_queries):
    for index in range(20):
        Site.objects.create(trial=trial, name=f"Hospital {index}", city="Tokyo", country="JP")
    # The trial, its sites, criteria, interventions, sources, and the related trials.
    with django_assert_max_num_queries(6):
        page = client.get(trial.get_absolute_url())
    assert page.status_code == 200


def test_an_unknown_trial_is_a_404_and_a_lower_case_id_redirects(client, trial):
    assert client.get(reverse("catalog:trial", args=["NCT00000000"])).status_code == 404
    assert client.get(reverse("catalog:trial", args=["not-an-id"])).status_code == 404
    assert client.get(reverse("catalog:trial", args=["NCT0000000\x00"])).status_code == 404
    response = client.get(reverse("catalog:trial", args=["nct01234567"]))
    assert response.status_code == 301 and response["Location"] == trial.get_absolute_url()


def test_imported_text_cannot_inject_markup(client):
    evil = '<script>alert("x")</script>'
    trial = make_trial(title=f"Title {evil}", summary=f"Summary {evil}", acronym="<b>A</b>", sponsor=evil,
                       conditions=[evil], sites=[(f"Hospital {evil}", evil, "HK")], drugs=['x"><svg onload=alert(1)>'],
                       criteria=[("INCLUSION", evil), ("EXCLUSION", evil)])
    html = client.get(trial.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "<svg onload" not in html and "<b>A</b>" not in html
    assert html.count("&lt;script&gt;") >= 6
