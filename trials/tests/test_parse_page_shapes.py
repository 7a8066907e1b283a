"""Shapes ordinary hospital, finder, pharma and news pages print, each on a small hand-made input: facts
boxes set out in columns, study periods with '~', month/year dates, plain-language eligibility headings,
company names ending in an abbreviation, and related lists under 'More from …' headings."""
import pytest

from trials.importer import labels, normalise, parse

TITLE = "A phase 2 trial of cisplatin with radiotherapy in laryngeal cancer\n"


def record(text, title=TITLE):
    return parse((title + text).encode(), "page.txt")


@pytest.mark.parametrize("read, value, expected", [
    (normalise.iso_date, "2024.05.20", "2024-05-20"),
    (normalise.iso_date, "03/2025", "2025-03"),
    (normalise.iso_date, "13/2025", None),
    (normalise.period, "2024.05.20 ~ 2027.12.31", ("2024.05.20", "2027.12.31")),
    (normalise.period, "2023/08/01~2028/07/31", ("2023/08/01", "2028/07/31")),
    (normalise.period, "Jan 2024 – Dec 2028", ("Jan 2024", "Dec 2028")),
    (normalise.period, "4 years", None),
    (normalise.age_range, "20 years ~ 75 years", (20, 75)),
    (normalise.enrollment, "approximately 500 participants", 500),
    (normalise.enrollment, "about 120", 120),
    (normalise.status, "Open - recruiting", "RECRUITING"),
])
def test_value_shapes(read, value, expected):
    assert read(value) == expected


def test_a_condition_written_with_commas_stays_whole_when_its_parts_are_places():
    value = "Adenoid cystic carcinoma of the salivary glands, nasal cavity and paranasal sinuses"
    assert normalise.condition_names(value) == [value]
    assert normalise.condition_names("Salivary gland carcinoma, Salivary duct carcinoma") == [
        "Salivary gland carcinoma", "Salivary duct carcinoma"]
    assert normalise.condition_names("Stage III, Stage IV") is None


@pytest.mark.parametrize("label, fields", [
    ("Execution period", ["period"]),
    ("Study dates", ["period"]),
    ("Treatment period", []),
    ("Target Number", ["enrollment"]),
    ("Indications", ["conditions"]),
])
def test_more_labels_are_classified_by_their_words(label, fields):
    assert labels.fields_for(label) == fields


def test_a_company_name_may_end_in_an_abbreviation_but_a_sentence_is_no_sponsor():
    assert labels.accepts_name("Merus N.V.")
    assert labels.accepts_name("Acme Pharma Co.")
    assert not labels.accepts_name("The sponsor pays for the study drug.")


def test_pairs_in_columns_and_a_value_made_of_pairs():
    assert labels.pairs_in_line("Lead sponsor         Regeneron Pharmaceuticals") == [
        ("Lead sponsor", "Regeneron Pharmaceuticals")]
    assert labels.pairs_in_line("Study dates   Start: 2024-10-08 · Study completion: 2027-12") == [
        ("Start", "2024-10-08"), ("Study completion", "2027-12")]
    assert labels.pairs_in_line("Home   About us   Research") == [("Home", "About us   Research")]


def test_a_facts_box_in_columns_fills_the_record():
    result = record("NCT ID: NCT09200001\n\nTrial snapshot\nParticipants         79\nSexes                All\n"
                    "Lead sponsor         Acme Oncology Inc.\n"
                    "Study dates          Start: 2024-10-08 · Primary completion: 2026-09 · Study completion: 2027-12\n")
    assert (result["enrollment"], result["sex"], result["sponsor"]) == (79, "ALL", "Acme Oncology Inc.")
    assert (result["start_date"], result["completion_date"]) == ("2024-10-08", "2027-12")


def test_a_labelled_period_with_a_tilde():
    result = record("NCT ID: NCT09200002\nExecution period: 2023/08/01 ~ 2028/07/31\nAge limit: 20 years ~ 75 years\n")
    assert (result["start_date"], result["completion_date"]) == ("2023-08-01", "2028-07-31")
    assert (result["min_age_years"], result["max_age_years"]) == (20, 75)


def test_plain_language_eligibility_headings():
    result = record("NCT ID: NCT09200003\n\nYou may be able to join if:\n- you are 18 or older\n- you can consent\n\n"
                    "You will not be able to take part if:\n- you had radiotherapy before\n")
    assert [c["kind"] for c in result["criteria"]] == ["INCLUSION", "INCLUSION", "EXCLUSION"]
    result = record("NCT ID: NCT09200004\n\n✔ Can join if you:\n• Are 18 years or older\n✘ Cannot join if you:\n"
                    "• Are pregnant\n")
    assert [c["kind"] for c in result["criteria"]] == ["INCLUSION", "EXCLUSION"]


def test_a_more_from_list_names_no_candidate_for_the_main_id():
    result = record("Acme has registered a phase 3 study (NCT09200005) in head and neck cancer.\n\n"
                    "More from Head & Neck\n• A phase 2 expands (NCT09200006) · Jan 12\n"
                    "• Programme ended (NCT09200007) · Jan 9\n")
    assert result["nct_id"] == "NCT09200005"
    assert set(result["related_nct_ids"]) == {"NCT09200006", "NCT09200007"}


def names_places(sites):
    return [(s["name"], s["city"], s["country"]) for s in sites]


