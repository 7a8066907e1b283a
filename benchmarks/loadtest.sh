#!/bin/sh
# Load test on loopback: gunicorn serving the catalogue of DATABASE_URL, wrk cycling through a mix of
# searches and trial pages for DURATION, after a WARMUP run that is not reported.
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_100k benchmarks/loadtest.sh
#
# Settings (environment): WORKERS (gunicorn sync workers, default 3 = cores + 1; see README), CONNECTIONS
# (wrk, default 16), DURATION (default 60s), WARMUP (default 10s), PORT (default 8765),
# CACHE_URL (default redis://127.0.0.1:6379/1, shared by the workers; empty: each worker's memory).
set -eu
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to the catalogue to load}"
WORKERS=${WORKERS:-3}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-60s}
WARMUP=${WARMUP:-10s}
PORT=${PORT:-8765}
CACHE_URL=${CACHE_URL-redis://127.0.0.1:6379/1}
PATHS=${TMPDIR:-/tmp}/loadtest-paths.txt
export DATABASE_URL CACHE_URL SECRET_KEY="${SECRET_KEY:-load-test-only}" LOG_LEVEL=ERROR

.venv/bin/python manage.py collectstatic --noinput -v0

# The mix: the searches of bench_search (no export: a download, timed there) with varied words and
# countries, and twenty trial pages.
.venv/bin/python - "$PATHS" <<'PY'
import os, sys, django
from urllib.parse import urlencode
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "catalog.settings")
django.setup()
from trials.models import Trial

searches = [
    {}, {"status": "RECRUITING"}, {"phase": "PHASE2", "drug": "pembrolizumab", "country": "US"},
    {"country": ["FR", "DE", "IT", "ES"]}, {"q": "nasopharyngeal carcinoma"}, {"q": "pembrolizumb nasopharyngal"},
    {"q": "cisplatin", "status": "RECRUITING", "country": "CN"}, {"status": "COMPLETED", "sort": "start"},
    {"phase": "PHASE3"}, {"study_type": "OBSERVATIONAL"}, {"subsite": "larynx"}, {"drug": "cetuximab"},
    {"country": "JP"}, {"country": "US", "status": "RECRUITING"}, {"q": "radiotherapy"}, {"q": "nivolumab"},
    {"q": "laryngeal cancer", "phase": "PHASE2"}, {"q": "quality of life"}, {"age": "70", "status": "RECRUITING"},
    {"drug": ["cisplatin", "carboplatin"], "phase": "PHASE3"},
]
paths = ["/?" + urlencode(params, doseq=True) if params else "/" for params in searches]
trials = Trial.objects.order_by("?").values_list("nct_id", flat=True)[:20]
paths += [f"/trials/{nct_id}/" for nct_id in trials]
with open(sys.argv[1], "w") as out:
    out.write("\n".join(paths) + "\n")
PY

.venv/bin/gunicorn catalog.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" --access-logfile - --access-logformat '%(s)s %(D)s "%(r)s"' \
    --log-level warning > /tmp/loadtest-gunicorn.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.2; done

echo "catalogue: $(psql "$DATABASE_URL" -Atc 'SELECT count(*) FROM trials_trial') trials; gunicorn $WORKERS sync workers;" \
     "wrk $CONNECTIONS connections, 2 threads, $DURATION after a $WARMUP warm-up; cache ${CACHE_URL:-local memory};" \
     "$(wc -l < "$PATHS") paths; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
LOADTEST_PATHS=$PATHS wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s benchmarks/loadtest.lua "http://127.0.0.1:$PORT" > /dev/null
LOADTEST_PATHS=$PATHS wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s benchmarks/loadtest.lua \
    "http://127.0.0.1:$PORT" | sed -n '/^requests /,$p'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "responses by status: $(awk '{print $1}' /tmp/loadtest-gunicorn.log | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
