"""The last stage of an import: merge one parsed trial record into the catalogue.

The NCT ID is the key. A new trial is created whole. A known trial only gains what
it did not have: empty fields are filled, sites, interventions, conditions and
countries are added, and the page is kept as one more source. A stored value that
differs from the page is left alone and reported, and a field staff edited in the
admin is never touched. Each record goes in inside one transaction, whole or not at all.
"""
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import connection, transaction

from trials.choices import CriterionKind, DatePrecision
from trials.models import Criterion, Intervention, Site, SourceDocument, Trial, TrialIntervention

SCALAR_FIELDS = [
    "title", "official_title", "acronym", "phase", "status", "study_type", "enrollment",
    "min_age_years", "max_age_years", "sex", "start_date", "completion_date", "summary", "sponsor",
]
LIST_FIELDS = ["conditions", "collaborators", "countries", "related_nct_ids"]
DATE_FIELDS = {"start_date", "completion_date"}
AGE_FIELDS = {"min_age_years", "max_age_years"}


@dataclass
class MergeOutcome:
    """What an import of one record did, or would do, to the catalogue."""

    nct_id: str
    action: str = "unchanged"  # created, updated or unchanged
    changes: dict = field(default_factory=dict)  # field -> (stored value, imported value)
    kept_edits: dict = field(default_factory=dict)  # staff-edited field -> value the page offered
    conflicts: dict = field(default_factory=dict)  # field -> (stored value, other value on the page)
    added: dict = field(default_factory=dict)  # sites / interventions / criteria -> names added
    new_source: bool = False
    rows_to_add: dict = field(default_factory=dict, repr=False)  # the record's items behind `added`

    def as_dict(self):
        return {
            "nct_id": self.nct_id,
            "action": self.action,
            "changes": {name: [str_or_none(a), str_or_none(b)] for name, (a, b) in self.changes.items()},
            "kept_edits": {name: str_or_none(value) for name, value in self.kept_edits.items()},
            "conflicts": {name: [str_or_none(a), str_or_none(b)] for name, (a, b) in self.conflicts.items()},
            "added": self.added,
            "new_source": self.new_source,
        }


def str_or_none(value):
    return None if value is None else str(value) if not isinstance(value, list) else ", ".join(map(str, value))


def model_value(name, record):
    """The record's value of a Trial field, in the model's type ('' and [] for unknown)."""
    value = record.get(name)
    if name in DATE_FIELDS:
        return parse_partial_date(value)[0]
    if name in AGE_FIELDS:
        return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))
    if name == "enrollment":
        return value
    if name in LIST_FIELDS:
        return list(dict.fromkeys(value or []))
    return value or ""


def parse_partial_date(value):
    """'2026-06-30' -> (date, day); '2026-06' -> (first of month, month); None -> (None, day)."""
    if not value:
        return None, DatePrecision.DAY
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), DatePrecision.MONTH
    return date(*parts), DatePrecision.DAY


def is_unknown(value):
    return value is None or value == "" or value == []


def import_record(record, raw_text, *, user=None):
    """Merge a parsed record into the catalogue in one transaction; return what happened.

    The transaction commits without waiting for its WAL to reach the disk (synchronous_commit off, for
    it alone): a crash of the database server may lose the files imported in its last fraction of a
    second (at most three wal_writer_delay, 0.6 s by default), never half a file; importing them again
    restores them. Most of a file's import time was otherwise that wait.
    """
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
        trial = Trial.objects.select_for_update().filter(nct_id=record["nct_id"]).first()
        outcome = plan_merge(trial, record)
        if trial is None:
            trial = create_trial(record)
        else:
            apply_merge(trial, record, outcome)
        source_sha = record["source"]["sha256"]
        if outcome.new_source:
            SourceDocument.objects.create(
                trial=trial,
                file_name=record["source"]["file"],
                format=record["source"]["format"],
                sha256=source_sha,
                raw_text=raw_text,
                record=record,
                imported_by=user if user and user.is_authenticated else None,
            )
        if outcome.action != "unchanged":
            trial.refresh_derived_fields(reload=False)  # also bumps the catalogue version
        return outcome


def preview_record(record):
    """What importing `record` would do, without writing anything."""
    trial = Trial.objects.filter(nct_id=record["nct_id"]).first()
    return plan_merge(trial, record)


