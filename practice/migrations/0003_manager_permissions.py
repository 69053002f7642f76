"""Programme managers keep the themes and the question bank in the admin, and may read the
proposals and question sets (which only the site's own forms write)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [
    *[f"{action}_{model}" for model in ("theme", "lineofenquiry") for action in ("add", "change", "delete", "view")],
    "view_casestudyproposal",
    "view_questionset",
]


def grant(apps, schema_editor):
    # Permissions for new models are normally made after migrate; make them now.
    app_config = apps.get_app_config("practice")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    managers, _ = Group.objects.get_or_create(name="programme-manager")
    managers.permissions.add(
        *Permission.objects.filter(content_type__app_label="practice", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="programme-manager"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="practice", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0002_themes"),
        ("cohorts", "0004_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
