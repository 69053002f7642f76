# PersonalDataAccess moved to the personal_data app (personal_data 0001), keeping its table:
# only Django's idea of which app owns it changes here; the database is left as it is.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_personal_data_erasure_and_access_log"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PersonalDataAccess")],
            database_operations=[],
        ),
    ]
