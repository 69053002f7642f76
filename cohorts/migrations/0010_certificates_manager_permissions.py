"""Programme managers edit each programme's certificate design in the admin, and may read the
certificates' history, the bulk issue runs and the facilitators' sign-offs."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [
    "add_certificatedesign",
    "change_certificatedesign",
    "delete_certificatedesign",
    "view_certificatedesign",
    "view_certificateevent",
    "view_certificatebulkissue",
    "view_completionsignoff",
]


def grant(apps, schema_editor):
    # Permissions for a new model are normally made after migrate; make them now.
    app_config = apps.get_app_config("cohorts")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="cohorts", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name="programme-manager"):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="programme-manager"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="cohorts", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0009_certificates_design_events_runs"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
