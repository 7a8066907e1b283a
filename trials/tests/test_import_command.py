"""The import_trials command: contract output, bad files reported, the catalogue never half-written."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from trials.models import SourceDocument, Trial

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
SEED = (FIXTURES / "001_d06832003ec2be18.txt").read_bytes()
OTHER_SEED = (FIXTURES / "003_9a581662e1896f81.txt").read_bytes()


def run_command(*args, env=None):
    environ = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "manage.py", "import_trials", *map(str, args)], cwd=ROOT,
                          env=environ, capture_output=True, text=True, timeout=120)


def bad_files(folder):
    """One file per kind of input the importer must refuse, with a good page among them."""
    text = SEED.decode("utf-8")
    pages = {
        "01_good.txt": SEED,
        "02_empty.txt": b"",
        "03_pdf.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + bytes(range(256)) * 4,
        "04_html.txt": b"<!DOCTYPE html><html><head><title>NCT07129772</title></head><body><div>"
                       + SEED[:400] + b"</div></body></html>",
        "05_no_id.txt": text.replace("NCT07129772", "").encode("utf-8"),
        "06_two_ids.txt": ("Trial NCT07129772 and trial NCT05549466 compared\nPhase 2\nRecruiting\n"
                           "NCT ID: NCT07129772\nNCT ID: NCT05549466\n").encode("utf-8"),
        "07_truncated.txt": b"NCT07129772\n",
        "08_too_big.txt": SEED + b"\n" + b"x" * (3 * 1024 * 1024),
    }
    for name, raw in pages.items():
        (folder / name).write_bytes(raw)
    return pages


def test_a_dry_run_opens_no_database_and_prints_contract_records_in_order(tmp_path):
    (tmp_path / "b.txt").write_bytes(SEED)
    (tmp_path / "a.txt").write_bytes(OTHER_SEED)
    (tmp_path / "notes.md").write_text("not a page")
    unreachable = {"DATABASE_URL": "postgres://postgres@127.0.0.1:1/nowhere"}
    done = run_command("--dry-run", "--json", tmp_path, env=unreachable)
    assert done.returncode == 0, done.stderr
    records = json.loads(done.stdout)
    assert [r["source"]["file"] for r in records] == ["a.txt", "b.txt"]
    assert [r["nct_id"] for r in records] == ["NCT06145308", "NCT07129772"]
    assert "Parsed 2, failed 0" in done.stderr


@pytest.mark.django_db
def test_bad_files_get_a_clear_error_and_the_rest_still_go_through(tmp_path, capsys):
    bad_files(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        call_command("import_trials", str(tmp_path), "--json")
    assert exit_.value.code == 1
    out, err = capsys.readouterr()
    by_file = {r["source"]["file"]: r for r in json.loads(out)}
    assert by_file["01_good.txt"]["nct_id"] == "NCT07129772"
    for name in ("02_empty.txt", "03_pdf.txt", "04_html.txt", "05_no_id.txt", "06_two_ids.txt",
                 "07_truncated.txt", "08_too_big.txt"):
        error = by_file[name].get("error")
        assert error and error.endswith(".") and len(error) > 20, (name, error)
    assert "Created 1, updated 0, unchanged 0, failed 7." in err
    assert list(Trial.objects.values_list("nct_id", flat=True)) == ["NCT07129772"]
    assert SourceDocument.objects.count() == 1


@pytest.mark.django_db
def test_text_in_other_encodings_is_decoded_not_refused(tmp_path, capsys):
    text = SEED.decode("utf-8").replace("Carcinoma", "Carcinoma — Pokfulam, Hong Kong")
    (tmp_path / "latin1.txt").write_bytes(text.replace("—", "-").encode("latin-1", errors="replace"))
    (tmp_path / "utf16.txt").write_bytes(OTHER_SEED.decode("utf-8").encode("utf-16"))
    call_command("import_trials", str(tmp_path), "--json")
    records = json.loads(capsys.readouterr().out)
    assert [r.get("nct_id") for r in records] == ["NCT07129772", "NCT06145308"]
    assert Trial.objects.count() == 2


@pytest.mark.django_db
def test_reimporting_the_fixtures_reports_them_unchanged(capsys):
    call_command("import_trials", str(FIXTURES))
    assert "Created 5, updated 0, unchanged 0, failed 0." in capsys.readouterr().err
    call_command("import_trials", str(FIXTURES))
    assert "Created 0, updated 0, unchanged 5, failed 0." in capsys.readouterr().err
    assert SourceDocument.objects.count() == 5


def test_a_path_that_does_not_exist_is_a_usage_error():
    with pytest.raises(CommandError, match="no such file or folder") as error:
        call_command("import_trials", "--dry-run", "/nonexistent/pages")
    assert error.value.returncode == 2
