import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from trials.models import CatalogueVersion, Intervention, Trial
from trials.tests.builders import make_trial

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    user = User.objects.create_superuser("editor", "editor@example.org", "a long passphrase")
    client.force_login(user)
    return client


def test_trial_list_shows_trials_and_finds_them_by_acronym(staff_client):
    make_trial(nct_id="NCT07211139", title="Multi-omics profiling", acronym="HARMONI", status="RECRUITING")
    make_trial(nct_id="NCT07129772", title="Perioperative chemotherapy")
    page = staff_client.get(reverse("admin:trials_trial_changelist"), {"q": "HARMONI"})
    assert page.status_code == 200
    assert b"NCT07211139" in page.content
    assert b"NCT07129772" not in page.content


def test_trial_page_renders_with_its_inlines(staff_client):
    trial = make_trial(sites=[("Queen Mary Hospital", "Hong Kong", "HK")], drugs=["cisplatin"],
                       criteria=[("INCLUSION", "Age 18 or over")])
    page = staff_client.get(reverse("admin:trials_trial_change", args=[trial.pk]))
    assert page.status_code == 200
    for text in (b"Queen Mary Hospital", b"cisplatin", b"Age 18 or over", b"clinicaltrials.gov/study/"):
        assert text in page.content


@pytest.mark.parametrize("name", ["trials_trial_add", "trials_intervention_changelist", "trials_sourcedocument_changelist"])
def test_other_staff_pages_render(staff_client, name):
    assert staff_client.get(reverse(f"admin:{name}")).status_code == 200


def test_an_admin_edit_marks_the_field_as_edited_and_refreshes_facets(staff_client):
    trial = make_trial(title="Old title", drugs=["cisplatin"])
    url = reverse("admin:trials_trial_change", args=[trial.pk])
    form = staff_client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(title="Corrected title", conditions="Oropharyngeal Cancer")
    for prefix, total in (("sites", 0), ("trial_interventions", 1), ("criteria", 0), ("sources", 0)):
        data.update({f"{prefix}-TOTAL_FORMS": total, f"{prefix}-INITIAL_FORMS": total})
    ti = trial.trial_interventions.get()
    data.update({"trial_interventions-0-id": ti.pk, "trial_interventions-0-trial": trial.pk,
                 "trial_interventions-0-intervention": ti.intervention_id, "trial_interventions-0-description": ""})
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    trial = Trial.objects.get(pk=trial.pk)
    assert trial.title == "Corrected title"
    assert {"title", "conditions"} <= set(trial.edited_fields)
    assert trial.subsites == ["oropharynx"]


def test_pages_are_closed_to_anonymous_visitors(client):
    response = client.get(reverse("admin:trials_trial_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_renaming_an_intervention_refreshes_its_trials_and_the_catalogue_version(staff_client):
    trial = make_trial(drugs=["cisplatinum"])
    other = make_trial(drugs=["nivolumab"])
    before = CatalogueVersion.current()
    intervention = Intervention.objects.get(name="cisplatinum")
    response = staff_client.post(
        reverse("admin:trials_intervention_change", args=[intervention.pk]), {"name": "cisplatin", "kind": "DRUG"}
    )
    assert response.status_code == 302
    trial.refresh_from_db()
    other.refresh_from_db()
    assert trial.drugs == ["cisplatin"]
    assert other.drugs == ["nivolumab"]
    assert CatalogueVersion.current() != before
