"""Staff import in the admin: upload, preview, confirm, and who may do it."""
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from trials.models import SourceDocument, Trial

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SEED = "001_d06832003ec2be18.txt"
IMPORT_URL = reverse("admin:trials_trial_import")


def seed_upload(name=SEED):
    return SimpleUploadedFile(name, (FIXTURES / name).read_bytes(), content_type="text/plain")


def staff(*permissions):
    user = User.objects.create_user("clerk", password="a long passphrase", is_staff=True)
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


@pytest.fixture
def importer_client(client):
    client.force_login(staff("import_trials", "view_trial", "change_trial"))
    return client


def test_upload_shows_a_preview_and_writes_nothing(importer_client):
    empty = SimpleUploadedFile("empty.txt", b"", content_type="text/plain")
    page = importer_client.post(IMPORT_URL, {"files": [seed_upload(), empty]})
    assert page.status_code == 200
    html = page.content.decode()
    assert "NCT07129772" in html and "a new trial" in html
    assert "Perioperative Chemotherapy and Immunotherapy" in html
    assert "empty.txt" in html and "Cannot be imported" in html
    assert 'value="Import 1 file"' in html
    assert not Trial.objects.exists()


def test_confirming_the_preview_imports_the_chosen_files(importer_client):
    preview = importer_client.post(IMPORT_URL, {"files": [seed_upload()]})
    form = preview.context["previews"][0]
    done = importer_client.post(IMPORT_URL, {
        "confirm": "1", "name": SEED, "content": form["content"], "sha256": form["sha256"], "chosen": form["sha256"],
    })
    assert done.status_code == 200
    assert "Created: NCT07129772" in done.content.decode()
    source = SourceDocument.objects.get()
    assert source.trial.nct_id == "NCT07129772"
    assert source.imported_by.username == "clerk"


def test_a_known_trial_previews_as_an_update_or_as_nothing_new(importer_client):
    preview = importer_client.post(IMPORT_URL, {"files": [seed_upload()]}).context["previews"][0]
    importer_client.post(IMPORT_URL, {"confirm": "1", "name": SEED, "content": preview["content"],
                                      "sha256": preview["sha256"], "chosen": preview["sha256"]})
    again = importer_client.post(IMPORT_URL, {"files": [seed_upload()]})
    assert "this page adds nothing new" in again.content.decode()


def test_tampered_content_is_refused_at_confirmation(importer_client):
    preview = importer_client.post(IMPORT_URL, {"files": [seed_upload()]}).context["previews"][0]
    done = importer_client.post(IMPORT_URL, {"confirm": "1", "name": SEED, "content": "aGVsbG8=",
                                             "sha256": preview["sha256"], "chosen": preview["sha256"]})
    assert "The file changed between preview and import" in done.content.decode()
    assert not Trial.objects.exists()


def test_staff_without_the_import_permission_are_refused(client):
    client.force_login(staff("view_trial", "change_trial"))
    assert client.get(IMPORT_URL).status_code == 403
    assert client.post(IMPORT_URL, {"files": [seed_upload()]}).status_code == 403
    changelist = client.get(reverse("admin:trials_trial_changelist"))
    assert "Import trial pages" not in changelist.content.decode()
    assert not Trial.objects.exists()


def test_the_import_link_is_offered_to_those_who_may_import(importer_client):
    changelist = importer_client.get(reverse("admin:trials_trial_changelist"))
    assert "Import trial pages" in changelist.content.decode()
    assert importer_client.get(IMPORT_URL).status_code == 200
