import pytest

from trials.importer.subsites import subsites_for


@pytest.mark.parametrize("conditions, titles, expected", [
    (["Nasopharyngeal Carcinoma"], (), ["nasopharynx"]),
    (["NPC"], (), ["nasopharynx"]),
    (["oral tongue cancer"], (), ["oral_cavity"]),
    (["Mouth Neoplasms"], (), ["oral_cavity"]),
    (["parotid gland tumour"], (), ["salivary_gland"]),
    (["paranasal sinus cancer"], (), ["sinonasal"]),
    (["nasal cavity carcinoma"], (), ["sinonasal"]),
    (["base of tongue cancer"], (), ["oropharynx"]),
    (["Xerostomia", "Oropharynx Cancer"], (), ["oropharynx"]),
    (["Hypopharyngeal and laryngeal cancer"], (), ["larynx", "hypopharynx"]),
    (["head and neck squamous cell carcinoma"], (), ["unspecified"]),
    (["Oral Mucositis"], (), ["unspecified"]),
    ([], ("Radiotherapy vs Neck Dissection for T1/2N0 Supraglottic Cancer",), ["larynx"]),
    (["Head and Neck Cancer"], ("Sparing parotid ducts in oropharynx cancer",), ["oropharynx", "salivary_gland"]),
])
def test_subsites_for(conditions, titles, expected):
    assert subsites_for(conditions, *titles) == expected


def test_conditions_win_over_titles():
    assert subsites_for(["Nasopharyngeal Carcinoma"], "A study in laryngeal cancer") == ["nasopharynx"]
