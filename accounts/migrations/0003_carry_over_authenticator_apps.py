"""Sign-in moves to django-allauth (issue 17): staff's authenticator apps carry over.

Each confirmed authenticator app (django-otp's TOTP device: 30-second steps, 6 digits, from the
epoch, which is how every device was made) becomes an allauth authenticator with the same
secret, so the app on the person's phone keeps working, plus a fresh set of recovery codes
(shown on My account). Anything else (an unconfirmed device, other settings) is not carried
over: its owner is asked to set up a second factor again at their next sign-in.

The old tables (django-otp's devices, django-axes' sign-in attempt logs, which hold email and IP
addresses) are then dropped with their migration records: those apps are no longer installed.
"""

import base64
import secrets

from django.db import migrations

OLD_TABLES = [
    "otp_totp_totpdevice",
    "otp_static_statictoken",
    "otp_static_staticdevice",
    "axes_accessattempt",
    "axes_accessattemptexpiration",
    "axes_accessfailurelog",
    "axes_accesslog",
]


def carry_over(apps, schema_editor):
    connection = schema_editor.connection
    tables = set(connection.introspection.table_names())
    Authenticator = apps.get_model("mfa", "Authenticator")
    if "otp_totp_totpdevice" in tables:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT user_id, key FROM otp_totp_totpdevice"
                " WHERE confirmed AND step = 30 AND t0 = 0 AND digits = 6 ORDER BY id"
            )
            rows = cursor.fetchall()
        done = set()
        for user_id, key in rows:
            if user_id in done or Authenticator.objects.filter(user_id=user_id, type="totp").exists():
                continue
            secret = base64.b32encode(bytes.fromhex(key)).decode("ascii")
            Authenticator.objects.create(user_id=user_id, type="totp", data={"secret": secret})
            Authenticator.objects.get_or_create(
                user_id=user_id,
                type="recovery_codes",
                defaults={"data": {"seed": secrets.token_hex(40), "used_mask": 0}},
            )
            done.add(user_id)
    with connection.cursor() as cursor:
        for table in OLD_TABLES:
            if table in tables:
                cursor.execute(f"DROP TABLE {connection.ops.quote_name(table)}")
        cursor.execute("DELETE FROM django_migrations WHERE app IN ('otp_totp', 'otp_static', 'django_otp', 'axes')")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_personal_data_erasure_and_access_log"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(carry_over, migrations.RunPython.noop)]
