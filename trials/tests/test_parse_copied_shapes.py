"""Mechanisms for pages copied from sites nobody has seen, each on a small hand-made input: values with a
translation or a remark in brackets, eligibility headings known by their shape, typed intervention lists
run together, site lists in the shapes such pages print, and copies gone wrong (two columns interleaved,
a label and its value on separate lines)."""
import pytest

from trials.importer import labels, parse
from trials.importer.criteria import split_criteria

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
