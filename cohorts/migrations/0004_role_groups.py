"""The four role groups, keyed by untranslated slugs (accounts.roles.Role), and what each may do
in the Wagtail admin. Object-level scoping (which cohorts, which officers) is in querysets."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_SLUGS = ["programme-manager", "facilitator", "nominator", "participant"]

MANAGER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *[
        ("cohorts", f"{action}_{model}")
        for model in ["place", "organisation", "cohort", "enrolment", "completionrule"]
        for action in ["add", "change", "delete", "view"]
    ],
    ("cohorts", "view_certificate"),
    ("accounts", "add_user"),
    ("accounts", "change_user"),
    ("accounts", "view_user"),
    *[(app, f"{action}_{model}") for app, model in [("wagtaildocs", "document"), ("wagtailimages", "image")]
      for action in ["add", "change", "delete", "choose"]],
]
FACILITATOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *[(app, f"{action}_{model}") for app, model in [("wagtaildocs", "document"), ("wagtailimages", "image")]
      for action in ["add", "choose"]],
]
MANAGER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page",
                            "delete_page", "bulk_delete_page"]


def _permissions(apps, pairs):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, codename in pairs:
        try:
            found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        except Permission.DoesNotExist:
            raise LookupError(f"No permission {app_label}.{codename}") from None
    return found


def create_roles(apps, schema_editor):
    # Permissions are normally made after migrate; make them now so the groups can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    groups = {slug: Group.objects.get_or_create(name=slug)[0] for slug in ROLE_SLUGS}
    groups["programme-manager"].permissions.add(*_permissions(apps, MANAGER_PERMISSIONS))
    groups["facilitator"].permissions.add(*_permissions(apps, FACILITATOR_PERMISSIONS))

    # Programme managers may edit and publish every page, from the root down.
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for permission in _permissions(apps, [("wagtailcore", p) for p in MANAGER_PAGE_PERMISSIONS]):
            GroupPagePermission.objects.get_or_create(
                group=groups["programme-manager"], page=root, permission=permission
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_SLUGS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0003_session_and_mark_triggers"),
        ("accounts", "0001_initial"),
        ("modules", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
