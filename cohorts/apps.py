from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate, pre_migrate

from .db_guards import install_guards, remove_guards


class CohortsConfig(AppConfig):
    """Running a programme: places, organisations, cohorts and their sessions, enrolments,
    attendance, completion rules and certificates."""

    name = "cohorts"
    label = "cohorts"
    verbose_name = "Cohorts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from accounts.admin_scoping import ScopedPermissionPolicy

        from . import record_versions, signals
        from .viewsets import READ_ONLY_MODELS, SCOPED_MODELS, ReadOnlyPermissionPolicy

        pre_migrate.connect(_lift_sqlite_guards, sender=self)
        post_migrate.connect(_install_guards, sender=self)
        # Keep each programme's editors group in step with its cohorts' facilitators.
        signals.connect()
        # Say when a cohort's record changes, for what is kept under its version.
        record_versions.connect()
        # Records only the services may write are read-only in the admin (as Wagtail's redirects
        # app registers its policy here, not at import time in wagtail_hooks).
        for model in READ_ONLY_MODELS:
            register_permission_policy(model, ReadOnlyPermissionPolicy(model))
        for model in SCOPED_MODELS:
            register_permission_policy(model, ScopedPermissionPolicy(model))


# SQLite rebuilds a table to alter it, and a trigger that names a table mid-rebuild breaks the
# migration: lift the SQLite guards while migrating, and put them back afterwards.
def _lift_sqlite_guards(sender, using="default", **kwargs):
    if connections[using].vendor == "sqlite":
        remove_guards(connections[using])


def _install_guards(sender, using="default", **kwargs):
    connection = connections[using]
    tables = connection.introspection.table_names()
    if {"cohorts_cohort", "cohorts_cohortsession", "cohorts_attendancemark"} <= set(tables):
        install_guards(connection)
