from django.apps import AppConfig


class ImpactConfig(AppConfig):
    """Evidence of impact: the programme dashboard, participants' self-assessment on the six
    capabilities of digital leadership, and feedback on each cohort session."""

    name = "impact"
    label = "impact"
    verbose_name = "Evidence of impact"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import versions

        versions.connect()
