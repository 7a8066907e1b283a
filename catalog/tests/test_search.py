"""The search box: full-text, ranked, forgiving of typos and partial words, safe with any text."""
import pytest
from django.urls import reverse

from catalog.tests.builders import found, make_catalogue
from trials.models import SearchWord
from trials.tests.builders import make_trial

pytestmark = pytest.mark.django_db
SEARCH = reverse("catalog:search")


@pytest.fixture
def trials():
    catalogue = make_catalogue()
    make_trial(nct_id="NCT00000005", title="Cetuximab with radiotherapy",
               summary="For oropharyngeal squamous cell carcinoma.", drugs=["cetuximab"])
    return catalogue


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("pembrolizumab nasopharyngeal", ["NCT00000001"]),
        ("pembrolizumb", ["NCT00000004", "NCT00000001"]),  # a letter missing
        ("pembrolizumab", ["NCT00000004", "NCT00000001"]),
        ("nasophar", ["NCT00000001"]),  # the start of a word
        ("nasopharyngeal carcinoma", ["NCT00000001"]),
        ("nivolumab", ["NCT00000003"]),
        ("laryngeal", ["NCT00000003"]),  # not "nasopharyngeal"
        ("cisplatin -oropharyngeal", ["NCT00000001"]),  # a minus excludes
        ("nivolumab or cetuximab", ["NCT00000005", "NCT00000003"]),
        ("Guangzhou", ["NCT00000002"]),  # a site's city
        ("nothingofthekind", []),
    ],
)
def test_words_find_the_trials_that_contain_them_and_no_others(client, trials, typed, expected):
    assert sorted(found(client.get(SEARCH, {"q": typed}))) == sorted(expected)


def test_the_vocabulary_of_typo_tolerance_is_kept_by_the_refresh(trials):
    assert SearchWord.objects.filter(word="pembrolizumab").exists()
    assert SearchWord.objects.filter(word="guangzhou").exists()
    SearchWord.objects.all().delete()
    SearchWord.rebuild()
    assert SearchWord.objects.filter(word="pembrolizumab").exists()


def test_a_title_match_ranks_above_a_summary_match_above_a_criteria_match(client):
    make_trial(nct_id="NCT00000011", title="A study", criteria=[("INCLUSION", "Prior cetuximab allowed")])
    make_trial(nct_id="NCT00000012", title="Cetuximab maintenance")
    make_trial(nct_id="NCT00000013", title="Another study", summary="Patients receive cetuximab weekly.")
    page = client.get(SEARCH, {"q": "cetuximab"})
    assert page.context["sort"] == "relevance"
    assert found(page) == ["NCT00000012", "NCT00000013", "NCT00000011"]


def test_matched_words_are_highlighted_in_title_and_summary(client, trials):
    page = client.get(SEARCH, {"q": "oropharyngeal"})
    assert b"<mark>oropharyngeal</mark> squamous" in page.content
    assert b"for <mark>oropharyngeal</mark> cancer" in page.content


def test_imported_text_is_escaped_even_inside_a_highlighted_snippet(client):
    make_trial(nct_id="NCT00000021", title='<script>alert("t")</script> cetuximab <b>bold</b>',
               summary='<img src=x onerror=alert(1)> cetuximab', acronym="<i>X</i>")
    for params in ({"q": "cetuximab"}, {}):
        page = client.get(SEARCH, params)
        assert b"<script>alert" not in page.content
        assert b"<img src=x" not in page.content
        assert b"<b>bold" not in page.content and b"<i>X</i>" not in page.content
        assert b"&lt;script&gt;" in page.content


def test_an_nct_id_typed_in_the_box_opens_that_trial(client, trials):
    for typed in ("NCT00000003", " nct00000003 "):
        response = client.get(SEARCH, {"q": typed})
        assert response.status_code == 302
        assert response["Location"] == reverse("catalog:trial", args=["NCT00000003"])
    assert found(client.get(SEARCH, {"q": "NCT09999999"})) == []


def test_stop_words_alone_list_every_trial(client, trials):
    assert len(found(client.get(SEARCH, {"q": "the of and"}))) == 5


