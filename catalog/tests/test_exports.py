"""Every search as CSV, JSON and an Atom feed: the same trials as the page, all of them."""
import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from catalog.tests.builders import found, make_catalogue
from trials.tests.builders import make_trial

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def download(client, name, params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200 and response.streaming
    return response, b"".join(response.streaming_content).decode()


def test_csv_holds_every_trial_of_the_search_in_the_page_order(client):
    for index in range(25):
        make_trial(title=f"Cetuximab study {index}", status="RECRUITING", enrollment=index)
    make_trial(title="Cetuximab study, completed", status="COMPLETED")
    make_trial(title="Something else", status="RECRUITING")
    params = {"q": "cetuximab", "status": "RECRUITING", "sort": "enrollment"}
    page = client.get(reverse("catalog:search"), params)
    response, text = download(client, "catalog:export_csv", params)
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="trials.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 25  # not just the 20 of the first page
    assert [row["nct_id"] for row in rows][:20] == found(page)
    assert rows[0]["enrollment"] == "24" and rows[0]["status"] == "RECRUITING"
    assert rows[0]["url"].endswith(reverse("catalog:trial", args=[rows[0]["nct_id"]]))


def test_json_matches_the_csv_and_the_filters(client):
    make_catalogue()
    params = {"drug": "pembrolizumab"}
    _, text = download(client, "catalog:export_json", params)
    records = json.loads(text)
    assert [r["nct_id"] for r in records] == found(client.get(reverse("catalog:search"), params))
    assert [r["nct_id"] for r in records] == ["NCT00000004", "NCT00000001"]
    assert records[1]["drugs"] == ["cisplatin", "pembrolizumab"] and records[1]["countries"] == ["HK"]


def test_an_empty_or_invalid_search_exports_no_rows(client):
    make_catalogue()
    assert json.loads(download(client, "catalog:export_json", {"status": "NOPE"})[1]) == []
    assert download(client, "catalog:export_csv", {"q": "nothingofthekind"})[1].count("\n") == 1


def test_csv_cells_cannot_become_spreadsheet_formulas(client):
    make_trial(title='=HYPERLINK("http://evil.example","click")', sponsor="+cmd")
    rows = list(csv.DictReader(io.StringIO(download(client, "catalog:export_csv", {})[1])))
    assert rows[0]["title"].startswith("'=") and rows[0]["sponsor"] == "'+cmd"


def test_the_feed_is_atom_with_the_trials_of_the_search(client):
    make_catalogue()
    response = client.get(reverse("catalog:feed"), {"status": "RECRUITING"})
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}title").text == "Head and neck cancer trials — Recruitment status: Recruiting"
    assert feed.find(f"{ATOM}id").text and feed.find(f"{ATOM}updated").text
    assert feed.find(f"{ATOM}link").get("href").endswith("/?status=RECRUITING")
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 2
    for entry in entries:
        for element in ("title", "id", "updated", "published", "summary"):
            assert entry.find(f"{ATOM}{element}") is not None, element
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    assert links == ["http://testserver/trials/NCT00000002/", "http://testserver/trials/NCT00000001/"]


def test_the_feed_escapes_imported_text(client):
    make_trial(title="<script>alert(1)</script>", summary="<b>bold</b>")
    feed = ET.fromstring(client.get(reverse("catalog:feed")).content)
    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text.startswith("<script>")  # text, not markup
    assert b"<script>" not in client.get(reverse("catalog:feed")).content
