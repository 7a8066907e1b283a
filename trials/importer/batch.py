"""Run the pipeline over many files: parse each, optionally store it, never let one bad file stop the rest."""
from concurrent.futures import ThreadPoolExecutor
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


def parse_or_refuse(raw, name):
    """The record parsed from one file's bytes, or a FileResult saying why it cannot be imported."""
    try:
        return parse(raw, name)
    except ImportRejected as exc:
        return FileResult(file=name, error=str(exc))


def import_bytes(raw, name, *, dry_run, user=None):
    """Parse one file's bytes and, unless dry_run, store it; errors become a FileResult.error."""
    parsed = parse_or_refuse(raw, name)
    if isinstance(parsed, FileResult):
        return parsed
    if dry_run:
        return FileResult(file=name, record=parsed)
    return store_parsed(parsed, raw, name, user=user)


def store_parsed(record, raw, name, *, user=None):
    """Store one parsed record; a refusal of the database becomes a FileResult.error."""
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

    parsed = parse_or_refuse(raw, name)
    if isinstance(parsed, FileResult):
        return parsed
    return FileResult(file=name, record=parsed, outcome=preview_record(parsed))


def read_and_parse(path):
    """(file name, bytes, record), or (file name, bytes or None, FileResult saying why it cannot be imported)."""
    name = Path(path).name
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return name, None, FileResult(file=name, error=f"Could not read the file: {exc.strerror}.")
    return name, raw, parse_or_refuse(raw, name)


def import_files(files, *, dry_run, progress=None, user=None):
    """Parse and store `files` in order. The next file is parsed in a second thread while the current
    one is stored, so parsing (pure Python, no database) runs while the database works."""
    summary = BatchSummary()
    files = list(files)
    with ThreadPoolExecutor(max_workers=1) as parser:
        ahead = {}

        def parse_ahead(index):
            if index < len(files):
                ahead[index] = parser.submit(read_and_parse, files[index])

        parse_ahead(0)
        for index in range(len(files)):
            parse_ahead(index + 1)
            name, raw, parsed = ahead.pop(index).result()
            if isinstance(parsed, FileResult):
                result = parsed
            elif dry_run:
                result = FileResult(file=name, record=parsed)
            else:
                result = store_parsed(parsed, raw, name, user=user)
            summary.results.append(result)
            if progress:
                progress(index + 1, len(files), result)
    return summary
