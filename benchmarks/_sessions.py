"""Print a JSON map of username -> session key, for signed-in sessions made directly in the
database (run under the stack's settings by _stack.session_cookies). Staff who need two-factor
get a confirmed authenticator and a session that has passed it, as after a real sign-in."""

import json
import sys

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import (  # noqa: E402
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from accounts.two_factor import two_factor_required  # noqa: E402

# The first backend that can load a signed-in person (django-axes' lockout backend comes first
# and only guards password sign-ins).
BACKEND = next(
    path for path in settings.AUTHENTICATION_BACKENDS if hasattr(import_string(path), "get_user")
)
out = {}
for username in sys.argv[1:]:
    user = get_user_model().objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = BACKEND
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if two_factor_required(user):
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, name="Benchmark", defaults={"confirmed": True}
        )
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    out[username] = session.session_key
print(json.dumps(out))
