"""A search's trials as CSV or JSON, streamed row by row from a server-side cursor."""
import csv
import json

from django.urls import reverse

FIELDS = [
    "nct_id", "title", "acronym", "status", "phase", "study_type", "enrollment", "min_age_years",
    "max_age_years", "sex", "start_date", "completion_date", "sponsor", "conditions", "drugs", "countries",
    "subsites", "created_at", "updated_at",
]
LIST_FIELDS = {"conditions", "drugs", "countries", "subsites"}
CHUNK = 1000


def rows(qs, request):
    """One dict per trial, plain JSON types, with the trial's page address."""
    placeholder = "NCT00000000"
    address = request.build_absolute_uri(reverse("catalog:trial", args=[placeholder]))
    for values in qs.values(*FIELDS).iterator(chunk_size=CHUNK):
        row = {name: plain(value) for name, value in values.items()}
        row["url"] = address.replace(placeholder, values["nct_id"])
        yield row


def plain(value):
    if value is None or isinstance(value, (str, int, list)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return float(value)  # ages are decimals


class Echo:
    def write(self, value):
        return value


def spreadsheet_safe(value):
    """A cell a spreadsheet shows as text: imported text starting with = + - @ would run as a formula."""
    if isinstance(value, list):
        value = "; ".join(value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_lines(rows):
    writer = csv.writer(Echo())
    yield writer.writerow([*FIELDS, "url"])
    for row in rows:
        yield writer.writerow([spreadsheet_safe(row[name]) for name in [*FIELDS, "url"]])


def json_chunks(rows):
    yield "["
    for index, row in enumerate(rows):
        yield ("," if index else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]\n"
