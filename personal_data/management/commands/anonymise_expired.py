"""Anonymise people whose records ended more than ACADEMY_RETENTION_YEARS ago (for cohorts: their
latest cohort closed that long ago).

Run it daily (cron or a scheduled task). `--dry-run` lists who would be anonymised, changing
nothing.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from personal_data.services import personal_data_anonymise_expired


class Command(BaseCommand):
    help = "Anonymise people past the retention period (ACADEMY_RETENTION_YEARS)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would be anonymised; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        run = personal_data_anonymise_expired(dry_run=dry_run)
        years = settings.ACADEMY_RETENTION_YEARS
        verb = "Would anonymise" if dry_run else "Anonymised"
        for person in run.people:
            self.stdout.write(
                f"{verb} person #{person.pk} (last took part {person.last_activity_on:%d %b %Y})"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {len(run.people)} people who last took part over {years} years ago."
            )
        )
