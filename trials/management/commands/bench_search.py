"""Time the representative searches of the public pages through the real views (Django's test client).

The searches (SEARCHES below): the home page with no filter; one facet (status); three facets across
phase, drug and country; four options of one facet (country); a text query; a misspelt text query;
text and facets; page 50 of a broad search (status COMPLETED, about half of the catalogue, reached by
following the next-page links); the trial page of the trial with most sites; the CSV export of that
broad search and of the recruiting trials (about 12 % of the catalogue: 12,000 at 100,000 trials).

For each search: the first (cold) time, the median and 95th percentile of the next repetitions, the
number of SQL queries, the slowest query and, from EXPLAIN ANALYZE of that query, how many rows the
database examined. For the exports, the peak of Python memory while one response streams.
Facet counts are cached (catalog.facets.search_counts), so the repetitions of a search read them from
the cache; --no-cache empties the cache before every request and so times every count as well.
Searches whose page does not exist yet are reported as unavailable.

Run it against a benchmark database, e.g.
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_550k python manage.py bench_search
"""
import html
import json
import math
import re
import shutil
import os
import statistics
import tempfile
import time
import tracemalloc
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.models import Count
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from trials.models import Trial

BROAD = {"status": "COMPLETED"}  # about half of the catalogue


@dataclass
class Search:
    name: str
    url_name: str
    params: dict = field(default_factory=dict)
    page: int = 1  # pages after the first are reached by following the "next" links, as a reader would
    trial: str = ""  # "largest": the trial with the most sites, the heaviest trial page


SEARCHES = [
    Search("home page, no filter", "catalog:search"),
    Search("one facet (status)", "catalog:search", {"status": "RECRUITING"}),
    Search("three facets (phase, drug, country)", "catalog:search",
           {"phase": "PHASE2", "drug": "pembrolizumab", "country": "US"}),
    Search("four options of one facet (country)", "catalog:search", {"country": ["FR", "DE", "IT", "ES"]}),
    Search("text query", "catalog:search", {"q": "nasopharyngeal carcinoma"}),
    Search("misspelt text query", "catalog:search", {"q": "pembrolizumb nasopharyngal"}),
    Search("text and facets", "catalog:search", {"q": "cisplatin", "status": "RECRUITING", "country": "CN"}),
    Search("page 50 of a broad search", "catalog:search", BROAD, page=50),
    Search("trial page (most sites)", "catalog:trial", trial="largest"),
    Search("CSV export of a broad search", ("catalog:export_csv", "catalog:export"), BROAD),
    Search("CSV export of recruiting trials", ("catalog:export_csv", "catalog:export"), {"status": "RECRUITING"}),
]

NEXT_LINK = re.compile(r'href="([^"]*\bafter=[^"]*)"')
# A streamed export reads through a server-side cursor; its query is logged as the DECLARE.
DECLARE_CURSOR = re.compile(r'^\s*DECLARE\s+"[^"]+"\s.*?\bHOLD\s+FOR\s+', re.S)


@dataclass
class Result:
    search: Search
    times: list = field(default_factory=list)  # seconds, first one cold
    queries: int = 0
    slowest_ms: float = 0.0
    slowest_sql: str = ""
    rows_examined: int | None = None
    status: int = 0
    unavailable: str = ""
    note: str = ""


def nearest_rank(values, p):
    ordered = sorted(values)
    return ordered[max(math.ceil(p / 100 * len(ordered)) - 1, 0)]


def resolve(search):
    names = search.url_name if isinstance(search.url_name, tuple) else (search.url_name,)
    for name in names:
        try:
            if search.trial:
                return reverse(name, args=[largest_trial()])
            return reverse(name)
        except NoReverseMatch:
            continue
    raise LookupError(f"no URL named {' or '.join(names)} yet")


def largest_trial():
    trial = Trial.objects.annotate(n=Count("sites")).order_by("-n", "pk").values_list("nct_id", flat=True).first()
    if trial is None:
        raise LookupError("the catalogue has no trials")
    return trial


