from django.apps import AppConfig


class PracticeConfig(AppConfig):
    """The digital good practice database (case studies and resources, searchable by theme,
    sector, place, stage and outcome) and the peer challenge question bank."""

    name = "practice"
    label = "practice"
    verbose_name = "Good practice"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
