"""Codes for allauth's authenticators, as a person's app would show them."""

import base64
import secrets
import time

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value


def totp_code(secret, at=None):
    return format_hotp_value(hotp_value(secret, int(at or time.time()) // 30))


def add_authenticator_app(user):
    """Give `user` an authenticator app; returns its secret."""
    secret = base64.b32encode(secrets.token_bytes(20)).decode("ascii")
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": secret})
    return secret
