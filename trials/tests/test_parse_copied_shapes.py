"""Mechanisms for pages copied from sites nobody has seen, each on a small hand-made input: values with a
translation or a remark in brackets, eligibility headings known by their shape, typed intervention lists
run together, site lists in the shapes such pages print, and copies gone wrong (two columns interleaved,
a label and its value on separate lines)."""
import pytest

from trials.importer import columns, labels, locations, parse
from trials.importer.criteria import split_criteria
from trials.importer.text import Page, key

TITLE = "A phase 2 trial of cisplatin with radiotherapy in laryngeal cancer\nNCT ID: NCT09100001\n"


def record(text):
    return parse((TITLE + text).encode(), "page.txt")


def test_a_value_with_a_translation_or_a_remark_in_brackets_is_read():
    result = record("Situação / Status: Recrutando (Recruiting)\nSexo / Sex: Ambos (All)\n"
                    "Idade / Age: 18 anos ou mais (18 years or older)\n")
    assert (result["status"], result["sex"], result["min_age_years"]) == ("RECRUITING", "ALL", 18)
    assert labels.first_reading("Recruiting (enrolment opened November 2024)", labels.READERS["status"]) == "RECRUITING"


def test_counts_are_never_read_as_a_value_in_two_languages():
    assert labels.readings("60 / 540") == ["60 / 540"]
    assert labels.readings("Phase I (96)") == ["Phase I (96)"]


@pytest.mark.parametrize("heading, kind", [
    ("Who may join", "INCLUSION"),
    ("Who may not join", "EXCLUSION"),
    ("You might qualify if:", "INCLUSION"),
    ("You probably can't join if:", "EXCLUSION"),
    ("You may not be able to join this study if you:", "EXCLUSION"),
    ("MAIN NON-INCLUSION CRITERIA", "EXCLUSION"),
])
def test_eligibility_headings_are_known_by_their_shape(heading, kind):
    items = split_criteria(f"{heading}\n- first item\n- second item\n").items
    assert items == [(kind, "first item"), (kind, "second item")]


def test_a_sentence_about_joining_is_no_heading():
    assert split_criteria("You can join this trial if you are 18 or older. Ask your doctor.\n- a\n").items == []


def test_a_typed_intervention_list_on_one_line_is_not_split_at_its_types():
    line = "Interventions: Drug: cemiplimab; Drug: carboplatin; Procedure: surgical resection; Radiation: postoperative radiotherapy"
    assert labels.split_run_on(line, ("Interventions",)) == line


def sites(text):
    return [(s["name"], s["city"], s["country"], s["status"]) for s in locations.read_sites(text.split("\n"))]


def test_site_columns_set_apart_by_wide_gaps_under_country_headings():
    assert sites("United States\n  Moffitt Cancer Center          Tampa, Florida          Recruiting\n"
                 "Spain\n  Hospital Universitario 12 de Octubre          Madrid          Not yet recruiting") == [
        ("Moffitt Cancer Center", "Tampa", "US", "RECRUITING"),
        ("Hospital Universitario 12 de Octubre", "Madrid", "ES", "NOT_YET_RECRUITING")]


def test_a_leading_state_column_and_a_province_code_place_a_site():
    assert sites("NSW    Calvary Mater Newcastle — Newcastle — Recruiting\nNZ     Auckland City Hospital — Auckland — Pending") == [
        ("Calvary Mater Newcastle", "Newcastle", "AU", "RECRUITING"), ("Auckland City Hospital", "Auckland", "NZ", "NOT_YET_RECRUITING")]
    assert sites("Canada\n  BC Cancer - Vancouver - Vancouver, BC\nAustralia (via TROG)\n  Peter MacCallum Cancer Centre - Melbourne, VIC") == [
        ("BC Cancer - Vancouver", "Vancouver", "CA", None), ("Peter MacCallum Cancer Centre", "Melbourne", "AU", None)]


def test_a_country_label_lists_its_sites_and_a_distance_is_no_part_of_an_address():
    assert sites("Ireland: St James's Hospital, Dublin; Cork University Hospital, Cork\nUK: Queen Elizabeth Hospital Birmingham, Birmingham") == [
        ("St James's Hospital", "Dublin", "IE", None), ("Cork University Hospital", "Cork", "IE", None),
        ("Queen Elizabeth Hospital Birmingham", "Birmingham", "GB", None)]
    assert sites("📍 Hospital Universitario La Paz · Madrid, Spain · 4 km · Recruiting") == [
        ("Hospital Universitario La Paz", "Madrid", "ES", "RECRUITING")]


