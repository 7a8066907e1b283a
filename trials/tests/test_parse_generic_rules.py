"""General rules of the generic path, each on a small hand-made page: values below their labels, glued
labels, the page's own trial among several IDs, sites and eligibility in the shapes registries print."""
import pytest

from trials.importer import ImportRejected, normalise, parse

TITLE = "A phase 2 trial of cisplatin with radiotherapy in oropharyngeal cancer\n"


def record(text):
    return parse((TITLE + text).encode(), "page.txt")


def test_a_news_page_names_its_own_trial_and_a_separate_one():
    text = ("Doctors have opened a study of nivolumab (NCT09000001) in throat cancer.\n\n"
            "Last year a separate trial of camrelizumab (NCT09000002) reported results.\n")
    result = record(text)
    assert result["nct_id"] == "NCT09000001" and result["related_nct_ids"] == ["NCT09000002"]
    assert any("different study" in warning for warning in result["warnings"])


def test_two_ids_neither_introduced_as_another_study_are_still_rejected():
    with pytest.raises(ImportRejected):
        record("The first study, NCT09000001, tests cetuximab.\nThe second study, NCT09000002, tests nivolumab.\n")


def test_values_on_the_line_below_their_labels():
    result = record("Main ID\nNCT09000003\nInclusion age min\n20 Years\nInclusion age max\n75 Years\n"
                    "Inclusion gender\nAll\nRecruiting status:\nRecruiting\nTarget disease:\nLaryngeal cancer\n")
    assert (result["min_age_years"], result["max_age_years"], result["sex"], result["status"]) == (20, 75, "ALL", "RECRUITING")
    assert result["conditions"] == ["Laryngeal cancer"]


def test_qualified_values_below_a_label_prefer_the_actual_one():
    result = record("NCT ID: NCT09000004\nDate of first participant enrolment\nAnticipated\n2024-09-01\nActual\n"
                    "2024-09-16\nSample size\nTarget\n64\nAccrual to date\n27\n")
    assert (result["start_date"], result["enrollment"]) == ("2024-09-16", 64)


def test_two_labels_on_one_line_and_a_label_without_value():
    result = record("NCT ID: NCT09000005\nMin age: 18  Max age: 65\nTarget disease code:\nC11\n")
    assert (result["min_age_years"], result["max_age_years"], result["conditions"]) == (18, 65, [])


def test_labels_glued_to_their_values():
    result = record("NCT ID: NCT09000006\nSponsorNorth Coast University Hospital\nEst. completionDec 2028\n"
                    "ConditionsOral Squamous Cell CarcinomaOral Cavity Cancer\n")
    assert result["sponsor"] == "North Coast University Hospital" and result["completion_date"] == "2028-12"
    assert result["conditions"] == ["Oral Squamous Cell Carcinoma", "Oral Cavity Cancer"]


def test_a_study_period_gives_start_and_completion():
    result = record("NCT ID: NCT09000007\nStudy execute time:\nFrom 2024-06-01 To 2030-12-31\n")
    assert (result["start_date"], result["completion_date"]) == ("2024-06-01", "2030-12-31")


def test_a_group_size_is_not_the_enrollment():
    assert record("NCT ID: NCT09000008\nGroup: Experimental group\nSample size: 214\n")["enrollment"] is None


def test_several_condition_lines_below_one_label():
    result = record("NCT ID: NCT09000009\nCancer type:\nHead and neck cancer\nOropharyngeal cancer\nStatus: Open\n")
    assert result["conditions"] == ["Head and neck cancer", "Oropharyngeal cancer"]


@pytest.mark.parametrize("read, value, expected", [
    (normalise.study_type, "Interventional (randomized, open label)", "INTERVENTIONAL"),
    (normalise.study_type, "interventional, randomised, two-arm, multicentre", "INTERVENTIONAL"),
    (normalise.enrollment, "86 (43 per arm)", 86),
    (normalise.enrollment, "120 (estimated)", 120),
    (normalise.age_range, "18+ years", (18, None)),
    (normalise.age_range, ">= 20age old", (20, None)),
    (normalise.sex, "all genders", "ALL"),
    (normalise.sex, "Both males and females", "ALL"),
    (normalise.status, "Active", None),
])
def test_value_shapes(read, value, expected):
    assert read(value) == expected


def test_the_page_s_other_dates_tell_day_from_month():
    result = record("NCT ID: NCT09000010\nDate of registration: 19/04/2024\nStart of study: 01.06.2024\n"
                    "End of study: 02/03/2030\n")
    assert (result["start_date"], result["completion_date"]) == ("2024-06-01", "2030-03-02")
    assert normalise.date_order("registered 04/19/2024, started 05/06/2024") is False
    assert normalise.date_order("19/04/2024 and 04/19/2024") is None


