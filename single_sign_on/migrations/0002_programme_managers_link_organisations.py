"""Programme managers link organisations to their identity providers in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [f"{action}_identityprovider" for action in ("add", "change", "delete", "view")]


def grant(apps, schema_editor):
    # Permissions for a new model are normally made after migrate; make them now.
    app_config = apps.get_app_config("single_sign_on")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="single_sign_on", codename__in=CODENAMES
    )
    managers, _ = Group.objects.get_or_create(name="programme-manager")
    managers.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="programme-manager"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="single_sign_on", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("single_sign_on", "0001_initial"),
        ("cohorts", "0004_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
