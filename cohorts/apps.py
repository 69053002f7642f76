from django.apps import AppConfig


class CohortsConfig(AppConfig):
    """Running a programme: places, organisations, cohorts and their sessions, enrolments,
    attendance, completion rules and certificates."""

    name = "cohorts"
    label = "cohorts"
    verbose_name = "Cohorts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate, pre_migrate

        pre_migrate.connect(_lift_sqlite_guards, sender=self)
        post_migrate.connect(_install_guards, sender=self)


# SQLite rebuilds a table to alter it, and a trigger that names a table mid-rebuild breaks the
# migration: lift the SQLite guards while migrating, and put them back afterwards.
def _lift_sqlite_guards(sender, using="default", **kwargs):
    from django.db import connections

    from .db_guards import remove_guards

    if connections[using].vendor == "sqlite":
        remove_guards(connections[using])


def _install_guards(sender, using="default", **kwargs):
    from django.db import connections

    from .db_guards import install_guards

    connection = connections[using]
    tables = connection.introspection.table_names()
    if {"cohorts_cohort", "cohorts_cohortsession", "cohorts_attendancemark"} <= set(tables):
        install_guards(connection)
