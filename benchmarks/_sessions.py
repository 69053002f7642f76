"""Print a JSON map of username -> session key, for signed-in sessions made directly in the
database (run under the stack's settings by _stack.session_cookies). Staff who need a second
factor get an authenticator app and a session that has confirmed it, as after a real sign-in."""

import base64
import json
import secrets
import sys
import time

import django

django.setup()

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY  # noqa: E402
from allauth.mfa.models import Authenticator  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import (  # noqa: E402
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402

from accounts.second_factor import second_factor_required  # noqa: E402
from accounts.sessions import LAST_SEEN_KEY, STAFF_KEY  # noqa: E402

out = {}
for username in sys.argv[1:]:
    user = get_user_model().objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[LAST_SEEN_KEY] = int(time.time())
    if second_factor_required(user):
        session[STAFF_KEY] = True
        authenticator, _ = Authenticator.objects.get_or_create(
            user=user,
            type=Authenticator.Type.TOTP,
            defaults={"data": {"secret": base64.b32encode(secrets.token_bytes(20)).decode()}},
        )
        session[AUTHENTICATION_METHODS_SESSION_KEY] = [
            {"method": "mfa", "at": time.time(), "id": authenticator.pk, "type": "totp"}
        ]
        # allauth keeps the records only for the person they were made for.
        session["account_authentication_methods_user"] = str(user.pk)
    session.create()
    out[username] = session.session_key
print(json.dumps(out))
