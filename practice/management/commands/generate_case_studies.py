"""`manage.py generate_case_studies`: thousands of case studies for benchmarks, on top of the
demo data (run `load_demo_data` first: the good practice index and organisations come from it).
Refused unless the settings say DEMO_DATA_ALLOWED."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from practice.generate import case_studies_generate
from practice.models import GoodPracticeIndexPage


class Command(BaseCommand):
    help = "Add generated, published case studies under the good practice index."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=2015)

    def handle(self, *args, count, seed, **options):
        if not getattr(settings, "DEMO_DATA_ALLOWED", False):
            raise CommandError("Generated data is not allowed with these settings.")
        index = GoodPracticeIndexPage.objects.first()
        if index is None:
            raise CommandError("No good practice index: run load_demo_data first.")
        ids = case_studies_generate(index=index, count=count, seed=seed)
        self.stdout.write(self.style.SUCCESS(f"{len(ids)} case studies added."))
