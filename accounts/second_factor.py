"""Multi-factor authentication for the people who can see others' personal data.

Programme managers and facilitators (and superusers) must confirm a second factor in each
session before any page or the admin: an authenticator app (TOTP), a passkey or security key
(WebAuthn) or a recovery code, all kept by django-allauth's `mfa` app. ACADEMY_REQUIRE_MFA turns
the requirement off (dev). Anyone may add a second factor on My account.

Two rules allauth does not have live here:
- The first second factor of an account is confirmed by a code emailed to the account, so a
  stolen password alone cannot attach the thief's authenticator.
- Someone who signed in through an organisation whose identity provider enforces MFA itself is
  not asked again (accounts.organisation_sign_in asks single_sign_on through a hook).
"""

import secrets
import time

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.core import ratelimit
from allauth.mfa.models import Authenticator
from allauth.mfa.stages import AuthenticateStage as AllauthAuthenticateStage
from django.conf import settings
from django.db import transaction
from django.utils.crypto import constant_time_compare, salted_hmac

from .organisation_sign_in import provider_enforces_second_factor
from .roles import is_facilitator, is_programme_manager
from .services import email_address_current_confirm
from .tasks import email_queue

EMAIL_CODE_MINUTES = 10
EMAIL_CODE_ATTEMPTS = 5
# How long a confirmed email code lets the person add their first second factor (allauth's own
# window for a fresh proof of identity, ACCOUNT_REAUTHENTICATION_TIMEOUT, is the same).
EMAIL_PROOF_MINUTES = 10

_CODE_KEY = "academy_second_factor_email_code"
_PROOF_KEY = "academy_second_factor_email_proved"
_ENROLLED_KEY = "academy_second_factor_enrolled"


def second_factor_required(user):
    """Whether this person must confirm a second factor before they use the site."""
    if not getattr(settings, "ACADEMY_REQUIRE_MFA", True):
        return False
    if not user.is_authenticated:
        return False
    return user.is_superuser or is_programme_manager(user) or is_facilitator(user)


def has_second_factor(user):
    """An authenticator app, passkey or security key (recovery codes only back those up)."""
    return (
        Authenticator.objects.filter(user=user)
        .exclude(type=Authenticator.Type.RECOVERY_CODES)
        .exists()
    )


def _signed_in_through_enforcing_provider(records):
    return any(
        record.get("method") == "socialaccount"
        and provider_enforces_second_factor(record.get("provider"))
        for record in records
    )


def session_has_second_factor(request, user):
    """Whether this session has confirmed a second factor: at sign-in or since (allauth's
    records), by setting one up just now, or through an identity provider that enforces MFA."""
    records = get_authentication_records(request, user)
    if any(record.get("method") == "mfa" for record in records):
        return True
    if request.session.get(_ENROLLED_KEY) == str(user.pk):
        return True
    return _signed_in_through_enforcing_provider(records)


def second_factor_enrolled(request, user):
    """Called when a second factor is added: setting it up proved the person holds it."""
    request.session[_ENROLLED_KEY] = str(user.pk)


class AuthenticateStage(AllauthAuthenticateStage):
    """allauth's "enter your code" step at sign-in, skipped for a sign-in through an
    organisation's identity provider that enforces MFA itself."""

    def _should_handle(self, request):
        if self.login.user is not None and _signed_in_through_enforcing_provider(
            get_authentication_records(request, self.login.user)
        ):
            return False
        return super()._should_handle(request)


# --- The emailed code before a first second factor ---------------------------------------------


def _digest(user, code):
    return salted_hmac("academy.second_factor.email_code", f"{user.pk}:{code}").hexdigest()


def second_factor_email_code_send(*, request, user):
    """Email a six-digit code to the account's address (from a background task). False when
    too many have been asked for (ACCOUNT_RATE_LIMITS "second_factor_email_code")."""
    if not ratelimit.consume(request, action="second_factor_email_code", user=user):
        return False
    code = f"{secrets.randbelow(10**6):06d}"
    request.session[_CODE_KEY] = {
        "user": str(user.pk),
        "digest": _digest(user, code),
        "expires": time.time() + EMAIL_CODE_MINUTES * 60,
        "attempts": 0,
    }
    email_queue(
        template_prefix="accounts/emails/second_factor_code",
        to=user.email,
        context={"code": code, "minutes": EMAIL_CODE_MINUTES, "person": user},
    )
    return True


def second_factor_email_code_pending(request, user):
    pending = request.session.get(_CODE_KEY)
    return bool(pending and pending.get("user") == str(user.pk))


@transaction.atomic
def second_factor_email_code_check(*, request, user, code):
    """True if `code` is the one just emailed: the address is then confirmed (allauth asks for
    a confirmed address before any second factor) and the person may add their first one.
    A code works once, for ten minutes, and five wrong tries use it up."""
    pending = request.session.get(_CODE_KEY)
    if not pending or pending.get("user") != str(user.pk):
        return False
    if time.time() > pending["expires"] or pending["attempts"] >= EMAIL_CODE_ATTEMPTS:
        request.session.pop(_CODE_KEY, None)
        return False
    if not constant_time_compare(pending["digest"], _digest(user, code.strip())):
        pending["attempts"] += 1
        request.session[_CODE_KEY] = pending
        return False
    request.session.pop(_CODE_KEY, None)
    request.session[_PROOF_KEY] = {"user": str(user.pk), "at": time.time()}
    # The code is a fresh proof of identity for allauth too, so adding the authenticator next
    # does not ask for the password again.
    record_authentication(request, user, "code", email=user.email, reauthenticated=True)
    email_address_current_confirm(person=user)
    return True


def second_factor_email_recently_confirmed(request, user):
    proof = request.session.get(_PROOF_KEY)
    return bool(
        proof
        and proof.get("user") == str(user.pk)
        and time.time() - proof["at"] < EMAIL_PROOF_MINUTES * 60
    )