def fetch(client, url, params=None):
    response = client.get(url, params)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def page_url(client, url, params, page):
    """The address of page `page`, found by following the next-page links from page 1, as a reader would."""
    address, query = url, params
    for number in range(1, page):
        response, body = fetch(client, address, query)
        if response.status_code != 200:
            raise LookupError(f"following the next-page links, page {number} answered {response.status_code}")
        links = [html.unescape(link) for link in NEXT_LINK.findall(body.decode())]
        wanted = [link for link in links if re.search(rf"\bpage={number + 1}\b", link)] or links
        if not wanted:
            raise LookupError(f"page {number} of this search has no link to page {number + 1}")
        address, query = (wanted[0] if wanted[0].startswith("/") else url + wanted[0]), None
    return address, query


def explain_rows(sql):
    """Rows the database read to answer `sql`: every scan node's rows kept and removed, times its loops."""
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan

    def walk(node):
        examined = 0
        if "Scan" in node["Node Type"]:
            kept = node.get("Actual Rows", 0) + node.get("Rows Removed by Filter", 0)
            kept += node.get("Rows Removed by Index Recheck", 0)
            examined = kept * node.get("Actual Loops", 1)
        return examined + sum(walk(child) for child in node.get("Plans", []))

    return walk(plan[0]["Plan"])


def streamed_memory(client, url, query):
    """(bytes, peak Python memory in bytes) of one response read chunk by chunk and thrown away."""
    tracemalloc.start()
    try:
        response = client.get(url, query)
        size = sum(len(chunk) for chunk in response.streaming_content)
        return size, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def run_search(client, search, repeat, no_cache=False):
    result = Result(search)
    try:
        url = resolve(search)
        query = search.params
        if search.page > 1:
            url, query = page_url(client, url, search.params, search.page)
        if no_cache:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response, body = fetch(client, url, query)
            result.times.append(time.perf_counter() - started)
        queries = list(captured.captured_queries)  # the next request's start clears the log they come from
        for _ in range(repeat):
            if no_cache:
                cache.clear()
            started = time.perf_counter()
            fetch(client, url, query)
            result.times.append(time.perf_counter() - started)
        if response.streaming:
            size, peak = streamed_memory(client, url, query)
            rows = body.count(b"\n") - 1
            result.note = (f"{rows:,} rows, {size / 1e6:.1f} MB streamed; "
                           f"peak Python memory while streaming {peak / 1e6:.1f} MB")
    except Exception as exc:  # a page still being written must not stop the others
        result.unavailable = f"{exc.__class__.__name__}: {exc}".splitlines()[0][:160]
        return result
    result.status = response.status_code
    result.queries = len(queries)
    queries = [{**q, "sql": DECLARE_CURSOR.sub("", q["sql"])} for q in queries]
    selects = [q for q in queries if q["sql"].lstrip().upper().startswith(("SELECT", "WITH"))]
    if selects:
        slowest = max(selects, key=lambda q: float(q["time"]))
        result.slowest_ms = float(slowest["time"]) * 1000
        result.slowest_sql = slowest["sql"]
        try:
            result.rows_examined = explain_rows(slowest["sql"])
        except Exception as exc:
            result.rows_examined = None
            result.slowest_sql += f"\n    (EXPLAIN failed: {exc.__class__.__name__}: {str(exc).splitlines()[0]})"
    return result


def time_import(pages, stdout, fresh_ids=False):
    """Time import_trials over `pages` copies of the sample pages, in a throwaway database.

    Plain copies re-import the same trials (mostly "unchanged"); with fresh_ids each copy's NCT IDs
    are rewritten so that every page creates a trial.
    """
    sources = sorted((settings.BASE_DIR / "fixtures").glob("*.txt"))
    corpus = Path("/work/shared/corpus")
    sources += sorted(corpus.glob("page_*.txt")) if corpus.is_dir() else []
    if not sources:
        raise LookupError("no sample pages found")
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    original_test_settings = dict(connection.settings_dict.get("TEST") or {})
    connection.settings_dict["TEST"] = {**original_test_settings, "NAME": f"bench_import_{id(folder)}"}
    try:
        if fresh_ids:
            from trials.management.commands.bench_import import renumbered_pages

            for name, raw in renumbered_pages(sources, pages):
                (folder / name).write_bytes(raw)
        else:
            for index in range(pages):
                source = sources[index % len(sources)]
                shutil.copy(source, folder / f"{index:04d}-{source.stem}.txt")
        database = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            out, err = StringIO(), StringIO()
            started = time.perf_counter()
            try:
                call_command("import_trials", str(folder), stdout=out, stderr=err, verbosity=1)
            except SystemExit:
                pass  # some pages failed; the summary line says how many
            elapsed = time.perf_counter() - started
            trials = Trial.objects.count()
        finally:
            connection.creation.destroy_test_db(database, verbosity=0)
    finally:
        connection.settings_dict["TEST"] = original_test_settings
        shutil.rmtree(folder, ignore_errors=True)
    summary = [line for line in err.getvalue().splitlines() if line.startswith("Created")]
    stdout.write(
        f"import_trials: {pages} pages ({len(sources)} distinct) in {elapsed:.1f} s, {pages / elapsed:.1f} pages/s, "
        f"{trials} trials stored. {summary[-1] if summary else ''}"
    )


