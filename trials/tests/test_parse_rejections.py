"""Input that cannot become a trial record is rejected with a sentence a person can act on; text in
other encodings is decoded, with a warning when a fallback was needed."""
from pathlib import Path

import pytest

from trials.importer import MAX_BYTES, ImportRejected, parse

PAGES = Path(__file__).parent / "pages"
PAGE = "Proton therapy for nasopharyngeal carcinoma in adults\nNCT ID: NCT09000010\nStatus: Recruiting\nPhase: Phase 2\n"


def rejection(raw):
    with pytest.raises(ImportRejected) as caught:
        parse(raw, "page.txt")
    return str(caught.value)


@pytest.mark.parametrize("raw, words", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
    (b"\x00\x01\x02\x03binary\x00\x00\xff\xfe", "binary"),
    (b"<!DOCTYPE html><html><head><title>NCT09000010</title></head><body></body></html>", "copy it"),
    (b"<div class='x'><p>NCT09000010</p><span>a</span><a href='#'>b</a><div></div><p></p><span></span></div>", "HTML"),
])
def test_unusable_files(raw, words):
    assert words in rejection(raw)


def test_a_file_over_the_size_limit():
    message = rejection(b"a" * (MAX_BYTES + 1))
    assert "2 MB limit" in message


def test_no_nct_id():
    assert "No NCT ID" in rejection(b"A trial of cisplatin in head and neck cancer\nStatus: Recruiting\n")


def test_two_candidate_ids_without_a_main_one():
    message = rejection((PAGES / "two_trials.txt").read_bytes())
    assert "NCT09000004, NCT09000005" in message and "one trial per file" in message


def test_ids_only_in_a_related_trials_list():
    assert "related-trial" in rejection((PAGES / "only_related.txt").read_bytes())


def test_a_page_with_nothing_but_an_id_is_truncated():
    assert "looks cut off" in rejection((PAGES / "truncated.txt").read_bytes())


def test_a_page_cut_early_still_imports_what_it_has():
    record = parse(b"NCT ID: NCT09000011\nEligibility Criteria: Inclusion Criteria: * Aged 18 or older * Consent\n", "cut.txt")
    assert (record["title"], record["min_age_years"], len(record["criteria"])) == (None, 18, 2)
    assert "no trial title" in record["warnings"][-1]


@pytest.mark.parametrize("encoding, warned", [
    ("utf-8", False), ("utf-8-sig", False), ("utf-16", False), ("utf-16-le", True), ("utf-16-be", True),
])
def test_unicode_encodings(encoding, warned):
    record = parse((PAGE + "Age ≥ 18 years\n").encode(encoding), "page.txt")
    assert record["nct_id"] == "NCT09000010" and record["phase"] == "PHASE2"
    assert any("byte-order mark" in w for w in record["warnings"]) is warned


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_latin1_and_cp1252_are_decoded_with_a_warning(encoding):
    raw = (PAGE + "Sponsor: Hôpital Européen Georges-Pompidou\n").encode(encoding)
    record = parse(raw, "page.txt")
    assert record["sponsor"] == "Hôpital Européen Georges-Pompidou"
    assert any("not UTF-8" in w for w in record["warnings"])


def test_source_names_the_file_format_and_hash():
    raw = PAGE.encode()
    source = parse(raw, "page.txt")["source"]
    assert source["file"] == "page.txt" and source["format"] == "generic" and len(source["sha256"]) == 64
