"""The real pages in headless Chromium: search, facets, chips, pages, sorting, a trial, a download, axe-core."""
import os
import re
from pathlib import Path

import pytest
from django.conf import settings

from catalog.tests.builders import make_catalogue, make_source
from trials.models import Site
from trials.tests.builders import make_trial

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]


def missing_tools():
    missing = [f"{path} is missing" for path in (CHROMIUM, AXE) if not path.exists()]
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright package is not installed")
    return "; ".join(missing)


@pytest.fixture(scope="module")
def browser():
    reason = missing_tools()
    if reason:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"Browser tests required (REQUIRE_BROWSER=1) but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM must still work beside it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def catalogue(transactional_db):
    trials = make_catalogue()
    for index in range(24):
        make_trial(title=f"Cetuximab with radiotherapy, cohort {index}", status="RECRUITING", phase="PHASE2",
                   enrollment=10 + index, drugs=["cetuximab"], conditions=["Head and Neck Squamous Cell Carcinoma"],
                   summary="Weekly cetuximab with intensity-modulated radiotherapy for locally advanced disease.",
                   sites=[("Princess Margaret Cancer Centre", "Toronto", "CA")])
    a = trials["a"]
    a.summary = ("This phase 2 trial tests whether adding pembrolizumab to cisplatin-based chemoradiotherapy "
                 "helps people with locoregionally advanced nasopharyngeal carcinoma live longer without relapse.")
    a.acronym, a.enrollment, a.sponsor = "NPC-PEMBRO", 180, "Hong Kong Nasopharyngeal Cancer Study Group"
    a.min_age_years, a.max_age_years, a.sex = 18, 75, "ALL"
    a.start_date, a.completion_date = "2023-03-01", "2028-12-31"
    a.related_nct_ids = ["NCT00000002"]
    a.save()
    a.criteria.create(kind="INCLUSION", text="Histologically confirmed non-keratinising carcinoma", position=1)
    a.criteria.create(kind="INCLUSION", text="ECOG performance status 0 or 1", position=2)
    a.criteria.create(kind="EXCLUSION", text="Prior treatment with an anti-PD-1 antibody", position=1)
    Site.objects.filter(trial=a).update(status="RECRUITING")
    Site.objects.create(trial=a, name="National Cancer Centre Singapore", city="Singapore", country="SG",
                        status="NOT_YET_RECRUITING")
    a.refresh_derived_fields()
    make_source(a, "001_d06832003ec2be18.txt", "findatrial")
    return trials


def result_titles(page):
    return page.locator(".card__title").all_inner_texts()


def count_of(page, facet, value):
    text = page.locator(f'#facet-{facet} input[value="{value}"] + label .facet__count').inner_text()
    return re.sub(r"\D", "", text)  # the count without its words for screen readers


def test_search_facets_chips_pages_sorting_trial_and_download(page, live_server, catalogue):
    page.goto(live_server.url)
    assert page.locator("#results-heading").inner_text() == "28 trials"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "search-desktop.png")

    # Typo-tolerant search, the matched words highlighted.
    page.get_by_label("Search trials").fill("pembrolizumb nasophar")
    page.get_by_role("button", name="Search", exact=True).click()
    assert result_titles(page) == ["Pembrolizumab for nasopharyngeal carcinoma"]
    assert page.locator(".card mark").first.inner_text().lower() == "pembrolizumab"

    # Ticking facets: the results and the other facets' counts change; the ticked facet keeps its own.
    page.goto(live_server.url)
    assert count_of(page, "country", "HK") == "2"
    with page.expect_navigation():
        page.locator('#facet-status input[value="RECRUITING"]').check()
    assert page.locator("#results-heading").inner_text() == "26 trials"
    assert count_of(page, "country", "HK") == "1"
    assert count_of(page, "status", "COMPLETED") == "1"
    assert page.evaluate("document.activeElement.value") == "RECRUITING"  # focus comes back to the box
    with page.expect_navigation():
        page.locator('#facet-country input[value="HK"]').check()
    assert result_titles(page) == ["Pembrolizumab for nasopharyngeal carcinoma"]
    assert "status=RECRUITING" in page.url and "country=HK" in page.url

    # Removing a chip drops that filter only.
    page.get_by_role("link", name="Remove filter Country: Hong Kong").click()
    assert page.locator("#results-heading").inner_text() == "26 trials"
    assert "country=" not in page.url and "status=RECRUITING" in page.url

    # Sorting and paging.
    with page.expect_navigation():
        page.get_by_label("Sort by").select_option("enrollment")
    first_page = result_titles(page)
    assert first_page[0] == "Pembrolizumab for nasopharyngeal carcinoma"  # 180 participants
    assert len(first_page) == 20
    page.get_by_role("link", name="Next →").click()
    second_page = result_titles(page)
    assert len(second_page) == 6 and not set(first_page) & set(second_page)
    page.go_back()
    assert result_titles(page) == first_page

    # The CSV download holds every trial of the search.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    lines = Path(download.value.path()).read_text().strip().splitlines()
    assert len(lines) == 1 + 26

    # A trial's page, and from it the search of one of its drugs.
    page.get_by_role("link", name="Pembrolizumab for nasopharyngeal carcinoma").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Pembrolizumab for nasopharyngeal carcinoma"
    assert page.locator(".criteria--in li").count() == 2
    page.get_by_role("link", name="Cisplatin").click()
    assert sorted(result_titles(page)) == ["Cisplatin and radiotherapy for oropharyngeal cancer",
                                           "Pembrolizumab for nasopharyngeal carcinoma"]
    assert page.get_by_role("link", name="Remove filter Drug: Cisplatin").is_visible()


def test_the_filters_work_without_javascript(browser, live_server, catalogue):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url)
    page.locator('#facet-status input[value="COMPLETED"]').check()
    page.locator('#facet-status input[value="NOT_YET_RECRUITING"]').check()
    page.get_by_role("button", name="Apply filters").click()
    assert sorted(result_titles(page)) == ["Nivolumab after surgery for laryngeal cancer",
                                           "Quality of life after oral cavity cancer surgery"]
    context.close()


def axe_violations(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


def test_search_and_trial_pages_have_no_axe_violations(page, live_server, catalogue):
    page.goto(live_server.url + "/?status=RECRUITING&country=HK&q=pembrolizumab")
    assert axe_violations(page) == []
    page.goto(live_server.url + "/?status=COMPLETED&country=CN")  # the empty state
    assert axe_violations(page) == []
    page.goto(live_server.url + "/trials/NCT00000001/")
    assert axe_violations(page) == []
    page.screenshot(path=SCREENSHOTS / "trial-desktop.png", full_page=True)
    page.emulate_media(media="print")
    page.screenshot(path=SCREENSHOTS / "trial-print.png", full_page=True)


def test_phone_width_screenshots(browser, live_server, catalogue):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url)
    assert page.locator("#filters-toggle").get_attribute("open") is None  # folded on a phone
    assert axe_violations(page) == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "search-phone.png")
    page.goto(live_server.url + "/trials/NCT00000001/")
    page.screenshot(path=SCREENSHOTS / "trial-phone.png", full_page=True)
    context.close()
