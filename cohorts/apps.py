from django.apps import AppConfig


class CohortsConfig(AppConfig):
    """Running a programme: places, organisations, cohorts and their sessions, enrolments,
    attendance, completion rules and certificates."""

    name = "cohorts"
    label = "cohorts"
    verbose_name = "Cohorts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        post_migrate.connect(_reinstall_guards, sender=self)


def _reinstall_guards(sender, using="default", plan=None, **kwargs):
    from django.db import connections

    from .db_guards import install_guards

    connection = connections[using]
    tables = connection.introspection.table_names()
    if "cohorts_cohortsession" in tables and "cohorts_attendancemark" in tables:
        install_guards(connection)