def test_bulleted_age_item_does_not_end_the_list_and_a_later_exclusion_list_is_read():
    result = record("NCT ID: NCT09000011\nEligibility Criteria\nInclusion Criteria\n* Squamous cell carcinoma\n"
                    "* Age >= 18\n* Consent\n\nMinimum age\n18 Years\nKey exclusion criteria\n1. Prior radiotherapy\n"
                    "2. Pregnancy\n")
    kinds = [c["kind"] for c in result["criteria"]]
    assert kinds == ["INCLUSION"] * 3 + ["EXCLUSION"] * 2


def test_glued_numbers_plain_headings_and_a_count_after_a_heading():
    result = record("NCT ID: NCT09000012\nInclusion:\n1.Histologically confirmed\n2.ECOG 0-1\n"
                    "You can't join this trial if any of these apply. You:\n- have had radiotherapy\n"
                    "- are pregnant\nLocations(2)\nNorth Coast University Hospital — Sydney, Australia\n")
    assert [(c["kind"], c["text"]) for c in result["criteria"]] == [
        ("INCLUSION", "Histologically confirmed"), ("INCLUSION", "ECOG 0-1"),
        ("EXCLUSION", "have had radiotherapy"), ("EXCLUSION", "are pregnant")]


def test_a_day_month_date_no_other_date_explains_is_left_empty_with_a_warning():
    result = record("NCT ID: NCT09000013\nStart of trial: 12/09/2023\n")
    assert result["start_date"] is None and any("12/09/2023" in w for w in result["warnings"])


@pytest.mark.parametrize("lines, expected", [
    (["Norway", "Oslo", "Radium Hospital Oslo", "Status: Active", "Phone: 000", "", "Bergen",
      "Haukeland University Hospital"], [("Radium Hospital Oslo", "Oslo", "NO"), ("Haukeland University Hospital", "Bergen", "NO")]),
    (["Country: China", "Province: Hunan", "City: Changsha", "Institution/hospital: Xiangya Hospital",
      "Level of the institution: Tertiary A"], [("Xiangya Hospital", "Changsha", "CN")]),
    (["Recruiting · Asan Medical Center · Seoul, Korea, Republic of"], [("Asan Medical Center", "Seoul", "KR")]),
    (["Korea, Republic of", "Asan Medical Center — Seoul — Recruiting"], [("Asan Medical Center", "Seoul", "KR")]),
    (["Royal Infirmary, Leeds"], [("Royal Infirmary", "Leeds", "GB")]),
    (["Kyoto University Hospital (Kyoto, Kyoto)"], [("Kyoto University Hospital", "Kyoto", "JP")]),
    (["West Lake Medical Center, Zhejiang UniversityHangzhou, Zhejiang, ChinaRecruiting"],
     [("West Lake Medical Center, Zhejiang University", "Hangzhou", "CN")]),
    (["Lakeside Hospital — Springfield, MA"], [("Lakeside Hospital", "Springfield", "US")]),
])
def test_site_lists_in_the_shapes_pages_print(lines, expected):
    from trials.importer.locations import read_sites
    assert [(s["name"], s["city"], s["country"]) for s in read_sites(lines)] == expected


def test_numbered_recruitment_hospitals_anywhere_on_the_page():
    result = record("NCT ID: NCT09000014\nRecruitment hospital [1] - Harbourside Lifehouse - Camperdown\n")
    assert [(s["name"], s["city"]) for s in result["sites"]] == [("Harbourside Lifehouse", "Camperdown")]
    assert result["interventions"][0]["name"] == "cisplatin"


def drugs(result):
    return [i["name"] for i in result["interventions"] if i["kind"] in ("DRUG", "BIOLOGICAL")]


def test_an_alias_in_parentheses_names_no_further_agent():
    from trials.importer.interventions import drugs_in_prose
    assert drugs_in_prose("sacituzumab tirumotecan (also called sac-TMT or MK-2870) with cisplatin") == [
        "sacituzumab tirumotecan", "cisplatin"]


def test_glued_typed_interventions_and_regimen_codes_in_an_intervention():
    result = record("NCT ID: NCT09000015\nInterventions\nDrugToripalimab240 mg on day 1\nProcedureRadical surgeryResection\n")
    assert drugs(result) == ["toripalimab"] and "surgery" in [i["name"] for i in result["interventions"]]
    result = record("NCT ID: NCT09000016\nIntervention: Toripalimab + GP induction chemotherapy\n")
    assert drugs(result) == ["toripalimab", "gemcitabine", "cisplatin"]


def test_a_sentence_about_another_trial_names_none_of_this_trial_s_drugs():
    result = parse(("Nivolumab before radiotherapy in throat cancer\n\nThe trial (NCT09000017) adds nivolumab.\n"
                    "A separate trial of camrelizumab (NCT09000018) reported results.\n").encode(), "page.txt")
    assert drugs(result) == ["nivolumab"]


def test_a_status_badge_above_the_title_and_an_age_in_plain_words():
    result = parse(("RECRUITING\nA study of cisplatin with radiotherapy in throat cancer\nNCT ID: NCT09000019\n"
                    "Inclusion criteria\n- are at least 18 years old\n").encode(), "page.txt")
    assert (result["status"], result["min_age_years"]) == ("RECRUITING", 18)