def plan_merge(trial, record):
    """What importing `record` would change, reading the catalogue but writing nothing."""
    outcome = MergeOutcome(nct_id=record["nct_id"])
    if trial is None:
        outcome.action = "created"
        outcome.new_source = True
        outcome.added = {
            "sites": [s["name"] for s in record["sites"]],
            "interventions": [i["name"] for i in record["interventions"]],
            "criteria": [f"{len(record['criteria'])} items"] if record["criteria"] else [],
        }
        return outcome

    edited = set(trial.edited_fields)
    for name in SCALAR_FIELDS + LIST_FIELDS:
        stored, offered = getattr(trial, name), model_value(name, record)
        if is_unknown(offered):
            continue
        if name in LIST_FIELDS:
            offered = [v for v in offered if v not in stored]
            if not offered:
                continue
            if name in edited:
                outcome.kept_edits[name] = offered
            else:
                outcome.changes[name] = (stored, stored + offered)
        elif stored == offered:
            continue
        elif name in edited:
            outcome.kept_edits[name] = offered
        elif is_unknown(stored):
            outcome.changes[name] = (stored, offered)
        else:
            outcome.conflicts[name] = (stored, offered)

    rows = {
        "sites": missing_sites(trial, record),
        "interventions": missing_interventions(trial, record),
        "criteria": record["criteria"] if record["criteria"] and not trial.criteria.exists() else [],
    }
    for part, items in rows.items():
        if not items:
            continue
        names = [f"{len(items)} items"] if part == "criteria" else [item["name"] for item in items]
        if part in edited:
            outcome.kept_edits[part] = names
        else:
            outcome.added[part] = names
            outcome.rows_to_add[part] = items

    outcome.new_source = not trial.sources.filter(sha256=record["source"]["sha256"]).exists()
    if outcome.changes or outcome.added or outcome.new_source:
        outcome.action = "updated"
    return outcome


def create_trial(record):
    values = {name: model_value(name, record) for name in SCALAR_FIELDS + LIST_FIELDS}
    values["start_date"], values["start_date_precision"] = parse_partial_date(record.get("start_date"))
    values["completion_date"], values["completion_date_precision"] = parse_partial_date(record.get("completion_date"))
    trial = Trial.objects.create(nct_id=record["nct_id"], **values)
    add_sites(trial, record["sites"])
    add_interventions(trial, record["interventions"])
    add_criteria(trial, record["criteria"])
    return trial


def apply_merge(trial, record, outcome):
    for name, (_, value) in outcome.changes.items():
        setattr(trial, name, value)
        if name in DATE_FIELDS:
            setattr(trial, f"{name}_precision", parse_partial_date(record[name])[1])
    if outcome.changes:
        trial.save()
    add_sites(trial, outcome.rows_to_add.get("sites", []))
    add_interventions(trial, outcome.rows_to_add.get("interventions", []))
    add_criteria(trial, outcome.rows_to_add.get("criteria", []))


def site_key(name, city):
    return (" ".join(name.casefold().split()), " ".join((city or "").casefold().split()))


def missing_sites(trial, record):
    known = {site_key(name, city) for name, city in trial.sites.values_list("name", "city")}
    known_names = {name for name, _ in known}
    missing = []
    for site in record["sites"]:
        key = site_key(site["name"], site.get("city"))
        # A page that names a facility without its city is the same site as one with it.
        if key in known or (not key[1] and key[0] in known_names):
            continue
        known.add(key)
        missing.append(site)
    return missing


def add_sites(trial, sites):
    if not sites:
        return
    seen = set()
    rows = []
    for site in sites:
        key = site_key(site["name"], site.get("city"))
        if key in seen:
            continue
        seen.add(key)
        rows.append(
            Site(
                trial=trial,
                name=site["name"],
                city=site.get("city") or "",
                country=site.get("country") or "",
                status=site.get("status") or "",
            )
        )
    Site.objects.bulk_create(rows)


def missing_interventions(trial, record):
    known = set(trial.trial_interventions.values_list("intervention__name", "intervention__kind"))
    return [i for i in record["interventions"] if (i["name"], i["kind"]) not in known]


def add_interventions(trial, interventions):
    """Link the trial to its interventions, creating the shared Intervention rows it is the first to use."""
    items = {}
    for item in interventions:
        items.setdefault((item["name"], item["kind"]), item)
    if not items:
        return
    Intervention.objects.bulk_create(
        [Intervention(name=name, kind=kind) for name, kind in items], ignore_conflicts=True
    )
    names = {name for name, _ in items}
    shared = {(i.name, i.kind): i for i in Intervention.objects.filter(name__in=names)}
    TrialIntervention.objects.bulk_create(
        TrialIntervention(trial=trial, intervention=shared[key], description=item.get("description") or "")
        for key, item in items.items()
    )


def add_criteria(trial, criteria):
    if not criteria:
        return
    Criterion.objects.bulk_create(
        Criterion(trial=trial, kind=CriterionKind(c["kind"]), text=c["text"], position=c["position"]) for c in criteria
    )