def test_sorts_order_by_their_key_with_unknown_values_last(client):
    make_trial(nct_id="NCT00000031", enrollment=50, start_date="2024-01-01")
    make_trial(nct_id="NCT00000032", enrollment=None, start_date="2025-06-01")
    make_trial(nct_id="NCT00000033", enrollment=300, start_date=None)
    assert found(client.get(SEARCH, {"sort": "enrollment"})) == ["NCT00000033", "NCT00000031", "NCT00000032"]
    assert found(client.get(SEARCH, {"sort": "start"})) == ["NCT00000032", "NCT00000031", "NCT00000033"]
    assert found(client.get(SEARCH, {"sort": "recent"})) == ["NCT00000033", "NCT00000032", "NCT00000031"]
    # Relevance without words falls back to the newest first; an unknown sort too.
    assert client.get(SEARCH, {"sort": "relevance"}).context["sort"] == "recent"
    assert client.get(SEARCH, {"sort": "nonsense"}).context["sort"] == "recent"


@pytest.mark.parametrize("sort", ["recent", "enrollment", "start", "relevance"])
def test_pages_follow_one_another_without_gaps_or_repeats(client, sort):
    for index in range(45):
        make_trial(title=f"Cetuximab trial {index}", enrollment=[None, 10, 20][index % 3],
                   start_date=None if index % 4 == 0 else f"2024-01-{index % 28 + 1:02d}")
    params = {"sort": sort, "q": "cetuximab"}
    pages, page = [], client.get(SEARCH, params)
    while True:
        pages.append(found(page))
        if not page.context["next_url"]:
            break
        page = client.get(SEARCH + page.context["next_url"])
    assert [len(p) for p in pages] == [20, 20, 5]
    assert len({nct for p in pages for nct in p}) == 45
    assert page.context["page"].number == 3
    back = client.get(SEARCH + page.context["previous_url"])
    assert found(back) == pages[1]
    assert client.get(SEARCH + back.context["previous_url"]).context["page"].number == 1


def test_a_made_up_page_cursor_is_a_404(client, trials):
    assert client.get(SEARCH, {"after": "nonsense"}).status_code == 404
    assert client.get(SEARCH, {"sort": "start", "after": "2024-13-40~1"}).status_code == 404


def test_the_search_page_makes_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    for index in range(60):
        make_trial(title=f"Cetuximab trial {index}", status="RECRUITING", phase="PHASE2",
                   drugs=[f"drug{index}", "cisplatin"], sites=[(f"Site {index}", "Town", f"A{chr(65 + index % 26)}")])
    # Words, a filter in every facet and the age: expand the words, one count per facet, the page.
    params = {"q": "cetuximab trial", "status": "RECRUITING", "phase": "PHASE2", "drug": "cisplatin",
              "country": ["AA", "AB"], "study_type": "", "age": "50", "expand": "drug"}
    with django_assert_max_num_queries(9):
        page = client.get(SEARCH, params)
    assert page.context["count"] == 6  # sites in AA or AB: trials 0, 1, 26, 27, 52, 53
    with django_assert_max_num_queries(7):
        page = client.get(SEARCH)
    assert page.context["count"] == 60


@pytest.mark.parametrize(
    "sort, index",
    [("recent", "trial_recent_idx"), ("start", "trial_start_idx"), ("enrollment", "trial_enrollment_idx")],
)
def test_a_deep_page_of_each_sort_starts_from_its_index(sort, index):
    from django.db import connection

    from catalog.pagination import decode, encode
    from trials.models import Trial

    trials = [make_trial(enrollment=index, start_date=f"2024-01-{index + 1:02d}") for index in range(3)]
    ordered = Trial.objects.sorted_by(sort)
    cursor = encode(sort, ordered[1])
    deep_page = ordered.after(*decode(sort, cursor))[:20]
    assert [t.pk for t in deep_page] == [ordered[2].pk]
    with connection.cursor() as db:
        # A table this small would be read whole; the question is whether the index can serve the page.
        db.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off")
        sql, params = deep_page.query.sql_with_params()
        db.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in db.fetchall())
    assert f"Index Scan using {index}" in plan and "Index Cond" in plan, plan
    assert "Sort" not in plan.split("Index Scan")[0].replace("Sort Key", ""), plan
    assert trials
