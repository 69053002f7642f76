"""Two-factor authentication for the people who can see everyone's personal data: programme
managers and facilitators confirm a six-digit code from an authenticator app (TOTP, through
django-otp) after their password, once per sign-in. `ACADEMY_REQUIRE_2FA` turns it off (dev)."""

from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from .roles import is_facilitator, is_programme_manager

DEVICE_NAME = "Authenticator app"


def two_factor_required(user):
    """Whether this person must confirm a code before they use the site (and the admin)."""
    if not getattr(settings, "ACADEMY_REQUIRE_2FA", True):
        return False
    return is_programme_manager(user) or is_facilitator(user)


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


@transaction.atomic
def totp_device_start(*, user):
    """The unconfirmed authenticator the person is setting up (one at a time, made once so the
    QR code stays the same if they reload the page)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice(user=user, name=DEVICE_NAME, confirmed=False)
        device.full_clean()
        device.save()
    return device


def totp_device_confirm(*, device, token):
    """Confirm a new authenticator with its first code. True if the code was right."""
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def totp_secret(device):
    """The secret as the base-32 text an app accepts when the QR code cannot be scanned."""
    return b32encode(device.bin_key).decode("ascii").rstrip("=")


def totp_qr_svg(device):
    return segno.make(device.config_url, error="m").svg_inline(
        scale=4, title="QR code for your authenticator app"
    )
