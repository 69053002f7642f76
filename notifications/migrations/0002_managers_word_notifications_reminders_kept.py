"""Programme managers word each programme's notifications in the admin; and the session
reminders already sent (until now recorded by cohorts.SessionReminder) become notifications,
so no reminder is sent twice across the upgrade."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [
    "add_notificationwording",
    "change_notificationwording",
    "delete_notificationwording",
    "view_notificationwording",
]


def grant(apps, schema_editor):
    # Permissions for a new model are normally made after migrate; make them now.
    app_config = apps.get_app_config("notifications")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="notifications", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name="programme-manager"):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="programme-manager"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="notifications", codename__in=CODENAMES
            )
        )


def keep_reminders(apps, schema_editor):
    SessionReminder = apps.get_model("cohorts", "SessionReminder")
    Notification = apps.get_model("notifications", "Notification")
    rows = SessionReminder.objects.select_related(
        "enrolment__participant", "session__cohort"
    ).iterator(chunk_size=1000)
    batch = []
    for reminder in rows:
        person = reminder.enrolment.participant
        batch.append(
            Notification(
                kind="session-reminder",
                key=f"{reminder.kind}:{reminder.session_id}",
                recipient_id=person.pk,
                about_id=person.pk,
                programme_id=reminder.session.cohort.programme_id,
                to_email=person.email,
                status="sent" if reminder.sent_at else "failed",
                attempts=1,
                created_at=reminder.created_at,
                sent_at=reminder.sent_at,
            )
        )
        if len(batch) >= 1000:
            Notification.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    Notification.objects.bulk_create(batch, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("cohorts", "0011_calendar_feeds_reminders_sequence"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(grant, revoke),
        migrations.RunPython(keep_reminders, migrations.RunPython.noop),
    ]
