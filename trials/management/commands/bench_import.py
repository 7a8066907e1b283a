"""Files per second for parsing alone and for a full import into a throwaway database."""
import re
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from trials.importer import parse
from trials.importer.batch import collect_paths, import_files

NCT_ID = re.compile(rb"NCT\d{8}")


def renumbered_pages(sources, count):
    """`count` pages cycled from `sources`, each with its trial's NCT IDs rewritten so every page is a new trial."""
    pages = []
    for index in range(count):
        raw = sources[index % len(sources)].read_bytes()
        mapping = {}

        def fresh(match):
            return mapping.setdefault(match.group(), b"NCT%08d" % (60_000_000 + index * 10 + len(mapping)))

        pages.append((f"{index:05d}_{sources[index % len(sources)].name}", NCT_ID.sub(fresh, raw)))
    return pages


class Command(BaseCommand):
    help = (
        "Benchmark the importer: parse N pages made from the given folders (default: fixtures/), "
        "then import them into a throwaway test database that is dropped afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", default=[str(settings.BASE_DIR / "fixtures")])
        parser.add_argument("--count", type=int, default=300, help="pages to make (default 300)")
        parser.add_argument("--parse-only", action="store_true")

    def handle(self, *args, paths, count, parse_only, **options):
        sources = collect_paths(paths)
        if not sources:
            raise CommandError("No *.txt pages found in the paths given.", returncode=2)
        pages = renumbered_pages(sources, count)
        self.stdout.write(f"{count} pages made from {len(sources)} source files")

        started = time.perf_counter()
        for name, raw in pages:
            parse(raw, name)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"parse only:  {count / elapsed:8.1f} files/s  ({elapsed:.2f} s, one core)")
        if parse_only:
            return

        with tempfile.TemporaryDirectory() as folder:
            for name, raw in pages:
                Path(folder, name).write_bytes(raw)
            files = collect_paths([folder])
            test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
            try:
                started = time.perf_counter()
                summary = import_files(files, dry_run=False)
                elapsed = time.perf_counter() - started
                again = time.perf_counter()
                repeat = import_files(files, dry_run=False)
                elapsed_again = time.perf_counter() - again
            finally:
                connection.creation.destroy_test_db(test_db, verbosity=0)
        self.stdout.write(f"full import: {count / elapsed:8.1f} files/s  ({elapsed:.2f} s; {summary.line(False)})")
        self.stdout.write(
            f"re-import:   {count / elapsed_again:8.1f} files/s  ({elapsed_again:.2f} s; {repeat.line(False)})"
        )
