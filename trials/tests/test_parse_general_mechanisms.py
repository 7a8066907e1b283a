"""General mechanisms of the generic path, each on a small hand-made input: the label classifier, pipe
rows, lines run together, the main NCT ID among several, and the normalisers' wider shapes."""
import pytest

from trials.importer import ImportRejected, labels, normalise, parse

TITLE = "A phase 2 trial of cisplatin with radiotherapy in laryngeal cancer\n"


def record(text):
    return parse((TITLE + text).encode(), "page.txt")


@pytest.mark.parametrize("label, fields", [
    ("Statut de l'essai", ["status"]),
    ("Fase dello studio", ["phase"]),
    ("Aantal deelnemers / Number of participants", ["enrollment"]),
    ("Edad mínima", ["min_age", "ages"]),
    ("Age To", ["max_age", "ages"]),
    ("Geschlecht", ["sex"]),
    ("First patient enrolled", ["start_date"]),
    ("Primary completion date", []),
    ("Date first posted", []),
    ("Fin de l'étude", ["completion_date"]),
    ("Promotor", ["sponsor"]),
    ("Funder", []),
    ("Enfermedad estudiada", ["conditions"]),
])
def test_labels_are_classified_by_their_words(label, fields):
    assert labels.fields_for(label) == fields


def test_a_classified_value_is_kept_only_when_its_field_reads_it():
    assert labels.classify_pair("Statut", "Voir le protocole / See protocol") is None
    assert labels.classify_pair("Statut", "Rekrutierend / En recrutement") == ("status", "Rekrutierend")
    assert labels.classify_pair("Number of patients", "see protocol") is None


def test_unlisted_labels_in_two_languages_fill_the_record():
    result = record("Registernummer / Numéro de registre: NCT09100001\nStatut / Stato: En recrutement\n"
                    "Nombre de participants: 120 (international), dont 20 en Suisse\nÂge / Alter: ≥ 18 ans\n"
                    "Sexe: tous\nDébut de l'étude: 15.03.2024\nFin prévue de l'étude: 31.12.2029\n"
                    "Promoteur: Groupe Nord d'Oncologie\n")
    assert (result["status"], result["enrollment"], result["min_age_years"], result["sex"]) == ("RECRUITING", 120, 18, "ALL")
    assert (result["start_date"], result["completion_date"]) == ("2024-03-15", "2029-12-31")
    assert result["sponsor"] == "Groupe Nord d'Oncologie"


def test_pipe_rows_of_one_and_two_pairs():
    result = record("| NCT Number | NCT09100002 |\n| Phase of Study | Phase 3 | Type of Study | Interventional |\n"
                    "| Accrual Goal | 300 |\n")
    assert (result["phase"], result["study_type"], result["enrollment"]) == ("PHASE3", "INTERVENTIONAL", 300)


def test_a_line_run_together_is_split_at_its_labels():
    result = record("Trial ID: NCT09100003 Study Type: Interventional Recruitment Status: Recruiting Estimated "
                    "Enrollment: 48 participants Study Start (Actual): 2024-02-01 First Submitted: 2023-12-01\n")
    assert (result["study_type"], result["status"], result["enrollment"]) == ("INTERVENTIONAL", "RECRUITING", 48)
    assert result["start_date"] == "2024-02-01"


def test_an_id_beside_an_identifier_label_wins_over_a_companion_study():
    result = record("ClinicalTrials.gov: NCT09100004\n\nCompanion study: patients may also join a quality-of-life "
                    "study (NCT09100005).\n")
    assert result["nct_id"] == "NCT09100004" and result["related_nct_ids"] == ["NCT09100005"]


def test_ids_under_a_similar_trials_heading_are_not_candidates_nor_drugs():
    result = record("NCT09100006\n\nAbout\nA study of radiotherapy.\n\n🔗 Similar trials near you\n"
                    "Nivolumab for oral cancer\nNCT09100007 · Phase 2\n")
    assert result["nct_id"] == "NCT09100006"
    assert "nivolumab" not in [i["name"] for i in result["interventions"]]


def test_the_title_block_breaks_a_tie():
    result = record("NCT09100008\n\nSummary\nCompared with NCT09100009 this adds a drug.\n")
    assert result["nct_id"] == "NCT09100008"


def test_two_ids_with_nothing_to_choose_between_them_are_still_rejected():
    with pytest.raises(ImportRejected):
        record("Summary\nArm one follows NCT09100010 and arm two NCT09100011.\n")


