"""Programme managers may read the enrolment audit trail in the admin (and nobody may edit it)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    # Permissions for a new model are normally made after migrate; make them now.
    app_config = apps.get_app_config("cohorts")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(
        content_type__app_label="cohorts", codename="view_enrolmentevent"
    )
    for group in Group.objects.filter(name="programme-manager"):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="programme-manager"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="cohorts", codename="view_enrolmentevent"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0006_enrolment_events_invitations_substitutes"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
