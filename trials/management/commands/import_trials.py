import json

from django.core.management.base import BaseCommand, CommandError

from catalog.facets import warm_counts
from trials.importer.batch import UsageError, collect_paths, import_files


class Command(BaseCommand):
    help = "Import trial pages (seed files) into the catalogue; a folder imports every *.txt in it."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="a seed file, or a folder of them")
        parser.add_argument("--dry-run", action="store_true", help="parse and validate only; open no database")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print the parsed records as one JSON array")

    def handle(self, *args, paths, dry_run, as_json, verbosity, **options):
        try:
            files = collect_paths(paths)
        except UsageError as exc:
            raise CommandError(str(exc), returncode=2) from None
        if not files:
            raise CommandError("No *.txt files found in the paths given.", returncode=2)

        summary = import_files(files, dry_run=dry_run, progress=self.progress_printer(len(files), verbosity))
        if not dry_run:
            warm_counts()  # the home page's counts, for the version the batch left
        if as_json:
            self.stdout.write(json.dumps([r.as_json() for r in summary.results], ensure_ascii=False, indent=2))
        for failure in summary.failed:
            self.stderr.write(f"Failed: {failure.file}: {failure.error}")
        if verbosity:
            self.stderr.write(summary.line(dry_run))
        if summary.failed:
            raise SystemExit(1)

    def progress_printer(self, total, verbosity):
        every = 1 if verbosity >= 2 or total <= 20 else max(total // 20, 1)

        def report(index, total, result):
            if verbosity == 0 or (index % every and index != total):
                return
            outcome = result.outcome.action if result.outcome else ("failed" if result.error else "parsed")
            nct_id = (result.record or {}).get("nct_id") or ""
            self.stderr.write(f"[{index}/{total}] {result.file}: {outcome} {nct_id}".rstrip())

        return report

