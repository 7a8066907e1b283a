"""Each known site is recognised by its page's features; a page from an unknown site goes through the
generic extractor, which reads labels in every shape and facts stated in prose."""
import json
from pathlib import Path

import pytest

from trials.importer import parse
from trials.importer.layouts import recognise

HERE = Path(__file__).parent
PAGES = HERE / "pages"
FIXTURES = HERE.parent.parent / "fixtures"
CONTRACT_KEYS = ["source", "nct_id", "title", "official_title", "acronym", "phase", "status", "study_type", "enrollment",
                 "min_age_years", "max_age_years", "sex", "start_date", "completion_date", "conditions", "sponsor",
                 "collaborators", "countries", "sites", "interventions", "criteria", "summary", "related_nct_ids",
                 "warnings"]


@pytest.mark.parametrize("name, layout", [
    ("000_1e4e5a489e36d1a8.txt", "findatrial"),
    ("001_d06832003ec2be18.txt", "meddatax"),
    ("002_460155f96dac676e.txt", "curemydisease"),
    ("003_9a581662e1896f81.txt", "findatrial"),
    ("004_6d9218b000e6e429.txt", "patient-notification"),
])
def test_seed_layouts_are_recognised(name, layout):
    assert recognise((FIXTURES / name).read_text(encoding="utf-8")).name == layout


@pytest.mark.parametrize("text, layout", [
    ("Ignite Creation Date: 2025-12-24 @ 3:37 PM\nNCT ID: NCT06463392\n", "ignite-sd"),
    ("Clinical Trial Details — Status: Recruiting\nNCT number NCT05494190\nOther study ID # X\n", "inclinicaltrials"),
    ("ClinicalTrials.Veeva\n\nMenu\n\nA trial\n\nStatus and phase\n\nUnknown\n", "ctv-veeva"),
    ("A trial (NCT07392320) | Clinical Trial Compass\nRecruitingPhase 2\nPlain-language summary\n", "clinicaltrialcompass"),
    ("A trial\nClinicalTrials.gov Identifier: NCT01586767 |\nLast Update Posted : June 4, 2021\n", "clinicaltrialsgov"),
    ("A trial\nNCT ID: NCT07044635\nLast Updated: 2025-07-28\nStudy Results\nBasic Information\n", "meddatax"),
    ("A trial\nNCT ID NCT05884320\nFirst seen Jun 25, 2026 · Last updated Jun 27, 2026\nActive substance\n", "curemydisease"),
])
def test_corpus_site_layouts_are_recognised(text, layout):
    assert recognise(text).name == layout


def test_an_unknown_layout_falls_back_to_generic():
    assert recognise((PAGES / "unknown_site.txt").read_text(encoding="utf-8")) is None


def test_every_record_has_every_contract_key():
    record = parse((PAGES / "prose_only.txt").read_bytes(), "prose_only.txt")
    assert list(record) == CONTRACT_KEYS


def test_generic_page_with_labels_lists_and_sections():
    record = parse((PAGES / "unknown_site.txt").read_bytes(), "unknown_site.txt")
    assert record["source"]["format"] == "generic"
    assert {k: record[k] for k in ("nct_id", "title", "phase", "status", "enrollment", "min_age_years", "max_age_years",
                                   "sex", "start_date", "completion_date", "sponsor")} == {
        "nct_id": "NCT09000001", "title": "Nivolumab With Radiotherapy for Recurrent Oropharyngeal Cancer",
        "phase": "PHASE2_PHASE3", "status": "RECRUITING", "enrollment": 120, "min_age_years": 18,
        "max_age_years": 75, "sex": "ALL", "start_date": "2026-03", "completion_date": "2029-06-30",
        "sponsor": "Example University Hospital"}
    assert record["conditions"] == ["Oropharyngeal Cancer", "Recurrent Head and Neck Cancer"]
    assert record["countries"] == ["KR", "TW"]
    assert [(s["name"], s["city"]) for s in record["sites"]] == [
        ("Seoul National University Hospital", "Seoul"), ("National Taiwan University Hospital", "Taipei")]
    assert [(i["name"], i["kind"]) for i in record["interventions"]] == [
        ("nivolumab", "DRUG"), ("radiotherapy", "RADIATION"), ("placebo", "OTHER")]
    assert [(c["kind"], c["position"]) for c in record["criteria"]] == [
        ("INCLUSION", 1), ("INCLUSION", 2), ("INCLUSION", 3), ("EXCLUSION", 1), ("EXCLUSION", 2)]
    assert record["criteria"][1]["text"] == "Age ≥ 18 years\na) confirmed by biopsy"
    assert record["related_nct_ids"] == ["NCT09000002"]


def test_generic_page_with_facts_only_in_prose():
    record = parse((PAGES / "prose_only.txt").read_bytes(), "prose_only.txt")
    assert (record["phase"], record["status"], record["enrollment"]) == ("PHASE3", "NOT_YET_RECRUITING", 356)
    assert [i["name"] for i in record["interventions"]] == ["cisplatin"]


def test_generic_page_with_labels_glued_to_values():
    record = parse((PAGES / "glued_labels.txt").read_bytes(), "glued_labels.txt")
    assert (record["phase"], record["sex"], record["min_age_years"], record["max_age_years"], record["study_type"]) == (
        "PHASE2", "ALL", 18, 70, "INTERVENTIONAL")


def test_related_trials_are_not_candidates_for_the_main_id():
    record = parse((FIXTURES / "001_d06832003ec2be18.txt").read_bytes(), "001.txt")
    assert record["nct_id"] == "NCT07129772"
    assert record["related_nct_ids"][:2] == ["NCT04890522", "NCT05549466"]


def test_broken_numbering_in_a_seed_leaves_criteria_out_with_warnings():
    record = parse((FIXTURES / "001_d06832003ec2be18.txt").read_bytes(), "001.txt")
    assert record["criteria"] == []
    assert sum("criteria skipped" in w for w in record["warnings"]) == 2


def test_seed_truth_copy_matches_the_fixture_set():
    truth = json.loads((PAGES / "seeds_truth.json").read_text(encoding="utf-8"))
    assert sorted(truth) == sorted(p.name for p in FIXTURES.glob("*.txt"))
