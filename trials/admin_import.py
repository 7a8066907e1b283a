"""Staff import in the admin: upload pages, preview each parsed record and its effect, then confirm.

The preview writes nothing. The uploaded bytes travel back with the confirmation as
hidden fields, together with the digest shown in the preview, so what is stored is
exactly what was previewed; each confirmed file is then imported in its own transaction.
"""
import base64
import binascii
import hashlib

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from catalog.facets import warm_counts
from trials.importer import MAX_BYTES
from trials.importer.batch import import_bytes, preview_bytes

MAX_FILES = 200
PERMISSION = "trials.import_trials"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,text/plain"}))
        # An empty page reaches the importer, whose refusal says what to do about it.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Seed files",
        help_text=f"The text copied from a trial's page, one .txt file per page; up to {MAX_FILES} files.",
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(f"{len(files)} files were chosen; import at most {MAX_FILES} at a time.")
        return files


def read_upload(upload):
    """The uploaded bytes, reading at most one byte past the importer's limit so the parser can refuse it."""
    return upload.read(MAX_BYTES + 1)


def encode(raw):
    return base64.b64encode(raw).decode("ascii")


def decode_confirmed(content, digest):
    """The bytes of one confirmed file, or None when they are not what the preview showed."""
    try:
        raw = base64.b64decode(content.encode("ascii"), validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if hashlib.sha256(raw).hexdigest() == digest else None


def import_view(request, model_admin):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied("Importing trials needs the 'Can import trials from seed files' permission.")
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Import trial pages",
        "max_kb": MAX_BYTES // 1024,
    }
    if request.method == "POST" and "confirm" in request.POST:
        return confirm(request, context)

    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        previews = []
        for upload in form.cleaned_data["files"]:
            raw = read_upload(upload)
            result = preview_bytes(raw, upload.name)
            previews.append({"result": result, "content": encode(raw), "sha256": hashlib.sha256(raw).hexdigest()})
        context.update(previews=previews, importable=[p for p in previews if not p["result"].error])
        return TemplateResponse(request, "admin/trials/trial/import_preview.html", context)
    context["form"] = form
    return TemplateResponse(request, "admin/trials/trial/import_upload.html", context)


def confirm(request, context):
    names = request.POST.getlist("name")
    contents = request.POST.getlist("content")
    digests = request.POST.getlist("sha256")
    chosen = set(request.POST.getlist("chosen"))
    if not (len(names) == len(contents) == len(digests)) or not chosen:
        messages.error(request, "No file was chosen to import. Upload the files again.")
        return redirect("admin:trials_trial_import")

    results = []
    for name, content, digest in zip(names, contents, digests):
        if digest not in chosen:
            continue
        raw = decode_confirmed(content, digest)
        if raw is None:
            results.append({"file": name, "error": "The file changed between preview and import; upload it again."})
            continue
        result = import_bytes(raw, name, dry_run=False, user=request.user)
        results.append({"file": name, "error": result.error, "outcome": result.outcome})

    warm_counts()  # the home page's counts, for the version the batch left
    failed = sum(1 for r in results if r["error"])
    level = messages.WARNING if failed else messages.SUCCESS
    messages.add_message(request, level, f"Imported {len(results) - failed} of {len(results)} files.")
    context.update(title="Import results", results=results)
    return TemplateResponse(request, "admin/trials/trial/import_done.html", context)
