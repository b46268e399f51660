"""Generate the scale data set: many museums and activities around the world, for benchmarks."""

from django.core.management.base import BaseCommand, CommandError

from museion.demo.scale import clear_scale_data, generate_scale_data, scale_signature


class Command(BaseCommand):
    help = (
        "Create a large, deterministic set of museums and Museum Day activities "
        "(external ids starting with 'scale:'). --reset deletes earlier scale data first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--museums", type=int, default=40_000)
        parser.add_argument("--activities", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the scale museums and their activities before generating.",
        )

    def handle(self, *args, museums, activities, seed, reset, verbosity, **options):
        if museums < 1 or activities < 0:
            raise CommandError("--museums must be 1 or more and --activities 0 or more.")
        existing = scale_signature()
        if existing and not reset:
            raise CommandError(
                f"Scale data is already loaded ({existing['museums']} museums, "
                f"{existing['activities']} activities, seed {existing['seed']}). "
                "Run again with --reset to replace it."
            )
        if existing:
            deleted_activities, deleted_museums = clear_scale_data()
            self.stdout.write(
                f"Deleted {deleted_museums} scale museums and {deleted_activities} activities."
            )
        log = self.stdout.write if verbosity > 1 else (lambda message: None)
        summary = generate_scale_data(museums=museums, activities=activities, seed=seed, log=log)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {summary.museums} museums and {summary.activities} activities "
                f"({summary.published} published) in {summary.seconds:.1f} s."
            )
        )
