"""A deploy as the cohorts' kept results see it: `migrate`, which sends `post_migrate`."""

from django.apps import apps
from django.db.models.signals import post_migrate


def migrated():
    """Send `post_migrate` for the cohorts app, as `manage.py migrate` does on every deploy."""
    cohorts = apps.get_app_config("cohorts")
    post_migrate.send(
        sender=cohorts,
        app_config=cohorts,
        verbosity=0,
        interactive=False,
        using="default",
        plan=[],
        apps=apps,
    )
