from django.db import migrations

from cohorts.db_guards import install_guards, remove_guards


def forward(apps, schema_editor):
    # On SQLite the guards are installed after every migrate instead (see cohorts/apps.py),
    # because SQLite rebuilds tables on ALTER and triggers would break the rebuild.
    if schema_editor.connection.vendor == "postgresql":
        install_guards(schema_editor.connection)


def backward(apps, schema_editor):
    remove_guards(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("cohorts", "0002_initial")]

    operations = [migrations.RunPython(forward, backward)]
