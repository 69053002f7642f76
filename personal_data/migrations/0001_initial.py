# PersonalDataAccess moved here from accounts (accounts 0003), keeping its table
# accounts_personaldataaccess: the model enters this app's state, the database is left as it is,
# and its content type (so any permissions on it) follows it.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label="accounts", model="personaldataaccess")
    if ContentType.objects.filter(app_label="personal_data", model="personaldataaccess").exists():
        old.delete()
    else:
        old.update(app_label="personal_data")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="personal_data", model="personaldataaccess").update(
        app_label="accounts"
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("accounts", "0003_move_personal_data_access"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PersonalDataAccess",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "action",
                            models.CharField(
                                choices=[
                                    ("viewed", "Viewed"),
                                    ("exported", "Exported"),
                                    ("erased", "Erased"),
                                ],
                                max_length=10,
                            ),
                        ),
                        ("description", models.CharField(max_length=300)),
                        (
                            "object_key",
                            models.CharField(blank=True, db_index=True, max_length=100),
                        ),
                        (
                            "at",
                            models.DateTimeField(
                                db_index=True, default=django.utils.timezone.now
                            ),
                        ),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "subject",
                            models.ForeignKey(
                                blank=True,
                                help_text="The one person whose data it was, when it was one person's.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "personal data access",
                        "verbose_name_plural": "personal data access log",
                        "ordering": ["-at", "-pk"],
                        "db_table": "accounts_personaldataaccess",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, restore_content_type),
    ]
