from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the database and every uploaded file (documents, certificate PDFs, images) "
        "into a new folder under --to."
    )

    def add_arguments(self, parser):
        parser.add_argument("--to", required=True, help="The folder to write the backup under.")

    def handle(self, *args, **options):
        try:
            folder = backup_create(destination=options["to"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(folder))
