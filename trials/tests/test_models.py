import pytest
from django.db import IntegrityError, transaction

from trials.models import Intervention, Trial
from trials.tests.builders import make_trial

pytestmark = pytest.mark.django_db


def test_a_second_trial_with_the_same_nct_id_is_refused():
    make_trial(nct_id="NCT01234567")
    with pytest.raises(IntegrityError, match="trial_nct_id_unique"):
        Trial.objects.create(nct_id="NCT01234567", title="Another page of it")


@pytest.mark.parametrize("bad_id", ["NCT123", "nct01234567", "NCTX1234567", "01234567", "NCT0123456A", ""])
def test_an_nct_id_of_the_wrong_shape_is_refused(bad_id):
    with pytest.raises(IntegrityError, match="trial_nct_id_shape"):
        Trial.objects.create(nct_id=bad_id, title="Badly keyed")


@pytest.mark.parametrize(
    "field, value, constraint",
    [
        ("phase", "PHASE5", "trial_phase_known"),
        ("status", "OPEN", "trial_status_known"),
        ("study_type", "RANDOM", "trial_study_type_known"),
        ("sex", "BOTH", "trial_sex_known"),
    ],
)
def test_values_outside_the_contract_enums_are_refused(field, value, constraint):
    with pytest.raises(IntegrityError, match=constraint):
        Trial.objects.create(nct_id="NCT01234567", title="x", **{field: value})


def test_a_minimum_age_above_the_maximum_is_refused():
    with pytest.raises(IntegrityError, match="trial_age_range_ordered"):
        Trial.objects.create(nct_id="NCT01234567", title="x", min_age_years=70, max_age_years=18)


def test_intervention_names_are_lower_case_and_shared():
    with transaction.atomic(), pytest.raises(IntegrityError, match="intervention_name_lower"):
        Intervention.objects.create(name="Pembrolizumab", kind="DRUG")
    make_trial(drugs=["pembrolizumab"])
    make_trial(drugs=["pembrolizumab", "cisplatin"])
    assert Intervention.objects.filter(name="pembrolizumab").count() == 1


def test_derived_columns_follow_the_normalised_rows():
    trial = make_trial(
        title="Pembrolizumab for nasopharyngeal carcinoma",
        conditions=["Nasopharyngeal Carcinoma"],
        countries=["CN"],
        sites=[("Queen Mary Hospital", "Hong Kong", "HK"), ("Samsung Medical Center", "Seoul", "KR")],
        drugs=["pembrolizumab", "cisplatin"],
        criteria=[("INCLUSION", "Histologically confirmed disease")],
    )
    assert trial.drugs == ["cisplatin", "pembrolizumab"]
    assert trial.countries == ["CN", "HK", "KR"]
    assert trial.subsites == ["nasopharynx"]
    matches = Trial.objects.filter(search_vector="histologically")
    assert list(matches) == [trial]


def test_the_migrations_describe_the_models_exactly():
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)  # exits 1 when a migration is missing
