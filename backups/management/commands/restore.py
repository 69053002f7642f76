from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, Database, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup folder into an empty database (--database-url, or the configured one) "
        "and into a new media folder (--media-root, or the configured storage). It never "
        "overwrites: the database must have no tables and no file may exist already."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="The backup folder (from manage.py backup).")
        parser.add_argument("--database-url", default="", help="Where to restore the database.")
        parser.add_argument("--media-root", default="", help="Where to restore the files.")

    def handle(self, *args, **options):
        url = options["database_url"]
        database = Database.from_url(url) if url else Database.from_alias("default")
        try:
            backup_restore(
                source=options["source"],
                database=database,
                media_root=options["media_root"] or None,
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        media = options["media_root"] or settings.MEDIA_ROOT
        self.stdout.write(f"Restored {options['source']} into {database.name} and {media}.")
