"""Every page in fixtures/ parses to the values seeds_truth.json expects (a list lists accepted answers for a
single value; for conditions, countries, drugs and sites it is the expected set)."""
import json
from pathlib import Path

import pytest

from trials.importer import parse

HERE = Path(__file__).parent
FIXTURES = HERE.parent.parent / "fixtures"
TRUTH = json.loads((HERE / "pages" / "seeds_truth.json").read_text(encoding="utf-8"))
SETS = {"conditions", "countries", "drugs"}


def scored_value(record, field):
    if field == "drugs":
        return sorted({i["name"] for i in record["interventions"] if i["kind"] in ("DRUG", "BIOLOGICAL")})
    if field in ("inclusion_count", "exclusion_count"):
        kind = field.split("_")[0].upper()
        return sum(1 for c in record["criteria"] if c["kind"] == kind) or None
    if field == "sites":
        return [{"name": s["name"], "city": s["city"], "country": s["country"]} for s in record["sites"]]
    return record[field]


def loosely(text):
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text.casefold()).split())


CASES = [pytest.param(name, field, want, id=f"{name[:3]}-{field}")
         for name, expected in sorted(TRUTH.items()) for field, want in expected.items()]


@pytest.fixture(scope="module")
def records():
    return {path.name: parse(path.read_bytes(), path.name) for path in sorted(FIXTURES.glob("*.txt"))}


@pytest.mark.parametrize("name, field, want", CASES)
def test_fixture_field(records, name, field, want):
    got = scored_value(records[name], field)
    if field in SETS:
        assert sorted(map(str.casefold, got)) == sorted(map(str.casefold, want))
    elif field == "sites":
        assert [s["city"] for s in got] == [s["city"] for s in want]
        assert [s["country"] for s in got] == [s["country"] for s in want]
        assert len(got) == len(want)
    elif isinstance(want, list):
        assert got in want or (isinstance(got, str) and loosely(got) in map(loosely, filter(None, want)))
    else:
        assert got == want
