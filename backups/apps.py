from django.apps import AppConfig


class BackupsConfig(AppConfig):
    """Backing up the database and the uploaded files that matter, and restoring them."""

    name = "backups"
    label = "backups"
    verbose_name = "Backups"
