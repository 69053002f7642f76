"""What happens around signing in that django-allauth does not do itself."""

from allauth.account.signals import password_changed, password_reset, password_set
from allauth.mfa.signals import authenticator_added
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .second_factor import second_factor_enrolled
from .services import sessions_end_others
from .sessions import session_started


@receiver(user_logged_in, dispatch_uid="accounts.session_started")
def _session_started(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        session_started(request, user)


@receiver(password_changed, dispatch_uid="accounts.password_changed")
@receiver(password_set, dispatch_uid="accounts.password_set")
@receiver(password_reset, dispatch_uid="accounts.password_reset")
def _sign_out_everywhere_else(sender, request, user, **kwargs):
    """A new password signs the person out on every other device (their old sessions carry
    the old password's hash, so Django would refuse them anyway; this removes them at once)."""
    keep = request.session.session_key if request is not None and user == request.user else None
    sessions_end_others(person=user, keep_session_key=keep)


@receiver(authenticator_added, dispatch_uid="accounts.authenticator_added")
def _second_factor_added(sender, request, user, **kwargs):
    second_factor_enrolled(request, user)
