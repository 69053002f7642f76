from django.apps import AppConfig


class SchedulerConfig(AppConfig):
    """The one entry point for everything timed: each app registers its periodic jobs through
    the `register_scheduled_jobs` hook, and `manage.py run_scheduled_jobs` runs those due."""

    name = "scheduler"
    label = "scheduler"
    verbose_name = "Scheduled jobs"
    default_auto_field = "django.db.models.BigAutoField"
