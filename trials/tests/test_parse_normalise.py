"""Page wording to contract values: each normaliser against a table of real shapes."""
import pytest

from trials.importer import interventions, normalise


@pytest.mark.parametrize("text, expected", [
    ("Phase II", "PHASE2"), ("PHASE2", "PHASE2"), ("Phase 1/2", "PHASE1_PHASE2"), ("Phase 2/Phase 3", "PHASE2_PHASE3"),
    ("PHASE1_PHASE2", "PHASE1_PHASE2"), ("N/A", "NA"), ("Phase N/A", "NA"), ("Early Phase 1", "EARLY_PHASE1"),
    ("Phase 4", "PHASE4"), ("II Trial of Pembrolizumab", None), ("Phase 1/3", None), ("", None),
    ("II/III", "PHASE2_PHASE3"), ("Phase II (Therapeutic exploratory)", "PHASE2"),
    ("Ib/II", "PHASE1_PHASE2"), ("IIa", "PHASE2"), ("Ib trial of X", None),
])
def test_phase(text, expected):
    assert normalise.phase(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Recruiting", "RECRUITING"), ("NOT_YET_RECRUITING", "NOT_YET_RECRUITING"), ("Not yet recruiting", "NOT_YET_RECRUITING"),
    ("Active, not recruiting", "ACTIVE_NOT_RECRUITING"), ("Completed", "COMPLETED"), ("Unknown status", "UNKNOWN"),
    ("Withdrawn", "WITHDRAWN"), ("Verified Date: 2017-11", None), ("Open to accrual", "RECRUITING"),
    ("Accepting patients", "RECRUITING"), ("Enrolling", "RECRUITING"), ("Ongoing, recruiting", "RECRUITING"),
    ("Not yet open", "NOT_YET_RECRUITING"), ("Closed to accrual", "ACTIVE_NOT_RECRUITING"),
])
def test_status(text, expected):
    assert normalise.status(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("20 Years and up", (20, None)), ("18 Years to 100 Years", (18, 100)), ("≥ 18", (18, None)), ("Ages > 18", (18, None)),
    ("18 years and older", (18, None)), ("18+ years old", (18, None)), ("18 Years – 70 Years", (18, 70)),
    ("6 Months to 17 Years", (0.5, 17)), ("up to 75 years", (None, 75)), ("N/A and older", (None, None)),
    ("Child, Adult", None),
])
def test_age_range(text, expected):
    assert normalise.age_range(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Age ≥18 years.", 18), ("Aged 18 years or older.", 18), ("greater than 18 years of age", 18),
    ("ECOG performance status 0-1", None),
])
def test_minimum_age_in_criterion(text, expected):
    assert normalise.minimum_age_in_criterion(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("2025-11-01", "2025-11-01"), ("1 February 2026", "2026-02-01"), ("Jun 27, 2026", "2026-06-27"),
    ("June 2026", "2026-06"), ("November 1, 2022", "2022-11-01"), ("October 2024", "2024-10"),
    ("Estimated: March 31, 2024", "2024-03-31"), ("February 30, 2024", None), ("soon", None),
    ("1st March 2025", "2025-03-01"), ("30th November 2030", "2030-11-30"), ("31/03/2027", "2027-03-31"),
    ("03/31/2027", "2027-03-31"), ("12/09/2023", None),
])
def test_iso_date(text, expected):
    assert normalise.iso_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("53 participants", 53), ("30 (estimated)", 30), ("111", 111), ("1,200 patients", 1200), ("0", None),
    ("about thirty", None),
])
def test_enrollment(text, expected):
    assert normalise.enrollment(text) == expected


@pytest.mark.parametrize("text, expected", [("All", "ALL"), ("ALL", "ALL"), ("Female", "FEMALE"), ("Male", "MALE"),
                                            ("Both", "ALL"), ("Sexual health", None)])
def test_sex(text, expected):
    assert normalise.sex(text) == expected


@pytest.mark.parametrize("text, expected", [("Interventional", "INTERVENTIONAL"),
                                            ("Interventional (Clinical Trial)", "INTERVENTIONAL"),
                                            ("OBSERVATIONAL", "OBSERVATIONAL"), ("Expanded Access", "EXPANDED_ACCESS")])
def test_study_type(text, expected):
    assert normalise.study_type(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("South Korea", "KR"), ("Korea, Republic of", "KR"), ("Hong Kong", "HK"), ("Taiwan", "TW"), ("Turkey", "TR"),
    ("China", "CN"), ("United States", "US"), ("Türkiye", "TR"), ("Atlantis", None),
])
def test_country_code(text, expected):
    assert normalise.country_code(text) == expected


def test_cities_that_fix_their_country():
    assert [normalise.city_country(c) for c in ("Seoul", "Hong Kong", "Beijing", "Guangzhou", "Springfield")] == [
        "KR", "HK", "CN", "CN", None]


