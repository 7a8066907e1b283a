"""Registry-mirror, pharma-strip and news shapes, each on a small hand-made input: related-trial labels,
'Other related information' sections, unicode roman phases, sponsor block numbers, labelled card pieces
without colons, glued strips, and values on the line below their label."""
from trials.importer import generic, labels, normalise, parse

TITLE = "A phase 2 trial of cisplatin with radiotherapy in laryngeal cancer\n"


def record(text):
    return parse((TITLE + text).encode(), "page.txt")


def test_a_sentence_opened_by_related_names_another_trial():
    rec = record("The single-arm study (NCT09100001) will enroll 60 adults.\n\n"
                 "Related: A phase 1b study of another drug (NCT09100002) is also enrolling.\n")
    assert rec["nct_id"] == "NCT09100001"


def test_other_related_information_is_the_record_s_own_section():
    rec = record("Primary Sponsor\nAcme Hospital\n\nOther related information\nOther registration ID\nNCT09100003\n")
    assert rec["nct_id"] == "NCT09100003"


def test_a_locations_label_listing_only_countries_gives_countries():
    assert record("Locations: United States, Japan, South Korea\nNCT ID: NCT09100004\n")["countries"] == ["US", "JP", "KR"]
    assert labels.classify_pair("Location", "Mayo Clinic, Rochester") is None


def test_unicode_roman_numerals_read_as_a_phase():
    assert normalise.phase("Ⅲ") == "PHASE3"
    assert normalise.phase("Phase Ⅱ/Ⅲ") == "PHASE2_PHASE3"


def test_a_number_names_no_sponsor():
    assert record("NCT ID: NCT09100005\nB.Sponsor: 1\n")["sponsor"] is None
    assert not labels.accepts_name("1")


def test_a_card_piece_may_open_with_its_label_and_no_colon():
    assert generic.card_piece("Status Terminated") == ("status", "Terminated")
    assert generic.card_piece("Start Dec 2020") == ("start_date", "Dec 2020")
    assert generic.card_piece("Sponsor Acme") is None
    rec = record("\nStatus Terminated | Phase 3 | 700 participants | 18 to 80 years | Start Dec 2020 | End Jun 2024\n\n"
                 "ClinicalTrials.gov: NCT09100006\n")
    assert (rec["status"], rec["enrollment"], rec["start_date"], rec["completion_date"]) == ("TERMINATED", 700, "2020-12", "2024-06")


def test_a_glued_strip_splits_after_a_plus_and_before_a_label_glued_to_its_figure():
    text = labels.split_run_on("StatusRecruitingAge18+SexAll genders Participants52 (estimated)CompletionDec 2026",
                               generic.run_on_labels())
    assert text.split("\n") == ["Status: Recruiting", "Age: 18+", "Sex: All genders", "Participants: 52 (estimated)",
                                "Completion: Dec 2026"]


def test_a_classified_label_alone_takes_the_value_on_the_line_below():
    rec = record("NCT ID: NCT09100007\n\nType of trial\ninterventional\nDate trial ends\n2028/09/30\n")
    assert (rec["study_type"], rec["completion_date"]) == ("INTERVENTIONAL", "2028-09-30")


def test_a_heading_over_prose_items_or_pairs_gives_no_value_below():
    rec = record("NCT ID: NCT09100008\n\nPromotor\nThe trial is paid for by a charity.\nStudy status\n"
                 "Sponsor: 1\n* Active autoimmune disease\n* Interstitial lung disease\nRecruiting\nCompleted\n")
    assert (rec["sponsor"], rec["status"], rec["conditions"]) == (None, None, [])


def test_a_section_heading_over_its_first_label_is_no_label():
    rec = record("NCT ID: NCT09100009\n\nB. Sponsor Information\nB.1.1 Name of Sponsor\nAcme University Hospital\n")
    assert rec["sponsor"] == "Acme University Hospital"
    assert labels.is_section_heading("Sponsor information")


def test_a_count_of_sites_after_a_country_is_no_part_of_its_name():
    assert [normalise.country_code(t) for t in ("United States (38)", "France (11 sites)", "Spain – 4 sites")] == ["US", "FR", "ES"]
    assert normalise.country_code("Mayo Clinic (3)") is None


def test_a_list_counting_each_country_s_sites_gives_countries_and_no_site():
    rec = record("NCT ID: NCT09100010\n\nStudy Locations\nCountry (sites)\nUnited States (38)\nBrazil (9)\n"
                 "Republic of Korea (12)\n")
    assert (rec["countries"], rec["sites"]) == (["US", "BR", "KR"], [])


def test_a_comma_inside_brackets_does_not_split_a_condition():
    assert normalise.split_conditions("Nasopharyngeal carcinoma (stage III–IVA, AJCC 9th); Oral cancer") == [
        "Nasopharyngeal carcinoma (stage III–IVA, AJCC 9th)", "Oral cancer"]


def test_a_checklist_ticks_the_phase_and_the_sexes():
    rec = record("NCT ID: NCT09100011\nE.7.2 Therapeutic exploratory (Phase II): No\n"
                 "E.7.3 Therapeutic confirmatory (Phase III): Yes\nF.2.1 Female: Yes\nF.2.2 Male: Yes\n")
    assert (rec["phase"], rec["sex"]) == ("PHASE3", "ALL")
    two = record("NCT ID: NCT09100012\nE.7.2 Therapeutic exploratory (Phase II): Yes\n"
                 "E.7.3 Therapeutic confirmatory (Phase III): Yes\nF.2.1 Female: Yes\nF.2.2 Male: No\n")
    assert (two["sex"], two["phase"] != "PHASE3") == ("FEMALE", True)