class Command(BaseCommand):
    help = "Time the representative searches of the public pages; optionally time import_trials."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20, help="timed repetitions after the first run")
        parser.add_argument("--only", help="run only the searches whose name contains this text")
        parser.add_argument("--show-sql", action="store_true", help="print the slowest query of each search")
        parser.add_argument("--import-pages", type=int, default=0, metavar="N",
                            help="also time import_trials over N sample pages in a throwaway database")
        parser.add_argument("--no-cache", action="store_true",
                            help="empty the cache before every request: time the counts of every repetition")
        parser.add_argument("--fresh-ids", action="store_true",
                            help="with --import-pages: new NCT IDs in every copy, so each page creates a trial")

    def handle(self, *args, repeat, only, show_sql, import_pages, fresh_ids, no_cache, **options):
        load_before = os.getloadavg()
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_database(), (SELECT count(*) FROM trials_trial)")
            database, trials = cursor.fetchone()
        self.stdout.write(f"database {database}: {trials:,} trials; {repeat} repetitions after a first (cold) run")
        self.stdout.write(
            f"{'search':<38} {'status':>6} {'first':>8} {'median':>8} {'p95':>8} {'queries':>7} "
            f"{'slowest':>8} {'rows examined':>13}"
        )
        plain_static = {**settings.STORAGES,
                        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
        client = Client()
        with override_settings(STORAGES=plain_static):
            for search in SEARCHES:
                if only and only.lower() not in search.name.lower():
                    continue
                self.report(run_search(client, search, repeat, no_cache), show_sql)
        self.describe_conditions(load_before, no_cache)
        if import_pages:
            try:
                time_import(import_pages, self.stdout, fresh_ids)
            except Exception as exc:  # the import pipeline may not be importable yet
                self.stdout.write(f"import_trials: unavailable ({exc.__class__.__name__}: {exc})")

    def report(self, result, show_sql):
        name = result.search.name
        if result.unavailable:
            self.stdout.write(f"{name:<38} unavailable ({result.unavailable})")
            return
        ms = [t * 1000 for t in result.times]
        rows = "" if result.rows_examined is None else f"{result.rows_examined:,}"
        self.stdout.write(
            f"{name:<38} {result.status:>6} {ms[0]:>6.0f}ms {statistics.median(ms[1:] or ms):>6.0f}ms "
            f"{nearest_rank(ms[1:] or ms, 95):>6.0f}ms {result.queries:>7} {result.slowest_ms:>6.0f}ms {rows:>13}"
        )
        if result.note:
            self.stdout.write(f"    {result.note}")
        if show_sql and result.slowest_sql:
            self.stdout.write(f"    {result.slowest_sql}")

    def describe_conditions(self, load_before, no_cache):
        names = ["server_version", "shared_buffers", "work_mem", "effective_cache_size", "jit",
                 "max_parallel_workers_per_gather", "random_page_cost"]
        with connection.cursor() as cursor:
            cursor.execute("SELECT name, setting, unit FROM pg_settings WHERE name = ANY(%s)", [names])
            found = {name: f"{setting}{' x ' + unit if unit else ''}" for name, setting, unit in cursor.fetchall()}
        backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
        self.stdout.write(
            f"cache: {backend}{' emptied before every request' if no_cache else ''}; "
            f"load average before {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f}; "
            f"{os.cpu_count()} CPUs"
        )
        self.stdout.write("PostgreSQL: " + ", ".join(f"{name} {found.get(name, '?')}" for name in names))