@pytest.mark.parametrize("text, expected", [
    ("Salivary Gland Carcinoma, Precision Therapy", ["Salivary Gland Carcinoma", "Precision Therapy"]),
    ("head and neck squamous cell carcinoma Squamous Cell Carcinoma of Head and Neck",
     ["head and neck squamous cell carcinoma", "Squamous Cell Carcinoma of Head and Neck"]),
    ("adenoid cystic carcinoma salivary duct carcinoma", ["adenoid cystic carcinoma", "salivary duct carcinoma"]),
    ("Nasopharyngeal Carcinoma (NPC)", ["Nasopharyngeal Carcinoma (NPC)"]),
])
def test_split_conditions(text, expected):
    assert normalise.split_conditions(text) == expected


@pytest.mark.parametrize("name, type_label, expected", [
    ("Keytruda", None, [("pembrolizumab", "DRUG")]),
    ("Opdivo", "Drug", [("nivolumab", "DRUG")]),
    ("Erbitux", None, [("cetuximab", "DRUG")]),
    ("5-FU", None, [("fluorouracil", "DRUG")]),
    ("Gemcitabine (GEM)", None, [("gemcitabine", "DRUG")]),
    ("DDP", None, [("cisplatin", "DRUG")]),
    ("Adriamycin", "Drug", [("doxorubicin", "DRUG")]),
    ("TPF", None, [("docetaxel", "DRUG"), ("cisplatin", "DRUG"), ("fluorouracil", "DRUG")]),
    ("GP", None, [("gemcitabine", "DRUG"), ("cisplatin", "DRUG")]),
    ("Gemcitabine + Cisplatin", "Drug", [("gemcitabine", "DRUG"), ("cisplatin", "DRUG")]),
    ("Placebo", "Drug", [("placebo", "OTHER")]),
    ("chemotherapy", None, [("chemotherapy", "OTHER")]),
    ("immunotherapy", "Drug", [("immunotherapy", "OTHER")]),
    ("Radiotherapy", "Radiation", [("radiotherapy", "RADIATION")]),
    ("Proton beam radiotherapy (PBRT)", "Radiation", [("proton therapy", "RADIATION")]),
    ("Neck dissection", "Procedure", [("surgery", "PROCEDURE")]),
    ("MRG003", "Drug", [("mrg003", "DRUG")]),
    ("Thyme honey", "Other", [("thyme honey", "OTHER")]),
])
def test_intervention_names(name, type_label, expected):
    found = interventions.normalise(interventions.Named(name, type_label, "200 mg IV every 3 weeks"))
    assert [(i["name"], i["kind"]) for i in found] == expected


def test_regimen_details_stay_in_the_description():
    [drug] = interventions.normalise(interventions.Named("Cisplatin", "Drug", "100 mg/m² IV on day 1 every 3 weeks"))
    assert drug["description"] == "100 mg/m² IV on day 1 every 3 weeks"


def test_drugs_in_prose_skip_regimen_codes_and_generic_words():
    text = "Patients receive the TP regimen with a PD-1 monoclonal antibody, then capecitabine or 5-FU and chemotherapy."
    assert interventions.drugs_in_prose(text) == ["capecitabine", "fluorouracil"]


def test_typed_interventions_run_together_or_on_two_lines():
    items = interventions.typed_items("Radiation: Photon IMRT Radiation: Proton beam (PBRT)\nOther:\nDiagnostic\nStudy type")
    assert [(i.type_label, i.name) for i in items] == [("Radiation", "Photon IMRT"), ("Radiation", "Proton beam (PBRT)"),
                                                       ("Other", "Diagnostic")]


def test_borofalan_and_cetuximab_sarotalocan_are_named_drugs():
    from trials.importer import interventions
    assert interventions.drugs_in_prose("cetuximab sarotalocan sodium (ASP-1929) and Steboronine") == \
        ["cetuximab sarotalocan", "borofalan"]


def test_accented_french_drug_names_are_read_in_prose():
    from trials.importer.interventions import drugs_in_prose
    assert drugs_in_prose("associant docétaxel et 5-FU avant la chirurgie") == ["docetaxel", "fluorouracil"]


def test_spanish_and_french_clauses_name_agents_not_given():
    from trials.importer.interventions import drugs_in_prose, without_agents_not_given
    text = "nivolumab en pacientes no candidatos a cisplatino; contre-indication au carboplatine"
    assert drugs_in_prose(without_agents_not_given(text)) == ["nivolumab"]


def test_a_prose_phase_keeps_its_a_or_b_part():
    from trials.importer.generic import PROSE_PHASE
    found = [normalise.phase(m.group(0)) for m in PROSE_PHASE.finditer("finds the dose (phase Ib), then (phase II); Phase 1b/2")]
    assert found == ["PHASE1", "PHASE2", "PHASE1_PHASE2"]
