"""Merging parsed records into the catalogue: created, filled, kept, never half-written."""
import pytest
from django.db import DatabaseError

from trials.importer.store import import_record, preview_record
from trials.models import Criterion, Intervention, Site, SourceDocument, Trial
from trials.tests.builders import make_record

pytestmark = pytest.mark.django_db

FIRST_PAGE = dict(
    file="site-a.txt",
    nct_id="NCT07129772",
    title="Perioperative Chemotherapy and Immunotherapy for Locally Recurrent Nasopharyngeal Carcinoma",
    phase="PHASE2",
    status="NOT_YET_RECRUITING",
    enrollment=53,
    start_date="2025-11",
    conditions=["Nasopharyngeal Carcinoma"],
    countries=["HK"],
    sites=[{"name": "Queen Mary Hospital", "city": "Hong Kong", "country": "HK", "status": None}],
    interventions=[
        {"name": "pembrolizumab", "kind": "DRUG", "description": "200 mg IV every 3 weeks"},
        {"name": "surgery", "kind": "PROCEDURE", "description": ""},
    ],
    criteria=[
        {"kind": "INCLUSION", "text": "Locally recurrent NPC", "position": 1},
        {"kind": "EXCLUSION", "text": "Distant metastasis", "position": 1},
    ],
)
SECOND_PAGE = dict(
    file="site-b.txt",
    nct_id="NCT07129772",
    title="Chemo-immunotherapy before surgery for recurrent NPC",
    phase="PHASE2",
    study_type="INTERVENTIONAL",
    sponsor="The University of Hong Kong",
    min_age_years=18,
    start_date="2025-11-01",
    conditions=["Nasopharyngeal Carcinoma", "Recurrent Cancer"],
    countries=["HK", "CN"],
    sites=[
        {"name": "Queen Mary Hospital", "city": None, "country": "HK", "status": "RECRUITING"},
        {"name": "Sun Yat-sen University Cancer Center", "city": "Guangzhou", "country": "CN", "status": None},
    ],
    interventions=[
        {"name": "pembrolizumab", "kind": "DRUG", "description": "other wording"},
        {"name": "gemcitabine", "kind": "DRUG", "description": ""},
    ],
    criteria=[{"kind": "INCLUSION", "text": "Something else", "position": 1}],
)


def snapshot():
    """Everything stored, in a comparable form."""
    return (
        list(Trial.objects.values().order_by("nct_id")),
        list(Site.objects.values("trial_id", "name", "city", "country", "status").order_by("id")),
        list(Criterion.objects.values("trial_id", "kind", "text", "position").order_by("id")),
        list(SourceDocument.objects.values("trial_id", "sha256").order_by("id")),
        list(Intervention.objects.values("name", "kind").order_by("id")),
    )


def test_a_new_trial_is_created_whole_with_its_source():
    outcome = import_record(make_record(**FIRST_PAGE), "raw page text")
    trial = Trial.objects.get(nct_id="NCT07129772")
    assert outcome.action == "created"
    assert (trial.phase, trial.status, trial.enrollment) == ("PHASE2", "NOT_YET_RECRUITING", 53)
    assert (str(trial.start_date), trial.start_date_precision) == ("2025-11-01", "month")
    assert [s.name for s in trial.sites.all()] == ["Queen Mary Hospital"]
    assert trial.drugs == ["pembrolizumab"]
    assert trial.criteria.count() == 2
    assert trial.sources.get().raw_text == "raw page text"


def test_importing_the_same_page_again_changes_nothing():
    import_record(make_record(**FIRST_PAGE), "raw page text")
    before = snapshot()
    outcome = import_record(make_record(**FIRST_PAGE), "raw page text")
    assert outcome.action == "unchanged"
    assert not outcome.changes and not outcome.added and not outcome.new_source
    assert snapshot() == before


def test_a_second_site_fills_what_was_unknown_and_adds_what_was_missing():
    import_record(make_record(**FIRST_PAGE), "first")
    outcome = import_record(make_record(**SECOND_PAGE), "second")
    trial = Trial.objects.get(nct_id="NCT07129772")

    assert outcome.action == "updated"
    assert trial.title == FIRST_PAGE["title"], "a known value is not overwritten by another site"
    assert outcome.conflicts["title"][1] == SECOND_PAGE["title"], "the disagreement is reported"
    assert (trial.study_type, trial.sponsor, trial.min_age_years) == ("INTERVENTIONAL", "The University of Hong Kong", 18)
    assert str(trial.start_date) == "2025-11-01" and trial.start_date_precision == "month"
    assert trial.conditions == ["Nasopharyngeal Carcinoma", "Recurrent Cancer"]
    assert trial.countries == ["CN", "HK"]
    assert sorted(trial.sites.values_list("name", flat=True)) == [
        "Queen Mary Hospital", "Sun Yat-sen University Cancer Center"]
    assert trial.drugs == ["gemcitabine", "pembrolizumab"]
    assert trial.criteria.count() == 2, "criteria already known are not replaced by another page's"
    assert sorted(trial.sources.values_list("file_name", flat=True)) == ["site-a.txt", "site-b.txt"]
    assert Intervention.objects.filter(name="pembrolizumab").count() == 1


def test_a_field_edited_by_staff_survives_a_reimport_and_is_reported():
    import_record(make_record(**FIRST_PAGE), "first")
    Trial.objects.filter(nct_id="NCT07129772").update(
        enrollment=60, study_type="", sponsor="", edited_fields=["enrollment", "sponsor", "sites"])

    outcome = import_record(make_record(**SECOND_PAGE, enrollment=53), "second")
    trial = Trial.objects.get(nct_id="NCT07129772")
    assert trial.enrollment == 60
    assert trial.sponsor == "", "an edited field stays as staff left it, even empty"
    assert trial.study_type == "INTERVENTIONAL", "fields staff did not touch are still filled"
    assert list(trial.sites.values_list("name", flat=True)) == ["Queen Mary Hospital"]
    assert set(outcome.kept_edits) == {"enrollment", "sponsor", "sites"}


def test_the_preview_says_what_would_change_and_writes_nothing():
    import_record(make_record(**FIRST_PAGE), "first")
    before = snapshot()
    outcome = preview_record(make_record(**SECOND_PAGE))
    assert outcome.action == "updated"
    assert outcome.changes["sponsor"] == ("", "The University of Hong Kong")
    assert outcome.added["sites"] == ["Sun Yat-sen University Cancer Center"]
    assert snapshot() == before


def test_a_record_the_database_refuses_leaves_nothing_behind():
    broken = make_record(**{**FIRST_PAGE, "interventions": [{"name": "Pembrolizumab", "kind": "DRUG"}]})
    with pytest.raises(DatabaseError):
        import_record(broken, "raw")
    assert not Trial.objects.exists()
    assert not SourceDocument.objects.exists()
