"""Run the pipeline over many files: parse each, optionally store it, never let one bad file stop the rest."""
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError

from trials.importer import ImportRejected, parse
from trials.importer.decode import decode


class UsageError(ValueError):
    """A path given to the importer that is neither a file nor a folder."""


def collect_paths(paths):
    """Files to import: each file given, and every *.txt of each folder given, sorted by name."""
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(path.glob("*.txt"), key=lambda p: p.name))
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"{raw}: no such file or folder.")
    return files


@dataclass
class FileResult:
    file: str
    record: dict | None = None
    error: str | None = None
    outcome: object = None  # a store.MergeOutcome when the record was stored

    def as_json(self):
        if self.error:
            return {"source": {"file": self.file}, "error": self.error}
        return self.record


@dataclass
class BatchSummary:
    results: list = field(default_factory=list)

    def count(self, action):
        return sum(1 for r in self.results if r.outcome is not None and r.outcome.action == action)

    @property
    def failed(self):
        return [r for r in self.results if r.error]

    def line(self, dry_run):
        if dry_run:
            parsed = len(self.results) - len(self.failed)
            return f"Parsed {parsed}, failed {len(self.failed)} (dry run: nothing written)."
        return (
            f"Created {self.count('created')}, updated {self.count('updated')}, "
            f"unchanged {self.count('unchanged')}, failed {len(self.failed)}."
        )


def import_bytes(raw, name, *, dry_run, user=None):
    """Parse one file's bytes and, unless dry_run, store it; errors become a FileResult.error."""
    try:
        record = parse(raw, name)
    except ImportRejected as exc:
        return FileResult(file=name, error=str(exc))
    if dry_run:
        return FileResult(file=name, record=record)

    from trials.importer.store import import_record  # the ORM is only needed past a dry run

    try:
        outcome = import_record(record, decode(raw), user=user)
    except DatabaseError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
        return FileResult(file=name, error=f"The database refused this trial, nothing was written: {reason}")
    return FileResult(file=name, record=record, outcome=outcome)


def preview_bytes(raw, name):
    """Parse one file's bytes and say what storing it would change; writes nothing."""
    from trials.importer.store import preview_record

    try:
        record = parse(raw, name)
    except ImportRejected as exc:
        return FileResult(file=name, error=str(exc))
    return FileResult(file=name, record=record, outcome=preview_record(record))


def import_files(files, *, dry_run, progress=None, user=None):
    summary = BatchSummary()
    for index, path in enumerate(files, start=1):
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            result = FileResult(file=Path(path).name, error=f"Could not read the file: {exc.strerror}.")
        else:
            result = import_bytes(raw, Path(path).name, dry_run=dry_run, user=user)
        summary.results.append(result)
        if progress:
            progress(index, len(files), result)
    return summary