@pytest.mark.parametrize("value, expected", [
    ("1b/2", "PHASE1_PHASE2"), ("Therapeutic confirmatory (Phase III)", "PHASE3"), ("Phase 2a", "PHASE2"),
])
def test_wider_phase_shapes(value, expected):
    assert normalise.phase(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("Region A: 30 | Whole trial: 90", 90), ('Total Size="75" Local Size="15"', 75),
    ("64 patients (32 per arm), allowing for drop-out", 64), ("2 cohorts, 40 each", None),
])
def test_the_whole_trials_count(value, expected):
    assert normalise.enrollment(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("18-64 years; 65-84 years; 85+ years", (18, None)), ("20-40 years; 41-60 years", (20, 60)),
    ("≥ 70 Jahre", (70, None)), ("21 Years to 65 Years (Adult, Older Adult)", (21, 65)), ("Adults (18 and over)", (18, None)),
])
def test_wider_age_shapes(value, expected):
    assert normalise.age_range(value) == expected


def test_a_date_with_a_note_in_brackets():
    assert normalise.iso_date("March 2031 (database lock)") == "2031-03"
    assert normalise.iso_date("Q1 2026 (planned February 2026)") == "2026-02"


def test_translated_and_symbol_eligibility_headings():
    result = record("NCT ID: NCT09100012\n✅ You may be eligible if\n• Adults\n• ECOG 0-1\n"
                    "Ausschlusskriterien / Critères d'exclusion\n• Prior radiotherapy\n")
    kinds = [c["kind"] for c in result["criteria"]]
    assert kinds == ["INCLUSION", "INCLUSION", "EXCLUSION"]


def test_sites_under_province_and_translated_country_headings():
    result = record("NCT ID: NCT09100013\n\nStudienzentren / Centres participants\nOntario\n"
                    "  Lakeside Cancer Centre, Hamilton\nSchweiz / Suisse\n  Spital Nord — Basel — Rekrutierend\n"
                    "Belgium — Authorised, recruiting\n  Gustave Clinic Group, Gent\n")
    assert [(s["name"], s["country"]) for s in result["sites"]] == [
        ("Lakeside Cancer Centre", "CA"), ("Spital Nord", "CH"), ("Gustave Clinic Group", "BE")]
    assert result["countries"] == ["CA", "CH", "BE"]


def test_a_region_fixes_the_country_but_a_two_letter_code_does_not():
    assert normalise.region_country("Sichuan") == "CN" and normalise.region_country("CA") is None


def test_a_code_name_opening_a_drug_label_is_the_agent():
    result = record("NCT ID: NCT09100014\nStudy drug: QX-2291, a tablet taken daily, plus cetuximab\n")
    assert {i["name"] for i in result["interventions"]} >= {"qx-2291", "cetuximab"}


@pytest.mark.parametrize("value, code", [
    ("Closed for inclusion, follow-up ongoing", "ACTIVE_NOT_RECRUITING"),
    ("Recruiting, closed for inclusion", None),  # parts that disagree
    ("Recruiting, see below", None),  # a part that is no status
    ("Open to new participants", "RECRUITING"),
])
def test_a_status_may_be_written_in_agreeing_comma_parts(value, code):
    assert normalise.status(value) == code


def test_a_value_in_two_scripts_is_read_in_either_order():
    assert labels.first_reading("Recruiting 招募中", normalise.status) == "RECRUITING"
    assert labels.first_reading("招募中 Recruiting", normalise.status) == "RECRUITING"


@pytest.mark.parametrize("value, names", [
    ("Canada, Korea, Republic of, Spain", ["Canada", "Korea, Republic of", "Spain"]),
    ("France; Germany", ["France", "Germany"]),
    ("Iran, Islamic Republic of", ["Iran, Islamic Republic of"]),
])
def test_country_lists_keep_names_written_with_a_comma(value, names):
    assert [name.strip() for name in normalise.split_countries(value)] == names


def test_a_prose_list_of_countries_keeps_iso_names_whole():
    found = record("NCT ID: NCT01234567\n\nThis study is taking place in 3 countries: Canada, Korea, Republic of, "
                   "Taiwan\n")
    assert found["countries"] == ["CA", "KR", "TW"]


def test_a_status_alone_on_a_line_of_the_title_block_is_the_trials():
    found = record("Open to new participants\n\nNCT ID: NCT01234567\nPhase: Phase 2\n")
    assert found["status"] == "RECRUITING"


def test_two_statuses_alone_in_the_title_block_give_none():
    found = record("Recruiting\nCompleted\n\nNCT ID: NCT01234567\nPhase: Phase 2\n")
    assert found["status"] is None


