import re
import statistics
from collections import Counter
from io import StringIO

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.management import CommandError, call_command

from trials.importer.subsites import subsites_for
from trials.models import DRUG_KINDS, Intervention, SourceDocument, Trial, TrialIntervention
from trials.synthetic import (
    CONDITIONS,
    MAX_CRITERIA,
    MAX_SITES,
    MIN_CRITERIA,
    MIN_SITES,
    NctNumbering,
    TrialFactory,
    country_codes,
    drug_names,
    site_count_sampler,
)

SUBSITE_OF_CONDITION = {condition: subsite for subsite, names in CONDITIONS.items() for condition in names}


def generate(count, *args):
    err = StringIO()
    call_command("generate_trials", "--count", str(count), *args, stdout=StringIO(), stderr=err)
    return err.getvalue()


def snapshot():
    return [
        (t.nct_id, t.title, t.phase, t.status, t.conditions, t.drugs, t.countries, t.subsites,
         t.sites.count(), t.criteria.count())
        for t in Trial.objects.order_by("nct_id")
    ]


@pytest.fixture(scope="module")
def sample():
    """3,000 trials straight from the generator, enough to see the shapes."""
    factory = TrialFactory(seed=11)
    return [factory.trial(i) for i in range(3000)]


# --- the generator alone ------------------------------------------------------------------------

def test_nct_ids_are_valid_distinct_and_fixed_by_the_seed():
    ids = [NctNumbering(3)(i) for i in range(20_000)]
    assert all(re.fullmatch(r"NCT[0-9]{8}", i) for i in ids)
    assert len(set(ids)) == len(ids)
    assert ids[:50] == [NctNumbering(3)(i) for i in range(50)]
    assert ids[:50] != [NctNumbering(4)(i) for i in range(50)]


def test_a_trial_depends_only_on_the_seed_and_its_index():
    assert TrialFactory(5).trial(41) == TrialFactory(5).trial(41)
    assert TrialFactory(5).trial(41) != TrialFactory(6).trial(41)


def test_site_counts_stay_within_bounds_and_are_mostly_one():
    import random

    sampler, rng = site_count_sampler(), random.Random(1)
    counts = [sampler.draw(rng) for _ in range(100_000)]
    assert MIN_SITES == min(counts) and max(counts) <= MAX_SITES
    assert 0.5 < counts.count(1) / len(counts) < 0.7
    assert max(counts) > 100  # the long tail of large multinational trials is there


def test_trials_have_bounded_skewed_sites_and_criteria(sample):
    sites = [len(t.sites) for t in sample]
    criteria = [len(t.criteria) for t in sample]
    assert MIN_SITES <= min(sites) and max(sites) <= MAX_SITES
    assert statistics.median(sites) == 1 and max(sites) >= 30
    assert MIN_CRITERIA <= min(criteria) and max(criteria) <= MAX_CRITERIA
    assert 10 <= statistics.median(criteria) <= 25
    for t in sample[:200]:
        kinds = Counter(kind for kind, _, _ in t.criteria)
        assert kinds["INCLUSION"] >= 2 and kinds["EXCLUSION"] >= 2
        assert len({(s["name"], s["city"]) for s in t.sites}) == len(t.sites)


def test_drugs_and_countries_have_a_few_common_values_and_a_long_tail(sample):
    drugs = Counter(name for t in sample for name, kind, _ in t.interventions if kind in DRUG_KINDS)
    countries = Counter(site["country"] for t in sample for site in t.sites)
    assert len(drug_names()) == 300 and len(country_codes()) == 120
    top_drug, top_count = drugs.most_common(1)[0]
    assert top_drug == "cisplatin"
    assert top_count > 10 * statistics.median(drugs.values())
    assert countries.most_common(1)[0][0] == "US"
    assert len(countries) > 60  # the tail is reached, rarely


def test_phases_statuses_and_study_types_come_in_registry_like_shares(sample):
    phases = Counter(t.fields["phase"] for t in sample)
    statuses = Counter(t.fields["status"] for t in sample)
    types = Counter(t.fields["study_type"] for t in sample)
    assert statuses.most_common(1)[0][0] == "COMPLETED"
    assert statuses["RECRUITING"] > statuses["WITHDRAWN"] > statuses["SUSPENDED"]
    assert phases["NA"] > phases["PHASE2"] > phases["PHASE3"] > phases["PHASE2_PHASE3"]
    assert 0.7 < types["INTERVENTIONAL"] / len(sample) < 0.85
    # Only interventional trials have a phase, as in the registry.
    assert all(t.fields["phase"] == "" for t in sample if t.fields["study_type"] != "INTERVENTIONAL")


# --- loaded into the database -------------------------------------------------------------------

@pytest.mark.django_db
def test_the_same_seed_loads_the_same_catalogue_whatever_the_batch_size():
    generate(25, "--seed", "9", "--batch-size", "7")
    first = snapshot()
    Trial.objects.all().delete()
    generate(25, "--seed", "9", "--batch-size", "25")
    assert snapshot() == first
    assert len(first) == 25


@pytest.mark.django_db
def test_derived_columns_match_the_rows_they_come_from():
    generate(40, "--seed", "2")
    for trial in Trial.objects.all():
        uses = TrialIntervention.objects.filter(trial=trial).select_related("intervention")
        assert trial.drugs == sorted({u.intervention.name for u in uses if u.intervention.kind in DRUG_KINDS})
        assert trial.countries == sorted(set(trial.sites.values_list("country", flat=True)))
        assert trial.subsites == subsites_for(trial.conditions, trial.title, trial.official_title)
        specific = {SUBSITE_OF_CONDITION[c] for c in trial.conditions} - {"unspecified"}
        assert specific <= set(trial.subsites)
        assert trial.search_vector
    trial = Trial.objects.exclude(drugs=[]).first()
    found = Trial.objects.filter(search_vector=SearchQuery(trial.drugs[0], config="english"))
    assert trial in found
    assert not Trial.objects.filter(search_vector=SearchQuery("appendicitis", config="english")).exists()


@pytest.mark.django_db
def test_progress_and_rate_go_to_stderr():
    err = generate(10, "--batch-size", "5")
    assert re.search(r"5 / 10 trials .* trials/s", err)
    assert re.search(r"10 / 10 trials .* trials/s", err)


@pytest.mark.django_db
def test_a_database_with_imported_trials_is_refused():
    real = Trial.objects.create(nct_id="NCT01234567", title="A real trial")
    cisplatin = Intervention.objects.create(name="cisplatin", kind="DRUG")
    TrialIntervention.objects.create(trial=real, intervention=cisplatin)
    Trial.objects.filter(pk=real.pk).refresh_derived_fields()
    SourceDocument.objects.create(
        trial=real, file_name="page.txt", format="generic", sha256="0" * 64, raw_text="...", record={}
    )
    with pytest.raises(CommandError, match=r"holds 1 imported trials .* --allow-real-data"):
        generate(5)
    assert list(Trial.objects.values_list("nct_id", flat=True)) == ["NCT01234567"]

    generate(5, "--allow-real-data")
    assert Trial.objects.count() == 6
    real.refresh_from_db()
    assert (real.title, real.drugs, real.sites.count()) == ("A real trial", ["cisplatin"], 0)


@pytest.mark.django_db
def test_a_second_load_into_the_same_database_is_refused():
    generate(3)
    with pytest.raises(CommandError, match="already holds 3 synthetic trials"):
        generate(3)
    assert Trial.objects.count() == 3
