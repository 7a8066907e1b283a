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