def test_an_ideographic_space_sets_label_and_value_apart():
    found = record("NCT ID: NCT01234567\nSubject Gender\u3000Male\nCountry\u3000Taiwan\n")
    assert (found["sex"], found["countries"]) == ("MALE", ["TW"])


def test_member_states_are_the_trials_countries():
    assert labels.fields_for("E.8.6.3 Member states") == ["countries"]


def test_a_heading_of_related_organisations_introduces_no_other_study():
    found = record("Recruitment status: Suspended\n\nOther related organizations\nStudy ID_1: NCT01234567\n"
                   "Org. issuing International ID_1: ClinicalTrials.gov\n")
    assert found["nct_id"] == "NCT01234567"


@pytest.mark.parametrize("value, count", [
    ("Enrolling ~48 people", 48),
    ("760 patients across the UK", 760),
    ("148 patients (74 per arm), allowing for drop-out", 148),
    ("two arms across the UK", None),
])
def test_a_count_opened_by_a_verb_or_closed_by_a_place_is_an_enrollment(value, count):
    assert normalise.enrollment(value) == count


def test_a_card_line_below_the_heading_may_count_its_places():
    rec = parse(("Finder · Head and neck cancer · Study\n\nA phase 1 trial of a new antibody in head and neck cancer\n\n"
                 "Phase 1 · Recruiting · Ages 18–99 · Male & Female · 12 locations\n\nTrial ID: NCT01234567\n").encode(), "page.txt")
    assert rec["title"] == "A phase 1 trial of a new antibody in head and neck cancer"
    assert (rec["phase"], rec["status"], rec["min_age_years"], rec["max_age_years"], rec["sex"]) == \
        ("PHASE1", "RECRUITING", 18, 99, "ALL")


def test_a_row_of_short_pieces_set_apart_by_dots_is_site_furniture_not_a_title():
    from trials.importer.generic import is_site_furniture
    assert is_site_furniture("Trialwise · Head and neck cancer · Study")
    assert not is_site_furniture("Nivolumab · a phase 2 trial of immunotherapy before surgery for tongue cancer")


def test_an_invitation_to_men_and_women_gives_the_sex():
    assert record("NCT ID: NCT01234567\nThis trial is open to men and women aged 18 and over.\n")["sex"] == "ALL"


def test_labels_glued_to_their_values_are_cut_apart():
    from trials.importer.generic import run_on_labels
    text = labels.split_run_on("StatusRecruitingPhasePhase 1/Phase 2Enrollment36 (estimated)SexAll\n"
                               "Start dateAugust 19, 2025Completion date (est.)December 30, 2028Last updateOctober 2, 2025\n"
                               "Buccal Mucosa CancerGingival Cancer", run_on_labels())
    assert text.split("\n") == ["Status: Recruiting", "Phase: Phase 1/Phase 2", "Enrollment: 36 (estimated)", "Sex: All",
                                "Start date: August 19, 2025", "Completion date (est.): December 30, 2028",
                                "Last update: October 2, 2025", "Buccal Mucosa CancerGingival Cancer"]


def test_a_german_registration_label_marks_the_page_s_own_id():
    rec = record("Registrierung: NCT06590238 | DRKS00034781\nWeitere Studien: PRONASO (NCT05789901)\n")
    assert rec["nct_id"] == "NCT06590238"


@pytest.mark.parametrize("value, count", [("84 Patientinnen und Patienten", 84), ("120 pacientes", 120), ("about 40 people", 40)])
def test_participant_nouns_of_other_languages_close_an_enrollment(value, count):
    assert normalise.enrollment(value) == count


@pytest.mark.parametrize("value, ages", [("18 bis 80 Jahre", (18, 80)), ("≥ 65 Jahre", (65, None)), ("79 or younger", (None, 79)),
                                         ("18 Years (Adult, Older Adult)", (18, None)), ("20歳以上", (20, None))])
def test_age_words_come_from_the_quantities_vocabulary(value, ages):
    assert normalise.age_range(value) == ages


def test_not_applicable_in_german_is_no_phase():
    assert normalise.phase("nicht anwendbar") == "NA"
    assert labels.fields_for("Geplante Fallzahl") == ["enrollment"]


def test_german_and_french_disease_words_name_a_condition_inside_a_compound():
    assert normalise.condition_names("Nasennebenhöhlenkarzinom; Ästhesioneuroblastom") == \
        ["Nasennebenhöhlenkarzinom", "Ästhesioneuroblastom"]
    assert normalise.condition_names("Carcinome adénoïde kystique") == ["Carcinome adénoïde kystique"]