def test_a_city_line_below_a_facility_and_the_end_of_a_list():
    assert sites("Linkou Chang Gung Memorial Hospital\nTaoyuan\n© 2025 Example Cancer Center, Boston, MA") == [
        ("Linkou Chang Gung Memorial Hospital", "Taoyuan", "TW", None)]
    assert sites("CCTG is a cooperative group funded by the Canadian Cancer Society. 10 Stuart Street, Kingston, ON") == []


def test_a_site_list_heading_may_name_its_country():
    page = Page("Hospitals in the UK taking part included:\n- The Christie, Manchester\n")
    headings = locations.location_headings(page, set())
    assert headings == ["Hospitals in the UK taking part included:"]
    assert locations.heading_place(headings[0]) == "GB"
    assert key("Where it's happening (showing 6 of 130 locations)") == "where it's happening"


LEFT = ["Sponsor: GORTEC", "Phase: III", "Status: Recruiting", "Planned inclusions: 380 patients",
        "Estimated end of study: February 2030", "Population: patients aged 70 or over, any sex"]
RIGHT = ["LATEST NEWS", "Annual meeting, Tours", "NEWSLETTER", "Deadline 30 June", "Subscribe to our news", "FOLLOW US"]


def test_two_interleaved_columns_are_set_apart():
    woven = "\n".join(f"{left:<48}{right}" for left, right in zip(
        ["A trial of cetuximab with hypofractionated radiotherapy"] + LEFT, [""] + RIGHT))
    text, unwoven = columns.unweave(woven)
    assert unwoven and text.split("\n") == ["A trial of cetuximab with hypofractionated radiotherapy"] + LEFT + [""] + RIGHT
    result = record(woven)
    assert (result["sponsor"], result["status"], result["enrollment"], result["completion_date"], result["sex"]) == (
        "GORTEC", "RECRUITING", 380, "2030-02", "ALL")


def test_a_facts_box_is_no_second_column():
    box = "\n".join(f"{label:<44}{value}" for label, value in [
        ("Phase", "III"), ("Status", "Recruiting"), ("Sponsor", "GORTEC"), ("Sex", "All"), ("Age", "18+"), ("Type", "x")])
    assert columns.unweave(box) == (box, False)


def test_a_strict_label_is_set_apart_from_its_value_by_a_wide_gap():
    result = record("Key facts\nTreatments       Buparlisib (AN2025), Paclitaxel, Placebo\n\n"
                    "Earlier treatment with nivolumab is allowed.\n")
    assert [i["name"] for i in result["interventions"] if i["kind"] == "DRUG"] == ["buparlisib", "paclitaxel"]


def test_a_line_whose_breaks_were_lost_is_cut_before_the_words_that_open_a_label():
    line = ("Phase: Phase 3 Status: Open for recruitment Target accrual: 324 Eligible age: 21 to 75 years "
            "Study start: 01 August 2024 Study end: 31 July 2030 Conditions: Nasopharyngeal Carcinoma")
    assert labels.split_run_on(line, ("Phase", "Status", "Target Accrual", "Age", "Start", "End", "Conditions")).split("\n") == [
        "Phase: Phase 3", "Status: Open for recruitment", "Target accrual: 324", "Eligible age: 21 to 75 years",
        "Study start: 01 August 2024", "Study end: 31 July 2030", "Conditions: Nasopharyngeal Carcinoma"]


def test_a_breadcrumb_that_lost_its_line_break_ends_in_the_title():
    result = parse(b"Home > Research > Head & Neck Metronomic capecitabine after chemoradiotherapy in nasopharyngeal "
                   b"carcinoma: a randomised phase III trial\nPrincipal Investigator: Dr Tan\nTrial ID: NCT09100001\n", "p.txt")
    assert result["title"].startswith("Head & Neck Metronomic capecitabine")


def test_a_who_portal_s_glued_age_labels_and_a_status_in_plain_words():
    result = record("Inclusion agemin: 18 Years\nInclusion agemax: 65 Years\nStatus: accepting new patients\n")
    assert (result["min_age_years"], result["max_age_years"], result["status"]) == (18, 65, "RECRUITING")
