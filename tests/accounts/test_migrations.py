"""Upgrading: staff's authenticator apps from the old two-factor (django-otp) keep working under
django-allauth, and the old sign-in tables (with email and IP addresses) are dropped."""

import importlib
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import validate_totp_code
from django.apps import apps
from django.db import connection

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

carry_over = importlib.import_module(
    "accounts.migrations.0003_carry_over_authenticator_apps"
).carry_over


def old_totp(key_hex, at):
    """django-otp's code for a device key (hex), 30-second steps, 6 digits."""
    import hashlib
    import hmac
    import struct

    counter = struct.pack(">Q", int(at) // 30)
    digest = hmac.new(bytes.fromhex(key_hex), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 10**6:06d}"


def test_a_staff_members_authenticator_app_keeps_working():
    confirmed, unconfirmed = UserFactory(facilitator=True), UserFactory(facilitator=True)
    key = "3132333435363738393031323334353637383930"
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE otp_totp_totpdevice (id integer PRIMARY KEY, user_id integer,"
            " name varchar(64), confirmed bool, key varchar(80), step smallint, t0 bigint,"
            " digits smallint, tolerance smallint, drift smallint, last_t bigint)"
        )
        cursor.execute(
            "INSERT INTO otp_totp_totpdevice VALUES"
            " (1, %s, 'Authenticator app', true, %s, 30, 0, 6, 1, 0, -1),"
            " (2, %s, 'Authenticator app', false, %s, 30, 0, 6, 1, 0, -1)",
            [confirmed.pk, key, unconfirmed.pk, key],
        )

    class Editor:
        pass

    editor = Editor()
    editor.connection = connection
    carry_over(apps, editor)

    app = Authenticator.objects.get(user=confirmed, type=Authenticator.Type.TOTP)
    now = time.time()
    assert validate_totp_code(app.data["secret"], old_totp(key, now))
    assert Authenticator.objects.filter(user=confirmed, type="recovery_codes").exists()
    # Someone who never finished setting up is asked to set up again.
    assert not Authenticator.objects.filter(user=unconfirmed).exists()
    assert "otp_totp_totpdevice" not in connection.introspection.table_names()