def test_a_phase_in_a_sentence_naming_another_trial_is_that_trial_s():
    rec = parse(b"Access to drug X for head and neck cancer\nClinicalTrials.gov: NCT01234567\n\n"
                b"Not for patients eligible for NCT07654321 (drug X plus pembrolizumab, phase 3).\n", "page.txt")
    assert rec["nct_id"] == "NCT01234567"
    assert rec["phase"] is None


def test_an_aside_ends_at_a_site_list_heading():
    rec = parse("A study of drug X in head and neck cancer\n\nFAQs\n\nWill it cost me anything?\nNo.\n\n"
                "Find a Study Site\nFrance\n  Institut Curie – Paris\n\n"
                "ClinicalTrials.gov identifier: NCT01234567  |  Protocol: X-201\n".encode(), "page.txt")
    assert rec["nct_id"] == "NCT01234567"
    assert rec["countries"] == ["FR"]


def test_a_card_line_may_hold_a_place_and_an_update_stamp():
    rec = parse(b"Proton re-irradiation for recurrent head and neck cancer\n\n"
                b"Withdrawn \xc2\xb7 N/A \xc2\xb7 Goyang, South Korea \xc2\xb7 Updated Feb 2025\n\nNCT01234567\n", "page.txt")
    assert (rec["status"], rec["phase"], rec["countries"]) == ("WITHDRAWN", "NA", ["KR"])


def test_zero_participants_is_a_count_but_a_bare_zero_is_not():
    assert normalise.enrollment("0 participants") == 0
    assert normalise.enrollment("0") is None


def test_a_site_list_on_one_labelled_line_gives_each_site_and_its_country():
    result = record("NCT ID: NCT09100011\nParticipating sites: National Cancer Centre Singapore; "
                    "Prince of Wales Hospital, Hong Kong; Centre Léon Bérard (Lyon)\n")
    assert [(s["name"], s["city"], s["country"]) for s in result["sites"]] == [
        ("National Cancer Centre Singapore", None, None), ("Prince of Wales Hospital", "Hong Kong", "HK"),
        ("Centre Léon Bérard", "Lyon", "FR")]
    assert result["countries"] == ["HK", "FR"]


def test_a_single_labelled_name_is_no_site_list():
    from trials.importer import locations
    assert locations.listed_sites("see the list below") == []
    assert locations.listed_sites("Tata Memorial Hospital") == []
    assert locations.listed_sites("Protocol amendment; pending review") == []


def test_a_line_of_countries_under_a_site_heading_gives_the_countries():
    result = record("NCT ID: NCT09100012\n\nWhere is the study taking place?\nThe study runs at 180 hospitals in:\n"
                    "Argentina · Republic of Korea · Türkiye · United States\n")
    assert sorted(result["countries"]) == ["AR", "KR", "TR", "US"]


@pytest.mark.parametrize("value, code", [
    ("Clos aux inclusions (suivi en cours)", "ACTIVE_NOT_RECRUITING"),
    ("Completed recruitment – patients in follow-up", "ACTIVE_NOT_RECRUITING"),
    ("Rekrutierung noch nicht begonnen", "NOT_YET_RECRUITING"),
    ("Recruiting - Phase 3", None),
])
def test_a_status_is_read_before_a_remark_and_from_dashed_parts(value, code):
    assert normalise.status(value) == code


def test_a_status_each_site_gives_in_a_site_list_is_not_the_trials():
    sites = ("Locations\nMercy Hospital, Springfield, Illinois\nStatus: Active\n\n"
             "Lakeside Cancer Center, Chicago, Illinois\nStatus: Temporarily closed to accrual\n")
    assert record("NCT ID: NCT09100013\n\n" + sites)["status"] is None
    assert record("NCT ID: NCT09100013\nStatus: Open to accrual\n\n" + sites)["status"] == "RECRUITING"


def test_a_trial_status_below_a_navigation_row_naming_locations_is_read():
    result = record("Home   Locations   Research   Give\nNCT ID: NCT09100014\nStatus: Temporarily closed to accrual\n")
    assert result["status"] == "SUSPENDED"


def test_a_site_line_with_its_status_after_a_dot_gives_the_site():
    from trials.importer import locations
    found = locations.one_line_site("Instituto Alexander Fleming — Buenos Aires, Argentina · Not yet recruiting", None)
    assert (found["name"], found["city"], found["country"], found["status"]) == \
        ("Instituto Alexander Fleming", "Buenos Aires", "AR", "NOT_YET_RECRUITING")
