"""Wagtail's default "Moderators" and "Editors" groups go (issue 15): they held publish and edit
rights at the root of the page tree, outside the academy's four roles. Any approval task that
asked them asks the programme managers instead (the academy's own approval workflow already
does); their members keep their roles from the academy's own groups."""

from django.db import migrations

DEFAULT_GROUPS = ["Moderators", "Editors"]


def remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    defaults = Group.objects.filter(name__in=DEFAULT_GROUPS)
    if not defaults.exists():
        return
    managers, _ = Group.objects.get_or_create(name="programme-manager")
    for task in GroupApprovalTask.objects.filter(groups__in=defaults).distinct():
        task.groups.add(managers)
    defaults.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_carry_over_authenticator_apps"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
