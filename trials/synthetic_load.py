"""Load synthetic trials (trials.synthetic) into the catalogue: COPY in batches, then the derived columns in SQL.

Columns are read from the models, so a field added later is filled with its default rather than
breaking the load; the derived columns (drugs, countries, search vector) come from the same
`refresh_derived_fields()` the importer uses, so they stay what the site expects.
"""
import time
from dataclasses import dataclass

from django.apps import apps
from django.db import connection, transaction

from trials.models import Criterion, Intervention, Site, SourceDocument, Trial, TrialIntervention
from trials.synthetic import OTHER_INTERVENTIONS, SYNTHETIC_NCT_PREFIX, TrialFactory, drug_kind, drug_names


class RefusedToGenerate(Exception):
    """The database holds data a synthetic load must not mix with."""


def check_database_is_safe(*, allow_real_data):
    imported = SourceDocument.objects.values("trial").distinct().count()
    if imported and not allow_real_data:
        raise RefusedToGenerate(
            f"This database holds {imported:,} imported trials (trials with source pages): it looks like a real "
            "catalogue, and synthetic trials would be mixed into its search results. Point DATABASE_URL at a "
            "benchmark database, or pass --allow-real-data if mixing them in is really what you want."
        )
    synthetic = Trial.objects.filter(nct_id__startswith=SYNTHETIC_NCT_PREFIX).count()
    if synthetic:
        raise RefusedToGenerate(
            f"This database already holds {synthetic:,} synthetic trials ({SYNTHETIC_NCT_PREFIX}...). "
            "Generate into a fresh database (createdb, then manage.py migrate)."
        )


class CopyTable:
    """COPY rows of a model given as dicts of attnames; fields a row lacks get their model default."""

    def __init__(self, model, given):
        self.table = model._meta.db_table
        self.given, self.constants = [], {}
        for f in model._meta.concrete_fields:
            if getattr(f, "generated", False):
                continue
            if f.attname in given:
                self.given.append(f)
            elif f.primary_key or (f.null and f.get_default() is None):
                continue  # the database fills it: identity, or NULL
            else:
                self.constants[f.column] = f.get_db_prep_save(f.get_default(), connection)
        self.columns = [f.column for f in self.given] + list(self.constants)
        self.constant_values = list(self.constants.values())

    def copy(self, cursor, rows):
        names = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        attnames = [f.attname for f in self.given]
        with cursor.copy(f"COPY {connection.ops.quote_name(self.table)} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row[a] for a in attnames] + self.constant_values)


@dataclass
class Progress:
    done: int
    total: int
    seconds: float

    @property
    def rate(self):
        return self.done / self.seconds if self.seconds else 0.0


def ensure_interventions():
    """The generator's vocabulary as Intervention rows; returns {(name, kind): id}."""
    wanted = [(name, drug_kind(name)) for name in drug_names()]
    wanted += [(name, kind) for kind, names in OTHER_INTERVENTIONS.items() for name in names]
    Intervention.objects.bulk_create([Intervention(name=n, kind=k) for n, k in wanted], ignore_conflicts=True)
    names = {n for n, _ in wanted}
    return {(i.name, i.kind): i.id for i in Intervention.objects.filter(name__in=names)}


def allocate_trial_ids(cursor, count):
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
        [Trial._meta.db_table, count],
    )
    return [row[0] for row in cursor.fetchall()]


def generate(count, *, seed, batch_size=5000, allow_real_data=False, progress=None):
    """Add `count` synthetic trials; calls progress(Progress) after every batch. Returns the last Progress."""
    check_database_is_safe(allow_real_data=allow_real_data)
    factory = TrialFactory(seed)
    intervention_ids = ensure_interventions()
    trial_table = CopyTable(Trial, given={"id", *factory.trial(0).fields})
    site_table = CopyTable(Site, given={"trial_id", "name", "city", "country", "status"})
    use_table = CopyTable(TrialIntervention, given={"trial_id", "intervention_id", "description"})
    criterion_table = CopyTable(Criterion, given={"trial_id", "kind", "position", "text"})

    started = time.monotonic()
    report = Progress(0, count, 0.0)
    for first in range(0, count, batch_size):
        trials = [factory.trial(i) for i in range(first, min(first + batch_size, count))]
        with transaction.atomic(), connection.cursor() as cursor:
            ids = allocate_trial_ids(cursor, len(trials))
            trial_table.copy(cursor, ({"id": pk, **t.fields} for pk, t in zip(ids, trials)))
            site_table.copy(cursor, ({"trial_id": pk, **s} for pk, t in zip(ids, trials) for s in t.sites))
            use_table.copy(cursor, (
                {"trial_id": pk, "intervention_id": intervention_ids[(name, kind)], "description": description}
                for pk, t in zip(ids, trials) for name, kind, description in t.interventions
            ))
            criterion_table.copy(cursor, (
                {"trial_id": pk, "kind": kind, "position": position, "text": text}
                for pk, t in zip(ids, trials) for kind, position, text in t.criteria
            ))
            Trial.objects.filter(pk__in=ids).refresh_derived_fields()
        report = Progress(first + len(trials), count, time.monotonic() - started)
        if progress:
            progress(report)
    analyze()
    return report


def analyze():
    """Fresh planner statistics; VACUUM too (the derived-column pass rewrote every trial) when allowed."""
    tables = [m._meta.db_table for m in apps.get_app_config("trials").get_models()]
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"{command} {connection.ops.quote_name(table)}")
