import re
from io import StringIO

import pytest
from django.core.management import call_command

from trials.management.commands.bench_search import SEARCHES

pytestmark = pytest.mark.django_db


def test_every_representative_search_is_timed_or_reported_unavailable():
    call_command("generate_trials", "--count", "30", stdout=StringIO(), stderr=StringIO())
    out = StringIO()
    call_command("bench_search", "--repeat", "2", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].endswith("30 trials; 2 repetitions after a first (cold) run")
    for search in SEARCHES:
        [line] = [line for line in lines if line.startswith(search.name)]
        timed = re.search(r"\s\d{3}\s+\d+ms\s+\d+ms\s+\d+ms\s+\d+\s", line)
        assert timed or " unavailable (" in line, line
