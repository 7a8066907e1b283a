"""Eligibility text to top-level items: bullets, numbers, circled numerals, items run together on one line."""
from trials.importer.criteria import split_criteria


def counts(text):
    items = split_criteria(text).items
    return [t for k, t in items if k == "INCLUSION"], [t for k, t in items if k == "EXCLUSION"]


def test_items_glued_on_one_line_with_stars():
    inclusion, exclusion = counts("Inclusion Criteria: * a first * Age ≥ 20 years Exclusion Criteria: * not meeting "
                                  "the inclusion criteria * c")
    assert inclusion == ["a first", "Age ≥ 20 years"]
    assert exclusion == ["not meeting the inclusion criteria", "c"]


def test_items_glued_with_dashes_and_a_closing_section():
    inclusion, exclusion = counts("Inclusion Criteria: - one - two Exclusion Criteria: - three "
                                  "Criteria for terminating the study - leaves the study |")
    assert (inclusion, exclusion) == (["one", "two"], ["three"])


def test_numbered_items_glued_keep_decimals_inside_items():
    inclusion, _ = counts("Inclusion Criteria (Both Phase I and Phase II) 1. Creatinine ≤ 1.5x ULN 2. RECIST 1.1. "
                          "3. Age ≥18 years.")
    assert inclusion == ["Creatinine ≤ 1.5x ULN", "RECIST 1.1.", "Age ≥18 years."]


def test_numbered_lines_with_sub_bullets_attached_to_their_parent():
    text = ("Inclusion Criteria:\n\n  1. Consent\n  2. Adequate function\n    • Hemoglobin ≥ 9.0 g/dL\n"
            "    • ANC ≥ 1,000/mm3\n\nExclusion Criteria:\n\n  1. Metastasis\n  2. Pregnancy\n")
    inclusion, exclusion = counts(text)
    assert inclusion == ["Consent", "Adequate function\n• Hemoglobin ≥ 9.0 g/dL\n• ANC ≥ 1,000/mm3"]
    assert exclusion == ["Metastasis", "Pregnancy"]


def test_circled_numerals():
    inclusion, _ = counts("Inclusion Criteria:\n①Adults\n②Consent\n③ECOG 0-1\n")
    assert inclusion == ["Adults", "Consent", "ECOG 0-1"]


def test_numbering_with_gaps_is_skipped_with_a_warning():
    result = split_criteria("Inclusion Criteria\n2. b\n3. c\n5. e\nExclusion Criteria\n1. x\n2. y\n")
    assert [k for k, _ in result.items] == ["EXCLUSION", "EXCLUSION"]
    assert result.warnings == ["Inclusion criteria skipped: the items are numbered 2, 3, 5, so some are missing from the copy."]


def test_staircase_of_nested_bullets_is_skipped_with_a_warning():
    result = split_criteria("Inclusion Criteria:\n\n* a\n\n  * b\n\n    * c\n\n      * d\n")
    assert result.items == []
    assert "nested under the one before" in result.warnings[0]


def test_a_mention_of_criteria_inside_an_item_is_no_header():
    inclusion, exclusion = counts("Inclusion Criteria: * meets the exclusion criteria review * b")
    assert (len(inclusion), exclusion) == (2, [])


def test_no_header_means_no_items():
    assert split_criteria("To join this study a subject must meet every eligibility criterion.").items == []


def test_plain_language_headings_open_inclusion_and_exclusion_lists():
    inclusion, exclusion = counts("Who can take part\nYou may be able to join if all of these apply. You:\n- have a\n"
                                  "- are b\n\nWho can't take part\n- had c\n")
    assert (inclusion, exclusion) == (["have a", "are b"], ["had c"])


def test_roman_numerals_are_top_level_items_with_their_sub_bullets():
    inclusion, _ = counts("Inclusion Criteria:\ni. one\nii. two\n   o sub\niii. three\niv. four\nv. five\n")
    assert inclusion == ["one", "two\no sub", "three", "four", "five"]


def test_letters_in_parentheses_are_items():
    inclusion, exclusion = counts("Inclusion:\n(a) Newly diagnosed carcinoma\n(b) Stage III-IVA\n(c) ECOG 0-1\n"
                                 "Exclusion:\n(a) Metastatic disease\n(b) Prior anti-PD-1 treatment")
    assert len(inclusion) == 3 and len(exclusion) == 2
    assert inclusion[1] == "Stage III-IVA"


def test_prose_of_sentences_under_a_heading_lists_no_criteria():
    text = ("Who can take part?\nPatients are invited by their treating doctor at the end of treatment. "
            "You cannot apply to take part yourself.")
    assert split_criteria(text).items == []


def test_one_unmarked_criterion_is_still_an_item():
    inclusion, _ = counts("Inclusion criteria:\nAdults with newly diagnosed oral cavity cancer")
    assert inclusion == ["Adults with newly diagnosed oral cavity cancer"]
