"""Programme managers word each programme's capabilities and scale in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [
    "add_capabilitywording",
    "change_capabilitywording",
    "delete_capabilitywording",
    "view_capabilitywording",
]


def grant(apps, schema_editor):
    # Permissions for a new model are normally made after migrate; make them now.
    app_config = apps.get_app_config("impact")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="impact", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name="programme-manager"):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="programme-manager"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="impact", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("impact", "0001_initial"),
        # The role groups.
        ("cohorts", "0004_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