@pytest.mark.parametrize("lines, expected", [
    (["Karolinska Universitetssjukhuset, Solna", "Rigshospitalet, Köpenhamn (Danmark)"],
     [("Karolinska Universitetssjukhuset", "Solna", "SE"), ("Rigshospitalet", "Köpenhamn", "DK")]),
    (["Norway", "Oslo", "Bergen"], []),  # cities alone name no facility
])
def test_compound_hospital_words_and_a_country_in_brackets_after_the_address(lines, expected):
    from trials.importer.locations import read_sites
    assert [(s["name"], s["city"], s["country"]) for s in read_sites(lines)] == expected


def test_a_question_title_a_card_in_the_paragraph_below_and_its_countries():
    text = ("Could starting with chemotherapy help people keep their voice box?\n\n"
            "NCT09000081 · Phase 3 · Not yet recruiting · Egypt, Turkey\n")
    result = parse(text.encode(), "page.txt")
    assert result["title"] == "Could starting with chemotherapy help people keep their voice box?"
    assert (result["phase"], result["status"], result["countries"]) == ("PHASE3", "NOT_YET_RECRUITING", ["EG", "TR"])


def test_a_section_question_is_no_title():
    from trials.importer.generic import is_question_title
    assert not is_question_title("Who can take part in this trial?")


def test_a_bare_age_range_in_a_card_and_pairs_in_a_row_of_cells():
    result = record("\nRecruiting | Phase 2 | 88 participants | Ages 20-75 | All sexes\nNCT ID: NCT09000082\n"
                    "Study start: 2024-07-01 | Primary completion: 2027-01-31 | Study completion: 2029-01-31\n")
    assert (result["min_age_years"], result["max_age_years"], result["enrollment"]) == (20, 75, 88)
    assert (result["start_date"], result["completion_date"]) == ("2024-07-01", "2029-01-31")


def test_labels_set_off_by_a_dash():
    result = record("NCT ID: NCT09000083\nTrial status — Closed to new patients (follow-up ongoing)\n"
                    "Sponsor — Hellenic Cooperative Oncology Group (HeCOG)\nStudy start — 11 December 2023\n")
    assert (result["status"], result["sponsor"], result["start_date"]) == \
        ("ACTIVE_NOT_RECRUITING", "Hellenic Cooperative Oncology Group (HeCOG)", "2023-12-11")


@pytest.mark.parametrize("line", ["Trial IDNCT09000086", "IDNCT09000086 · Open", "Registry: ClinicalTrials.govNCT09000086"])
def test_an_nct_id_glued_to_an_upper_case_label(line):
    assert record(f"A trial of radiotherapy for laryngeal cancer\n{line}\n")["nct_id"] == "NCT09000086"


def test_an_nct_id_glued_to_its_label_and_a_spanish_foundation_site():
    result = record("NCT NumberNCT09000084\n\nLocations\nFundación Arturo López Pérez, Santiago, Chile\n")
    assert result["nct_id"] == "NCT09000084"
    assert [(s["name"], s["country"]) for s in result["sites"]] == [("Fundación Arturo López Pérez", "CL")]


@pytest.mark.parametrize("heading", ["Study Site", "Implementing facility", "Where the study took place"])
def test_more_headings_of_a_site_list(heading):
    result = record(f"NCT ID: NCT09000085\n\n{heading}\nShaukat Khanum Memorial Cancer Hospital, Lahore, Pakistan\n")
    assert [(s["city"], s["country"]) for s in result["sites"]] == [("Lahore", "PK")]


def test_a_registry_country_name_with_its_form_in_brackets():
    assert normalise.country_code("Iran (Islamic Republic of)") == "IR"


def test_a_card_line_beside_the_id_ends_with_its_sponsor():
    text = ("Search results\n\nA phase 3 trial of cetuximab versus docetaxel in recurrent head and neck cancer\n"
            "NCT09000011 · Phase 3 · Recruiting · Example Medical, Inc.\nConditions: Head and neck cancer\n")
    result = parse(text.encode(), "page.txt")
    assert (result["phase"], result["status"], result["sponsor"]) == ("PHASE3", "RECRUITING", "Example Medical, Inc.")


def test_a_breadcrumb_ending_at_the_trial_id_is_not_the_title_and_yrs_reads_as_ages():
    text = ("Throat Cancer  >  Trial NCT09000012\n\nRadiotherapy dose reduction for throat cancer\n\n"
            "Recruiting  |  Phase 2  |  18–70 yrs  |  All sexes  |  160 volunteers\n")
    result = parse(text.encode(), "page.txt")
    assert result["title"] == "Radiotherapy dose reduction for throat cancer"
    assert (result["status"], result["min_age_years"], result["max_age_years"], result["sex"]) == ("RECRUITING", 18, 70, "ALL")


def test_a_registry_phase_of_trial_label():
    assert record("Trial ID: NCT09000013\nPhase of Trial: Phase 3\n")["phase"] == "PHASE3"
