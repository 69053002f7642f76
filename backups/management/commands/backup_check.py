from django.core.management.base import BaseCommand, CommandError

from backups.archive import backup_check


class Command(BaseCommand):
    help = (
        "Check that this site's database and files match a backup's manifest: every table's "
        "row count and every file's SHA-256. Exits non-zero listing the differences."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="The backup folder (from manage.py backup).")
        parser.add_argument("--media-root", default="", help="The restored media folder.")

    def handle(self, *args, **options):
        differences = backup_check(
            source=options["source"], media_root=options["media_root"] or None
        )
        if differences:
            raise CommandError("The restore does not match the backup:\n" + "\n".join(differences))
        self.stdout.write("The restore matches the backup: every table and every file.")
