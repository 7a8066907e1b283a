"""Fill a benchmark database with synthetic head-and-neck trials (never a real catalogue)."""
from django.core.management.base import BaseCommand, CommandError

from catalog.facets import warm_counts
from trials.synthetic_load import RefusedToGenerate, generate


class Command(BaseCommand):
    help = (
        "Generate COUNT synthetic trials with realistic, skewed distributions, for load tests only. "
        "Refuses a database that holds imported trials unless --allow-real-data is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many trials to add.")
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same trials and NCT IDs (default 1).")
        parser.add_argument("--batch-size", type=int, default=5000, help="Trials per COPY transaction.")
        parser.add_argument(
            "--allow-real-data",
            action="store_true",
            help="Add synthetic trials even though the database holds imported ones.",
        )

    def handle(self, *args, count, seed, batch_size, allow_real_data, **options):
        if count < 1 or batch_size < 1:
            raise CommandError("--count and --batch-size must be at least 1.")

        def show(progress):
            self.stderr.write(
                f"{progress.done:>9,} / {progress.total:,} trials  {progress.seconds:7.1f} s  "
                f"{progress.rate:,.0f} trials/s"
            )

        try:
            report = generate(count, seed=seed, batch_size=batch_size, allow_real_data=allow_real_data, progress=show)
        except RefusedToGenerate as exc:
            raise CommandError(str(exc)) from None
        warm_counts()  # the home page's counts, for the version the load left
        self.stdout.write(
            f"Generated {report.done:,} synthetic trials (seed {seed}) in {report.seconds:.1f} s, "
            f"{report.rate:,.0f} trials/s."
        )
