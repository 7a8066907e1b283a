"""Small builders of test data: a valid trial, a contract record."""
import hashlib
import itertools

from trials.models import Criterion, Intervention, Site, Trial, TrialIntervention

_numbers = itertools.count(1)


def next_nct_id():
    return f"NCT{90000000 + next(_numbers):08d}"


def make_trial(*, sites=(), drugs=(), criteria=(), **fields):
    """A saved trial; sites are (name, city, country) tuples, drugs generic names, criteria (kind, text)."""
    fields.setdefault("nct_id", next_nct_id())
    fields.setdefault("title", "A trial of something for head and neck cancer")
    trial = Trial.objects.create(**fields)
    Site.objects.bulk_create(Site(trial=trial, name=n, city=c, country=k) for n, c, k in sites)
    for name in drugs:
        intervention, _ = Intervention.objects.get_or_create(name=name, kind="DRUG")
        TrialIntervention.objects.create(trial=trial, intervention=intervention)
    positions = {"INCLUSION": 0, "EXCLUSION": 0}
    for kind, text in criteria:
        positions[kind] += 1
        Criterion.objects.create(trial=trial, kind=kind, text=text, position=positions[kind])
    trial.refresh_derived_fields()
    return trial


def make_record(**fields):
    """A contract record as the parser produces it, every key present."""
    file = fields.pop("file", "page.txt")
    record = {
        "source": {"file": file, "format": "generic", "sha256": hashlib.sha256(file.encode()).hexdigest()},
        "nct_id": fields.pop("nct_id", None) or next_nct_id(),
        "title": "A trial of something for head and neck cancer",
        "official_title": None,
        "acronym": None,
        "phase": None,
        "status": None,
        "study_type": None,
        "enrollment": None,
        "min_age_years": None,
        "max_age_years": None,
        "sex": None,
        "start_date": None,
        "completion_date": None,
        "conditions": [],
        "sponsor": None,
        "collaborators": [],
        "countries": [],
        "sites": [],
        "interventions": [],
        "criteria": [],
        "summary": None,
        "related_nct_ids": [],
        "warnings": [],
    }
    record.update(fields)
    return record