def test_site_lines_of_hospital_and_sponsor_pages():
    from trials.importer import locations
    assert names_places(locations.read_sites([
        "- UPMC Hillman Cancer Center – Shadyside, Pittsburgh, PA",
        "- UPMC Presbyterian, Pittsburgh, PA",
        "- UPMC Hillman Cancer Center at UPMC Passavant, McCandless, PA",
        "Netherlands Cancer Institute – Antoni van Leeuwenhoek, Amsterdam, Netherlands",
        "Hospital Universitario 12 de Octubre, Madrid,",
        "Peter MacCallum Cancer Centre, Melbourne VIC",
    ])) == [
        ("UPMC Hillman Cancer Center – Shadyside", "Pittsburgh", "US"),
        ("UPMC Presbyterian", "Pittsburgh", "US"),
        ("UPMC Hillman Cancer Center at UPMC Passavant", "McCandless", "US"),
        ("Netherlands Cancer Institute – Antoni van Leeuwenhoek", "Amsterdam", "NL"),
        ("Hospital Universitario 12 de Octubre", "Madrid", "ES"),
        ("Peter MacCallum Cancer Centre", "Melbourne", "AU"),
    ]


def test_a_country_before_the_site_a_country_list_and_a_closing_note():
    from trials.importer import locations
    assert names_places(locations.read_sites([
        "United States · Australia · Germany",
        "United States – Moffitt Cancer Center, Tampa, Florida",
        "France – Gustave Roussy, Villejuif",
        "Dana-Farber Cancer Institute — Boston, MA, United States",
        "To find out if there is a site near you, ask your doctor or contact Acme Medical Information.",
    ])) == [
        ("Moffitt Cancer Center", "Tampa", "US"),
        ("Gustave Roussy", "Villejuif", "FR"),
        ("Dana-Farber Cancer Institute", "Boston", "US"),
    ]
    assert locations.read_sites(["Hong Kong, China"]) == []


def test_an_enquiries_block_after_the_sites_names_no_site():
    result = record("NCT ID: NCT09200008\n\nStudy sites\n• Prince of Wales Hospital, Sha Tin, Hong Kong\n\n"
                    "Enquiries\nClinical Oncology Research Office, Prince of Wales Hospital\nTel: 1234\n")
    assert [s["name"] for s in result["sites"]] == ["Prince of Wales Hospital"]


def test_a_finder_card_s_facts_below_its_heading_and_a_badge_beside_the_id():
    from trials.importer import generic
    assert generic.card_facts("👥 70 participants   🎂 18+   ⚥ All") == (
        [("enrollment", "70 participants"), ("ages", "18+"), ("sex", "All")], False)
    assert generic.card_facts("Trial ID: NCT09200009 · Recruiting") == ([("status", "Recruiting")], True)
    assert generic.card_facts("Latest   Phase 3   Approvals") == ([], False)
    result = record("NCT09200010 · Phase 2 · Recruiting\nUniversity Health Network, Toronto\n"
                    "👥 70 participants   🎂 18+   ⚥ All\n\nDetails\n", title="Single vocal cord irradiation for early glottic cancer\n")
    assert (result["enrollment"], result["min_age_years"], result["sex"], result["status"]) == (70, 18, "ALL", "RECRUITING")
    result = record("Trial ID: NCT09200011 · Recruiting\n\nAbout\nText.\n", title="Cemiplimab before surgery for skin cancer\n")
    assert result["status"] == "RECRUITING"


def test_a_line_of_tags_closed_by_a_status_in_the_title_block():
    result = record("[Oncology] [Head and Neck] Recruiting\n\nTitle: A phase 2 study of trastuzumab deruxtecan in "
                    "salivary gland carcinoma\nRegistration No.: NCT09200012\n", title="Ongoing trials\n")
    assert result["status"] == "RECRUITING"
    assert result["title"].startswith("A phase 2 study")


def test_prose_over_a_plain_heading_gives_way_to_a_later_listed_block():
    result = record("NCT ID: NCT09200013\n\nWho can join\nAdults 18 years of age and older.\n\nEligibility\n"
                    "Inclusion:\n1. First\n2. Second\n\nExclusion:\n1. Third\n")
    assert [(c["kind"], c["text"]) for c in result["criteria"]] == [
        ("INCLUSION", "First"), ("INCLUSION", "Second"), ("EXCLUSION", "Third")]


def test_ages_and_countries_stated_in_prose():
    result = record("NCT ID: NCT09200014\n\nAbout\nAdults 18 years of age and older can join. The study runs at "
                    "around 150 sites in the following countries: United States, Canada, Republic of Korea.\n")
    assert (result["min_age_years"], result["max_age_years"]) == (18, None)
    assert result["countries"] == ["US", "CA", "KR"]
    result = record("NCT ID: NCT09200015\n\nAbout\nPatients aged 18 to 70 take part. Patients aged 20 to 75 "
                    "took part in the earlier study. Countries: see the registry.\n")
    assert (result["min_age_years"], result["max_age_years"], result["countries"]) == (None, None, [])


def test_an_agent_participants_do_not_receive_is_no_intervention():
    from trials.importer import interventions
    text = interventions.without_agents_not_given(
        "Older patients considered unsuitable for concurrent cisplatin receive cetuximab instead of docetaxel.")
    assert interventions.drugs_in_prose(text) == ["cetuximab"]


def test_a_countries_section_lists_countries_on_one_line_and_a_population_heading_ends_the_arms():
    result = record("NCT ID: NCT09200016\n\nTreatment\nArm A: IMRT 70 Gy in 35 fractions\n\nPatient population\n"
                    "Older patients considered unsuitable for concurrent cisplatin.\n\n"
                    "Participating countries\nBelgium, France, Portugal\n")
    assert result["countries"] == ["BE", "FR", "PT"]
    assert [i["name"] for i in result["interventions"] if i["kind"] == "DRUG"] == []
